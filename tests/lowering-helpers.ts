/**
 * Test helpers for lowering: build small checked-IR programs by hand (until
 * the checker can produce them from source), compile them with
 * `buildExecutable` into a temporary directory and run them.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import type { Expr, Func, Global, Local, Place, Program, Stmt, ConstValue } from "../ir/checked.ts";
import type { Type } from "../ir/types.ts";
import { BOOL, I64, PTR, STR, U64, U8, VOID } from "../ir/types.ts";
import { buildExecutable, type OptLevel } from "../lowering/toolchain.ts";

export const span = { file: 0, start: 0, end: 0 };

let localId = 0;
export function local(name: string, type: Type, isParam = false): Local {
  return { id: localId++, name, type, mutable: true, isParam, addressTaken: false, register: null, span };
}

export function func(name: string, params: Local[], result: Type, locals: Local[], body: Stmt[]): Func {
  return { name, symbol: `lw.${name}`, params, locals: [...params, ...locals], result, body, naked: false, span };
}

export function global(name: string, type: Type, init: ConstValue, mutable = true): Global {
  return { name, symbol: `lw.g.${name}`, type, mutable, init, span };
}

export function program(functions: Func[], globals: Global[] = [], mainName = "main"): Program {
  return { functions, globals, main: functions.find((f) => f.name === mainName) ?? null, userStart: null };
}

// ---------------------------------------------------------------- expressions

export const int = (value: bigint | number, type: Type = U64): Expr => ({ kind: "const", value: BigInt.asUintN(type.kind === "int" ? type.bits : 64, BigInt(value)), type, span });
export const bool = (v: boolean): Expr => ({ kind: "const", value: v ? 1n : 0n, type: BOOL, span });
export const str = (s: string): Expr => ({ kind: "string", bytes: new TextEncoder().encode(s), type: STR, span });
export const lv = (l: Local): Place => ({ kind: "local", local: l, type: l.type, span });
export const gv = (g: Global): Place => ({ kind: "global", global: g, type: g.type, span });
export const load = (p: Place): Expr => ({ kind: "load", place: p, type: p.type, span });
export const get = (l: Local): Expr => load(lv(l));
export const arith = (op: import("../ir/checked.ts").ArithOp, left: Expr, right: Expr): Expr => ({ kind: "arith", op, left, right, type: left.type, span });
export const cmp = (op: import("../ir/checked.ts").CompareOp, left: Expr, right: Expr): Expr => ({ kind: "compare", op, left, right, type: BOOL, span });
export const conv = (op: import("../ir/checked.ts").ConvertOp, operand: Expr, type: Type): Expr => ({ kind: "convert", op, operand, type, span });
export const call = (f: Func, ...args: Expr[]): Expr => ({ kind: "call", func: f, args, type: f.result, span });
export const syscall = (...args: Expr[]): Expr => ({ kind: "syscall", args, type: I64, span });
export const field = (base: Place, index: number): Place => {
  if (base.type.kind !== "struct") throw new Error("field of non-struct");
  const f = base.type.def.fields[index];
  return { kind: "field", base, index, offset: f.offset, type: f.type, span };
};
export const index = (base: Place, i: Expr): Place => {
  if (base.type.kind !== "array") throw new Error("index of non-array");
  return { kind: "index", base, index: i, type: base.type.elem, span };
};
export const deref = (ptr: Expr, type: Type): Place => ({ kind: "deref", ptr, type, span });
export const addr = (p: Place): Expr => ({ kind: "addressOf", place: p, type: { kind: "ptr", to: p.type }, span });
export const ptrToU64 = (e: Expr): Expr => conv("ptrToInt", e, U64);

// ---------------------------------------------------------------- statements

export const expr = (e: Expr): Stmt => ({ kind: "expr", expr: e, span });
export const assign = (place: Place, value: Expr): Stmt => ({ kind: "assign", place, value, span });
export const ret = (value: Expr | null = null): Stmt => ({ kind: "return", value, span });
export const iff = (cond: Expr, then: Stmt[], els: Stmt[] = []): Stmt => ({ kind: "if", cond, then, else: els, span });
export const whileLoop = (id: number, cond: Expr | null, body: Stmt[], update: Stmt[] = []): Stmt => ({ kind: "loop", id, cond, body, update, checkFirst: true, span });
export const brk = (target: number): Stmt => ({ kind: "break", target, span });
export const cont = (target: number): Stmt => ({ kind: "continue", target, span });

/** `write(1, s, len(s))` of a constant string. */
export const print = (s: string): Stmt => expr(syscall(int(1), int(1), ptrToU64(str(s)), int(new TextEncoder().encode(s).length)));

export { BOOL, I64, PTR, STR, U64, U8, VOID };

// ---------------------------------------------------------------- running

export interface RunResult {
  status: number | null;
  signal: string | null;
  stdout: string;
  size: number;
  path: string;
}

/** Builds `p` and runs it with `args`; throws with the diagnostics if the build fails. */
export function buildAndRun(p: Program, opts: { optLevel?: OptLevel; args?: string[]; keep?: (path: string) => void; stripSections?: boolean } = {}): RunResult {
  const dir = mkdtempSync(join(tmpdir(), "lw-test-"));
  try {
    const out = join(dir, "prog");
    const r = buildExecutable(p, { optLevel: opts.optLevel ?? 2, output: out, emit: "exe", target: "x86_64", debug: false, pic: false, stripSections: opts.stripSections });
    if (!r.ok) throw new Error(`build failed: ${JSON.stringify(r.diagnostics, null, 1)}`);
    opts.keep?.(out);
    const run = spawnSync(out, opts.args ?? [], { encoding: "latin1" });
    const size = require_size(out);
    return { status: run.status, signal: run.signal, stdout: run.stdout, size, path: out };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { statSync } from "node:fs";
function require_size(path: string): number {
  return statSync(path).size;
}

export const unaryNeg = (operand: Expr): Expr => ({ kind: "unary", op: "neg", operand, type: operand.type, span });
