/**
 * TypeScript type annotations -> `TypeExpr` of the syntax IR. Machine types
 * and struct names become `named`, `Ptr<T>` a `pointer`, `FixedArray<T, N>`
 * an `array` (N a number literal type or `typeof CONST`), `(a: T) => R` a
 * `fn`, and a type predicate `x is T` (used by std for errors as values) is
 * a `bool`. Anything else gets an LW3xxx diagnostic naming the construct; a
 * placeholder type is returned so reading goes on.
 */
import type { ts } from "ts-morph";
import type { Expr, TypeExpr } from "../../ir/syntax.ts";
import { BUILTIN_TYPE_NAMES, error, spanOfNode, type Ctx } from "./context.ts";
import { DSL } from "./codes.ts";
import { parseIntLiteral } from "./literals.ts";

/** Reads a type annotation; `result` allows `void`/`never` (returns null: no result). */
export function readType(ctx: Ctx, node: ts.TypeNode, result = false): TypeExpr | null {
  const T = ctx.ts;
  const span = spanOfNode(ctx, node);
  const placeholder: TypeExpr = { kind: "named", name: "i64", span };
  const K = T.SyntaxKind;
  switch (node.kind) {
    case K.VoidKeyword:
    case K.NeverKeyword:
      if (result) return null;
      error(ctx, DSL.badType, `'${node.getText(ctx.sf)}' is only allowed as a function result`, node, "give the value a machine type such as u64");
      return placeholder;
    case K.NumberKeyword:
      error(ctx, DSL.numberType, "'number' is not a machine type", node, "use a machine integer type from \"lwanga\": u8, u16, u32, u64, i8, i16, i32 or i64");
      return placeholder;
    case K.StringKeyword:
      error(ctx, DSL.numberType, "'string' is not a machine type", node, "use 'str' from \"lwanga\" (a pointer to a NUL-terminated string)");
      return placeholder;
    case K.BigIntKeyword:
      error(ctx, DSL.numberType, "'bigint' is not a machine type", node, "use u64 or i64 from \"lwanga\"");
      return placeholder;
    case K.AnyKeyword:
    case K.UnknownKeyword:
      error(ctx, DSL.anyType, `'${node.getText(ctx.sf)}' is not supported: every value has a machine type`, node, "write the machine type (u64, i64, ptr, Ptr<T>, str, a struct...)");
      return placeholder;
    case K.BooleanKeyword:
      return { kind: "named", name: "bool", span };
  }
  if (T.isParenthesizedTypeNode(node)) return readType(ctx, node.type, result);
  if (T.isTypePredicateNode(node)) {
    if (result && !node.assertsModifier) return { kind: "named", name: "bool", span };
    error(ctx, DSL.badType, "a type predicate is only allowed as a function result", node, "return a bool");
    return placeholder;
  }
  if (T.isFunctionTypeNode(node)) {
    if (node.typeParameters) error(ctx, DSL.badType, "generic function types are not supported", node, "write the parameter types out");
    const params: TypeExpr[] = [];
    for (const p of node.parameters) {
      if (!p.type) {
        error(ctx, DSL.badType, "a function type parameter needs a type", p, "write `(x: u64) => u64`");
        params.push(placeholder);
      } else params.push(readType(ctx, p.type) ?? placeholder);
    }
    return { kind: "fn", params, result: readType(ctx, node.type, true), span };
  }
  if (T.isTypeReferenceNode(node)) {
    const name = T.isIdentifier(node.typeName) ? node.typeName.text : node.typeName.getText(ctx.sf);
    const args = node.typeArguments ?? [];
    const mapped = ctx.typeNames.get(name) ?? name;
    if (mapped === "Ptr") {
      if (args.length !== 1) {
        error(ctx, DSL.badType, "Ptr takes one type argument", node, "write Ptr<u8>, or 'ptr' for an untyped pointer");
        return placeholder;
      }
      return { kind: "pointer", to: readType(ctx, args[0]) ?? placeholder, span };
    }
    if (mapped === "FixedArray") {
      if (args.length !== 2) {
        error(ctx, DSL.badType, "FixedArray takes an element type and a length", node, "write FixedArray<u8, 64>");
        return placeholder;
      }
      return { kind: "array", elem: readType(ctx, args[0]) ?? placeholder, length: readLength(ctx, args[1]), span };
    }
    if (mapped === "Struct" || mapped === "Packed" || mapped === "SyscallArg") {
      error(ctx, DSL.badType, `'${name}' is not a value type`, node, mapped === "SyscallArg" ? "use u64, i64, ptr or str" : "declare a struct: `interface Name extends Struct { ... }`");
      return placeholder;
    }
    if (args.length > 0) {
      error(ctx, DSL.badType, `'${name}' takes no type arguments`, node, "generic types other than Ptr<T> and FixedArray<T, N> are not supported");
    }
    if (!T.isIdentifier(node.typeName)) {
      error(ctx, DSL.badType, `qualified type name '${name}' is not supported`, node, "import the type by name");
      return placeholder;
    }
    return { kind: "named", name: BUILTIN_TYPE_NAMES.get(mapped) ?? mapped, span };
  }
  if (T.isArrayTypeNode(node)) {
    error(ctx, DSL.badType, "JavaScript arrays are not supported", node, "use FixedArray<T, N> for an array of N values, or Ptr<T> for a pointer");
    return placeholder;
  }
  if (T.isUnionTypeNode(node) || T.isIntersectionTypeNode(node)) {
    error(ctx, DSL.badType, `${T.isUnionTypeNode(node) ? "union" : "intersection"} types are not supported`, node, "use one machine type");
    return placeholder;
  }
  if (T.isTupleTypeNode(node)) {
    error(ctx, DSL.badType, "tuple types are not supported", node, "use FixedArray<T, N> or a struct");
    return placeholder;
  }
  if (T.isTypeLiteralNode(node)) {
    error(ctx, DSL.badType, "object types are not supported", node, "declare a struct: `interface Name extends Struct { ... }`");
    return placeholder;
  }
  if (T.isLiteralTypeNode(node)) {
    error(ctx, DSL.badType, "literal types are not supported", node, "use a machine type such as u64");
    return placeholder;
  }
  error(ctx, DSL.badType, `this type ('${node.getText(ctx.sf)}') is not supported`, node, "use a machine type, Ptr<T>, FixedArray<T, N> or a struct");
  return placeholder;
}

/** The `N` of `FixedArray<T, N>`: a number literal type or `typeof CONST`. */
function readLength(ctx: Ctx, node: ts.TypeNode): Expr {
  const T = ctx.ts;
  const span = spanOfNode(ctx, node);
  if (T.isLiteralTypeNode(node) && T.isNumericLiteral(node.literal)) {
    const text = node.literal.getText(ctx.sf);
    const lit = parseIntLiteral(text);
    if (lit.kind === "int") return { kind: "int", value: lit.value, char: false, text, span };
  }
  if (T.isTypeQueryNode(node) && T.isIdentifier(node.exprName)) {
    return { kind: "name", name: node.exprName.text, span };
  }
  error(ctx, DSL.badType, "a FixedArray length must be an integer literal or `typeof CONST`", node, "write FixedArray<u8, 64> or FixedArray<u8, typeof SIZE>");
  return { kind: "int", value: 1n, char: false, text: "1", span };
}
