/**
 * Unary and binary operators and conditions. Arithmetic happens in the
 * operands' common type with no promotion: the same type, or one operand
 * implicitly widened to the other's type (bool becomes an integer); an
 * untyped literal operand takes the other operand's type. Shifts convert
 * the count to the left operand's type; `>>>` is always logical. Pointer
 * arithmetic becomes `ptrAdd` with the offset scaled to bytes; `p1 - p2` is
 * the byte distance as u64. `!x` on an integer or pointer means `x == 0`.
 * Integers are accepted as conditions (`!= 0`).
 */
import type { Span } from "../../diagnostics/diagnostics.ts";
import type * as syn from "../syntax.ts";
import type { ArithOp, CompareOp, Expr, Type } from "../checked.ts";
import { BOOL, I64, PTR, U64, sizeOf, typeEquals, typeToString } from "../types.ts";
import { Code } from "./codes.ts";
import { defaultLiteral, literalTo, untypedValue } from "./consts.ts";
import { implicitConvert, intToInt, isPointerLike } from "./conversions.ts";
import { errorExpr, isConst, mkArith, mkBool, mkCompare, mkConvert, mkLogical, mkUnary } from "./fold.ts";
import { scaleOffset } from "./places.ts";
import type { Checker } from "./state.ts";
import { checkExpr } from "./expr.ts";

/** An operand: an untyped integer still waiting for a type, or a checked expression. */
export type Operand = { kind: "lit"; value: bigint; span: Span } | { kind: "expr"; expr: Expr };

const ARITH: Partial<Record<syn.BinaryOp, ArithOp>> = {
  "+": "add", "-": "sub", "*": "mul", "/": "div", "%": "rem", "&": "and", "|": "or", "^": "xor",
  "<<": "shl", ">>": "shr", ">>>": "ushr",
};
const COMPARE: Partial<Record<syn.BinaryOp, CompareOp>> = {
  "==": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge",
};

export function operand(ctx: Checker, e: syn.Expr, hint: Type | null): Operand {
  const u = untypedValue(ctx, e);
  if (u !== null) return { kind: "lit", value: u, span: e.span };
  return { kind: "expr", expr: checkExpr(ctx, e, hint) };
}

/** A condition: bool, or an integer meaning `!= 0`. */
export function checkCond(ctx: Checker, e: syn.Expr): Expr {
  const u = untypedValue(ctx, e);
  if (u !== null) return mkBool(u !== 0n, e.span);
  const x = checkExpr(ctx, e, BOOL);
  switch (x.type.kind) {
    case "bool": case "error": return x;
    case "int": return mkConvert("toBool", x, BOOL, e.span);
    default:
      ctx.diags.error(Code.BadCondition, `condition must be bool or an integer, found ${typeToString(x.type)}`, e.span,
        isPointerLike(x.type) ? "compare it with 0: `p != 0`" : undefined);
      return errorExpr(e.span);
  }
}

export function checkUnary(ctx: Checker, e: Extract<syn.Expr, { kind: "unary" }>, expected: Type | null): Expr {
  const u = untypedValue(ctx, e.operand);
  if (u !== null) {
    // `-lit` is untyped and never reaches here; `~lit` takes the expected integer type.
    if (e.op === "!") return mkBool(u === 0n, e.span);
    const lit = expected?.kind === "int" ? literalTo(ctx, u, expected, e.operand.span) : defaultLiteral(ctx, u, e.operand.span);
    return lit.type.kind === "error" ? lit : mkUnary(e.op === "-" ? "neg" : "bitnot", lit, e.span);
  }
  const x = checkExpr(ctx, e.operand, e.op === "!" ? null : expected);
  const t = x.type;
  if (t.kind === "error") return x;
  switch (e.op) {
    case "-":
      if (t.kind === "int") return mkUnary("neg", x, e.span);
      break;
    case "~":
      if (t.kind === "int") return mkUnary("bitnot", x, e.span);
      if (t.kind === "bool") {
        ctx.diags.error(Code.BadOperand, "`~` is bitwise NOT; it does not apply to bool", e.span, "use `!` for logical NOT");
        return errorExpr(e.span);
      }
      break;
    case "!":
      if (t.kind === "bool") return mkUnary("not", x, e.span);
      if (t.kind === "int" || isPointerLike(t)) {
        return mkCompare("eq", x, { kind: "const", value: 0n, type: t, span: e.span }, e.span);
      }
      break;
  }
  ctx.diags.error(Code.BadOperand, `\`${e.op}\` cannot be applied to ${typeToString(t)}`, e.span);
  return errorExpr(e.span);
}

export function checkBinary(ctx: Checker, e: Extract<syn.Expr, { kind: "binary" }>, expected: Type | null): Expr {
  if (e.op === "&&" || e.op === "||") {
    const left = checkCond(ctx, e.left);
    // The right side runs only sometimes: assignments in it do not count afterwards.
    const fn = ctx.fn;
    const saved = fn ? { assigned: new Set(fn.flow.assigned) } : null;
    const right = checkCond(ctx, e.right);
    if (fn && saved) fn.flow.assigned = saved.assigned;
    return mkLogical(e.op === "&&" ? "and" : "or", left, right, e.span);
  }
  const hint = expected?.kind === "int" && ARITH[e.op] ? expected : null;
  const l = operand(ctx, e.left, hint);
  const r = operand(ctx, e.right, l.kind === "expr" && l.expr.type.kind === "int" && !isShift(e.op) ? l.expr.type : hint);
  return combine(ctx, e.op, l, r, e.span, expected);
}

function isShift(op: syn.BinaryOp): boolean {
  return op === "<<" || op === ">>" || op === ">>>";
}

/** Applies a binary operator (not `&&`/`||`) to two operands; also used by compound assignment. */
export function combine(ctx: Checker, op: syn.BinaryOp, l: Operand, r: Operand, span: Span, expected: Type | null): Expr {
  if (op === "&&" || op === "||") {
    ctx.diags.error(Code.BadOperand, `\`${op}=\` is not supported`, span);
    return errorExpr(span);
  }
  if (isShift(op)) return shift(ctx, op, l, r, span, expected);
  let L: Expr;
  let R: Expr;
  if (l.kind === "lit" && r.kind === "lit") {
    const cmp = COMPARE[op];
    if (cmp) {
      const a = l.value, b = r.value;
      const res = cmp === "eq" ? a === b : cmp === "ne" ? a !== b : cmp === "lt" ? a < b : cmp === "le" ? a <= b : cmp === "gt" ? a > b : a >= b;
      return mkBool(res, span);
    }
    const t = expected?.kind === "int" ? expected : l.value < 0n || r.value < 0n ? I64 : U64;
    L = literalTo(ctx, l.value, t, l.span);
    R = literalTo(ctx, r.value, t, r.span);
  } else if (l.kind === "lit") {
    R = (r as { expr: Expr }).expr;
    L = literalFor(ctx, l, R.type, op);
  } else if (r.kind === "lit") {
    L = l.expr;
    R = literalFor(ctx, r, L.type, op);
  } else {
    L = l.expr;
    R = r.expr;
  }
  if (L.type.kind === "error" || R.type.kind === "error") return errorExpr(span);
  const lt = L.type, rt = R.type;
  if (lt.kind === "void" || rt.kind === "void") {
    ctx.diags.error(Code.BadOperand, "an operand has no value", lt.kind === "void" ? L.span : R.span);
    return errorExpr(span);
  }
  const cmp = COMPARE[op];
  if (cmp) return compare(ctx, op, cmp, L, R, span);
  const arith = ARITH[op]!;
  // Pointer arithmetic.
  if (op === "+" || op === "-") {
    const lp = lt.kind === "ptr" || lt.kind === "str";
    const rp = rt.kind === "ptr" || rt.kind === "str";
    if (lp && rt.kind === "int") return ptrOffset(L, R, op === "-", span);
    if (op === "+" && rp && lt.kind === "int") return ptrOffset(R, L, false, span);
    if (op === "-" && lp && rp) {
      const a = mkConvert("ptrToInt", L, U64, span);
      const b = mkConvert("ptrToInt", R, U64, span);
      return mkArith("sub", a, b, U64, span);
    }
  }
  if (lt.kind === "bool" && rt.kind === "bool" && (arith === "and" || arith === "or" || arith === "xor")) {
    return mkArith(arith, L, R, BOOL, span);
  }
  const pair = commonInt(ctx, op, L, R, span);
  if (!pair) return errorExpr(span);
  if ((arith === "div" || arith === "rem") && isConst(pair[1]) && pair[1].value === 0n) {
    ctx.diags.warning(Code.DivByZero, "division by zero always traps at run time (SIGFPE)", pair[1].span);
  }
  return mkArith(arith, pair[0], pair[1], pair[0].type, span);
}

/** An untyped operand next to a typed one of type `other`. */
function literalFor(ctx: Checker, lit: { value: bigint; span: Span }, other: Type, op: syn.BinaryOp): Expr {
  if (other.kind === "error") return errorExpr(lit.span);
  if (other.kind === "int") return literalTo(ctx, lit.value, other, lit.span);
  if (COMPARE[op] && isPointerLike(other)) {
    if (lit.value === 0n) return { kind: "const", value: 0n, type: other, span: lit.span };
    if (other.kind === "ptr") return literalTo(ctx, lit.value, other, lit.span);
  }
  if (other.kind === "bool" && COMPARE[op]) return literalTo(ctx, lit.value, other, lit.span);
  return defaultLiteral(ctx, lit.value, lit.span);
}

function ptrOffset(p: Expr, n: Expr, negate: boolean, span: Span): Expr {
  const t = p.type;
  const elem = t.kind === "ptr" && t.to ? sizeOf(t.to) : 1;
  let off = scaleOffset(n, elem, n.span);
  if (negate) off = mkUnary("neg", off, n.span);
  return { kind: "ptrAdd", ptr: p, offset: off, type: t, span };
}

/** Brings two operands to one integer type, or reports. bool operands become integers. */
function commonInt(ctx: Checker, op: syn.BinaryOp, L: Expr, R: Expr, span: Span): [Expr, Expr] | null {
  if (L.type.kind === "bool" && R.type.kind === "int") L = mkConvert("boolToInt", L, R.type, L.span);
  if (R.type.kind === "bool" && L.type.kind === "int") R = mkConvert("boolToInt", R, L.type, R.span);
  if (L.type.kind !== "int" || R.type.kind !== "int") {
    const bad = L.type.kind !== "int" ? L : R;
    ctx.diags.error(Code.BadOperand, `\`${op}\` cannot be applied to ${typeToString(L.type)} and ${typeToString(R.type)}`, bad.span,
      isPointerLike(bad.type) ? "pointers support only `+ n`, `- n`, `p1 - p2` and comparisons" : undefined);
    return null;
  }
  if (typeEquals(L.type, R.type)) return [L, R];
  const r2 = implicitConvert(R, L.type, R.span);
  if (r2) return [L, r2];
  const l2 = implicitConvert(L, R.type, L.span);
  if (l2) return [l2, R];
  ctx.diags.error(Code.MismatchedOperands, `mismatched types ${typeToString(L.type)} and ${typeToString(R.type)} in \`${op}\``, span,
    `convert one side with \`as\`, e.g. \`(... as ${typeToString(L.type)})\``);
  return null;
}

function compare(ctx: Checker, op: syn.BinaryOp, cmp: CompareOp, L: Expr, R: Expr, span: Span): Expr {
  const lt = L.type, rt = R.type;
  if (lt.kind === "bool" && rt.kind === "bool") {
    if (cmp === "eq" || cmp === "ne") return mkCompare(cmp, L, R, span);
    ctx.diags.error(Code.BadOperand, `\`${op}\` cannot compare bool values`, span);
    return errorExpr(span);
  }
  if (isPointerLike(lt) && isPointerLike(rt)) {
    if (typeEquals(lt, rt)) return mkCompare(cmp, L, R, span);
    return mkCompare(cmp, mkConvert("ptrCast", L, PTR, L.span), mkConvert("ptrCast", R, PTR, R.span), span);
  }
  if (isPointerLike(lt) || isPointerLike(rt)) {
    ctx.diags.error(Code.MismatchedOperands, `cannot compare ${typeToString(lt)} with ${typeToString(rt)}`, span,
      "convert the integer with `as ptr` (only the literal 0 converts implicitly)");
    return errorExpr(span);
  }
  const pair = commonInt(ctx, op, L, R, span);
  if (!pair) return errorExpr(span);
  return mkCompare(cmp, pair[0], pair[1], span);
}

function shift(ctx: Checker, op: syn.BinaryOp, l: Operand, r: Operand, span: Span, expected: Type | null): Expr {
  let L: Expr;
  if (l.kind === "lit") {
    const t = expected?.kind === "int" ? expected : r.kind === "expr" && r.expr.type.kind === "int" ? r.expr.type : null;
    L = t ? literalTo(ctx, l.value, t, l.span) : defaultLiteral(ctx, l.value, l.span);
  } else L = l.expr;
  if (L.type.kind === "error") return errorExpr(span);
  if (L.type.kind !== "int") {
    ctx.diags.error(Code.BadOperand, `\`${op}\` needs an integer on the left, found ${typeToString(L.type)}`, L.span);
    return errorExpr(span);
  }
  const lt = L.type;
  let R: Expr;
  if (r.kind === "lit") {
    if (r.value < 0n) {
      ctx.diags.error(Code.BadOperand, "shift count must not be negative", r.span);
      return errorExpr(span);
    }
    R = literalTo(ctx, r.value, lt, r.span);
  } else {
    R = r.expr;
    if (R.type.kind === "bool") R = mkConvert("boolToInt", R, lt, R.span);
    else if (R.type.kind === "int") R = intToInt(R, R.type, lt, R.span);
    else if (R.type.kind !== "error") {
      ctx.diags.error(Code.BadOperand, `shift count must be an integer, found ${typeToString(R.type)}`, R.span);
      return errorExpr(span);
    }
  }
  if (R.type.kind === "error") return errorExpr(span);
  return mkArith(ARITH[op]!, L, R, lt, span);
}
