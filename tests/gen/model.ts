/**
 * The generator's own small program model: well-typed by construction, and
 * printable both as Lwanga (`print-lw.ts`) and as DSL TypeScript
 * (`print-ts.ts`) with the same meaning. Every expression carries its
 * integer type; conversions are explicit casts, so neither language's
 * implicit conversions are relied on.
 */

export interface IntT {
  bits: 8 | 16 | 32 | 64;
  signed: boolean;
}

export const INT_TYPES: IntT[] = [8, 16, 32, 64].flatMap((bits) => [
  { bits: bits as IntT["bits"], signed: false },
  { bits: bits as IntT["bits"], signed: true },
]);
export const U64T: IntT = { bits: 64, signed: false };
export const U32T: IntT = { bits: 32, signed: false };
export const U8T: IntT = { bits: 8, signed: false };

export function intName(t: IntT): string {
  return `${t.signed ? "i" : "u"}${t.bits}`;
}

export function sameInt(a: IntT, b: IntT): boolean {
  return a.bits === b.bits && a.signed === b.signed;
}

export interface GStruct {
  name: string;
  packed: boolean;
  fields: { name: string; t: IntT }[];
}

export type GType =
  | { k: "int"; t: IntT }
  | { k: "array"; elem: IntT; n: number }
  | { k: "struct"; s: GStruct };

export type BinOp = "+" | "-" | "*" | "/" | "%" | "&" | "|" | "^" | "<<" | ">>";
export type CmpOp = "==" | "!=" | "<" | "<=" | ">" | ">=";

export type GExpr =
  /** `v` is the value as a mathematical integer within `t`'s range. */
  | { k: "lit"; t: IntT; v: bigint }
  | { k: "var"; name: string; t: IntT }
  | { k: "cast"; e: GExpr; t: IntT }
  | { k: "bin"; op: BinOp; a: GExpr; b: GExpr; t: IntT }
  | { k: "neg" | "bitnot"; e: GExpr; t: IntT }
  | { k: "cond"; c: GCond; a: GExpr; b: GExpr; t: IntT }
  | { k: "call"; fn: string; args: GExpr[]; t: IntT }
  /** `arr[(i as u64) & (n - 1)]`; `n` is a power of two. */
  | { k: "index"; arr: string; i: GExpr; n: number; t: IntT }
  | { k: "field"; base: string; field: string; t: IntT }
  /** `arr[(i as u64) & (n - 1)].field` on an array of structs. */
  | { k: "sindex"; arr: string; i: GExpr; n: number; field: string; t: IntT }
  /** `*(p + ((i as u64) & (n - 1)))` on a `*T` into an array of `n` (only inside unsafe statements). */
  | { k: "ptrRead"; ptr: string; i: GExpr; n: number; t: IntT }
  /** A struct value as a call argument: a struct variable, or a literal when `name` is null (`t` is unused). */
  | { k: "structArg"; s: GStruct; name: string | null; values: GExpr[]; t: IntT };

export type GCond =
  | { k: "cmp"; op: CmpOp; a: GExpr; b: GExpr }
  | { k: "and" | "or"; a: GCond; b: GCond }
  | { k: "not"; c: GCond };

export type GTarget =
  | { k: "var"; name: string; t: IntT }
  | { k: "index"; arr: string; i: GExpr; n: number; t: IntT }
  | { k: "field"; base: string; field: string; t: IntT }
  | { k: "sindex"; arr: string; i: GExpr; n: number; field: string; t: IntT }
  | { k: "ptr"; ptr: string; i: GExpr; n: number; t: IntT };

export type GStmt =
  | { k: "let"; name: string; t: IntT; init: GExpr; mut: boolean }
  /** An aggregate local: array (with `n` element values) or struct (one value per field). */
  | { k: "letArray"; name: string; elem: IntT; values: GExpr[] }
  | { k: "letStruct"; name: string; s: GStruct; values: GExpr[] }
  /** An array of `values.length` structs, each given by its field values. */
  | { k: "letStructArray"; name: string; s: GStruct; values: GExpr[][] }
  /** `let p: *T = &arr[0];` */
  | { k: "letPtr"; name: string; arr: string; elem: IntT }
  /** `let fp: fn(params) -> result = fn;` — later called as `fp(...)`. */
  | { k: "letFn"; name: string; fn: string; params: (IntT | GStruct)[]; result: IntT }
  /** Copies a whole aggregate: `dst = src;` */
  | { k: "copy"; dst: string; src: string }
  | { k: "assign"; target: GTarget; e: GExpr }
  | { k: "if"; c: GCond; then: GStmt[]; else: GStmt[] | null }
  /** `for (let mut i: u32 = 0; i < n; i = i + 1) { body }` */
  | { k: "for"; ivar: string; n: number; body: GStmt[] }
  /** `let mut i: u32 = 0; while i < n { i = i + 1; body }` */
  | { k: "while"; ivar: string; n: number; body: GStmt[] }
  | { k: "break" }
  | { k: "continue" }
  /** `target op= e;` (divisors of `/` and `%` are made non-zero by the generator). */
  | { k: "compound"; target: GTarget; op: BinOp; e: GExpr }
  /**
   * `let sv: T = e;` then a C switch on it: TypeScript prints a real
   * `switch` (fall-through where `brk` is false), Lwanga — which has no
   * switch — the equivalent if-chain with the fallen-into bodies repeated.
   * The default, when present, is the last case (`values` empty).
   */
  | { k: "switch"; name: string; t: IntT; e: GExpr; cases: { values: bigint[]; body: GStmt[]; brk: boolean }[] }
  /** `h = (h ^ (e as u64)) * 0x100000001b3;` — the function's running checksum. */
  | { k: "mix"; e: GExpr }
  | { k: "return"; e: GExpr }
  /** Statements that dereference pointers: `unsafe { ... }` / `unsafe(() => { ... })`. */
  | { k: "unsafe"; body: GStmt[] };

export interface GParam {
  name: string;
  t: IntT;
  /** A struct parameter (passed by value); `t` is then unused. */
  s?: GStruct;
}

export interface GFunc {
  name: string;
  params: GParam[];
  result: IntT;
  body: GStmt[];
  /** Final `return ((h as R) ^ e);` */
  ret: GExpr;
}

export interface GGlobal {
  name: string;
  type: GType;
  /** One value for an int, `n` for an array, one per field for a struct. */
  values: bigint[];
}

export interface GProgram {
  seed: number;
  structs: GStruct[];
  globals: GGlobal[];
  funcs: GFunc[];
  /** main: calls, each result printed and mixed into the checksum. */
  calls: { fn: string; args: GExpr[]; t: IntT }[];
  /**
   * Constant-folding checks: `const NAME: T = folded;` at top level, and
   * `runtime` — the same expression with every literal read from a mutable
   * global — which main compares with it, printing `BAD fold NAME` when the
   * checker's folding disagrees with run-time arithmetic.
   */
  consts?: { name: string; t: IntT; folded: GExpr; runtime: GExpr }[];
}

/** The signed range of an int type as mathematical integers. */
export function rangeOf(t: IntT): { min: bigint; max: bigint } {
  const b = BigInt(t.bits);
  return t.signed ? { min: -(1n << (b - 1n)), max: (1n << (b - 1n)) - 1n } : { min: 0n, max: (1n << b) - 1n };
}

/** A bit pattern read as a value of `t`. */
export function valueOf(t: IntT, bits: bigint): bigint {
  return t.signed ? BigInt.asIntN(t.bits, bits) : BigInt.asUintN(t.bits, bits);
}
