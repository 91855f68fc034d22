/**
 * The checked IR: produced by the checker (`ir/check/`), consumed by
 * lowering (`lowering/`) and the reference interpreter (`ir/interpret/`).
 * Immutable after checking.
 *
 * Guarantees (the checker establishes them; consumers rely on them and never
 * re-check or guess):
 * - Every expression has a resolved `type`; every implicit conversion of the
 *   source is an explicit `convert` node, so operand types always match
 *   exactly what each node documents.
 * - Names are resolved to `Local`, `Global` or `Func` objects. Constants are
 *   folded (integer constants become `const` nodes; aggregate constants
 *   become immutable globals).
 * - Every scalar local is definitely assigned before it is read; aggregates
 *   without initialiser are explicitly zero-filled by an `assign` of `zero`.
 * - Every path of a function with a non-void result ends in `return`
 *   (lowering still terminates fall-through blocks with `unreachable`-free
 *   code: it emits a trap, never `unreachable`).
 * - `break`/`continue` targets are enclosing loops/switches (by `id`).
 * - Operations needing `unsafe` (deref, syscall, asm, register variables)
 *   occurred only inside unsafe regions; nothing after the checker cares.
 *
 * Semantics (LANGUAGE.md, "Semantics the project must guarantee"): integer
 * arithmetic wraps; shift counts are masked to the operand width; division
 * or remainder by zero raises SIGFPE; `MIN / -1` wraps to MIN and
 * `MIN % -1` is 0; comparisons of pointers are unsigned.
 */
import type { Span } from "../diagnostics/diagnostics.ts";
import type { Type, StructDef } from "./types.ts";

export type { Span, Type, StructDef };

/** A function-local variable or parameter; unique object per declaration (shadowing makes a new one). */
export interface Local {
  /** Unique within the function. */
  id: number;
  name: string;
  type: Type;
  mutable: boolean;
  isParam: boolean;
  /** Its address is taken (`&x`) or asm names it: must live in memory. */
  addressTaken: boolean;
  /** Register variable: the CPU register name (e.g. "rax"); low-level issue. */
  register: string | null;
  span: Span;
}

/** A global variable, or an aggregate/`enc` constant stored as a global. */
export interface Global {
  name: string;
  /** Unique symbol name in the output (never collides with runtime symbols). */
  symbol: string;
  type: Type;
  mutable: boolean;
  init: ConstValue;
  /** Optional (low-level issue): named by its symbol in a naked function's asm; must keep its symbol (external linkage). */
  asmReferenced?: boolean;
  span: Span;
}

/** Compile-time values for global initialisers. */
export type ConstValue =
  /** Integer or bool (0/1) bits; for pointers, only 0 (null). Stored as the unsigned bit pattern. */
  | { kind: "int"; value: bigint }
  /** All-zero bytes of the global's type. */
  | { kind: "zero" }
  /** Pointer to a NUL-terminated constant string (type `str` or `ptr`). */
  | { kind: "string"; bytes: Uint8Array }
  /** Pointer to a function (type `fn` or `ptr`). */
  | { kind: "func"; func: Func }
  /** Address of another global (type `ptr`/`*T`). */
  | { kind: "globalAddress"; global: Global }
  | { kind: "array"; elements: ConstValue[] }
  | { kind: "struct"; fields: ConstValue[] };

export interface Func {
  name: string;
  /** Unique symbol name in the output; user functions never capture runtime symbols. */
  symbol: string;
  params: Local[];
  /** Every local of the function, parameters first. */
  locals: Local[];
  result: Type;
  body: Stmt[];
  naked: boolean;
  /** Optional (low-level issue): called or named by its symbol from asm text; must keep its symbol and signature (external linkage). */
  asmReferenced?: boolean;
  span: Span;
}

export interface Program {
  functions: Func[];
  globals: Global[];
  /** The entry point `main`, unless the program defines its own naked `_start`. */
  main: Func | null;
  /** A user-defined (naked) `_start`: then no entry wrapper is added. */
  userStart: Func | null;
}

// ---------------------------------------------------------------- places

/** Something with an address that can be read or assigned. `type` is the type stored there. */
export type Place =
  | { kind: "local"; local: Local; type: Type; span: Span }
  | { kind: "global"; global: Global; type: Type; span: Span }
  /** Memory at `ptr` (of type `ptr` → `type` u8, or `*T` → `type` T). */
  | { kind: "deref"; ptr: Expr; type: Type; span: Span }
  /** Field `index` of the struct at `base` (byte offset `offset`). */
  | { kind: "field"; base: Place; index: number; offset: number; type: Type; span: Span }
  /** Element `index` (any integer type, unsigned or signed as typed) of the array at `base`. No bounds check. */
  | { kind: "index"; base: Place; index: Expr; type: Type; span: Span };

// ---------------------------------------------------------------- statements

export type Stmt =
  | { kind: "expr"; expr: Expr; span: Span }
  /** `place = value`; `value.type` equals `place.type` (aggregates copied). */
  | { kind: "assign"; place: Place; value: Expr; span: Span }
  /** `cond` is bool. */
  | { kind: "if"; cond: Expr; then: Stmt[]; else: Stmt[]; span: Span }
  /**
   * `cond` null: forever. checkFirst false: do-while. `continue` runs
   * `update` then the test. `id` is the target of break/continue.
   */
  | { kind: "loop"; id: number; cond: Expr | null; body: Stmt[]; update: Stmt[]; checkFirst: boolean; span: Span }
  /**
   * Integer switch with C fall-through. `values` are already converted to
   * `value.type`'s bit pattern (unsigned bigint). `defaultIndex` names the
   * case that is the default, or null. `break` with this `id` leaves it.
   */
  | { kind: "switch"; id: number; value: Expr; cases: { values: bigint[]; body: Stmt[]; span: Span }[]; defaultIndex: number | null; span: Span }
  | { kind: "break"; target: number; span: Span }
  | { kind: "continue"; target: number; span: Span }
  /** `value` type equals the function's result type; null for void. */
  | { kind: "return"; value: Expr | null; span: Span }
  | { kind: "block"; body: Stmt[]; span: Span }
  | AsmStmt;

export interface AsmOperand {
  constraint: string;
  /** Outputs are places; inputs are expressions. */
  place?: Place;
  expr?: Expr;
  span: Span;
}

/** Inline assembly (low-level issue). `lines` are the instructions as written. */
export interface AsmStmt {
  kind: "asm";
  lines: string[];
  syntax: "intel" | "att";
  outputs: AsmOperand[];
  inputs: AsmOperand[];
  clobbers: string[];
  extended: boolean;
  /** Plain-block variables named in operand position, by name. */
  namedLocals: Map<string, Local | Global>;
  /**
   * Optional (low-level issue): where each entry of `lines` came from, same
   * length as `lines`; lowering maps assembler errors to these lines.
   */
  lineSpans?: Span[];
  /**
   * Optional (low-level issue): functions (and, in a naked function,
   * globals) named in the text, by name → the symbol lowering writes there
   * (`call helper` becomes `call lw.helper`).
   */
  symbols?: Map<string, string>;
  /**
   * Optional (low-level issue): register variables in scope of a plain
   * block, innermost first, one per register; lowering passes their values
   * in those registers and stores the registers back after the block.
   */
  registers?: Local[];
  span: Span;
}

// ---------------------------------------------------------------- expressions

export type ArithOp = "add" | "sub" | "mul" | "div" | "rem" | "and" | "or" | "xor" | "shl" | "shr" | "ushr";
export type CompareOp = "eq" | "ne" | "lt" | "le" | "gt" | "ge";

export type ConvertOp =
  /** Integer to narrower integer. */
  | "trunc"
  /** Integer to wider integer, zero-filling (source unsigned). */
  | "zext"
  /** Integer to wider integer, sign-extending (source signed). */
  | "sext"
  /** Same width, other signedness: no change of bits. */
  | "reinterpret"
  /** bool to integer: 0 or 1. */
  | "boolToInt"
  /** Integer (or pointer) to bool: value != 0. */
  | "toBool"
  /** Pointer (ptr, *T, str, fn) to u64/i64; narrower targets get a trunc after. */
  | "ptrToInt"
  /** u64/i64 to pointer (ptr, *T, str, fn). */
  | "intToPtr"
  /** Between pointer types (ptr, *T, str, fn): no change of bits. */
  | "ptrCast";

export type Expr =
  /** Integer, bool (0/1) or null-pointer constant; `value` is the unsigned bit pattern of `type`. */
  | { kind: "const"; value: bigint; type: Type; span: Span }
  /** Pointer to a NUL-terminated constant string (type `str`). */
  | { kind: "string"; bytes: Uint8Array; type: Type; span: Span }
  /** Encrypted string, decrypted at run time into a frame buffer (type `ptr`; low-level issue). */
  | { kind: "enc"; bytes: Uint8Array; type: Type; span: Span }
  /** Read a place (scalar or aggregate). */
  | { kind: "load"; place: Place; type: Type; span: Span }
  /** Address of a place; type `*T` or `ptr`. */
  | { kind: "addressOf"; place: Place; type: Type; span: Span }
  /** Pointer to a function; type `fn`. */
  | { kind: "funcRef"; func: Func; type: Type; span: Span }
  /** `neg` (wrapping) and `bitnot` on integers; `not` on bool. Result type = operand type. */
  | { kind: "unary"; op: "neg" | "bitnot" | "not"; operand: Expr; type: Type; span: Span }
  /** Both operands and the result have `type` (an integer type; `and`/`or`/`xor` also on bool). Signedness of `type` picks div/rem/shr. */
  | { kind: "arith"; op: ArithOp; left: Expr; right: Expr; type: Type; span: Span }
  /** Both operands have the same type (integer, bool or pointer); result bool. Signed ints compare signed; pointers unsigned. */
  | { kind: "compare"; op: CompareOp; left: Expr; right: Expr; type: Type; span: Span }
  /** Short-circuit on bool operands; result bool. */
  | { kind: "logical"; op: "and" | "or"; left: Expr; right: Expr; type: Type; span: Span }
  | { kind: "convert"; op: ConvertOp; operand: Expr; type: Type; span: Span }
  /** Pointer plus a byte offset (already scaled by element size): `ptr` and `type` same pointer type; `offset` is u64 or i64. Wraps, no UB. */
  | { kind: "ptrAdd"; ptr: Expr; offset: Expr; type: Type; span: Span }
  | { kind: "call"; func: Func; args: Expr[]; type: Type; span: Span }
  /** `callee` has a `fn` type. */
  | { kind: "callIndirect"; callee: Expr; args: Expr[]; type: Type; span: Span }
  /** Linux syscall; `args[0]` is the number; every arg is u64 or i64 (pointers converted); type i64. */
  | { kind: "syscall"; args: Expr[]; type: Type; span: Span }
  /** `cond` bool; both branches have `type`. */
  | { kind: "conditional"; cond: Expr; then: Expr; else: Expr; type: Type; span: Span }
  /** Run `body` then evaluate `result` (null: type void). */
  | { kind: "block"; body: Stmt[]; result: Expr | null; type: Type; span: Span }
  /** Struct value; one expr per field, in declaration order. */
  | { kind: "structValue"; fields: Expr[]; type: Type; span: Span }
  /** Array value; `elements.length` equals the array length. */
  | { kind: "arrayValue"; elements: Expr[]; type: Type; span: Span }
  /** Array of `type.length` copies of `value`. */
  | { kind: "arrayRepeat"; value: Expr; type: Type; span: Span }
  /** All-zero value of an aggregate (or scalar) type. */
  | { kind: "zero"; type: Type; span: Span };
