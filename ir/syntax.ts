/**
 * The front-end IR ("syntax IR"): what both front ends produce and the
 * checker consumes. `lw/` builds it from Lwanga source, `dsl/` from
 * TypeScript; nothing here knows which language a node came from.
 *
 * It is a tree of declarations, statements and expressions with names still
 * unresolved and types still written as `TypeExpr`. Front ends desugar
 * language sugar before this point (`else if` becomes a nested `if`, `for`
 * becomes a block with a `loop`, DSL `load<T>(p, off)` becomes a `deref` of a
 * `cast`, `x += 1` an `assign` with `op`). The checker (`ir/check/`) resolves
 * names and types, inserts every implicit conversion and produces the checked
 * IR of `checked.ts`.
 *
 * Every node carries a `span` pointing into the user's source.
 */
import type { Span } from "../diagnostics/diagnostics.ts";

export type { Span };

// ---------------------------------------------------------------- types

export type TypeExpr =
  /** A type name: `u8`..`i64`, `bool`, `ptr`, `str`, a struct name, or `register`. */
  | { kind: "named"; name: string; span: Span }
  /** `*T` (DSL `Ptr<T>`). */
  | { kind: "pointer"; to: TypeExpr; span: Span }
  /** `[T; N]`; `length` must be a constant expression (checked). */
  | { kind: "array"; elem: TypeExpr; length: Expr; span: Span }
  /** `fn(T, U) -> R`; `result` null means it returns nothing. */
  | { kind: "fn"; params: TypeExpr[]; result: TypeExpr | null; span: Span };

// ---------------------------------------------------------------- module

/** One whole program: every file, imports already resolved and concatenated. */
export interface Module {
  decls: Decl[];
  /** Which source language the entry file was; only for messages. */
  entryLanguage: "lw" | "ts";
  /** File id of the entry file (for diagnostics about the whole program, e.g. a missing `main`). */
  entryFile?: number;
}

export type Decl = FnDecl | ConstDecl | GlobalDecl | StructDecl;

export interface Param {
  name: string;
  type: TypeExpr;
  span: Span;
}

export interface FnDecl {
  kind: "fn";
  name: string;
  nameSpan: Span;
  params: Param[];
  /** null: returns nothing. */
  result: TypeExpr | null;
  body: Block;
  /** `unsafe fn`: the whole body is an unsafe region. */
  unsafe: boolean;
  /** `naked fn`: no prologue/epilogue; body is asm blocks (low-level issue). */
  naked: boolean;
  span: Span;
}

/** `const NAME: T = init;` at top level. `type` null: inferred from `init` (DSL). */
export interface ConstDecl {
  kind: "const";
  name: string;
  nameSpan: Span;
  type: TypeExpr | null;
  init: Expr;
  span: Span;
}

/** `let mut NAME: T = init;` at top level (a global variable). `init` null: zero. */
export interface GlobalDecl {
  kind: "global";
  name: string;
  nameSpan: Span;
  type: TypeExpr;
  init: Expr | null;
  mutable: boolean;
  span: Span;
}

export interface StructDecl {
  kind: "struct";
  name: string;
  nameSpan: Span;
  packed: boolean;
  fields: { name: string; type: TypeExpr; span: Span }[];
  span: Span;
}

// ---------------------------------------------------------------- statements

export interface Block {
  kind: "block";
  body: Stmt[];
  /** `unsafe { ... }`: operations needing unsafe are allowed inside. */
  unsafe: boolean;
  span: Span;
}

export type Stmt =
  | Block
  /**
   * `let [mut] name: T [= init];`. `type` null: inferred from `init` (DSL
   * `const x = f()`); Lwanga always writes a type. `register` names a CPU
   * register for register variables (low-level issue).
   */
  | { kind: "let"; name: string; nameSpan: Span; type: TypeExpr | null; init: Expr | null; mutable: boolean; register: string | null; span: Span }
  /** Block-scoped `const NAME: T = const-expr;`; usable in array sizes. */
  | { kind: "const"; name: string; nameSpan: Span; type: TypeExpr | null; init: Expr; span: Span }
  /** `target = value`, or with `op` a compound assignment `target op= value` (`x++` is `op: "+"`, value 1). */
  | { kind: "assign"; target: Expr; op: BinaryOp | null; value: Expr; span: Span }
  | { kind: "expr"; expr: Expr; span: Span }
  | { kind: "if"; cond: Expr; then: Block; else: Block | null; span: Span }
  /**
   * Every loop. `while c {}`: cond c, checkFirst. `do {} while (c)`: cond c,
   * checkFirst false. `for (i; c; u) {}`: a block holding `i` and a loop with
   * cond c and update u. `cond` null loops forever. `continue` runs `update`
   * and then the test. `label` is for DSL labelled break/continue.
   */
  | { kind: "loop"; cond: Expr | null; body: Block; update: Stmt[]; checkFirst: boolean; label: string | null; span: Span }
  /**
   * C/TypeScript `switch` over an integer: cases tested in order, a case body
   * falls through into the next unless it breaks; `break` inside a switch
   * leaves the switch. `values` are constant expressions.
   */
  | { kind: "switch"; value: Expr; cases: { values: Expr[]; body: Stmt[]; span: Span }[]; defaultIndex: number | null; label: string | null; span: Span }
  /** `break` / `continue`, optionally naming a label (DSL). */
  | { kind: "break"; label: string | null; span: Span }
  | { kind: "continue"; label: string | null; span: Span }
  | { kind: "return"; value: Expr | null; span: Span }
  /** Inline assembly; parsed now, compiled by the low-level issue. */
  | AsmStmt;

export interface AsmOperand {
  /** The constraint string as written, e.g. `"=r"`, `"r"`, `"m"`. */
  constraint: string;
  expr: Expr;
  span: Span;
}

export interface AsmStmt {
  kind: "asm";
  /** The instruction lines, comments removed, one string per line. */
  lines: string[];
  outputs: AsmOperand[];
  inputs: AsmOperand[];
  clobbers: string[];
  /** True when written with operand lists (extended form). */
  extended: boolean;
  /**
   * Optional (added by `lw/`): where each entry of `lines` came from, same
   * length as `lines`, so asm diagnostics can point at the line.
   */
  lineSpans?: Span[];
  span: Span;
}

// ---------------------------------------------------------------- expressions

export type BinaryOp =
  | "+" | "-" | "*" | "/" | "%"
  | "&" | "|" | "^" | "<<" | ">>"
  /** Logical shift right regardless of signedness (TypeScript `>>>`). */
  | ">>>"
  | "==" | "!=" | "<" | "<=" | ">" | ">="
  /** Short-circuit. */
  | "&&" | "||";

export type UnaryOp = "-" | "!" | "~";

export type Expr =
  /**
   * Integer literal; `value` is exact (0..2^64-1; a negative literal is a
   * unary minus around it). `char` marks a character literal (type u8).
   * `text` is the literal as written, for messages.
   */
  | { kind: "int"; value: bigint; char: boolean; text: string; span: Span }
  | { kind: "bool"; value: boolean; span: Span }
  /** String literal: its UTF-8 bytes without the terminating NUL. */
  | { kind: "string"; bytes: Uint8Array; span: Span }
  /** `enc "..."`: encrypted string literal (low-level issue). */
  | { kind: "enc"; bytes: Uint8Array; span: Span }
  | { kind: "name"; name: string; span: Span }
  | { kind: "unary"; op: UnaryOp; operand: Expr; span: Span }
  /** `*p`: read (or, as an assignment target, write) through a pointer. */
  | { kind: "deref"; operand: Expr; span: Span }
  /** `&x`: address of a variable, field, element or global. */
  | { kind: "addressOf"; operand: Expr; span: Span }
  | { kind: "binary"; op: BinaryOp; left: Expr; right: Expr; span: Span }
  /** `x as T`. */
  | { kind: "cast"; operand: Expr; type: TypeExpr; span: Span }
  | { kind: "call"; callee: Expr; args: Expr[]; span: Span }
  /** `syscall(nr, a1..a6)`: `args[0]` is the number. */
  | { kind: "syscall"; args: Expr[]; span: Span }
  | { kind: "index"; base: Expr; index: Expr; span: Span }
  | { kind: "field"; base: Expr; field: string; fieldSpan: Span; span: Span }
  | { kind: "structLit"; name: string; nameSpan: Span; fields: { name: string; value: Expr; span: Span }[]; span: Span }
  /** `[a, b, c]`; shorter than the array type: zero padded. */
  | { kind: "arrayLit"; elements: Expr[]; span: Span }
  /** `[value; count]`. */
  | { kind: "arrayRepeat"; value: Expr; count: Expr; span: Span }
  /** `c ? a : b` and Lwanga's `if c { a } else { b }` expression. */
  | { kind: "conditional"; cond: Expr; then: Expr; else: Expr; span: Span }
  /**
   * Statements then a value: Lwanga's `{ stmts; value }` branches of an
   * if-expression, and DSL `unsafe(() => ...)` (with `unsafe: true`).
   * `result` null: the block has no value (type void).
   */
  | { kind: "blockExpr"; body: Stmt[]; result: Expr | null; unsafe: boolean; span: Span }
  /** `sizeof<T>()` (DSL) — a compile-time constant u64. */
  | { kind: "sizeof"; type: TypeExpr; span: Span };

/** Helper for front ends: the span of any node. */
export function spanOf(node: { span: Span }): Span {
  return node.span;
}

/** What a front end returns for one file: its declarations and the files it imports (resolved by the driver). */
export interface FileResult {
  decls: Decl[];
  imports: { path: string; span: Span }[];
}
