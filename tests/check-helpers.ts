/**
 * Helpers for the checker tests: parse a `.lw` snippet with the real front
 * end, run the checker, and describe each diagnostic as `CODE@line:col`.
 */
import { Diagnostics, SourceMap, type Diagnostic } from "../diagnostics/diagnostics.ts";
import { parseLw } from "../lw/parse.ts";
import { check } from "../ir/check/check.ts";
import type { Program } from "../ir/checked.ts";
import { printProgram } from "../ir/print.ts";
import { validateProgram } from "../ir/check/validate.ts";

export interface CheckResult {
  program: Program | null;
  diags: Diagnostic[];
  /** `CODE@line:col` of every diagnostic, in report order. */
  codes: string[];
  sources: SourceMap;
  text: string;
}

export function checkLw(text: string): CheckResult {
  const sources = new SourceMap();
  const file = sources.add("test.lw", text);
  const diags = new Diagnostics();
  const parsed = parseLw(file, diags, { defines: new Map(), target: "x86_64" });
  const parseErrors = diags.items.filter((d) => d.code.startsWith("LW1") && d.severity === "error");
  if (parseErrors.length > 0) throw new Error(`test source does not parse: ${parseErrors.map((d) => d.code + " " + d.message).join("; ")}`);
  const program = check({ decls: parsed.decls, entryLanguage: "lw" }, diags, { target: "x86_64" });
  if (program) {
    const problems = validateProgram(program);
    if (problems.length > 0) throw new Error(`checked IR violates its guarantees:\n${problems.join("\n")}`);
  }
  const codes = diags.items.map((d) => {
    if (!d.span) return d.code;
    const { line, col } = sources.lineCol(d.span.file, d.span.start);
    return `${d.code}@${line}:${col}`;
  });
  return { program, diags: diags.items, codes, sources, text };
}

/** `line:col` of the `nth` (0-based) occurrence of `needle` in `text`. */
export function posOf(text: string, needle: string, nth = 0): string {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' not found in test source`);
  }
  const before = text.slice(0, at).split("\n");
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

export function printLw(text: string): string {
  const r = checkLw(text);
  if (!r.program) throw new Error(`unexpected errors: ${r.diags.map((d) => d.code + " " + d.message).join("; ")}`);
  return printProgram(r.program);
}
