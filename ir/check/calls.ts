/**
 * Calls and syscalls. A call of a top-level function name (not shadowed by
 * a local) is a direct `call`; a call of any other value of `fn` type is a
 * `callIndirect`. Arguments convert to the parameter types. A syscall takes
 * 1 to 7 operands (the number and up to six arguments), each converted to
 * u64 or i64: unsigned integers zero-extend, signed ones sign-extend,
 * bool becomes 0/1, pointers and strings their address; its result is i64.
 */
import type * as syn from "../syntax.ts";
import type { Expr, Type } from "../checked.ts";
import { I64, U64, typeToString } from "../types.ts";
import { Code } from "./codes.ts";
import { defaultLiteral, untypedValue } from "./consts.ts";
import { intToInt, isPointerLike } from "./conversions.ts";
import { errorExpr, mkConvert } from "./fold.ts";
import { lookupValue } from "./names.ts";
import { requireUnsafe } from "./places.ts";
import type { Checker } from "./state.ts";
import { checkExpr, checkExprTo } from "./expr.ts";

export function checkCall(ctx: Checker, e: Extract<syn.Expr, { kind: "call" }>): Expr {
  let direct: Extract<ReturnType<typeof lookupValue>, { kind: "fn" }> | null = null;
  let callee: Expr | null = null;
  if (e.callee.kind === "name") {
    const found = lookupValue(ctx, e.callee.name);
    if (found?.kind === "fn") direct = found;
  }
  let type: Type;
  if (direct) type = direct.type;
  else {
    callee = checkExpr(ctx, e.callee, null);
    type = callee.type;
  }
  if (type.kind === "error") {
    for (const a of e.args) checkExpr(ctx, a, null);
    return errorExpr(e.span);
  }
  if (type.kind !== "fn") {
    ctx.diags.error(Code.NotCallable, `cannot call a value of type ${typeToString(type)}`, e.callee.span,
      type.kind === "ptr" && type.to === null ? "convert it to a function type first: `(p as fn(u64) -> u64)(x)`" : undefined);
    for (const a of e.args) checkExpr(ctx, a, null);
    return errorExpr(e.span);
  }
  const params = type.params;
  if (e.args.length !== params.length) {
    const name = direct ? `'${direct.decl.name}'` : "this function";
    ctx.diags.error(Code.ArgCount,
      `${name} takes ${params.length} argument${params.length === 1 ? "" : "s"} but ${e.args.length} ${e.args.length === 1 ? "was" : "were"} given`,
      e.span, direct ? `declared as \`fn ${direct.decl.name}(${direct.decl.params.map((p) => p.name).join(", ")})\`` : undefined);
  }
  const args = e.args.map((a, i) => (i < params.length ? checkExprTo(ctx, a, params[i]) : checkExpr(ctx, a, null)));
  if (e.args.length !== params.length) return errorExpr(e.span);
  if (direct) return { kind: "call", func: direct.func, args, type: type.result, span: e.span };
  return { kind: "callIndirect", callee: callee!, args, type: type.result, span: e.span };
}

export function checkSyscall(ctx: Checker, e: Extract<syn.Expr, { kind: "syscall" }>): Expr {
  requireUnsafe(ctx, e.span, "`syscall`");
  if (e.args.length < 1 || e.args.length > 7) {
    ctx.diags.error(Code.BadSyscall, `syscall takes a number and at most 6 arguments, got ${e.args.length} operand${e.args.length === 1 ? "" : "s"}`,
      e.span, "syscall(nr, a1, ..., a6)");
    for (const a of e.args) checkExpr(ctx, a, null);
    return errorExpr(e.span);
  }
  const args = e.args.map((a) => syscallArg(ctx, a));
  return { kind: "syscall", args, type: I64, span: e.span };
}

function syscallArg(ctx: Checker, a: syn.Expr): Expr {
  const u = untypedValue(ctx, a);
  if (u !== null) return defaultLiteral(ctx, u, a.span);
  const x = checkExpr(ctx, a, null);
  const t = x.type;
  if (t.kind === "error") return x;
  if (t.kind === "int") return intToInt(x, t, (t.signed ? I64 : U64) as Extract<Type, { kind: "int" }>, a.span);
  if (t.kind === "bool") return mkConvert("boolToInt", x, U64, a.span);
  if (isPointerLike(t)) return mkConvert("ptrToInt", x, U64, a.span);
  ctx.diags.error(Code.BadSyscall, `a syscall argument must be an integer or a pointer, found ${typeToString(t)}`, a.span,
    t.kind === "struct" || t.kind === "array" ? "pass its address: `&value`" : undefined);
  return errorExpr(a.span);
}
