/**
 * TypeScript expressions -> `Expr` of the syntax IR. Operators map one to
 * one (`===` is `==`, `>>>` stays a logical shift); literals are read from
 * their source text; `x as T` is a cast; object and array literals become
 * struct and array literals, the struct named by the type the context
 * expects (`expected`). Calls of "lwanga" builtins are handed to
 * builtins.ts. Everything outside the subset gets an LW3xxx diagnostic and an
 * `int 0` placeholder so that reading continues and several errors show.
 */
import type { ts } from "ts-morph";
import type { BinaryOp, Expr, Span, TypeExpr } from "../../ir/syntax.ts";
import { error, lookupVarType, spanOfNode, type Ctx, type FnSig } from "./context.ts";
import { DSL } from "./codes.ts";
import { parseIntLiteral, utf8 } from "./literals.ts";
import { readType } from "./types.ts";
import { readBuiltinCall } from "./builtins.ts";

const SCALARS = new Set(["u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "bool", "ptr", "str"]);

export function placeholder(span: Span): Expr {
  return { kind: "int", value: 0n, char: false, text: "0", span };
}

/** TypeScript binary operator token -> IR operator (null: not in the subset). */
export function binaryOpOf(ctx: Ctx, kind: ts.SyntaxKind): BinaryOp | null {
  const K = ctx.ts.SyntaxKind;
  switch (kind) {
    case K.PlusToken: return "+";
    case K.MinusToken: return "-";
    case K.AsteriskToken: return "*";
    case K.SlashToken: return "/";
    case K.PercentToken: return "%";
    case K.AmpersandToken: return "&";
    case K.BarToken: return "|";
    case K.CaretToken: return "^";
    case K.LessThanLessThanToken: return "<<";
    case K.GreaterThanGreaterThanToken: return ">>";
    case K.GreaterThanGreaterThanGreaterThanToken: return ">>>";
    case K.EqualsEqualsToken: case K.EqualsEqualsEqualsToken: return "==";
    case K.ExclamationEqualsToken: case K.ExclamationEqualsEqualsToken: return "!=";
    case K.LessThanToken: return "<";
    case K.LessThanEqualsToken: return "<=";
    case K.GreaterThanToken: return ">";
    case K.GreaterThanEqualsToken: return ">=";
    case K.AmpersandAmpersandToken: return "&&";
    case K.BarBarToken: return "||";
    default: return null;
  }
}

/** Compound assignment token -> its operator (`+=` -> `+`); null if not one. */
export function compoundOpOf(ctx: Ctx, kind: ts.SyntaxKind): BinaryOp | null {
  const K = ctx.ts.SyntaxKind;
  switch (kind) {
    case K.PlusEqualsToken: return "+";
    case K.MinusEqualsToken: return "-";
    case K.AsteriskEqualsToken: return "*";
    case K.SlashEqualsToken: return "/";
    case K.PercentEqualsToken: return "%";
    case K.AmpersandEqualsToken: return "&";
    case K.BarEqualsToken: return "|";
    case K.CaretEqualsToken: return "^";
    case K.LessThanLessThanEqualsToken: return "<<";
    case K.GreaterThanGreaterThanEqualsToken: return ">>";
    case K.GreaterThanGreaterThanGreaterThanEqualsToken: return ">>>";
    default: return null;
  }
}

export function isAssignmentOperator(ctx: Ctx, kind: ts.SyntaxKind): boolean {
  const K = ctx.ts.SyntaxKind;
  return kind >= K.FirstAssignment && kind <= K.LastAssignment;
}

function stripParens(ctx: Ctx, node: ts.Expression): ts.Expression {
  while (ctx.ts.isParenthesizedExpression(node)) node = node.expression;
  return node;
}

export function readExpr(ctx: Ctx, node: ts.Expression, expected: TypeExpr | null = null): Expr {
  const T = ctx.ts;
  const K = T.SyntaxKind;
  const span = spanOfNode(ctx, node);

  if (T.isParenthesizedExpression(node)) return readExpr(ctx, node.expression, expected);
  if (T.isNumericLiteral(node) || T.isBigIntLiteral(node)) return readIntLiteral(ctx, node);
  if (T.isStringLiteral(node) || T.isNoSubstitutionTemplateLiteral(node)) {
    return { kind: "string", bytes: utf8(node.text), span };
  }
  if (T.isIdentifier(node)) {
    switch (node.text) {
      case "undefined":
        error(ctx, DSL.nullish, "'undefined' is not a value in the DSL", node, "use 0 for a null pointer or an explicit value");
        return placeholder(span);
      case "NaN": case "Infinity":
        error(ctx, DSL.float, `'${node.text}' is a floating-point value; the DSL has integers only`, node, "use an integer");
        return placeholder(span);
    }
    return { kind: "name", name: node.text, span };
  }
  switch (node.kind) {
    case K.TrueKeyword: return { kind: "bool", value: true, span };
    case K.FalseKeyword: return { kind: "bool", value: false, span };
    case K.NullKeyword:
      error(ctx, DSL.nullish, "'null' is not a value in the DSL", node, "use 0 for a null pointer");
      return placeholder(span);
    case K.ThisKeyword: case K.SuperKeyword:
      error(ctx, DSL.thisExpr, `'${node.getText(ctx.sf)}' is not supported: there are no classes`, node, "pass the struct (or a Ptr to it) as a parameter");
      return placeholder(span);
  }
  if (T.isPrefixUnaryExpression(node)) {
    switch (node.operator) {
      case K.MinusToken: return { kind: "unary", op: "-", operand: readExpr(ctx, node.operand), span };
      case K.ExclamationToken: return { kind: "unary", op: "!", operand: readExpr(ctx, node.operand), span };
      case K.TildeToken: return { kind: "unary", op: "~", operand: readExpr(ctx, node.operand), span };
      case K.PlusToken:
        error(ctx, DSL.badExpr, "unary '+' (conversion to number) is not supported", node, "remove the '+', or convert with `x as u64`");
        return readExpr(ctx, node.operand);
      default:
        error(ctx, DSL.assignInExpr, `'${node.getText(ctx.sf)}' changes a variable inside an expression`, node, "write the increment as its own statement (`i++;`) and use the variable after it");
        return readExpr(ctx, node.operand);
    }
  }
  if (T.isPostfixUnaryExpression(node)) {
    error(ctx, DSL.assignInExpr, `'${node.getText(ctx.sf)}' changes a variable inside an expression`, node, "write the increment as its own statement (`i++;`) and use the variable after it");
    return readExpr(ctx, node.operand);
  }
  if (T.isBinaryExpression(node)) return readBinary(ctx, node, expected);
  if (T.isConditionalExpression(node)) {
    return {
      kind: "conditional",
      cond: readExpr(ctx, node.condition),
      then: readExpr(ctx, node.whenTrue, expected),
      else: readExpr(ctx, node.whenFalse, expected),
      span,
    };
  }
  if (T.isAsExpression(node) || T.isTypeAssertionExpression(node)) {
    if (T.isConstTypeReference(node.type)) {
      error(ctx, DSL.badExpr, "'as const' is not supported", node, "declare a module-level `const NAME: T = value;`");
      return readExpr(ctx, node.expression);
    }
    const type = readType(ctx, node.type) ?? { kind: "named", name: "i64", span };
    const inner = stripParens(ctx, node.expression);
    // An object literal is not converted: `{...} as Point` names its struct.
    if (T.isObjectLiteralExpression(inner) || T.isArrayLiteralExpression(inner)) return readExpr(ctx, inner, type);
    return { kind: "cast", operand: readExpr(ctx, node.expression), type, span };
  }
  if (T.isSatisfiesExpression(node)) {
    const type = readType(ctx, node.type);
    return readExpr(ctx, node.expression, type);
  }
  if (T.isNonNullExpression(node)) {
    error(ctx, DSL.badExpr, "the non-null assertion '!' is not supported", node, "values are never null or undefined in the DSL; remove the '!'");
    return readExpr(ctx, node.expression, expected);
  }
  if (T.isCallExpression(node)) return readCall(ctx, node, expected);
  if (T.isPropertyAccessExpression(node)) {
    if (node.questionDotToken) {
      error(ctx, DSL.badExpr, "optional chaining '?.' is not supported", node, "use '.'");
    }
    if (T.isPrivateIdentifier(node.name)) {
      error(ctx, DSL.classDecl, "private names are not supported", node.name, "use a struct field");
      return placeholder(span);
    }
    return { kind: "field", base: readExpr(ctx, node.expression), field: node.name.text, fieldSpan: spanOfNode(ctx, node.name), span };
  }
  if (T.isElementAccessExpression(node)) {
    if (node.questionDotToken) error(ctx, DSL.badExpr, "optional chaining '?.[' is not supported", node, "use 'a[i]'");
    return { kind: "index", base: readExpr(ctx, node.expression), index: readExpr(ctx, node.argumentExpression), span };
  }
  if (T.isObjectLiteralExpression(node)) return readObjectLiteral(ctx, node, expected);
  if (T.isArrayLiteralExpression(node)) return readArrayLiteral(ctx, node, expected);
  if (T.isArrowFunction(node) || T.isFunctionExpression(node)) {
    error(ctx, DSL.closure, `${T.isArrowFunction(node) ? "an arrow function" : "a function expression"} (closure) is not supported here`, node,
      "declare a top-level `function` and call it by name; arrow functions are only allowed as the argument of unsafe(() => ...)");
    return placeholder(span);
  }
  if (T.isAwaitExpression(node)) {
    error(ctx, DSL.async, "'await' is not supported: programs are synchronous", node, "call the function directly; syscalls block until done");
    return readExpr(ctx, node.expression, expected);
  }
  if (T.isYieldExpression(node)) {
    error(ctx, DSL.generator, "'yield' is not supported: there are no generators", node, "write a loop that calls a function for each value");
    return placeholder(span);
  }
  if (T.isNewExpression(node)) {
    const callee = node.expression.getText(ctx.sf);
    if (callee === "Function") {
      error(ctx, DSL.evalCall, "'new Function' evaluates code at run time and is not supported", node, "write the code as a function");
    } else {
      error(ctx, DSL.badExpr, `'new ${callee}' is not supported: there are no classes or heap objects`, node,
        "build a struct with an object literal (`const p: Point = { x: 1, y: 2 }`) or a FixedArray with `[]`");
    }
    return placeholder(span);
  }
  if (T.isTemplateExpression(node) || T.isTaggedTemplateExpression(node)) {
    error(ctx, DSL.badExpr, "template literals with substitutions are not supported", node, "print the parts one after another (print(\"n = \"); printU64(n))");
    return placeholder(span);
  }
  if (T.isTypeOfExpression(node) || T.isDeleteExpression(node) || T.isVoidExpression(node)) {
    const word = T.isTypeOfExpression(node) ? "typeof" : T.isDeleteExpression(node) ? "delete" : "void";
    error(ctx, DSL.badExpr, `the '${word}' operator is not supported`, node,
      word === "typeof" ? "types are known at compile time; use sizeof<T>() for sizes" : "remove it");
    return placeholder(span);
  }
  if (T.isRegularExpressionLiteral(node)) {
    error(ctx, DSL.badExpr, "regular expressions are not supported", node, "compare bytes with load<u8>(s, i)");
    return placeholder(span);
  }
  if (T.isSpreadElement(node)) {
    error(ctx, DSL.badExpr, "spread '...' is not supported", node, "pass the values one by one");
    return placeholder(span);
  }
  if (T.isClassExpression(node)) {
    error(ctx, DSL.classDecl, "classes are not supported", node, "declare a struct: `interface Name extends Struct { ... }` and functions that take it");
    return placeholder(span);
  }
  if (node.kind === K.ImportKeyword) {
    error(ctx, DSL.dynamicImport, "dynamic import is not supported", node, "use a static `import { f } from \"./file.ts\"` at the top of the file");
    return placeholder(span);
  }
  error(ctx, DSL.badExpr, `this expression ('${truncate(node.getText(ctx.sf))}') is not supported in the DSL`, node, "use integers, pointers, structs, fixed arrays and calls of DSL functions");
  return placeholder(span);
}

function truncate(s: string): string {
  const one = s.replace(/\s+/g, " ");
  return one.length > 40 ? one.slice(0, 37) + "..." : one;
}

function readIntLiteral(ctx: Ctx, node: ts.NumericLiteral | ts.BigIntLiteral): Expr {
  const span = spanOfNode(ctx, node);
  const text = node.getText(ctx.sf);
  const lit = parseIntLiteral(text);
  switch (lit.kind) {
    case "int": return { kind: "int", value: lit.value, char: false, text, span };
    case "float":
      error(ctx, DSL.float, `floating-point literal '${text}' is not supported; the DSL has integers only`, node, "use an integer (scale the value, e.g. milliseconds instead of seconds)");
      break;
    case "legacyOctal":
      error(ctx, DSL.leadingZero, `'${text}' has a leading zero (TypeScript reads it as octal)`, node, `write 0o${text.replace(/^0+/, "") || "0"} for octal or drop the leading zero`);
      break;
    case "tooLarge":
      error(ctx, DSL.intTooLarge, `integer literal '${text}' does not fit in 64 bits`, node, "the largest value is 18446744073709551615 (0xFFFF_FFFF_FFFF_FFFF)");
      break;
  }
  return placeholder(span);
}

function readBinary(ctx: Ctx, node: ts.BinaryExpression, expected: TypeExpr | null): Expr {
  const T = ctx.ts;
  const K = T.SyntaxKind;
  const span = spanOfNode(ctx, node);
  const kind = node.operatorToken.kind;
  if (isAssignmentOperator(ctx, kind)) {
    error(ctx, DSL.assignInExpr, "an assignment is not allowed inside an expression", node, "write the assignment as its own statement");
    return readExpr(ctx, node.right, expected);
  }
  const op = binaryOpOf(ctx, kind);
  if (op) {
    return { kind: "binary", op, left: readExpr(ctx, node.left), right: readExpr(ctx, node.right), span };
  }
  const opText = node.operatorToken.getText(ctx.sf);
  const help =
    kind === K.AsteriskAsteriskToken ? "multiply in a loop, or shift (1 << n) for powers of two"
    : kind === K.QuestionQuestionToken ? "values are never null; use the left operand, or a conditional `c ? a : b`"
    : kind === K.CommaToken ? "write each expression as its own statement"
    : kind === K.InKeyword || kind === K.InstanceOfKeyword ? "types are known at compile time; there are no run-time type tests"
    : "use the supported operators: + - * / % & | ^ << >> >>> == != < <= > >= && ||";
  error(ctx, DSL.badExpr, `the operator '${opText}' is not supported`, node.operatorToken, help);
  readExpr(ctx, node.left);
  readExpr(ctx, node.right);
  return placeholder(span);
}

function readCall(ctx: Ctx, node: ts.CallExpression, expected: TypeExpr | null): Expr {
  const T = ctx.ts;
  const span = spanOfNode(ctx, node);
  const callee = node.expression;
  if (callee.kind === T.SyntaxKind.ImportKeyword) {
    error(ctx, DSL.dynamicImport, "dynamic import() is not supported", node, "use a static `import { f } from \"./file.ts\"` at the top of the file");
    return placeholder(span);
  }
  if (T.isIdentifier(callee)) {
    const builtin = ctx.builtins.get(callee.text);
    if (builtin) return readBuiltinCall(ctx, builtin, node, expected);
    if (callee.text === "eval") {
      error(ctx, DSL.evalCall, "eval() runs code at run time and is not supported", node, "write the code directly");
      return placeholder(span);
    }
    if (callee.text === "require") {
      error(ctx, DSL.dynamicImport, "require() is not supported", node, "use a static `import { f } from \"./file.ts\"`");
      return placeholder(span);
    }
    if (node.questionDotToken) error(ctx, DSL.badExpr, "optional call '?.(' is not supported", node, "call the function directly");
    if (node.typeArguments) error(ctx, DSL.badFunction, "type arguments on a call are only allowed for load, store, sizeof and zero", node, "remove the type arguments");
    const sig = calleeSignature(ctx, callee.text);
    const args = node.arguments.map((a, i) => readExpr(ctx, a, sig?.params[i] ?? null));
    return { kind: "call", callee: { kind: "name", name: callee.text, span: spanOfNode(ctx, callee) }, args, span };
  }
  if (T.isPropertyAccessExpression(callee)) {
    const text = callee.getText(ctx.sf);
    const help = text.startsWith("console.") ? "print with print(\"...\") from \"lwanga/std/io\""
      : "call a top-level function with the value as an argument: f(x) instead of x.f()";
    error(ctx, DSL.badCall, `'${truncate(text)}(...)' calls a method, which the DSL does not have`, node, help);
  } else {
    error(ctx, DSL.badCall, `'${truncate(callee.getText(ctx.sf))}' is not a DSL function or builtin and cannot be called`, node, "call a function declared with `function name(...)` by its name");
  }
  for (const a of node.arguments) readExpr(ctx, a);
  return placeholder(span);
}

/**
 * The parameter types of what `name(...)` calls, for object-literal arguments:
 * a variable in scope (local, then global) declared with a function type,
 * else a function of this file.
 */
function calleeSignature(ctx: Ctx, name: string): FnSig | null {
  if (!ctx.scopes.some((scope) => scope.has(name)) && !ctx.globals.has(name)) return ctx.functions.get(name) ?? null;
  const t = lookupVarType(ctx, name);
  return t && t.kind === "fn" ? { params: t.params, result: t.result } : null;
}

function readObjectLiteral(ctx: Ctx, node: ts.ObjectLiteralExpression, expected: TypeExpr | null): Expr {
  const T = ctx.ts;
  const span = spanOfNode(ctx, node);
  if (!expected || expected.kind !== "named" || SCALARS.has(expected.name)) {
    error(ctx, DSL.objectLiteral,
      expected ? "an object literal can only build a struct" : "an object literal needs a struct type from its context",
      node, "write it where a struct type is declared: `const p: Point = { x: 1, y: 2 };` or `{ ... } as Point`");
    return placeholder(span);
  }
  const fieldTypes = ctx.structs.get(expected.name);
  const fields: { name: string; value: Expr; span: Span }[] = [];
  for (const prop of node.properties) {
    const pspan = spanOfNode(ctx, prop);
    if (T.isPropertyAssignment(prop) && (T.isIdentifier(prop.name) || T.isStringLiteral(prop.name))) {
      const name = prop.name.text;
      fields.push({ name, value: readExpr(ctx, prop.initializer, fieldTypes?.get(name) ?? null), span: pspan });
    } else if (T.isShorthandPropertyAssignment(prop)) {
      fields.push({ name: prop.name.text, value: { kind: "name", name: prop.name.text, span: spanOfNode(ctx, prop.name) }, span: pspan });
    } else {
      error(ctx, DSL.objectLiteral, "only `field: value` entries are allowed in a struct literal", prop, "write each field as `name: value` (no spreads, methods, getters or computed names)");
    }
  }
  return { kind: "structLit", name: expected.name, nameSpan: expected.span, fields, span };
}

function readArrayLiteral(ctx: Ctx, node: ts.ArrayLiteralExpression, expected: TypeExpr | null): Expr {
  const T = ctx.ts;
  const span = spanOfNode(ctx, node);
  if (expected && expected.kind !== "array" && expected.kind !== "named") {
    error(ctx, DSL.arrayLiteral, "an array literal can only build a FixedArray", node, "declare the variable as FixedArray<T, N>");
  } else if (expected && expected.kind === "named" && expected.name !== "ptr") {
    error(ctx, DSL.arrayLiteral, `an array literal cannot be a '${expected.name}'`, node, "declare the variable as FixedArray<T, N>");
  }
  const elemType = expected && expected.kind === "array" ? expected.elem : null;
  const elements: Expr[] = [];
  for (const e of node.elements) {
    if (T.isSpreadElement(e) || T.isOmittedExpression(e)) {
      error(ctx, DSL.arrayLiteral, T.isSpreadElement(e) ? "spread '...' is not supported in an array literal" : "holes are not supported in an array literal", e.kind === T.SyntaxKind.OmittedExpression ? node : e, "write every element; missing trailing elements are zero");
      continue;
    }
    elements.push(readExpr(ctx, e, elemType));
  }
  return { kind: "arrayLit", elements, span };
}

/** The type the target of an assignment was declared with, when this file knows it. */
export function targetType(ctx: Ctx, target: ts.Expression): TypeExpr | null {
  const T = ctx.ts;
  target = stripParens(ctx, target);
  if (T.isIdentifier(target)) return lookupVarType(ctx, target.text);
  if (T.isPropertyAccessExpression(target)) {
    const base = targetType(ctx, target.expression);
    if (base && base.kind === "named") return ctx.structs.get(base.name)?.get(target.name.text) ?? null;
  }
  if (T.isElementAccessExpression(target)) {
    const base = targetType(ctx, target.expression);
    if (base && base.kind === "array") return base.elem;
  }
  return null;
}
