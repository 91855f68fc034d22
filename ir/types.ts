/**
 * Resolved machine types, shared by the checker, the checked IR, the
 * interpreter and lowering. Produced only by the checker (`ir/check/`); front
 * ends write types as `TypeExpr` (see `syntax.ts`) and never build these.
 *
 * Layout follows the C ABI of x86-64 (and aarch64): natural alignment, a
 * `packed` struct has no padding and alignment 1. Pointers are 8 bytes.
 */

export type IntBits = 8 | 16 | 32 | 64;

export type Type =
  /** Fixed-width two's-complement integer. */
  | { kind: "int"; bits: IntBits; signed: boolean }
  /** Result of comparisons and logical operators; 1 byte in memory (0 or 1). */
  | { kind: "bool" }
  /** `ptr` when `to` is null (byte pointer), `*T` otherwise. */
  | { kind: "ptr"; to: Type | null }
  /** Pointer to a NUL-terminated constant string; converts to `ptr`. */
  | { kind: "str" }
  | { kind: "array"; elem: Type; length: number }
  /** Nominal: two struct types are equal only if `def` is the same object. */
  | { kind: "struct"; def: StructDef }
  | { kind: "fn"; params: Type[]; result: Type }
  /** The result type of a function that returns nothing. */
  | { kind: "void" }
  /** Stands for a type that could not be resolved; equal to every type so errors do not cascade. */
  | { kind: "error" };

export interface StructField {
  name: string;
  type: Type;
  /** Byte offset from the start of the struct. */
  offset: number;
}

export interface StructDef {
  name: string;
  packed: boolean;
  fields: StructField[];
  size: number;
  align: number;
}

export const U8: Type = { kind: "int", bits: 8, signed: false };
export const U16: Type = { kind: "int", bits: 16, signed: false };
export const U32: Type = { kind: "int", bits: 32, signed: false };
export const U64: Type = { kind: "int", bits: 64, signed: false };
export const I8: Type = { kind: "int", bits: 8, signed: true };
export const I16: Type = { kind: "int", bits: 16, signed: true };
export const I32: Type = { kind: "int", bits: 32, signed: true };
export const I64: Type = { kind: "int", bits: 64, signed: true };
export const BOOL: Type = { kind: "bool" };
export const PTR: Type = { kind: "ptr", to: null };
export const STR: Type = { kind: "str" };
export const VOID: Type = { kind: "void" };
export const ERROR: Type = { kind: "error" };

/** Built-in type names of both languages, by spelling. */
export const BUILTIN_TYPES: ReadonlyMap<string, Type> = new Map<string, Type>([
  ["u8", U8], ["u16", U16], ["u32", U32], ["u64", U64],
  ["i8", I8], ["i16", I16], ["i32", I32], ["i64", I64],
  ["bool", BOOL], ["ptr", PTR], ["str", STR],
]);

export function sizeOf(t: Type): number {
  switch (t.kind) {
    case "int": return t.bits / 8;
    case "bool": return 1;
    case "ptr": case "str": case "fn": return 8;
    case "array": return sizeOf(t.elem) * t.length;
    case "struct": return t.def.size;
    case "void": case "error": return 0;
  }
}

export function alignOf(t: Type): number {
  switch (t.kind) {
    case "int": return t.bits / 8;
    case "bool": return 1;
    case "ptr": case "str": case "fn": return 8;
    case "array": return alignOf(t.elem);
    case "struct": return t.def.align;
    case "void": case "error": return 1;
  }
}

/** Computes offsets, size and alignment of a struct from its fields' types (C rules). */
export function layoutStruct(name: string, packed: boolean, fields: { name: string; type: Type }[]): StructDef {
  let offset = 0;
  let align = 1;
  const out: StructField[] = [];
  for (const f of fields) {
    const a = packed ? 1 : alignOf(f.type);
    offset = Math.ceil(offset / a) * a;
    out.push({ name: f.name, type: f.type, offset });
    offset += sizeOf(f.type);
    align = Math.max(align, a);
  }
  const size = Math.ceil(offset / align) * align;
  return { name, packed, fields: out, size, align };
}

export function typeEquals(a: Type, b: Type): boolean {
  if (a.kind === "error" || b.kind === "error") return true;
  switch (a.kind) {
    case "int": return b.kind === "int" && a.bits === b.bits && a.signed === b.signed;
    case "ptr":
      if (b.kind !== "ptr") return false;
      if (a.to === null || b.to === null) return a.to === b.to;
      return typeEquals(a.to, b.to);
    case "array": return b.kind === "array" && a.length === b.length && typeEquals(a.elem, b.elem);
    case "struct": return b.kind === "struct" && a.def === b.def;
    case "fn":
      return b.kind === "fn" && a.params.length === b.params.length &&
        a.params.every((p, i) => typeEquals(p, b.params[i])) && typeEquals(a.result, b.result);
    default: return a.kind === b.kind;
  }
}

export function isInt(t: Type): t is { kind: "int"; bits: IntBits; signed: boolean } {
  return t.kind === "int";
}

/** Scalars fit in a register: ints, bool, pointers, str, function pointers. */
export function isScalar(t: Type): boolean {
  return t.kind === "int" || t.kind === "bool" || t.kind === "ptr" || t.kind === "str" || t.kind === "fn";
}

/** Aggregates are values copied through memory: arrays and structs. */
export function isAggregate(t: Type): boolean {
  return t.kind === "array" || t.kind === "struct";
}

/** The spelling used in diagnostics (Lwanga syntax). */
export function typeToString(t: Type): string {
  switch (t.kind) {
    case "int": return `${t.signed ? "i" : "u"}${t.bits}`;
    case "bool": return "bool";
    case "ptr": return t.to === null ? "ptr" : `*${typeToString(t.to)}`;
    case "str": return "str";
    case "array": return `[${typeToString(t.elem)}; ${t.length}]`;
    case "struct": return t.def.name;
    case "fn": return `fn(${t.params.map(typeToString).join(", ")}) -> ${typeToString(t.result)}`;
    case "void": return "()";
    case "error": return "{error}";
  }
}
