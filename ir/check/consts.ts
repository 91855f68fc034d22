/**
 * Constants: untyped integer literals and how they adapt to the type a
 * context expects (LANGUAGE.md "Conversions"), `const` declarations
 * (evaluated lazily so they may be used before they are declared; a cycle
 * is an error), array lengths, and the translation of folded expressions
 * into `ConstValue`s for global initialisers.
 *
 * An untyped integer is an integer literal, a unary minus or an arithmetic
 * operator over untyped integers (computed exactly, without wrapping), or
 * the name of a DSL constant declared without a type. It takes the type the
 * context expects; without one it is `u64` (or `i64` when negative).
 */
import type { Span } from "../../diagnostics/diagnostics.ts";
import type * as syn from "../syntax.ts";
import type { ConstValue, Expr, Global, Type } from "../checked.ts";
import { I64, U64, isAggregate, typeToString } from "../types.ts";
import { Code } from "./codes.ts";
import { errorExpr, isConst, mkConst, mkConvert, valueOf } from "./fold.ts";
import { lookupValue } from "./names.ts";
import type { Checker, ConstResult, TopEntry } from "./state.ts";
import { resolveType } from "./types.ts";
import { checkExpr, checkExprTo } from "./expr.ts";

const MAX_ARRAY_LENGTH = 1n << 32n;

/** The exact value of an untyped integer expression, or null when `e` is typed. Reports nothing. */
export function untypedValue(ctx: Checker, e: syn.Expr): bigint | null {
  switch (e.kind) {
    case "int": return e.char ? null : e.value;
    case "unary": {
      if (e.op !== "-") return null;
      const v = untypedValue(ctx, e.operand);
      return v === null ? null : -v;
    }
    case "binary": {
      const a = untypedValue(ctx, e.left);
      if (a === null) return null;
      const b = untypedValue(ctx, e.right);
      if (b === null) return null;
      switch (e.op) {
        case "+": return a + b;
        case "-": return a - b;
        case "*": return a * b;
        case "/": return b === 0n ? null : a / b;
        case "%": return b === 0n ? null : a % b;
        case "&": return a & b;
        case "|": return a | b;
        case "^": return a ^ b;
        case "<<": return b >= 0n && b < 64n ? a << b : null;
        case ">>": return b >= 0n && b < 64n ? a >> b : null;
        default: return null;
      }
    }
    case "name": {
      const found = lookupValue(ctx, e.name);
      if (!found || found.kind !== "const") return null;
      if ("decl" in found) {
        if (found.state === "busy") return null;
        return evalTopConst(ctx, found, e.span).untyped;
      }
      return found.value.untyped;
    }
    default: return null;
  }
}

function fits(v: bigint, t: Extract<Type, { kind: "int" }>): boolean {
  const bits = BigInt(t.bits);
  return t.signed ? v >= -(1n << (bits - 1n)) && v < 1n << (bits - 1n) : v >= 0n && v < 1n << bits;
}

/** An untyped integer `v` made into a value of type `to`, with the range rules of LANGUAGE.md. */
export function literalTo(ctx: Checker, v: bigint, to: Type, span: Span): Expr {
  switch (to.kind) {
    case "error": return errorExpr(span);
    case "int": {
      if (fits(v, to)) return mkConst(v, to, span);
      if (v < 0n && !to.signed && fits(v, { kind: "int", bits: to.bits, signed: true })) {
        ctx.diags.warning(Code.NegativeUnsigned,
          `negative literal ${v} used as ${typeToString(to)} means ${BigInt.asUintN(to.bits, v)} (two's complement)`, span,
          `write \`${v} as ${typeToString(to)}\` to make this explicit`);
        return mkConst(v, to, span);
      }
      ctx.diags.error(Code.LiteralRange, `literal ${v} does not fit in ${typeToString(to)}`, span,
        rangeHelp(to));
      return errorExpr(span);
    }
    case "ptr": {
      if (v === 0n) return { kind: "const", value: 0n, type: to, span };
      if (v < 0n && v >= -(1n << 63n)) {
        ctx.diags.warning(Code.NegativeUnsigned, `negative literal ${v} used as ${typeToString(to)} means its two's-complement bit pattern`, span);
        return mkConvert("intToPtr", mkConst(v, U64, span), to, span);
      }
      ctx.diags.error(Code.TypeMismatch, `expected ${typeToString(to)}, found integer literal ${v}`, span,
        `only the literal 0 converts to a pointer; write \`${v} as ${typeToString(to)}\``);
      return errorExpr(span);
    }
    default:
      ctx.diags.error(Code.TypeMismatch, `expected ${typeToString(to)}, found integer literal`, span,
        to.kind === "bool" ? "use `true` or `false`" : undefined);
      return errorExpr(span);
  }
}

function rangeHelp(t: Extract<Type, { kind: "int" }>): string {
  const bits = BigInt(t.bits);
  const lo = t.signed ? -(1n << (bits - 1n)) : 0n;
  const hi = t.signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
  return `${typeToString(t)} holds ${lo}..${hi}; use \`as\` to truncate`;
}

/** The type an untyped integer takes without context: u64, or i64 when negative. */
export function defaultLiteral(ctx: Checker, v: bigint, span: Span): Expr {
  return literalTo(ctx, v, v < 0n ? I64 : U64, span);
}

/** Evaluates an array length (`[T; N]`, `[v; N]`): a non-negative integer constant. */
export function constArrayLength(ctx: Checker, e: syn.Expr): number | null {
  const u = untypedValue(ctx, e);
  let v: bigint;
  if (u !== null) v = u;
  else {
    const x = checkExpr(ctx, e, U64);
    if (x.type.kind === "error") return null;
    if (x.type.kind !== "int") {
      ctx.diags.error(Code.BadArrayLength, `array length must be an integer, found ${typeToString(x.type)}`, e.span);
      return null;
    }
    if (!isConst(x)) {
      ctx.diags.error(Code.NotConstant, "array length must be a constant expression", e.span,
        "use a literal or a `const` of integer type");
      return null;
    }
    v = valueOf(x.value, x.type);
  }
  if (v < 0n || v >= MAX_ARRAY_LENGTH) {
    ctx.diags.error(Code.BadArrayLength, `array length ${v} is out of range`, e.span);
    return null;
  }
  return Number(v);
}

/** Evaluates a top-level constant on first use. */
export function evalTopConst(ctx: Checker, entry: Extract<TopEntry, { kind: "const" }>, use: Span): ConstResult {
  if (entry.state === "done") return entry.value!;
  if (entry.state === "busy") {
    ctx.diags.error(Code.ConstCycle, `constant '${entry.decl.name}' is defined in terms of itself`, use);
    return { expr: errorExpr(use), untyped: null };
  }
  entry.state = "busy";
  const saved = ctx.fn;
  ctx.fn = null;
  const d = entry.decl;
  entry.value = checkConstInit(ctx, d.name, `lw.${d.name}`, d.type, d.init, d.span);
  ctx.fn = saved;
  entry.state = "done";
  return entry.value;
}

/**
 * Checks `const NAME: T = init` (top level or in a block). Integer, bool,
 * pointer and string constants fold to a node; array and struct constants
 * become an immutable hidden global named `symbol`.
 */
export function checkConstInit(ctx: Checker, name: string, symbol: string, typeExpr: syn.TypeExpr | null,
  init: syn.Expr, span: Span): ConstResult {
  if (init.kind === "enc") {
    ctx.diags.error(Code.Unsupported, "`enc` constants are not supported yet", init.span,
      "use `enc \"...\"` directly where the string is needed");
    return { expr: errorExpr(init.span), untyped: null };
  }
  let value: Expr;
  let untyped: bigint | null = null;
  if (typeExpr) {
    const type = resolveType(ctx, typeExpr);
    value = checkExprTo(ctx, init, type);
  } else {
    untyped = untypedValue(ctx, init);
    value = untyped !== null ? defaultLiteral(ctx, untyped, init.span) : checkExpr(ctx, init, null);
  }
  if (value.type.kind === "error") return { expr: value, untyped: null };
  if (isAggregate(value.type)) {
    const cv = toConstValue(ctx, value);
    if (!cv) return { expr: errorExpr(span), untyped: null };
    const global: Global = { name, symbol, type: value.type, mutable: false, init: cv, span };
    ctx.globals.push(global);
    const place = { kind: "global" as const, global, type: value.type, span };
    return { expr: { kind: "load", place, type: value.type, span }, untyped: null };
  }
  if (value.kind !== "const" && value.kind !== "string" && value.kind !== "funcRef") {
    ctx.diags.error(Code.NotConstant, `the value of constant '${name}' is not a constant expression`, init.span,
      "constants may use literals, other constants, operators and `as`");
    return { expr: errorExpr(init.span), untyped: null };
  }
  return { expr: value, untyped };
}

/** Translates a folded expression into a global initialiser; reports and returns null when it is not constant. */
export function toConstValue(ctx: Checker, e: Expr): ConstValue | null {
  const cv = constValueOf(e);
  if (!cv) ctx.diags.error(Code.NotConstant, "initialiser is not a constant expression", e.span,
    "global initialisers may use literals, constants, string literals, `&global` and function names");
  return cv;
}

function constValueOf(e: Expr): ConstValue | null {
  switch (e.kind) {
    case "const": return { kind: "int", value: e.value };
    case "string": return { kind: "string", bytes: e.bytes };
    case "funcRef": return { kind: "func", func: e.func };
    case "zero": return { kind: "zero" };
    case "addressOf": return e.place.kind === "global" ? { kind: "globalAddress", global: e.place.global } : null;
    case "convert":
      if (e.op === "ptrCast") return constValueOf(e.operand);
      return null;
    case "load": return e.place.kind === "global" && !e.place.global.mutable ? e.place.global.init : null;
    case "arrayValue": {
      const elements: ConstValue[] = [];
      for (const x of e.elements) {
        const c = constValueOf(x);
        if (!c) return null;
        elements.push(c);
      }
      return { kind: "array", elements };
    }
    case "arrayRepeat": {
      const c = constValueOf(e.value);
      if (!c || e.type.kind !== "array") return null;
      // `[0; 20000000]`: one zero initialiser, not twenty million elements.
      if (isZero(c) || e.type.length === 0) return { kind: "zero" };
      return { kind: "array", elements: new Array(e.type.length).fill(c) };
    }
    case "structValue": {
      const fields: ConstValue[] = [];
      for (const x of e.fields) {
        const c = constValueOf(x);
        if (!c) return null;
        fields.push(c);
      }
      return { kind: "struct", fields };
    }
    default: return null;
  }
}


/** An integer 0 or an all-zero value: the global can be zero-initialised. */
function isZero(c: ConstValue): boolean {
  return c.kind === "zero" || (c.kind === "int" && c.value === 0n);
}
