/**
 * Validation of extended-asm constraints and clobbers against what the
 * target's assembler and the lowering understand. Takes the checked operand
 * lists of one asm statement, reports LW2044 at the operand's own span, and
 * returns whether everything is usable. Without it a typo such as `"=q!"` or
 * a clobber `"rxa"` would reach LLVM (a crash or a silently ignored clobber).
 *
 * Accepted shapes: outputs `=` or `+`, an optional `&` (early clobber), then
 * constraint letters or one `{register}`; inputs letters, one `{register}`
 * or the number of an output held in a register (`"0"`); clobbers a
 * register name, `memory` or `cc`.
 */
import type { AsmOperand, Expr } from "../checked.ts";
import { Code } from "./codes.ts";
import type { Checker } from "./state.ts";

const X86_OUT = "rqQabcdSDmgxAlRX";
const X86_IN = X86_OUT + "inIJKLMNeZo";
const ARM_OUT = "rwmgQ";
const ARM_IN = ARM_OUT + "inIJKLMN";

const X86_GPR = ["rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp", ...Array.from({ length: 8 }, (_, i) => `r${i + 8}`)];
const X86_NAMES = new Set([
  ...X86_GPR,
  "eax", "ebx", "ecx", "edx", "esi", "edi", "ebp", "esp", "ax", "bx", "cx", "dx", "si", "di", "bp", "sp",
  "al", "bl", "cl", "dl", "ah", "bh", "ch", "dh", "sil", "dil", "bpl", "spl",
  ...Array.from({ length: 8 }, (_, i) => [`r${i + 8}d`, `r${i + 8}w`, `r${i + 8}b`]).flat(),
  ...Array.from({ length: 32 }, (_, i) => [`xmm${i}`, `ymm${i}`, `zmm${i}`]).flat(),
  ...Array.from({ length: 8 }, (_, i) => [`st(${i})`, `mm${i}`, `k${i}`]).flat(),
  "st", "flags", "eflags", "dirflag", "fpsr", "fpcr",
]);

function isRegister(ctx: Checker, name: string): boolean {
  const n = name.toLowerCase();
  if (ctx.target === "x86_64") return X86_NAMES.has(n);
  return /^([xw]([0-9]|[12][0-9]|30)|[vqdsbh]([0-9]|[12][0-9]|3[01])|sp|lr|fp|xzr|wzr|nzcv)$/.test(n);
}

function isConstant(e: Expr): boolean {
  if (e.kind === "const") return true;
  return e.kind === "convert" && isConstant((e as { operand: Expr }).operand);
}

/** Reports every bad constraint or clobber of one asm statement; true when all are fine. */
export function checkConstraints(ctx: Checker, outputs: AsmOperand[], inputs: AsmOperand[], clobbers: string[], clobberSpan: AsmOperand["span"]): boolean {
  const x86 = ctx.target === "x86_64";
  let ok = true;
  const bad = (what: string, span: AsmOperand["span"], help: string): void => {
    ctx.diags.error(Code.BadConstraint, what, span, help);
    ok = false;
  };
  const letters = (body: string, allowed: string): boolean => body.length > 0 && [...body].every((c) => allowed.includes(c));
  const registerOk = (body: string): boolean | null => {
    const m = /^\{([^{}]+)\}$/.exec(body);
    return m ? isRegister(ctx, m[1]) : null;
  };
  const letterHelp = x86
    ? "use r (any register), m (memory), a/b/c/d/S/D (rax..rdi), {reg} (a named register), i (a constant input) or g"
    : "use r (any register), m (memory), w (a SIMD register), {reg} (a named register), i (a constant input) or g";

  const direct: boolean[] = [];
  for (const o of outputs) {
    const c = o.constraint.replace(/\s/g, "");
    const m = /^([=+])(&?)(.*)$/.exec(c);
    if (!m) {
      bad(`the asm output constraint "${o.constraint}" must start with '=' (write-only) or '+' (read-write)`, o.span, 'write "=r"(x) or "+r"(x)');
      direct.push(false);
      continue;
    }
    const reg = registerOk(m[3]);
    if (reg === false) bad(`unknown register in the asm constraint "${o.constraint}"`, o.span, x86 ? 'write e.g. "={rax}"' : 'write e.g. "={x0}"');
    else if (reg === null && !letters(m[3], x86 ? X86_OUT : ARM_OUT)) bad(`invalid asm output constraint "${o.constraint}"`, o.span, letterHelp);
    direct.push(!(m[3].includes("m") && !/[rgq]/.test(m[3])));
  }
  for (const i of inputs) {
    const c = i.constraint.replace(/\s/g, "");
    if (/^[0-9]+$/.test(c)) {
      const n = Number(c);
      if (n >= outputs.length || !direct[n]) {
        bad(`the asm input constraint "${i.constraint}" must name an output held in a register (0..${outputs.length - 1})`, i.span,
          "a matching constraint ties this input to that output's register");
      }
      continue;
    }
    const reg = registerOk(c);
    if (reg === false) bad(`unknown register in the asm constraint "${i.constraint}"`, i.span, x86 ? 'write e.g. "{rdi}"' : 'write e.g. "{x0}"');
    else if (reg === null && !letters(c, x86 ? X86_IN : ARM_IN)) bad(`invalid asm input constraint "${i.constraint}"`, i.span, letterHelp);
    else if (reg === null && /^[inIJKLMNeZ]+$/.test(c) && i.expr && !isConstant(i.expr)) {
      bad(`the asm input constraint "${i.constraint}" needs a constant value`, i.span, 'use "r" for a value known only at run time');
    }
  }
  for (const c of clobbers) {
    const name = c.trim().replace(/^%/, "").toLowerCase();
    if (name === "memory" || name === "cc") continue;
    if (!isRegister(ctx, name)) {
      bad(`unknown register '${c}' in the asm clobber list`, clobberSpan,
        x86 ? 'clobbers are register names (rax, rcx, xmm0, ...), "cc" (the flags) or "memory"' : 'clobbers are register names (x0..x30, v0..v31), "cc" or "memory"');
    }
  }
  return ok;
}
