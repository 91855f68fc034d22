/**
 * The conversion rules of LANGUAGE.md, producing explicit `convert` nodes.
 *
 * Implicit (no `as`): integer to a wider integer of the same signedness;
 * `bool` to any integer; a syscall result (i64) into `u64`; typed
 * pointers and `str` to `ptr`. (Literals are handled in consts.ts, `&x`
 * yields `*T` which then converts to `ptr`.)
 *
 * Explicit `as`: any integer to any integer (truncate when narrowing,
 * sign-extend from a signed source, zero-extend otherwise); bool to
 * integer; integer or pointer to bool (!= 0); between pointer kinds (`ptr`,
 * `*T`, `str`, `fn`); pointer to integer and back; the same type.
 */
import type { Span } from "../../diagnostics/diagnostics.ts";
import type { Expr, Type } from "../checked.ts";
import { I64, U64, typeEquals, typeToString } from "../types.ts";
import { Code } from "./codes.ts";
import { errorExpr, mkConvert } from "./fold.ts";
import type { Checker } from "./state.ts";

type IntType = Extract<Type, { kind: "int" }>;

export function isPointerLike(t: Type): boolean {
  return t.kind === "ptr" || t.kind === "str" || t.kind === "fn";
}

/** True when `e` is a syscall result (possibly inside a DSL `unsafe(() => syscall(...))` block). */
function isSyscallResult(e: Expr): boolean {
  if (e.kind === "syscall") return true;
  if (e.kind === "block" && e.result) return isSyscallResult(e.result);
  return false;
}

/** Integer to integer without checks: the bits `as` would produce. */
export function intToInt(e: Expr, from: IntType, to: IntType, span: Span): Expr {
  if (from.bits === to.bits) return from.signed === to.signed ? e : mkConvert("reinterpret", e, to, span);
  if (from.bits > to.bits) return mkConvert("trunc", e, to, span);
  return mkConvert(from.signed ? "sext" : "zext", e, to, span);
}

/** The implicit conversion of `e` to `to`, or null when the language needs `as`. */
export function implicitConvert(e: Expr, to: Type, span: Span): Expr | null {
  const from = e.type;
  if (from.kind === "error" || to.kind === "error") return e;
  if (typeEquals(from, to)) return e;
  if (from.kind === "int" && to.kind === "int") {
    if (from.signed === to.signed && to.bits > from.bits) return intToInt(e, from, to, span);
    if (isSyscallResult(e) && to.bits === 64) return intToInt(e, from, to, span);
    return null;
  }
  if (from.kind === "bool" && to.kind === "int") return mkConvert("boolToInt", e, to, span);
  if (to.kind === "ptr" && to.to === null && ((from.kind === "ptr") || from.kind === "str")) {
    return mkConvert("ptrCast", e, to, span);
  }
  return null;
}

/** Converts `e` to `to` implicitly, or reports a type mismatch at `span`. */
export function coerce(ctx: Checker, e: Expr, to: Type, span: Span = e.span): Expr {
  const out = implicitConvert(e, to, span);
  if (out) return out;
  ctx.diags.error(Code.TypeMismatch, `expected ${typeToString(to)}, found ${typeToString(e.type)}`, span,
    mismatchHelp(e.type, to));
  return errorExpr(span);
}

function mismatchHelp(from: Type, to: Type): string | undefined {
  if (from.kind === "void") return "this expression has no value";
  if (castAllowed(from, to)) return `convert explicitly with \`as ${typeToString(to)}\``;
  return undefined;
}

function castAllowed(from: Type, to: Type): boolean {
  if (typeEquals(from, to)) return true;
  if (from.kind === "int" && (to.kind === "int" || to.kind === "bool" || isPointerLike(to))) return true;
  if (from.kind === "bool" && to.kind === "int") return true;
  if (isPointerLike(from) && (isPointerLike(to) || to.kind === "int" || to.kind === "bool")) return true;
  return false;
}

/** `e as to`. */
export function explicitCast(ctx: Checker, e: Expr, to: Type, span: Span): Expr {
  const from = e.type;
  if (from.kind === "error" || to.kind === "error") return e.type.kind === "error" ? e : errorExpr(span);
  if (typeEquals(from, to)) return e;
  if (from.kind === "int" && to.kind === "int") return intToInt(e, from, to, span);
  if (from.kind === "bool" && to.kind === "int") return mkConvert("boolToInt", e, to, span);
  if ((from.kind === "int" || isPointerLike(from)) && to.kind === "bool") return mkConvert("toBool", e, to, span);
  if (isPointerLike(from) && isPointerLike(to)) return mkConvert("ptrCast", e, to, span);
  if (isPointerLike(from) && to.kind === "int") {
    const wide = to.signed && to.bits === 64 ? I64 : U64;
    const asInt = mkConvert("ptrToInt", e, wide, span);
    return intToInt(asInt, wide as IntType, to, span);
  }
  if (from.kind === "int" && isPointerLike(to)) {
    const wide = from.bits === 64 ? from : (from.signed ? I64 : U64) as IntType;
    return mkConvert("intToPtr", intToInt(e, from, wide as IntType, span), to, span);
  }
  ctx.diags.error(Code.BadCast, `cannot convert ${typeToString(from)} to ${typeToString(to)} with \`as\``, span,
    from.kind === "struct" || from.kind === "array" ? "structs and arrays convert only to their own type" : undefined);
  return errorExpr(span);
}
