/**
 * What DSL programs import from "lwanga": machine types, pointers, fixed
 * arrays, structs and the builtins (`syscall`, `unsafe`, memory access,
 * `sizeof`, `enc`). Declarations only: nothing here runs. `tsc` uses them to
 * type-check programs in the editor; the compiler's front end (dsl/front/)
 * recognises the same names syntactically and turns them into IR.
 *
 * Machine integers are `number` plus an optional brand property `__lw` whose
 * type is the set of integer kinds that may flow into the type without a
 * cast. An optional property costs nothing to satisfy, so a plain `number`
 * (an integer literal, or the result of `a + b`) assigns to every integer
 * type, while two branded types assign only when the source's set is a
 * subset of the target's: `u8` -> `u64` (widening) is fine, `i64` -> `u8`,
 * `u64` -> `i64` and `u64` -> `Ptr<T>` are tsc errors. Every set contains
 * `"~"` so any two machine types overlap and `x as T` is always accepted by
 * tsc (it is a real conversion in the compiler). See dsl/README.md for the
 * trade-offs.
 */

type Kinds<S extends string> = { readonly __lw?: S | "~" };

/** Unsigned 8-bit integer. */
export type u8 = number & Kinds<"u8">;
/** Unsigned 16-bit integer (a `u8` converts implicitly). */
export type u16 = number & Kinds<"u8" | "u16">;
/** Unsigned 32-bit integer (`u8`, `u16` convert implicitly). */
export type u32 = number & Kinds<"u8" | "u16" | "u32">;
/** Unsigned 64-bit integer. Values above 2^53 are exact: the compiler reads the literal text. */
export type u64 = number & Kinds<"u8" | "u16" | "u32" | "u64">;
/** Signed 8-bit integer. */
export type i8 = number & Kinds<"i8">;
/** Signed 16-bit integer (an `i8` converts implicitly). */
export type i16 = number & Kinds<"i8" | "i16">;
/** Signed 32-bit integer. */
export type i32 = number & Kinds<"i8" | "i16" | "i32">;
/** Signed 64-bit integer. */
export type i64 = number & Kinds<"i8" | "i16" | "i32" | "i64">;
/** Result of comparisons, `&&`, `||`, `!`; one byte in memory. */
export type bool = boolean;

/** Untyped byte pointer. Any `Ptr<T>` converts to it; `p + n` moves by bytes. */
export type ptr = number & { readonly __lw?: "ptr" | "~"; readonly __to?: unknown };
/** Typed pointer to a `T`; `p + n` moves by `n` elements. Invariant in `T`. */
export type Ptr<T> = number & { readonly __lw?: "ptr" | "~"; readonly __to?: (x: T) => T };
/** Pointer to a NUL-terminated constant string; string literals are `str`. */
export type str = string & { readonly __lw?: "str" | "~" };

/**
 * A fixed-size array of `N` elements of `T`, stored inline (a value, copied on
 * assignment). `N` is a number literal type or `typeof CONST`. An array
 * literal shorter than `N` is zero padded, so `= []` is an all-zero array.
 */
export interface FixedArray<T, N extends number> {
  [index: number]: T;
  readonly length: number;
  readonly __n?: N;
}

/**
 * Marks an interface as a struct with C layout (natural alignment):
 * `interface Point extends Struct { x: i32; y: i32 }`. Field order is layout
 * order. Build one with an object literal where the type is known:
 * `const p: Point = { x: 1, y: 2 };`.
 */
export interface Struct { readonly __struct?: "c" }
/** Like `Struct` but packed: no padding, alignment 1. */
export interface Packed { readonly __struct?: "packed" }

/** Anything a syscall argument may be: an integer, a pointer or a string. */
export type SyscallArg = u64 | i64 | ptr | str | Ptr<any>;

/**
 * Linux system call `nr` with up to six arguments. Only inside `unsafe`.
 * Returns the raw result: `-errno` (-4095..-1) on failure.
 */
export declare function syscall(nr: u64, ...args: SyscallArg[]): i64;

/**
 * An unsafe region, inlined where it is written (no closure is created):
 * `unsafe(() => syscall(60, 0))` or `unsafe(() => { ...; return v; })`.
 * Syscalls and memory reads/writes through pointers compile only inside one.
 */
export declare function unsafe<T>(body: () => T): T;

/** The address of a local, global, struct field or array element. */
export declare function addressOf<T>(place: T): Ptr<T>;
/** The `T` a typed pointer points at; `deref(p).field = v` writes a field. Unsafe. */
export declare function deref<T>(p: Ptr<T>): T;
/** Reads a `T` at byte offset `offset` (default 0) from `p`. Unsafe. */
export declare function load<T>(p: ptr | str | Ptr<any>, offset?: u64): T;
/** Writes `value` as a `T` at byte offset `offset` (default 0) from `p`. Unsafe. */
export declare function store<T>(p: ptr | Ptr<any>, value: T, offset?: u64): void;
/** A `str` as an untyped byte pointer (a real conversion, like `p as ptr` for other pointers). */
export declare function ptrOf(s: str): ptr;
/** Size of `T` in bytes, a compile-time constant. */
export declare function sizeof<T>(): u64;
/** An all-zero value of `T` (a struct or array), for initialisers. */
export declare function zero<T>(): T;
/** Operands of the extended asm form: `[constraint, place]` outputs, `[constraint, value]` inputs, clobbered registers. */
export interface AsmOperands {
  outputs?: [string, unknown][];
  inputs?: [string, unknown][];
  clobbers?: string[];
}
/**
 * Inline assembly (inside `unsafe`, or in a naked function): the
 * instructions as string literals, one per line (a template literal may
 * hold several lines), Intel syntax unless the text uses `%reg`/`$imm`.
 * Without operands it is a plain block that may name locals where operands
 * go; with `{ outputs, inputs, clobbers }` last, the extended form with
 * `%0`/`$0` operands: `asm("add %0, %1", { outputs: [["+r", acc]], inputs: [["r", x]] })`.
 * A function whose body starts with `"naked";` is a naked function.
 */
export declare function asm(...code: (string | AsmOperands)[]): void;

/** True when compiling for x86-64 (`--target x86_64-linux-gnu`, the default): a compile-time constant. */
export declare const ARCH_X86_64: boolean;
/** True when compiling for aarch64 (`--target aarch64-linux-gnu`): pick syscall numbers with `ARCH_ARM64 ? 64 : 1`. */
export declare const ARCH_ARM64: boolean;

/** An encrypted string: the text is stored XOR-encrypted and decrypted on use. */
export declare function enc(text: string): str;
/**
 * A full 64-bit constant from a bigint literal: `u64(18446744073709551615n)`.
 * (tsc cannot let a `bigint` flow into a number-based type; hex literals such
 * as `0xFFFF_FFFF_FFFF_FFFF` need no wrapper.)
 */
export declare function u64(value: bigint): u64;
/** A full 64-bit signed constant from a bigint literal: `i64(-9223372036854775808n)`. */
export declare function i64(value: bigint): i64;

// ---------------------------------------------------------------- errors as values
//
// A syscall returns -errno (-4095..-1) on failure. The std wrappers return
// these brands, which are plain `i64` to the compiler but which tsc keeps
// apart: an `FdResult` is not an `Fd` until `isOk(r)` (lwanga/std/errors)
// has narrowed it, so a failed descriptor cannot be used as a good one.

type Checked<S extends string> = { readonly __res?: "ok"; readonly __what?: S };
type Unchecked<S extends string> = { readonly __res?: "ok" | "unchecked"; readonly __what?: S };

/** A file descriptor known to be open. Integer literals (0, 1, 2) are accepted. */
export type Fd = i64 & Checked<"fd">;
/** A file descriptor or -errno; narrow it with `isOk(r)` before use. */
export type FdResult = i64 & Unchecked<"fd">;
/** A byte count known to be non-negative (a checked `CountResult`). */
export type Count = i64 & Checked<"count">;
/** A byte count or -errno. */
export type CountResult = i64 & Unchecked<"count">;
/** A result that is 0 (or another non-negative value) on success, -errno on failure. */
export type SysResult = i64 & Unchecked<"status">;
/** The success value of a `SysResult`. */
export type Status = i64 & Checked<"status">;
/** An error number (positive: ENOENT is 2). */
export type Errno = u64 & { readonly __what?: "errno" };
/** Flags of open(2) (`O_RDONLY`, `O_CREAT`, ... from lwanga/std/fs), combined with `|`. */
export type OpenFlags = u32 & { readonly __what?: "openflags" };
