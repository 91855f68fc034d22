/**
 * Inline assembly, register variables and naked functions. The addon cannot
 * build inline asm, so each asm statement becomes a small `alwaysinline`
 * function in textual IR (`__lw_asm_N`, linked in with the runtime) that the
 * statement calls; after inlining only the asm remains.
 *
 * - Extended blocks: outputs are places passed by address; `=r`-style
 *   outputs are returned by the asm and stored, `+` outputs also feed their
 *   old value in through a tied input, memory outputs (`=m`) are indirect
 *   (`=*m`). Inputs are values (memory inputs go through a stack slot).
 *   Clobbers: `memory`, `cc` (the flags) or register names.
 * - Plain blocks clobber every general-purpose register except the stack
 *   and frame pointers, the flags and memory; the variables they name are
 *   `*m` memory operands.
 * - Register variables live in a stack slot like other locals; every plain
 *   block in their scope receives them in their registers (`{rax}` inputs)
 *   and stores the registers back (`={rax}` outputs), so `let register rax
 *   = 60; ... asm { syscall }` works whatever code runs in between, and the
 *   block's result in rax is readable afterwards. The stack and frame
 *   registers (rsp, rbp; sp, x29, x30) instead read and write the CPU
 *   register directly through empty asm.
 * - A naked function is defined entirely in text: its asm, then a trap.
 */
import llvm from "./llvm.ts";
import type { FunctionContext } from "./function-context.ts";
import type { ModuleContext } from "./module-context.ts";
import type { AsmStmt, Func, Local, Stmt } from "../ir/checked.ts";
import type { Type } from "../ir/types.ts";
import { isAggregate, sizeOf } from "../ir/types.ts";
import { asmTemplate, llvmString } from "./asm-text.ts";
import { placeAddress } from "./lower-place.ts";
import { lowerValue } from "./lower-expr.ts";
import { unsupported } from "./codes.ts";
import { numericLabelDiagnostics } from "./asm-errors.ts";

const X86_PLAIN_CLOBBERS = ["rax", "rbx", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"];
const ARM_PLAIN_CLOBBERS = Array.from({ length: 29 }, (_, i) => `x${i}`).filter((r) => r !== "x18").concat(["x30"]);

/** Scalar types as textual IR: ints by width, bool as a byte, pointers as i8*. */
function scalarText(t: Type): string | null {
  switch (t.kind) {
    case "int": return `i${t.bits}`;
    case "bool": return "i8";
    case "ptr": case "str": case "fn": return "i8*";
    default: return null;
  }
}

function flagsClobbers(m: ModuleContext): string[] {
  return m.target.name === "x86_64" ? ["~{dirflag}", "~{fpsr}", "~{flags}"] : ["~{cc}"];
}

function clobber(m: ModuleContext, c: string): string[] {
  const name = c.trim().replace(/^%/, "").toLowerCase();
  if (name === "memory") return ["~{memory}"];
  if (name === "cc" || name === "flags") return flagsClobbers(m);
  return [`~{${name}}`];
}

interface WrapperParam { text: string; value: llvm.Value; type: llvm.Type }

export function lowerAsm(fx: FunctionContext, s: AsmStmt): void {
  const m = fx.m;
  const types = fx.types;
  const params: WrapperParam[] = [];
  const pre: string[] = [];
  const post: string[] = [];
  const constraints: string[] = [];
  const asmArgs: string[] = [];
  const direct: { text: string; ptr: string }[] = [];
  const tied: { constraint: string; arg: string }[] = [];
  const addParam = (text: string, value: llvm.Value, type: llvm.Type): string => {
    params.push({ text, value, type });
    return `%p${params.length - 1}`;
  };

  const labelErrors = numericLabelDiagnostics(s, m.target.name);
  if (labelErrors.length > 0) {
    m.diagnostics.push(...labelErrors);
    return;
  }
  const named = new Map<string, { index: number; size: number }>();
  // Constraint text goes into textual IR, which must parse (a failed parse
  // kills the process): accept only the shapes this code knows how to emit.
  const bad = badConstraint(s);
  if (bad) {
    m.diagnostics.push(unsupported(`the asm constraint '${bad}'`, s.span));
    return;
  }
  if (s.extended) {
    for (const o of s.outputs) {
      if (!o.place) continue;
      const t = scalarText(o.place.type);
      if (!t) { m.diagnostics.push(unsupported("an aggregate asm output", o.span)); return; }
      const p = addParam("i8*", fx.bytePtr(placeAddress(fx, o.place)), types.i8ptr);
      const typed = `${p}.t`;
      pre.push(`  ${typed} = bitcast i8* ${p} to ${t}*`);
      const c = o.constraint.replace(/\s/g, "");
      const readWrite = c.startsWith("+");
      const body = c.replace(/^[=+]/, "");
      if (/m/.test(body) && !/r/.test(body)) {
        constraints.push(`=*${body.replace(/[&]/g, "")}`);
        asmArgs.push(`${t}* elementtype(${t}) ${typed}`);
      } else {
        const outIndex = constraints.length;
        constraints.push(`=${body}`);
        direct.push({ text: t, ptr: typed });
        if (readWrite) {
          const old = `${p}.old`;
          pre.push(`  ${old} = load ${t}, ${t}* ${typed}`);
          tied.push({ constraint: String(outIndex), arg: `${t} ${old}` });
        }
      }
    }
    for (const i of s.inputs) {
      if (!i.expr) continue;
      const t = scalarText(i.expr.type);
      if (!t) { m.diagnostics.push(unsupported("an aggregate asm input", i.span)); return; }
      let v = lowerValue(fx, i.expr);
      if (i.expr.type.kind === "bool") v = fx.b.CreateZExt(v, types.i8);
      const p = addParam(t, v, types.memory(i.expr.type));
      const c = i.constraint.replace(/\s/g, "");
      if (/m/.test(c) && !/r/.test(c)) {
        const slot = `${p}.slot`;
        pre.push(`  ${slot} = alloca ${t}`, `  store ${t} ${p}, ${t}* ${slot}`);
        constraints.push(`*${c}`);
        asmArgs.push(`${t}* elementtype(${t}) ${slot}`);
      } else {
        constraints.push(c);
        asmArgs.push(`${t} ${p}`);
      }
    }
    for (const t of tied) {
      constraints.push(t.constraint);
      asmArgs.push(t.arg);
    }
    for (const c of s.clobbers) constraints.push(...clobber(m, c));
  } else {
    // Register variables: outputs first (LLVM wants outputs before inputs), tied inputs after the named operands.
    // Without the checker's scope list (hand-built IR), every register variable of the function, one per register.
    const inScope = s.registers ?? fx.func.locals.filter((l, k, all) => l.register && all.findIndex((o) => o.register === l.register) === k);
    const bound = inScope.filter((r) => slotRegister(m, r));
    for (const r of bound) {
      const t = scalarText(r.type) ?? "i64";
      const p = addParam("i8*", fx.bytePtr(placeAddress(fx, { kind: "local", local: r, type: r.type, span: s.span })), types.i8ptr);
      const typed = `${p}.t`;
      pre.push(`  ${typed} = bitcast i8* ${p} to ${t}*`, `  ${p}.old = load ${t}, ${t}* ${typed}`);
      tied.push({ constraint: String(constraints.length), arg: `${t} ${p}.old` });
      constraints.push(`={${r.register}}`);
      direct.push({ text: t, ptr: typed });
    }
    for (const [name, v] of s.namedLocals) {
      const addr = isLocal(v) ? placeAddress(fx, { kind: "local", local: v, type: v.type, span: s.span }) : m.global(v);
      const t = isAggregate(v.type) ? "i8" : scalarText(v.type)!;
      const p = addParam("i8*", fx.bytePtr(addr), types.i8ptr);
      pre.push(`  ${p}.t = bitcast i8* ${p} to ${t}*`);
      named.set(name, { index: constraints.length, size: isAggregate(v.type) ? 0 : sizeOf(v.type) });
      constraints.push("*m");
      asmArgs.push(`${t}* elementtype(${t}) ${p}.t`);
    }
    for (const t of tied) {
      constraints.push(t.constraint);
      asmArgs.push(t.arg);
    }
    const boundNames = new Set(bound.map((r) => r.register));
    const regs = (m.target.name === "x86_64" ? X86_PLAIN_CLOBBERS : ARM_PLAIN_CLOBBERS).filter((r) => !boundNames.has(r));
    constraints.push(...regs.map((r) => `~{${r}}`), ...flagsClobbers(m), "~{memory}");
  }

  const template = asmTemplate(s.lines, {
    extended: s.extended,
    operandCount: s.extended ? s.outputs.length + s.inputs.length : named.size,
    syntax: templateSyntax(m, s),
    named,
    symbols: s.symbols,
  });
  const dialect = s.syntax === "intel" && m.target.name === "x86_64" ? " inteldialect" : "";
  const retType = direct.length === 0 ? "void" : direct.length === 1 ? direct[0].text : `{ ${direct.map((d) => d.text).join(", ")} }`;
  const name = `__lw_asm_${m.fresh()}`;
  const loc = m.srcloc(s, dialect !== "");
  const call = `call ${retType} asm sideeffect${dialect} "${llvmString(template)}", "${llvmString(constraints.join(","))}"(${asmArgs.join(", ")}), ${loc.ref}`;
  if (direct.length === 1) post.push(`  store ${direct[0].text} %r, ${direct[0].text}* ${direct[0].ptr}`);
  if (direct.length > 1) {
    direct.forEach((d, k) => post.push(`  %r.${k} = extractvalue ${retType} %r, ${k}`, `  store ${d.text} %r.${k}, ${d.text}* ${d.ptr}`));
  }
  m.snippets.push([
    `define linkonce_odr void @${name}(${params.map((p, k) => `${p.text} %p${k}`).join(", ")}) alwaysinline nounwind {`,
    ...pre,
    `  ${direct.length === 0 ? "" : "%r = "}${call}`,
    ...post,
    "  ret void",
    "}",
    loc.def,
    "",
  ].join("\n"));
  m.needsInlining = true;
  if (pushesOnStack(m, s)) fx.b.CreateCall(frameCall(m), []);
  const fn = m.declare(name, llvm.FunctionType.get(types.void, params.map((p) => p.type), false));
  fx.b.CreateCall(fn, params.map((p) => p.value));
}

/**
 * x86-64 asm that calls or pushes writes below the stack pointer, where a
 * leaf function keeps locals (the red zone) — and LLVM takes a function
 * whose only call is inside asm for a leaf. A real call (to a function that
 * does nothing) makes it a non-leaf: then nothing lives below rsp.
 */
function pushesOnStack(m: ModuleContext, s: AsmStmt): boolean {
  if (m.target.name !== "x86_64") return false;
  return s.lines.some((l) => /^\s*(?:[A-Za-z_.$][\w.$]*\s*:\s*)?(call[a-z]*|push[a-z]*|enter[a-z]*)\b/i.test(l));
}

function frameCall(m: ModuleContext): llvm.Function {
  const name = "__lw_frame";
  if (!m.hasDeclared(name)) {
    m.snippets.push([
      `define void @${name}() noinline nounwind {`,
      '  call void asm sideeffect "", ""()',
      "  ret void",
      "}",
      "",
    ].join("\n"));
  }
  return m.declare(name, llvm.FunctionType.get(m.types.void, false));
}

/** Intel vs AT&T only exists on x86-64; elsewhere the template is plain (no `qword ptr`, `$` escaped as `$$`). */
function templateSyntax(m: ModuleContext, s: AsmStmt): "intel" | "att" {
  return m.target.name === "x86_64" ? s.syntax : "att";
}

const OUTPUT_RE = /^[=+]&?([a-zA-Z]+|\{[a-z0-9]+\})$/;
const INPUT_RE = /^([a-zA-Z]+|\{[a-z0-9]+\}|[0-9]+)$/;
const CLOBBER_RE = /^%?[a-zA-Z0-9]+$/;

/** The first constraint or clobber of `s` that lowering cannot emit safely, or null. */
function badConstraint(s: AsmStmt): string | null {
  const direct: boolean[] = [];
  for (const o of s.outputs) {
    const c = o.constraint.replace(/\s/g, "");
    if (!OUTPUT_RE.test(c)) return o.constraint;
    const body = c.replace(/^[=+]&?/, "");
    direct.push(!(/m/.test(body) && !/r/.test(body)));
  }
  for (const i of s.inputs) {
    const c = i.constraint.replace(/\s/g, "");
    if (!INPUT_RE.test(c)) return i.constraint;
    // A matching constraint must name a register output.
    if (/^[0-9]+$/.test(c) && !direct[Number(c)]) return i.constraint;
  }
  for (const c of s.clobbers) if (!CLOBBER_RE.test(c.trim())) return c;
  return null;
}

function isLocal(v: Local | import("../ir/checked.ts").Global): v is Local {
  return "isParam" in v;
}

/** Whether register variable `local` lives in a slot bound to plain asm blocks (all but the stack and frame registers). */
export function slotRegister(m: ModuleContext, local: Local): boolean {
  const fixed = m.target.name === "x86_64" ? ["rsp", "rbp"] : ["sp", "x29", "x30"];
  return !fixed.includes(local.register ?? "");
}

/** Reads register variable `local` (its CPU register) as a value of its type. */
function checkRegister(local: Local): void {
  if (!/^[a-z][a-z0-9]*$/.test(local.register ?? "")) throw new Error(`register variable '${local.name}' names '${local.register}'`);
}

export function readRegister(fx: FunctionContext, local: Local): llvm.Value {
  checkRegister(local);
  const t = scalarText(local.type) ?? "i64";
  const name = `__lw_rd_${local.register}_${t.replace("*", "p")}`;
  const fn = registerHelper(fx.m, name, () => [
    `define linkonce_odr ${t} @${name}() alwaysinline nounwind {`,
    `  %r = call ${t} asm sideeffect "", "={${local.register}}"()`,
    `  ret ${t} %r`,
    "}",
    "",
  ].join("\n"), llvm.FunctionType.get(fx.types.memory(local.type), false));
  const v = fx.b.CreateCall(fn, []);
  return local.type.kind === "bool" ? fx.b.CreateICmpNE(v, llvm.ConstantInt.get(fx.types.i8, 0)) : v;
}

/** Writes `value` into register variable `local`'s CPU register. */
export function writeRegister(fx: FunctionContext, local: Local, value: llvm.Value): void {
  checkRegister(local);
  const t = scalarText(local.type) ?? "i64";
  const name = `__lw_wr_${local.register}_${t.replace("*", "p")}`;
  const memTy = fx.types.memory(local.type);
  const fn = registerHelper(fx.m, name, () => [
    `define linkonce_odr void @${name}(${t} %v) alwaysinline nounwind {`,
    `  call void asm sideeffect "", "{${local.register}}"(${t} %v)`,
    "  ret void",
    "}",
    "",
  ].join("\n"), llvm.FunctionType.get(fx.types.void, [memTy], false));
  const v = local.type.kind === "bool" ? fx.b.CreateZExt(value, fx.types.i8) : value;
  fx.b.CreateCall(fn, [v]);
}

function registerHelper(m: ModuleContext, name: string, text: () => string, type: llvm.FunctionType): llvm.Function {
  if (!m.hasDeclared(name)) {
    m.snippets.push(text());
    m.needsInlining = true;
  }
  return m.declare(name, type);
}

/** Text type of a value in a function signature (bool is i1 there). */
function signatureText(t: Type): string {
  if (isAggregate(t)) return "i8*";
  if (t.kind === "void") return "void";
  if (t.kind === "bool") return "i1";
  return scalarText(t)!;
}

/**
 * Defines naked function `f` in text: its asm blocks in order (plain
 * blocks, no operands: parameters stay in their registers), then a trap in
 * case control falls off the end. Declared in the main module for callers.
 */
export function defineNaked(m: ModuleContext, f: Func): llvm.Function | null {
  const asm: AsmStmt[] = [];
  const collect = (stmts: Stmt[]): boolean => stmts.every((st) => {
    if (st.kind === "asm") { asm.push(st); return true; }
    if (st.kind === "block") return collect(st.body);
    return st.kind === "return";
  });
  if (!collect(f.body) || asm.some((a) => a.extended || a.namedLocals.size > 0)) {
    m.diagnostics.push(unsupported(`naked function '${f.name}' with code other than plain asm blocks`, f.span));
    return null;
  }
  const labelErrors = asm.flatMap((a) => numericLabelDiagnostics(a, m.target.name));
  if (labelErrors.length > 0) {
    m.diagnostics.push(...labelErrors);
    return null;
  }
  const params: string[] = [];
  if (isAggregate(f.result)) params.push("i8*");
  for (const p of f.params) params.push(signatureText(p.type));
  const ret = isAggregate(f.result) ? "void" : signatureText(f.result);
  const defs: string[] = [];
  const calls = asm.map((a) => {
    const template = asmTemplate(a.lines, { extended: false, operandCount: 0, syntax: templateSyntax(m, a), named: new Map(), symbols: a.symbols });
    const dialect = a.syntax === "intel" && m.target.name === "x86_64" ? " inteldialect" : "";
    const loc = m.srcloc(a, dialect !== "");
    defs.push(loc.def);
    return `  call void asm sideeffect${dialect} "${llvmString(template)}", "~{memory}"(), ${loc.ref}`;
  });
  m.snippets.push([
    `define ${ret} @"${llvmString(f.symbol)}"(${params.join(", ")}) naked noinline nounwind {`,
    ...calls,
    "  call void @llvm.trap()",
    "  unreachable",
    "}",
    ...defs,
    "",
  ].join("\n"));
  const fn = m.declare(f.symbol, m.types.function(f.params.map((p) => p.type), f.result));
  return fn;
}
