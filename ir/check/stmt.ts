/**
 * Statements: syntax statements in, checked statements out. Also the flow
 * analysis that runs alongside: definite assignment of locals declared
 * without initialiser (`let x: T;`), reachability (which gives "missing
 * return" and the unreachable-code warning), and break/continue targets.
 *
 * A deferred local's first assignment may sit in a nested block; after an
 * `if` it counts only if both branches assigned it. A non-`mut` deferred
 * local may be assigned once: a second assignment on some path, or an
 * assignment inside a loop that the declaration is outside of, is an error.
 */
import type * as syn from "../syntax.ts";
import type { Expr, Local, Place, Stmt, Type } from "../checked.ts";
import { ERROR, U64, U8, isAggregate, isScalar, typeToString } from "../types.ts";
import { Code } from "./codes.ts";
import { checkConstInit, defaultLiteral, literalTo, untypedValue } from "./consts.ts";
import { coerce, intToInt } from "./conversions.ts";
import { isConst } from "./fold.ts";
import { checkPlace, readLocalCheck, requireUnsafe, type PlaceResult } from "./places.ts";
import { combine, checkCond, operand } from "./operators.ts";
import { Scope } from "./scope.ts";
import { cloneFlow, mergeAll, mergeFlow, newLocal, type Checker, type Flow, type JumpTarget } from "./state.ts";
import { resolveType } from "./types.ts";
import { checkExpr, checkExprTo } from "./expr.ts";
import { checkAsm, registerName } from "./asm.ts";

export function pushScope(ctx: Checker): void {
  ctx.fn!.scope = new Scope(ctx.fn!.scope);
}

export function popScope(ctx: Checker): void {
  ctx.fn!.scope = ctx.fn!.scope.parent!;
}

export function checkStmts(ctx: Checker, stmts: syn.Stmt[]): Stmt[] {
  const out: Stmt[] = [];
  let warned = false;
  for (const s of stmts) {
    if (!ctx.fn!.flow.live && !warned) {
      ctx.diags.warning(Code.Unreachable, "unreachable code", s.span, "it follows a return, break, continue or endless loop");
      warned = true;
    }
    checkStmt(ctx, s, out);
  }
  return out;
}

/** The statements of a block in a scope of their own. */
export function checkBlockBody(ctx: Checker, b: syn.Block): Stmt[] {
  const fn = ctx.fn!;
  pushScope(ctx);
  if (b.unsafe) fn.unsafeDepth++;
  const body = checkStmts(ctx, b.body);
  if (b.unsafe) fn.unsafeDepth--;
  popScope(ctx);
  return body;
}

function checkStmt(ctx: Checker, s: syn.Stmt, out: Stmt[]): void {
  const fn = ctx.fn!;
  switch (s.kind) {
    case "block":
      out.push({ kind: "block", body: checkBlockBody(ctx, s), span: s.span });
      return;
    case "let": return checkLet(ctx, s, out);
    case "const": {
      const value = checkConstInit(ctx, s.name, `lw.${fn.func.name}.${s.name}.${ctx.hidden++}`, s.type, s.init, s.span);
      fn.scope.define(s.name, { kind: "const", value, span: s.nameSpan });
      return;
    }
    case "assign": return checkAssign(ctx, s, out);
    case "expr": {
      const expr = checkExpr(ctx, s.expr, null);
      out.push({ kind: "expr", expr, span: s.span });
      return;
    }
    case "if": {
      const cond = checkCond(ctx, s.cond);
      const before = cloneFlow(fn.flow);
      const then = checkBlockBody(ctx, s.then);
      const afterThen = fn.flow;
      fn.flow = before;
      const otherwise = s.else ? checkBlockBody(ctx, s.else) : [];
      fn.flow = mergeFlow(afterThen, fn.flow);
      out.push({ kind: "if", cond, then, else: otherwise, span: s.span });
      return;
    }
    case "loop": return checkLoop(ctx, s, out);
    case "switch": return checkSwitch(ctx, s, out);
    case "break": case "continue": {
      const target = findTarget(ctx, s);
      if (target) {
        (s.kind === "break" ? target.breaks : target.continues).push(cloneFlow(fn.flow));
        out.push({ kind: s.kind, target: target.id, span: s.span });
      }
      fn.flow.live = false;
      return;
    }
    case "return": return checkReturn(ctx, s, out);
    case "asm": {
      const asm = checkAsm(ctx, s);
      if (asm) out.push(asm);
      return;
    }
  }
}

function checkLet(ctx: Checker, s: Extract<syn.Stmt, { kind: "let" }>, out: Stmt[]): void {
  const fn = ctx.fn!;
  let register: string | null = s.register;
  let type: Type | null = null;
  if (s.type?.kind === "named" && s.type.name === "register" && !register) {
    register = s.name;
    type = U64;
  } else if (s.type) {
    type = resolveType(ctx, s.type);
  }
  if (register) {
    requireUnsafe(ctx, s.span, "a register variable");
    if (!registerName(ctx, register)) {
      ctx.diags.error(Code.BadRegister, `unknown ${ctx.target} register '${register}'`, s.nameSpan,
        ctx.target === "x86_64" ? "x86-64 registers: rax rbx rcx rdx rsi rdi rbp rsp r8-r15" : "aarch64 registers: x0-x30");
    }
    if (type && type.kind !== "error" && !(type.kind === "int" || type.kind === "ptr" || type.kind === "bool")) {
      ctx.diags.error(Code.BadRegister, `a register variable must be an integer or pointer, not ${typeToString(type)}`, s.type!.span);
      type = ERROR;
    }
  }
  let value: Expr | null = null;
  if (s.init) {
    if (type) value = checkExprTo(ctx, s.init, type);
    else {
      const u = untypedValue(ctx, s.init);
      value = u !== null ? defaultLiteral(ctx, u, s.init.span) : checkExpr(ctx, s.init, null);
      if (value.type.kind === "void") {
        ctx.diags.error(Code.BadLet, `'${s.name}' cannot hold a value of type ()`, s.init.span, "this expression has no value");
        value = null;
        type = ERROR;
      } else type = value.type;
    }
  } else if (!type) {
    ctx.diags.error(Code.BadLet, `'${s.name}' needs a type or an initialiser`, s.nameSpan, `write \`let ${s.name}: u64;\``);
    type = ERROR;
  }
  const local = newLocal(ctx, s.name, type!, s.mutable, s.nameSpan);
  local.register = register;
  const deferred = !s.init && !register && isScalar(type!);
  const placeholder: Extract<Stmt, { kind: "block" }> | null = deferred ? { kind: "block", body: [], span: s.span } : null;
  fn.scope.define(s.name, { kind: "local", local, info: { deferred, loopDepth: fn.loopDepth, placeholder } });
  const place: Place = { kind: "local", local, type: type!, span: s.nameSpan };
  if (value) out.push({ kind: "assign", place, value, span: s.span });
  else if (placeholder) {
    out.push(placeholder);
    fn.placeholders.set(placeholder, out);
  } else if (isAggregate(type!)) {
    out.push({ kind: "assign", place, value: { kind: "zero", type: type!, span: s.span }, span: s.span });
  }
}

/** Checks that the root of an assigned place may be written; records a deferred local's first assignment. */
function checkWritable(ctx: Checker, r: PlaceResult, target: syn.Expr, compound: boolean): void {
  const fn = ctx.fn!;
  const root = r.root;
  switch (root.kind) {
    case "local": {
      const { local, info } = root.binding;
      const direct = r.place.kind === "local";
      if (!local.mutable) {
        if (info.deferred && direct && !compound) {
          if (fn.flow.maybe.has(local) || info.loopDepth < fn.loopDepth) {
            ctx.diags.error(Code.AssignedTwice,
              info.loopDepth < fn.loopDepth ? `'${local.name}' is assigned inside a loop, so it may be assigned more than once`
                : `'${local.name}' may already be assigned here`,
              target.span, `declare it with \`let mut ${local.name}\``);
          }
        } else {
          ctx.diags.error(Code.Immutable, `cannot assign to immutable ${local.isParam ? "parameter" : "variable"} '${local.name}'`,
            target.span, local.isParam ? `copy it into a local: \`let mut ${local.name}2: ${typeToString(local.type)} = ${local.name};\``
              : `declare with \`let mut ${local.name}\``);
        }
      }
      if (info.deferred && direct) {
        fn.flow.assigned.add(local);
        fn.flow.maybe.add(local);
      }
      return;
    }
    case "global":
      if (!root.global.mutable) {
        ctx.diags.error(Code.Immutable, `cannot assign to immutable global '${root.global.name}'`, target.span, "declare it with `let mut` at top level");
      }
      return;
    case "const":
      ctx.diags.error(Code.Immutable, `cannot assign to constant '${root.name}'`, target.span);
      return;
    case "memory":
      return;
  }
}

function checkAssign(ctx: Checker, s: Extract<syn.Stmt, { kind: "assign" }>, out: Stmt[]): void {
  const r = checkPlace(ctx, s.target, "write");
  if (!r) {
    checkExpr(ctx, s.value, null);
    return;
  }
  const place = r.place;
  if (s.op === null) {
    const value = valueForPlace(ctx, place, s.value);
    checkWritable(ctx, r, s.target, false);
    out.push(...r.pre, { kind: "assign", place, value, span: s.span });
    return;
  }
  // Compound assignment reads the place first.
  if (r.root.kind === "local" && place.kind === "local") readLocalCheck(ctx, r.root.binding, s.target.span);
  checkWritable(ctx, r, s.target, true);
  const pre = [...r.pre];
  const stable = stabilise(ctx, place, pre);
  const current: Expr = { kind: "load", place: stable, type: stable.type, span: s.target.span };
  const rhs = operand(ctx, s.value, stable.type.kind === "int" && s.op !== "<<" && s.op !== ">>" && s.op !== ">>>" ? stable.type : null);
  const result = combine(ctx, s.op, { kind: "expr", expr: current }, rhs, s.span, stable.type);
  const value = coerce(ctx, result, stable.type, s.span);
  out.push(...pre, { kind: "assign", place: stable, value, span: s.span });
}

/**
 * The value stored into `place`. A store through an untyped `ptr` writes one
 * byte: a wider integer keeps its low byte, with a warning.
 */
function valueForPlace(ctx: Checker, place: Place, e: syn.Expr): Expr {
  if (place.kind === "deref" && place.ptr.type.kind === "ptr" && place.ptr.type.to === null) {
    const u = untypedValue(ctx, e);
    if (u !== null) return literalTo(ctx, u, U8, e.span);
    const x = checkExpr(ctx, e, U8);
    if (x.type.kind === "int" && (x.type.bits > 8 || x.type.signed)) {
      if (x.type.bits > 8) {
        ctx.diags.warning(Code.ByteStore, `storing ${typeToString(x.type)} through \`ptr\` writes only its low byte`, e.span,
          "write through a typed pointer to store all bytes: `*(p as *u64) = v`");
      }
      return intToInt(x, x.type, U8 as Extract<Type, { kind: "int" }>, e.span);
    }
    return coerce(ctx, x, U8, e.span);
  }
  return checkExprTo(ctx, e, place.type);
}

/** True when evaluating `e` twice gives the same value and has no effect. */
function pure(e: Expr): boolean {
  switch (e.kind) {
    case "const": case "string": case "funcRef": case "zero": return true;
    case "load": case "addressOf": return purePlace(e.place);
    case "unary": case "convert": return pure(e.operand);
    case "arith": case "compare": case "logical": return pure(e.left) && pure(e.right);
    case "ptrAdd": return pure(e.ptr) && pure(e.offset);
    default: return false;
  }
}

function purePlace(p: Place): boolean {
  switch (p.kind) {
    case "local": case "global": return true;
    case "deref": return pure(p.ptr);
    case "field": return purePlace(p.base);
    case "index": return purePlace(p.base) && pure(p.index);
  }
}

/** Hoists effectful address parts of `p` into temporaries, so `p op= v` evaluates them once. */
function stabilise(ctx: Checker, p: Place, pre: Stmt[]): Place {
  const hoist = (e: Expr): Expr => {
    if (pure(e)) return e;
    const tmp: Local = newLocal(ctx, `.t${ctx.hidden++}`, e.type, true, e.span);
    const place: Place = { kind: "local", local: tmp, type: e.type, span: e.span };
    pre.push({ kind: "assign", place, value: e, span: e.span });
    return { kind: "load", place, type: e.type, span: e.span };
  };
  switch (p.kind) {
    case "local": case "global": return p;
    case "deref": return { ...p, ptr: hoist(p.ptr) };
    case "field": return { ...p, base: stabilise(ctx, p.base, pre) };
    case "index": return { ...p, base: stabilise(ctx, p.base, pre), index: hoist(p.index) };
  }
}

function checkLoop(ctx: Checker, s: Extract<syn.Stmt, { kind: "loop" }>, out: Stmt[]): void {
  const fn = ctx.fn!;
  const target: JumpTarget = { id: ctx.nextTargetId++, kind: "loop", label: s.label, breaks: [], continues: [] };
  let cond: Expr | null = null;
  if (s.checkFirst && s.cond) cond = checkCond(ctx, s.cond);
  const entry = cloneFlow(fn.flow);
  fn.targets.push(target);
  fn.loopDepth++;
  const body = checkBlockBody(ctx, s.body);
  fn.flow = mergeAll([fn.flow, ...target.continues]);
  const update = checkStmts(ctx, s.update);
  if (!s.checkFirst && s.cond) cond = checkCond(ctx, s.cond);
  fn.loopDepth--;
  fn.targets.pop();
  const bodyEnd = fn.flow;
  // A constant non-zero condition is an endless loop.
  if (cond && isConst(cond) && cond.value !== 0n) cond = null;
  let after: Flow;
  if (cond === null) after = mergeAll(target.breaks);
  else if (s.checkFirst) after = mergeAll([entry, ...target.breaks]);
  else after = mergeAll([bodyEnd, ...target.breaks]);
  for (const l of bodyEnd.maybe) after.maybe.add(l);
  fn.flow = after;
  out.push({ kind: "loop", id: target.id, cond, body, update, checkFirst: s.checkFirst, span: s.span });
}

function checkSwitch(ctx: Checker, s: Extract<syn.Stmt, { kind: "switch" }>, out: Stmt[]): void {
  const fn = ctx.fn!;
  const u = untypedValue(ctx, s.value);
  let value = u !== null ? defaultLiteral(ctx, u, s.value.span) : checkExpr(ctx, s.value, null);
  if (value.type.kind === "bool") value = coerce(ctx, value, U8, s.value.span);
  const vt = value.type;
  if (vt.kind !== "int" && vt.kind !== "error") {
    ctx.diags.error(Code.BadSwitch, `switch needs an integer value, found ${typeToString(vt)}`, s.value.span);
  }
  const target: JumpTarget = { id: ctx.nextTargetId++, kind: "switch", label: s.label, breaks: [], continues: [] };
  fn.targets.push(target);
  const entry = cloneFlow(fn.flow);
  const seen = new Map<bigint, syn.Expr>();
  const cases: Extract<Stmt, { kind: "switch" }>["cases"] = [];
  let fall: Flow | null = null;
  for (const c of s.cases) {
    const values: bigint[] = [];
    for (const v of c.values) {
      const x = vt.kind === "int" ? checkExprTo(ctx, v, vt) : checkExpr(ctx, v, null);
      if (x.type.kind === "error" || vt.kind !== "int") continue;
      if (!isConst(x)) {
        ctx.diags.error(Code.NotConstant, "case value must be a constant expression", v.span);
        continue;
      }
      const prev = seen.get(x.value);
      if (prev) {
        ctx.diags.error(Code.BadSwitch, "duplicate case value", v.span, undefined, [{ message: "first used here", span: prev.span }]);
        continue;
      }
      seen.set(x.value, v);
      values.push(x.value);
    }
    fn.flow = fall ? mergeFlow(cloneFlow(entry), fall) : cloneFlow(entry);
    pushScope(ctx);
    const body = checkStmts(ctx, c.body);
    popScope(ctx);
    fall = fn.flow;
    cases.push({ values, body, span: c.span });
  }
  fn.targets.pop();
  const exits = [...target.breaks];
  if (fall) exits.push(fall);
  if (s.defaultIndex === null || s.cases.length === 0) exits.push(entry);
  fn.flow = mergeAll(exits);
  out.push({ kind: "switch", id: target.id, value, cases, defaultIndex: s.defaultIndex, span: s.span });
}

function findTarget(ctx: Checker, s: Extract<syn.Stmt, { kind: "break" | "continue" }>): JumpTarget | null {
  const targets = ctx.fn!.targets;
  for (let i = targets.length - 1; i >= 0; i--) {
    const t = targets[i];
    if (s.label !== null) {
      if (t.label !== s.label) continue;
      if (s.kind === "continue" && t.kind !== "loop") {
        ctx.diags.error(Code.BadJump, `\`continue ${s.label}\` names a switch, not a loop`, s.span);
        return null;
      }
      return t;
    }
    if (s.kind === "continue" && t.kind !== "loop") continue;
    return t;
  }
  if (s.label !== null) ctx.diags.error(Code.BadJump, `no enclosing loop or switch is labelled '${s.label}'`, s.span);
  else ctx.diags.error(Code.BadJump, `\`${s.kind}\` outside of a loop`, s.span);
  return null;
}

function checkReturn(ctx: Checker, s: Extract<syn.Stmt, { kind: "return" }>, out: Stmt[]): void {
  const fn = ctx.fn!;
  const result = fn.func.result;
  if (result.kind === "void") {
    if (s.value) {
      const x = checkExpr(ctx, s.value, null);
      if (x.type.kind === "void") out.push({ kind: "expr", expr: x, span: s.value.span });
      else if (x.type.kind !== "error") {
        ctx.diags.error(Code.ReturnMismatch, `'${fn.func.name}' returns nothing, but a value is returned`, s.value.span,
          `declare a result type: \`fn ${fn.func.name}(...) -> ${typeToString(x.type)}\``);
      }
    }
    out.push({ kind: "return", value: null, span: s.span });
  } else if (!s.value) {
    ctx.diags.error(Code.ReturnMismatch, `'${fn.func.name}' must return a value of type ${typeToString(result)}`, s.span);
  } else {
    out.push({ kind: "return", value: checkExprTo(ctx, s.value, result), span: s.span });
  }
  fn.flow.live = false;
}

