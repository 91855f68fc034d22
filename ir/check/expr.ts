/**
 * Expressions: syntax IR expression in, checked expression out, with every
 * implicit conversion made explicit. `checkExpr` takes an optional
 * expected type, used only as a hint (for literals, aggregate literals and
 * branches); `checkExprTo` enforces it: the result has exactly that type
 * or an error was reported. Operators live in operators.ts, places (names,
 * `*p`, fields, indexing) in places.ts, calls in calls.ts, aggregate
 * literals in aggregates.ts.
 */
import { suggestName } from "../../diagnostics/diagnostics.ts";
import type * as syn from "../syntax.ts";
import type { Expr, Type } from "../checked.ts";
import { BOOL, I64, PTR, STR, U64, U8, sizeOf, typeEquals, typeToString } from "../types.ts";
import { Code } from "./codes.ts";
import { defaultLiteral, evalTopConst, literalTo, untypedValue } from "./consts.ts";
import { coerce, explicitCast, implicitConvert } from "./conversions.ts";
import { errorExpr, isConst, mkConst } from "./fold.ts";
import { lookupValue, visibleValueNames } from "./names.ts";
import { checkBinary, checkCond, checkUnary } from "./operators.ts";
import { checkPlace, ensureGlobal, readLocalCheck } from "./places.ts";
import { checkCall, checkSyscall } from "./calls.ts";
import { checkArrayLit, checkArrayRepeat, checkStructLit, hiddenByteArray } from "./aggregates.ts";
import { cloneFlow, mergeFlow, type Checker, type Flow } from "./state.ts";
import { resolveType } from "./types.ts";
import { checkStmts, popScope, pushScope } from "./stmt.ts";

/** Checks `e` where a value of type `to` is required. */
export function checkExprTo(ctx: Checker, e: syn.Expr, to: Type): Expr {
  const u = untypedValue(ctx, e);
  if (u !== null) return literalTo(ctx, u, to, e.span);
  if ((e.kind === "arrayLit" || e.kind === "arrayRepeat") && to.kind === "ptr" && to.to === null) {
    return hiddenByteArray(ctx, e);
  }
  const x = checkExpr(ctx, e, to);
  return coerce(ctx, x, to, e.span);
}

export function checkExpr(ctx: Checker, e: syn.Expr, expected: Type | null): Expr {
  const u = untypedValue(ctx, e);
  if (u !== null) {
    if (expected && (expected.kind === "int" || (expected.kind === "ptr" && u <= 0n))) return literalTo(ctx, u, expected, e.span);
    return defaultLiteral(ctx, u, e.span);
  }
  switch (e.kind) {
    case "int":
      // Only character literals reach here (plain literals are untyped).
      return literalTo(ctx, e.value, U8, e.span);
    case "bool": return mkConst(e.value ? 1n : 0n, BOOL, e.span);
    case "string": return { kind: "string", bytes: e.bytes, type: STR, span: e.span };
    case "enc":
      if (!ctx.fn) {
        ctx.diags.error(Code.Unsupported, "`enc` strings are not supported in constants yet", e.span);
        return errorExpr(e.span);
      }
      return { kind: "enc", bytes: e.bytes, type: PTR, span: e.span };
    case "name": return checkName(ctx, e);
    case "unary": return checkUnary(ctx, e, expected);
    case "binary": return checkBinary(ctx, e, expected);
    case "deref": case "index": case "field": {
      const r = checkPlace(ctx, e, "read");
      if (!r) return errorExpr(e.span);
      const load: Expr = { kind: "load", place: r.place, type: r.place.type, span: e.span };
      if (r.pre.length === 0) return load;
      return { kind: "block", body: r.pre, result: load, type: load.type, span: e.span };
    }
    case "addressOf": return checkAddressOf(ctx, e);
    case "cast": return checkCast(ctx, e);
    case "call": return checkCall(ctx, e);
    case "syscall": return checkSyscall(ctx, e);
    case "structLit": return checkStructLit(ctx, e);
    case "arrayLit": return checkArrayLit(ctx, e, expected);
    case "arrayRepeat": return checkArrayRepeat(ctx, e, expected);
    case "conditional": return checkConditional(ctx, e, expected);
    case "blockExpr": return checkBlockExpr(ctx, e, expected);
    case "sizeof": {
      const t = resolveType(ctx, e.type);
      if (t.kind === "error") return errorExpr(e.span);
      if (t.kind === "void") {
        ctx.diags.error(Code.BadOperand, "sizeof needs a type with a size", e.type.span);
        return errorExpr(e.span);
      }
      return mkConst(BigInt(sizeOf(t)), U64, e.span);
    }
  }
}

function checkName(ctx: Checker, e: Extract<syn.Expr, { kind: "name" }>): Expr {
  const found = lookupValue(ctx, e.name);
  if (!found) {
    const guess = suggestName(e.name, visibleValueNames(ctx));
    ctx.diags.error(Code.UndefinedName, `undefined name '${e.name}'`, e.span, guess ? `did you mean '${guess}'?` : undefined);
    return errorExpr(e.span);
  }
  switch (found.kind) {
    case "local": {
      readLocalCheck(ctx, found, e.span);
      return { kind: "load", place: { kind: "local", local: found.local, type: found.local.type, span: e.span }, type: found.local.type, span: e.span };
    }
    case "const": {
      const value = "decl" in found ? evalTopConst(ctx, found, e.span) : found.value;
      return { ...value.expr, span: e.span } as Expr;
    }
    case "fn": return { kind: "funcRef", func: found.func, type: found.type, span: e.span };
    case "global": {
      const g = ensureGlobal(ctx, found);
      return { kind: "load", place: { kind: "global", global: g, type: g.type, span: e.span }, type: g.type, span: e.span };
    }
    case "struct":
      ctx.diags.error(Code.KindMismatch, `'${e.name}' is a struct type, not a value`, e.span,
        `write a struct literal: \`${e.name} { ... }\``);
      return errorExpr(e.span);
  }
}

function checkAddressOf(ctx: Checker, e: Extract<syn.Expr, { kind: "addressOf" }>): Expr {
  const op = e.operand;
  // `&f` on a function name is the function pointer itself.
  if (op.kind === "name") {
    const found = lookupValue(ctx, op.name);
    if (found?.kind === "fn") return { kind: "funcRef", func: found.func, type: found.type, span: e.span };
  }
  if (op.kind !== "name" && op.kind !== "deref" && op.kind !== "field" && op.kind !== "index") {
    checkExpr(ctx, op, null);
    ctx.diags.error(Code.NotPlace, "cannot take the address of this expression", op.span,
      "`&` needs a variable, global, field, element or `*p`");
    return errorExpr(e.span);
  }
  const r = checkPlace(ctx, op, "address");
  if (!r) return errorExpr(e.span);
  const type: Type = { kind: "ptr", to: r.place.type };
  const addr: Expr = { kind: "addressOf", place: r.place, type, span: e.span };
  if (r.pre.length === 0) return addr;
  return { kind: "block", body: r.pre, result: addr, type, span: e.span };
}

function checkCast(ctx: Checker, e: Extract<syn.Expr, { kind: "cast" }>): Expr {
  const to = resolveType(ctx, e.type);
  const u = untypedValue(ctx, e.operand);
  if (u !== null) {
    if (to.kind === "int") {
      const bits = BigInt(to.bits);
      const lo = to.signed ? -(1n << (bits - 1n)) : 0n;
      const hi = to.signed ? (1n << (bits - 1n)) : 1n << bits;
      if (u >= lo && u < hi) return mkConst(u, to, e.span);
    }
    if (to.kind === "ptr" && u === 0n) return { kind: "const", value: 0n, type: to, span: e.span };
    return explicitCast(ctx, defaultLiteral(ctx, u, e.operand.span), to, e.span);
  }
  const x = checkExpr(ctx, e.operand, null);
  if (x.type.kind === "void") {
    ctx.diags.error(Code.BadCast, "cannot convert a value of type () with `as`", e.operand.span, "this expression has no value");
    return errorExpr(e.span);
  }
  return explicitCast(ctx, x, to, e.span);
}

function checkConditional(ctx: Checker, e: Extract<syn.Expr, { kind: "conditional" }>, expected: Type | null): Expr {
  const cond = checkCond(ctx, e.cond);
  const fn = ctx.fn;
  const before = fn ? cloneFlow(fn.flow) : null;
  const flows: Flow[] = [];
  // Each branch starts from the state after the condition; they meet after.
  const branch = (f: () => Expr): Expr => {
    if (fn) fn.flow = cloneFlow(before!);
    const r = f();
    if (fn) flows.push(fn.flow);
    return r;
  };
  let a: Expr;
  let b: Expr;
  if (expected && expected.kind !== "void" && expected.kind !== "error") {
    a = branch(() => checkExprTo(ctx, e.then, expected));
    b = branch(() => checkExprTo(ctx, e.else, expected));
  } else {
    const lu = untypedValue(ctx, e.then);
    const ru = untypedValue(ctx, e.else);
    if (lu !== null && ru !== null) {
      const t = lu < 0n || ru < 0n ? I64 : U64;
      a = literalTo(ctx, lu, t, e.then.span);
      b = literalTo(ctx, ru, t, e.else.span);
    } else if (lu !== null) {
      // The literal branch takes the other branch's type.
      b = branch(() => checkExpr(ctx, e.else, null));
      a = b.type.kind === "int" ? literalTo(ctx, lu, b.type, e.then.span) : defaultLiteral(ctx, lu, e.then.span);
    } else {
      a = branch(() => checkExpr(ctx, e.then, null));
      b = branch(() => (ru !== null && a.type.kind === "int" ? literalTo(ctx, ru, a.type, e.else.span) : checkExpr(ctx, e.else, a.type)));
    }
    if (!typeEquals(a.type, b.type)) {
      const b2 = implicitConvert(b, a.type, e.else.span);
      const a2 = b2 ? null : implicitConvert(a, b.type, e.then.span);
      if (b2) b = b2;
      else if (a2) a = a2;
      else {
        ctx.diags.error(Code.MismatchedOperands, `branches have different types: ${typeToString(a.type)} and ${typeToString(b.type)}`,
          e.span, "convert one branch with `as`");
        a = errorExpr(e.span);
      }
    }
  }
  if (fn) {
    while (flows.length < 2) flows.push(cloneFlow(before!));
    fn.flow = mergeFlow(flows[0], flows[1]);
  }
  const type = a.type.kind === "error" ? b.type : a.type;
  if (isConst(cond)) return cond.value !== 0n ? a : b;
  return { kind: "conditional", cond, then: a, else: b, type, span: e.span };
}

function checkBlockExpr(ctx: Checker, e: Extract<syn.Expr, { kind: "blockExpr" }>, expected: Type | null): Expr {
  const fn = ctx.fn;
  if (!fn) {
    if (e.body.length > 0) {
      ctx.diags.error(Code.NotConstant, "a block with statements is not a constant expression", e.span);
      return errorExpr(e.span);
    }
    return e.result ? checkExpr(ctx, e.result, expected) : errorExpr(e.span);
  }
  pushScope(ctx);
  if (e.unsafe) fn.unsafeDepth++;
  const body = checkStmts(ctx, e.body);
  const result = e.result ? checkExpr(ctx, e.result, expected) : null;
  if (e.unsafe) fn.unsafeDepth--;
  popScope(ctx);
  if (body.length === 0 && result) return result;
  return { kind: "block", body, result, type: result ? result.type : { kind: "void" }, span: e.span };
}

