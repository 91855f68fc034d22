/**
 * Calls of the "lwanga" builtins -> syntax IR. `unsafe(() => e)` becomes an
 * unsafe `blockExpr` (inlined; no closure exists at run time), `syscall` a
 * `syscall` node, `addressOf`/`deref` their IR nodes, `load<T>(p, off)` a
 * `deref` of `(p as ptr + off) as *T` (offsets count bytes), `sizeof<T>()`
 * a `sizeof`, `enc("...")` an `enc`, `u64(123n)` a cast of the literal,
 * `zero<T>()` a zero value. `store<T>(p, v, off)` is a statement (stmt.ts
 * calls `readStore`).
 */
import type { ts } from "ts-morph";
import type { Expr, Span, Stmt, TypeExpr } from "../../ir/syntax.ts";
import { error, spanOfNode, type Ctx } from "./context.ts";
import { DSL } from "./codes.ts";
import { placeholder, readExpr } from "./expr.ts";
import { readType } from "./types.ts";
import { readStatements } from "./stmt.ts";
import { utf8 } from "./literals.ts";
import { readAsm } from "./asm.ts";

const INT_NAMES = new Set(["u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "bool", "ptr", "str"]);

function argCount(ctx: Ctx, node: ts.CallExpression, name: string, min: number, max: number, usage: string): boolean {
  const n = node.arguments.length;
  if (n >= min && n <= max) return true;
  error(ctx, DSL.builtinMisuse, `${name} takes ${min === max ? min : `${min} to ${max}`} argument${max === 1 ? "" : "s"}, not ${n}`, node, `write ${usage}`);
  return false;
}

function typeArg(ctx: Ctx, node: ts.CallExpression, name: string, usage: string, required: boolean): TypeExpr | null {
  const args = node.typeArguments;
  if (!args || args.length === 0) {
    if (required) error(ctx, DSL.builtinMisuse, `${name} needs a type argument`, node, `write ${usage}`);
    return null;
  }
  return readType(ctx, args[0]);
}

/** `(p as ptr + off) as *T`, or `p` alone when there is neither offset nor type. */
function address(ctx: Ctx, p: Expr, off: Expr | null, type: TypeExpr | null, span: Span): Expr {
  if (!type) return p;
  const bytePtr: Expr = { kind: "cast", operand: p, type: { kind: "named", name: "ptr", span }, span };
  const at: Expr = off ? { kind: "binary", op: "+", left: bytePtr, right: off, span } : bytePtr;
  return { kind: "cast", operand: at, type: { kind: "pointer", to: type, span }, span };
}

export function readBuiltinCall(ctx: Ctx, builtin: string, node: ts.CallExpression, expected: TypeExpr | null): Expr {
  const T = ctx.ts;
  const span = spanOfNode(ctx, node);
  const args = node.arguments;
  switch (builtin) {
    case "syscall": {
      if (!argCount(ctx, node, "syscall", 1, 7, "syscall(nr, a1, ..., a6)")) return placeholder(span);
      return { kind: "syscall", args: args.map((a) => readExpr(ctx, a)), span };
    }
    case "unsafe":
      return readUnsafe(ctx, node, expected);
    case "asm":
      // `unsafe(() => asm(...))`: a statement in a value-less block.
      return { kind: "blockExpr", body: [readAsm(ctx, node)], result: null, unsafe: false, span };
    case "addressOf":
      if (!argCount(ctx, node, "addressOf", 1, 1, "addressOf(x)")) return placeholder(span);
      return { kind: "addressOf", operand: readExpr(ctx, args[0]), span };
    case "ptrOf":
      if (!argCount(ctx, node, "ptrOf", 1, 1, "ptrOf(s)")) return placeholder(span);
      return { kind: "cast", operand: readExpr(ctx, args[0]), type: { kind: "named", name: "ptr", span: spanOfNode(ctx, node.expression) }, span };
    case "deref":
      if (!argCount(ctx, node, "deref", 1, 1, "deref(p)")) return placeholder(span);
      return { kind: "deref", operand: readExpr(ctx, args[0]), span };
    case "load": {
      if (!argCount(ctx, node, "load", 1, 2, "load<u64>(p, offset)")) return placeholder(span);
      const type = typeArg(ctx, node, "load", "load<u64>(p, offset)", args.length > 1);
      const p = readExpr(ctx, args[0]);
      const off = args.length > 1 ? readExpr(ctx, args[1]) : null;
      return { kind: "deref", operand: address(ctx, p, off, type, span), span };
    }
    case "store":
      error(ctx, DSL.builtinMisuse, "store(...) writes memory and has no value", node, "call store<T>(p, value, offset) as a statement of its own");
      return placeholder(span);
    case "sizeof": {
      argCount(ctx, node, "sizeof", 0, 0, "sizeof<T>()");
      const type = typeArg(ctx, node, "sizeof", "sizeof<u64>()", true);
      return type ? { kind: "sizeof", type, span } : placeholder(span);
    }
    case "zero": {
      argCount(ctx, node, "zero", 0, 0, "zero<T>()");
      const type = typeArg(ctx, node, "zero", "zero<Point>()", false) ?? expected;
      if (!type) {
        error(ctx, DSL.builtinMisuse, "zero() needs a type", node, "write zero<Point>() or declare the variable's type");
        return placeholder(span);
      }
      return zeroValue(type, span);
    }
    case "enc": {
      if (!argCount(ctx, node, "enc", 1, 1, "enc(\"text\")")) return placeholder(span);
      const a = args[0];
      if (!T.isStringLiteral(a) && !T.isNoSubstitutionTemplateLiteral(a)) {
        error(ctx, DSL.builtinMisuse, "enc takes a string literal", a, "write enc(\"secret text\")");
        return placeholder(span);
      }
      // The checker types `enc` as `ptr` (a decrypted buffer); the DSL
      // declares it `str` (NUL-terminated) so it prints like any string.
      const encrypted: Expr = { kind: "enc", bytes: utf8(a.text), span };
      return { kind: "cast", operand: encrypted, type: { kind: "named", name: "str", span }, span };
    }
    case "u64":
    case "i64": {
      if (!argCount(ctx, node, builtin, 1, 1, `${builtin}(18446744073709551615n)`)) return placeholder(span);
      let lit: ts.Expression = args[0];
      if (T.isPrefixUnaryExpression(lit) && lit.operator === T.SyntaxKind.MinusToken) lit = lit.operand;
      if (!T.isBigIntLiteral(lit) && !T.isNumericLiteral(lit)) {
        error(ctx, DSL.builtinMisuse, `${builtin}(...) takes an integer literal`, args[0], `convert a value with \`x as ${builtin}\``);
        return placeholder(span);
      }
      return { kind: "cast", operand: readExpr(ctx, args[0]), type: { kind: "named", name: builtin, span: spanOfNode(ctx, node.expression) }, span };
    }
  }
  error(ctx, DSL.builtinMisuse, `'${builtin}' is not a builtin`, node);
  return placeholder(span);
}

/** The all-zero value of a type, as an expression. */
export function zeroValue(type: TypeExpr, span: Span): Expr {
  if (type.kind === "named" && type.name === "bool") return { kind: "bool", value: false, span };
  if (type.kind === "named" && INT_NAMES.has(type.name)) {
    return { kind: "cast", operand: { kind: "int", value: 0n, char: false, text: "0", span }, type, span };
  }
  if (type.kind === "pointer" || type.kind === "fn") {
    return { kind: "cast", operand: { kind: "int", value: 0n, char: false, text: "0", span }, type, span };
  }
  if (type.kind === "array") return { kind: "arrayLit", elements: [], span };
  return { kind: "structLit", name: type.name, nameSpan: type.span, fields: [], span };
}

/** True when `expr` is a call of the "lwanga" `zero` builtin (a `let` then needs no initialiser). */
export function isZeroCall(ctx: Ctx, expr: ts.Expression): boolean {
  return ctx.ts.isCallExpression(expr) && ctx.ts.isIdentifier(expr.expression) && ctx.builtins.get(expr.expression.text) === "zero";
}

/** `store<T>(p, value, offset)` as a statement: an assignment through a pointer. */
export function readStore(ctx: Ctx, node: ts.CallExpression): Stmt {
  const span = spanOfNode(ctx, node);
  const args = node.arguments;
  if (!argCount(ctx, node, "store", 2, 3, "store<u64>(p, value, offset)")) return { kind: "expr", expr: placeholder(span), span };
  const type = typeArg(ctx, node, "store", "store<u64>(p, value, offset)", args.length > 2);
  const p = readExpr(ctx, args[0]);
  const value = readExpr(ctx, args[1], type);
  const off = args.length > 2 ? readExpr(ctx, args[2]) : null;
  return { kind: "assign", target: { kind: "deref", operand: address(ctx, p, off, type, span), span }, op: null, value, span };
}

/**
 * `unsafe(() => expr)` and `unsafe(() => { ...; return v; })`: an unsafe
 * block expression. A `return` other than the block's last statement would
 * return from the arrow function in TypeScript, not from the enclosing
 * function, so it is rejected rather than given a different meaning.
 */
export function readUnsafe(ctx: Ctx, node: ts.CallExpression, expected: TypeExpr | null): Expr {
  const T = ctx.ts;
  const span = spanOfNode(ctx, node);
  const fn = node.arguments[0];
  if (node.arguments.length !== 1 || !fn || !(T.isArrowFunction(fn) || T.isFunctionExpression(fn))) {
    error(ctx, DSL.builtinMisuse, "unsafe takes one arrow function", node, "write unsafe(() => syscall(...)) or unsafe(() => { ... })");
    return placeholder(span);
  }
  if (fn.parameters.length > 0) {
    error(ctx, DSL.builtinMisuse, "the function given to unsafe takes no parameters", fn.parameters[0], "write unsafe(() => ...)");
  }
  if (fn.modifiers?.some((m) => m.kind === T.SyntaxKind.AsyncKeyword)) {
    error(ctx, DSL.async, "an async function is not supported", fn, "write unsafe(() => ...)");
  }
  if (!T.isBlock(fn.body)) {
    return { kind: "blockExpr", body: [], result: readExpr(ctx, fn.body, expected), unsafe: true, span };
  }
  const stmts = fn.body.statements;
  const last = stmts[stmts.length - 1];
  const finalReturn = last && T.isReturnStatement(last) ? last : null;
  ctx.scopes.push(new Map());
  ctx.unsafeDepth++; // a nested `return` is rejected (stmt.ts)
  const body = readStatements(ctx, finalReturn ? stmts.slice(0, -1) : stmts);
  ctx.unsafeDepth--;
  const result = finalReturn?.expression ? readExpr(ctx, finalReturn.expression, expected) : null;
  ctx.scopes.pop();
  return { kind: "blockExpr", body, result, unsafe: true, span };
}
