/**
 * Exact integer semantics on bit patterns: every scalar is the unsigned
 * bigint of its bits (bool 0/1, pointers 64-bit). Arithmetic wraps at the
 * type's width, shift counts are masked to the width, signed types divide,
 * take remainders, shift right and compare signed; division by zero traps
 * SIGFPE, `MIN / -1` is MIN and `MIN % -1` is 0 (LANGUAGE.md, "Semantics").
 */
import type { ArithOp, CompareOp, ConvertOp } from "../checked.ts";
import type { Type } from "../types.ts";
import { Trap } from "./trap.ts";

/** Width in bits of a scalar type (bool counts as 1 bit of value). */
export function bitsOf(t: Type): number {
  switch (t.kind) {
    case "int": return t.bits;
    case "bool": return 1;
    case "ptr": case "str": case "fn": return 64;
    default: throw new Error(`interpreter: not a scalar type: ${t.kind}`);
  }
}

function isSigned(t: Type): boolean {
  return t.kind === "int" && t.signed;
}

export function arith(op: ArithOp, t: Type, a: bigint, b: bigint): bigint {
  if (t.kind === "bool") {
    switch (op) {
      case "and": return a & b;
      case "or": return a | b;
      case "xor": return a ^ b;
      default: throw new Error(`interpreter: ${op} on bool`);
    }
  }
  const bits = bitsOf(t);
  const signed = isSigned(t);
  switch (op) {
    case "add": return BigInt.asUintN(bits, a + b);
    case "sub": return BigInt.asUintN(bits, a - b);
    case "mul": return BigInt.asUintN(bits, a * b);
    case "div":
      if (b === 0n) throw Trap.signal("SIGFPE");
      if (!signed) return a / b;
      // BigInt division truncates toward zero; MIN / -1 wraps back to MIN.
      return BigInt.asUintN(bits, BigInt.asIntN(bits, a) / BigInt.asIntN(bits, b));
    case "rem":
      if (b === 0n) throw Trap.signal("SIGFPE");
      if (!signed) return a % b;
      // The remainder takes the dividend's sign; MIN % -1 is 0.
      return BigInt.asUintN(bits, BigInt.asIntN(bits, a) % BigInt.asIntN(bits, b));
    case "and": return a & b;
    case "or": return a | b;
    case "xor": return a ^ b;
    case "shl": return BigInt.asUintN(bits, a << (b & BigInt(bits - 1)));
    case "shr":
      if (signed) return BigInt.asUintN(bits, BigInt.asIntN(bits, a) >> (b & BigInt(bits - 1)));
      return a >> (b & BigInt(bits - 1));
    case "ushr": return a >> (b & BigInt(bits - 1));
  }
}

export function compare(op: CompareOp, t: Type, a: bigint, b: bigint): boolean {
  if (isSigned(t)) {
    const bits = bitsOf(t);
    a = BigInt.asIntN(bits, a);
    b = BigInt.asIntN(bits, b);
  }
  switch (op) {
    case "eq": return a === b;
    case "ne": return a !== b;
    case "lt": return a < b;
    case "le": return a <= b;
    case "gt": return a > b;
    case "ge": return a >= b;
  }
}

export function unary(op: "neg" | "bitnot" | "not", t: Type, a: bigint): bigint {
  switch (op) {
    case "neg": return BigInt.asUintN(bitsOf(t), -a);
    case "bitnot": return BigInt.asUintN(bitsOf(t), ~a);
    case "not": return a === 0n ? 1n : 0n;
  }
}

export function convert(op: ConvertOp, from: Type, to: Type, a: bigint): bigint {
  switch (op) {
    case "trunc": return BigInt.asUintN(bitsOf(to), a);
    case "zext": return a;
    case "sext": return BigInt.asUintN(bitsOf(to), BigInt.asIntN(bitsOf(from), a));
    case "reinterpret": return a;
    case "boolToInt": return a === 0n ? 0n : 1n;
    case "toBool": return a === 0n ? 0n : 1n;
    // Pointers are 64 bits; a narrower target gets its own trunc after.
    case "ptrToInt": return BigInt.asUintN(bitsOf(to), a);
    case "intToPtr": return BigInt.asUintN(64, a);
    case "ptrCast": return a;
  }
}
