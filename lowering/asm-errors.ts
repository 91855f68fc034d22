/**
 * Maps the assembler's complaints about inline asm back to the source. Takes
 * llc's stderr and the table of asm source lines built while lowering (every
 * inline-asm call carries `!srcloc` with one cookie per template line; llc
 * prints `note: !srcloc = N` after each `<inline asm>:L:C: error: ...`), and
 * produces one LW4102 diagnostic per rejected line, at that `.lw`/`.ts`
 * line, or null when the failure was not about inline asm. Also maps the
 * linker's "undefined reference to `X'" back to the asm line naming X
 * (LW4103): a word in asm that is no register, label, variable or function.
 * And checks before lowering what the assembler would reject without any
 * location: a numeric label reference (`jmp 1f`, `jne 2b`) that no `N:` of
 * the same block answers in that direction (labels are block-local) —
 * llc's "Undefined temporary symbol .Ltmp0" (LW4102).
 */
import type { Diagnostic, Span } from "../diagnostics/diagnostics.ts";
import type { AsmStmt } from "../ir/checked.ts";
import { LW_ASM_REJECTED, LW_ASM_UNDEFINED } from "./codes.ts";
import { findTool, runTool } from "./tools.ts";

export function asmDiagnostics(stderr: string, asmLines: Span[]): Diagnostic[] | null {
  const lines = stderr.split("\n");
  const out: Diagnostic[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^<inline asm>:\d+:\d+: (error|warning): (.*)$/.exec(lines[i]);
    if (!m) continue;
    // The cookie note follows the quoted line and the caret.
    let cookie = 0;
    for (let k = i + 1; k < Math.min(lines.length, i + 5); k++) {
      const c = /^note: !srcloc = (\d+)/.exec(lines[k]);
      if (c) { cookie = Number(c[1]); break; }
      if (/^<inline asm>:/.test(lines[k])) break;
    }
    const span = cookie > 0 ? asmLines[cookie - 1] : undefined;
    if (m[1] === "warning") continue;
    // One report per source line (a block inlined twice fails twice).
    if (span && out.some((d) => d.span === span && d.message.endsWith(m[2]))) continue;
    const quoted = lines[i + 1]?.trim();
    out.push({
      code: LW_ASM_REJECTED,
      severity: "error",
      message: `the assembler rejected this asm line: ${m[2]}`,
      span,
      notes: span ? undefined : quoted ? [{ message: `in the asm text: ${quoted}` }] : undefined,
      help: "check the instruction's spelling and operands (Intel syntax unless the block uses %reg or $imm)",
    });
  }
  return out.length > 0 ? out : null;
}

/** LW4103 for every undefined symbol the linker names that some asm line mentions, or null. */
export function undefinedSymbolDiagnostics(stderr: string, asmLines: Span[], asmTexts: string[]): Diagnostic[] | null {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const m of stderr.matchAll(/undefined reference to `([^']+)'/g)) {
    const name = m[1];
    if (seen.has(name)) continue;
    seen.add(name);
    const k = asmTexts.findIndex((t) => containsWord(t, name));
    if (k < 0) return null;
    out.push({
      code: LW_ASM_UNDEFINED,
      severity: "error",
      message: `asm refers to '${name}', which is not defined`,
      span: asmLines[k],
      help: "a name in asm must be a register, a label of the same block, a local, parameter or global (plain blocks), a function, or a #define'd constant",
    });
  }
  return out.length > 0 ? out : null;
}

/** Whether `name` occurs in `text` as a whole symbol (plain search: a regex of a 100,000-character name is too large). */
function containsWord(text: string, name: string): boolean {
  const symbolChar = /[\w.$]/;
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
    const before = i > 0 ? text[i - 1] : "";
    const after = text[i + name.length] ?? "";
    if (!symbolChar.test(before) && !symbolChar.test(after)) return true;
  }
  return false;
}

/** LW4102 for each numeric label reference of `s` without a matching `N:` in the block, in its direction. */
export function numericLabelDiagnostics(s: AsmStmt, target: "x86_64" | "aarch64"): Diagnostic[] {
  // Code only: string literals blanked, and on x86-64 the assembler's own `#` comments dropped.
  const code = s.lines.map((line) => {
    const blank = line.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    return target === "x86_64" ? blank.replace(/#.*$/, "") : blank;
  });
  const defined = code.map((line) => {
    const heads = /^\s*(?:(?:[A-Za-z_.][\w.$]*|\d+)\s*:(?!:)\s*)*/.exec(line)![0];
    return new Set([...heads.matchAll(/(\d+)\s*:/g)].map((m) => m[1]));
  });
  const out: Diagnostic[] = [];
  code.forEach((line, k) => {
    for (const m of line.matchAll(/(?<![\w$.#])(\d+)([fb])(?![\w$.])/g)) {
      const [ref, n, dir] = m;
      const found = dir === "f" ? defined.slice(k + 1).some((d) => d.has(n)) : defined.slice(0, k + 1).some((d) => d.has(n));
      if (found) continue;
      out.push({
        code: LW_ASM_REJECTED,
        severity: "error",
        message: `the assembler would reject this asm line: '${ref}' refers to no ${dir === "f" ? "later" : "earlier"} label '${n}:' in this asm block`,
        span: s.lineSpans?.[k] ?? s.span,
        help: "numeric labels are local to their asm block: define the label in the same block",
      });
    }
  });
  return out;
}

/**
 * LLVM 14's assembler aborts on some malformed lines (`mov rax, 6/` in Intel
 * syntax: "SmallVector unable to grow") instead of reporting them. When llc
 * dies by a signal, each asm line is tried alone in llvm-mc (in both
 * syntaxes); a line that makes it die too is the culprit and gets LW4102 at
 * its source line. Only runs on that failure path. Null when no line is found.
 */
export function crashingAsmLineDiagnostics(asmLines: Span[], asmTexts: string[], target: "x86_64" | "aarch64"): Diagnostic[] | null {
  const mc = findTool("llc", ["llvm-mc-14", "/usr/lib/llvm-14/bin/llvm-mc"]);
  if (!mc) return null;
  const triple = target === "x86_64" ? "x86_64-unknown-linux-gnu" : "aarch64-unknown-linux-gnu";
  const prefixes = target === "x86_64" ? [".intel_syntax noprefix\n", ".att_syntax\n"] : [""];
  for (let i = 0; i < asmTexts.length; i++) {
    for (const prefix of prefixes) {
      const r = runTool(mc, [`-triple=${triple}`, "--filetype=null"], Buffer.from(prefix + asmTexts[i] + "\n"));
      if (r.signal) {
        return [{
          code: LW_ASM_REJECTED,
          severity: "error",
          message: "the assembler cannot parse this asm line (LLVM's assembler crashes on it)",
          span: asmLines[i],
          help: "check the operands: an expression may be incomplete (e.g. a trailing operator)",
        }];
      }
    }
  }
  return null;
}
