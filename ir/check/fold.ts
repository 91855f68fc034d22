/**
 * Builders for checked expressions that fold constants as they go: an
 * `arith`, `compare`, `unary`, `convert` or `logical` node whose operands
 * are `const` nodes becomes a `const` node, with the exact wrap-around
 * semantics of the machine types (LANGUAGE.md). So a constant expression is
 * simply an expression that checks to a `const` node.
 *
 * Division or remainder by a constant zero is not folded (it traps at run
 * time); the caller warns.
 */
import type { Span } from "../../diagnostics/diagnostics.ts";
import type { ArithOp, CompareOp, ConvertOp, Expr, Type } from "../checked.ts";
import { BOOL, ERROR, U64 } from "../types.ts";

type ConstExpr = Extract<Expr, { kind: "const" }>;

export function isConst(e: Expr): e is ConstExpr {
  return e.kind === "const";
}

function bitsOf(t: Type): number {
  if (t.kind === "int") return t.bits;
  if (t.kind === "bool") return 1;
  return 64;
}

/** The unsigned bit pattern of `v` in type `t`. */
export function wrap(v: bigint, t: Type): bigint {
  if (t.kind === "bool") return v !== 0n ? 1n : 0n;
  return BigInt.asUintN(bitsOf(t), v);
}

/** The mathematical value of a bit pattern of type `t` (signed types read as two's complement). */
export function valueOf(bits: bigint, t: Type): bigint {
  if (t.kind === "int" && t.signed) return BigInt.asIntN(t.bits, bits);
  return bits;
}

export function mkConst(value: bigint, type: Type, span: Span): Expr {
  return { kind: "const", value: wrap(value, type), type, span };
}

export function mkBool(value: boolean, span: Span): Expr {
  return { kind: "const", value: value ? 1n : 0n, type: BOOL, span };
}

export function errorExpr(span: Span): Expr {
  return { kind: "zero", type: ERROR, span };
}

/** Folds `a op b` for integer (or bool, for and/or/xor) type `t`; null when not foldable (division by zero). */
export function foldArith(op: ArithOp, a: bigint, b: bigint, t: Type): bigint | null {
  const bits = bitsOf(t);
  const x = valueOf(a, t);
  const y = valueOf(b, t);
  switch (op) {
    case "add": return wrap(x + y, t);
    case "sub": return wrap(x - y, t);
    case "mul": return wrap(x * y, t);
    case "div": return y === 0n ? null : wrap(x / y, t);
    case "rem": return y === 0n ? null : wrap(x % y, t);
    case "and": return a & b;
    case "or": return a | b;
    case "xor": return a ^ b;
    // Shift counts are masked to the width (LANGUAGE.md).
    case "shl": return wrap(a << (b & BigInt(bits - 1)), t);
    case "shr": return wrap(x >> (b & BigInt(bits - 1)), t);
    case "ushr": return wrap(a >> (b & BigInt(bits - 1)), t);
  }
}

export function mkArith(op: ArithOp, left: Expr, right: Expr, type: Type, span: Span): Expr {
  if (isConst(left) && isConst(right) && type.kind !== "error") {
    const v = foldArith(op, left.value, right.value, type);
    if (v !== null) return { kind: "const", value: v, type, span };
  }
  return { kind: "arith", op, left, right, type, span };
}

export function foldCompare(op: CompareOp, a: bigint, b: bigint, t: Type): boolean {
  const x = valueOf(a, t);
  const y = valueOf(b, t);
  switch (op) {
    case "eq": return x === y;
    case "ne": return x !== y;
    case "lt": return x < y;
    case "le": return x <= y;
    case "gt": return x > y;
    case "ge": return x >= y;
  }
}

export function mkCompare(op: CompareOp, left: Expr, right: Expr, span: Span): Expr {
  if (isConst(left) && isConst(right)) return mkBool(foldCompare(op, left.value, right.value, left.type), span);
  return { kind: "compare", op, left, right, type: BOOL, span };
}

export function mkUnary(op: "neg" | "bitnot" | "not", operand: Expr, span: Span): Expr {
  const t = operand.type;
  if (isConst(operand)) {
    switch (op) {
      case "neg": return mkConst(-operand.value, t, span);
      case "bitnot": return mkConst(~operand.value, t, span);
      case "not": return mkBool(operand.value === 0n, span);
    }
  }
  return { kind: "unary", op, operand, type: t, span };
}

export function mkLogical(op: "and" | "or", left: Expr, right: Expr, span: Span): Expr {
  if (isConst(left)) {
    // Short-circuit folding keeps the right side only when it decides the result.
    const l = left.value !== 0n;
    if (op === "and") return l ? right : mkBool(false, span);
    return l ? mkBool(true, span) : right;
  }
  return { kind: "logical", op, left, right, type: BOOL, span };
}

export function mkConvert(op: ConvertOp, operand: Expr, type: Type, span: Span): Expr {
  if (isConst(operand)) {
    const v = operand.value;
    const from = operand.type;
    switch (op) {
      case "trunc": case "zext": case "reinterpret": return mkConst(v, type, span);
      case "sext": return mkConst(valueOf(v, from), type, span);
      case "boolToInt": return mkConst(v, type, span);
      case "toBool": return mkBool(v !== 0n, span);
      case "ptrCast": return { kind: "const", value: v, type, span };
      case "ptrToInt": return mkConst(v, type, span);
      case "intToPtr": if (v === 0n) return { kind: "const", value: 0n, type, span }; break;
    }
  }
  return { kind: "convert", op, operand, type, span };
}

/** A u64 constant. */
export function u64(value: bigint | number, span: Span): Expr {
  return mkConst(BigInt(value), U64, span);
}
