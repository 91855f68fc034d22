/**
 * Maps the assembler's complaints about inline asm back to the source. Takes
 * llc's stderr and the table of asm source lines built while lowering (every
 * inline-asm call carries `!srcloc` with one cookie per template line; llc
 * prints `note: !srcloc = N` after each `<inline asm>:L:C: error: ...`), and
 * produces one LW4102 diagnostic per rejected line, at that `.lw`/`.ts`
 * line, or null when the failure was not about inline asm. Also maps the
 * linker's "undefined reference to `X'" back to the asm line naming X
 * (LW4103): a word in asm that is no register, label, variable or function.
 */
import type { Diagnostic, Span } from "../diagnostics/diagnostics.ts";
import { LW_ASM_REJECTED, LW_ASM_UNDEFINED } from "./codes.ts";

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
    const word = new RegExp(`(^|[^\\w.$])${name.replace(/[.$]/g, "\\$&")}($|[^\\w.$])`);
    const k = asmTexts.findIndex((t) => word.test(t));
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
