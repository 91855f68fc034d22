/**
 * Inline assembly and CPU register names. The checker only resolves what
 * the asm text refers to: extended operands (outputs are places, inputs
 * expressions) and, in a plain block, the locals and globals named where an
 * operand goes (they must live in memory). It detects the syntax (AT&T
 * when the text uses `%reg` or `$imm`) and leaves the text itself to the
 * low-level lowering. Asm needs an unsafe region (optional in a naked fn).
 */
import type * as syn from "../syntax.ts";
import type { AsmOperand, AsmStmt, Global, Local } from "../checked.ts";
import { typeToString } from "../types.ts";
import { Code } from "./codes.ts";
import { defaultLiteral, untypedValue } from "./consts.ts";
import { lookupValue } from "./names.ts";
import { checkPlace, ensureGlobal, markAddressTaken, requireUnsafe } from "./places.ts";
import type { Checker } from "./state.ts";
import { checkExpr } from "./expr.ts";
import { checkConstraints } from "./asm-constraints.ts";

const X86_REGISTERS = new Set([
  "rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
]);
const X86_ALL = new Set([
  ...X86_REGISTERS,
  "eax", "ebx", "ecx", "edx", "esi", "edi", "ebp", "esp", "ax", "bx", "cx", "dx", "si", "di", "bp", "sp",
  "al", "bl", "cl", "dl", "ah", "bh", "ch", "dh", "sil", "dil", "bpl", "spl", "rip",
  ...Array.from({ length: 8 }, (_, i) => [`r${i + 8}d`, `r${i + 8}w`, `r${i + 8}b`]).flat(),
  "byte", "word", "dword", "qword", "ptr", "offset", "rel",
]);

/** aarch64 register names and operand keywords (shifts, extends, condition codes) never name variables. */
const ARM_WORDS = /^([xwvqdshb]([0-9]|[12][0-9]|3[01])|sp|wsp|xzr|wzr|lr|fp|pc|nzcv|lsl|lsr|asr|ror|[us]xt[bhwx]|eq|ne|cs|hs|cc|lo|mi|pl|vs|vc|hi|ls|ge|lt|gt|le|al|nv)$/i;

/** The canonical name of a register variable's register, or null when unknown for the target. */
export function registerName(ctx: Checker, name: string): string | null {
  const n = name.toLowerCase();
  if (ctx.target === "x86_64") return X86_REGISTERS.has(n) ? n : null;
  return /^x([0-9]|[12][0-9]|30)$/.test(n) ? n : null;
}

/** Size-suffixed integer mnemonics that only AT&T spells with operands (`movq $1, $0`). */
const ATT_SUFFIXED = /^(mov|add|sub|and|or|xor|cmp|test|lea|inc|dec|neg|not|shl|shr|sar|sal|rol|ror|imul|mul|div|idiv|push|pop|xchg|adc|sbb|bswap|popcnt|lzcnt|tzcnt|bsf|bsr|bt|cmov[a-z]+|set[a-z]+|movz[bw]|movs[bw])[bwlq]$/i;

/**
 * AT&T when the text uses `%reg`, an `$imm` immediate or `$$` (a literal
 * `$`, which only an AT&T immediate needs). In an extended block `$N` below
 * the operand count is an operand reference, not an immediate (and `%N`
 * likewise is not a register). A block whose only operands are `$N`/`%N`
 * references is AT&T when it uses a size-suffixed mnemonic (`movq $1, $0`)
 * and names no bare register.
 */
function detectSyntax(lines: string[], operandCount: number): "intel" | "att" {
  const text = lines.join("\n").replace(/"(\\.|[^"\\])*"/g, "");
  if (/%[a-z]/i.test(text)) return "att";
  for (const m of text.matchAll(/\$(\$|0x[0-9a-f]+|-?[0-9]+)/gi)) {
    if (m[1] === "$") return "att";
    if (/^[0-9]+$/.test(m[1]) && Number(m[1]) < operandCount) continue;
    return "att";
  }
  let suffixed = false;
  for (const raw of text.split("\n")) {
    const line = raw.replace(/^\s*[A-Za-z_.$][\w.$]*\s*:/, "").trim();
    const m = /^([A-Za-z][\w]*)\s+(.*)$/.exec(line);
    if (!m) continue;
    for (const w of m[2].matchAll(/(?<![\w$%.])[A-Za-z_]\w*/g)) if (X86_ALL.has(w[0].toLowerCase()) || /^[xyz]mm[0-9]+$/i.test(w[0])) return "intel";
    if (ATT_SUFFIXED.test(m[1])) suffixed = true;
  }
  return suffixed ? "att" : "intel";
}

export function checkAsm(ctx: Checker, s: syn.AsmStmt): AsmStmt | null {
  if (!ctx.fn) return null;
  requireUnsafe(ctx, s.span, "`asm`");
  // The assembler takes text: a NUL or other control byte would reach llc as a failure, not a diagnostic.
  const bad = s.lines.findIndex((l) => /[\x00-\x08\x0b-\x1f\x7f]/.test(l));
  if (bad >= 0) {
    ctx.diags.error(Code.AsmControlChar, "asm text contains a control character (such as a NUL byte)", s.lineSpans?.[bad] ?? s.span,
      "write bytes with a directive instead, e.g. `.byte 0`");
    return null;
  }
  const outputs: AsmOperand[] = [];
  const inputs: AsmOperand[] = [];
  for (const o of s.outputs) {
    const r = checkPlace(ctx, o.expr, "write");
    if (!r) continue;
    if (r.root.kind === "local") {
      const b = r.root.binding;
      if (b.info.deferred) ctx.fn.flow.assigned.add(b.local);
    }
    outputs.push({ constraint: o.constraint, place: r.place, span: o.span });
    if (r.pre.length > 0) {
      ctx.diags.error(Code.NotAssignable, "an asm output must be a variable, field, element or `*p`", o.expr.span);
    }
  }
  for (const i of s.inputs) {
    const u = untypedValue(ctx, i.expr);
    const x = u !== null ? defaultLiteral(ctx, u, i.expr.span) : checkExpr(ctx, i.expr, null);
    if (x.type.kind === "struct" || x.type.kind === "array" || x.type.kind === "void") {
      ctx.diags.error(Code.TypeMismatch, `an asm input must be a scalar, found ${typeToString(x.type)}`, i.expr.span);
      continue;
    }
    inputs.push({ constraint: i.constraint, expr: x, span: i.span });
  }
  if (s.extended) {
    if (ctx.fn.decl.naked) {
      ctx.diags.error(Code.NakedBody, "asm in a naked function cannot have operand lists", s.span,
        "a naked function has no frame to hold operands: read parameters from their registers (rdi, rsi, ...) and leave the result in rax");
    }
    checkConstraints(ctx, outputs, inputs, s.clobbers, s.span);
  }
  const namedLocals = new Map<string, Local | Global>();
  const symbols = new Map<string, string>();
  collectNamed(ctx, s.lines, namedLocals, symbols, s.extended);
  const registers = s.extended ? [] : registersInScope(ctx);
  return {
    kind: "asm", lines: s.lines, syntax: detectSyntax(s.lines, s.extended ? s.outputs.length + s.inputs.length : 0), outputs, inputs, clobbers: s.clobbers,
    extended: s.extended, namedLocals, lineSpans: s.lineSpans, symbols, registers, span: s.span,
  };
}

/**
 * Register variables visible at a plain block, innermost first, one per
 * register: the block sees their values in their registers and may change
 * them, so after it they count as assigned.
 */
function registersInScope(ctx: Checker): Local[] {
  const out: Local[] = [];
  const seen = new Set<string>();
  for (const name of ctx.fn!.scope.names()) {
    const b = ctx.fn!.scope.lookup(name);
    if (b?.kind !== "local" || !b.local.register || seen.has(b.local.register) || out.includes(b.local)) continue;
    seen.add(b.local.register);
    out.push(b.local);
    ctx.fn!.flow.assigned.add(b.local);
  }
  return out;
}

/**
 * Names in operand position (not registers, labels or mnemonics): locals
 * and globals of a plain block become memory operands (`out`); functions
 * (any block) and globals in a naked function are referred to by symbol
 * (`symbols`), and keep that symbol in the output.
 */
function collectNamed(ctx: Checker, lines: string[], out: Map<string, Local | Global>, symbols: Map<string, string>, extended: boolean): void {
  const labels = new Set<string>();
  for (const line of lines) {
    const m = /^\s*([A-Za-z_.$][\w.$]*)\s*:/.exec(line);
    if (m) labels.add(m[1]);
  }
  const naked = ctx.fn!.decl.naked;
  for (const raw of lines) {
    let line = raw.replace(/"(\\.|[^"\\])*"/g, "").replace(/^\s*[A-Za-z_.$][\w.$]*\s*:/, "").trim();
    if (line === "" || line.startsWith(".")) continue;
    line = line.replace(/^[A-Za-z_][\w.]*/, ""); // the mnemonic
    for (const m of line.matchAll(/(?<![\w$%.])[A-Za-z_]\w*/g)) {
      const name = m[0];
      if (labels.has(name) || out.has(name) || symbols.has(name)) continue;
      if (ctx.target === "x86_64" ? X86_ALL.has(name.toLowerCase()) : ARM_WORDS.test(name)) continue;
      const found = lookupValue(ctx, name);
      if (found?.kind === "fn") {
        found.func.asmReferenced = true;
        symbols.set(name, found.func.symbol);
      } else if (extended) {
        continue;
      } else if (found?.kind === "local") {
        if (naked && found.local.isParam) continue;
        markAddressTaken(ctx, found);
        ctx.fn!.flow.assigned.add(found.local);
        out.set(name, found.local);
      } else if (found?.kind === "global") {
        const g = ensureGlobal(ctx, found);
        if (naked) {
          g.asmReferenced = true;
          symbols.set(name, g.symbol);
        } else out.set(name, g);
      }
    }
  }
}
