/**
 * A small builder of checked IR by hand, for interpreter tests that must not
 * depend on a front end or the checker. Builds exactly the shapes the
 * checker guarantees (explicit conversions, resolved locals), with dummy
 * spans.
 */
import type { ArithOp, CompareOp, ConvertOp, Expr, Func, Global, Local, Place, Program, Stmt, ConstValue } from "../../ir/checked.ts";
import type { Type, StructDef } from "../../ir/types.ts";
import { BOOL, layoutStruct, sizeOf, U64 } from "../../ir/types.ts";

export const span = { file: 0, start: 0, end: 0 };

let nextLoopId = 1;

export function local(id: number, name: string, type: Type, opts: { param?: boolean; mutable?: boolean; addressTaken?: boolean } = {}): Local {
  return { id, name, type, mutable: opts.mutable ?? true, isParam: opts.param ?? false, addressTaken: opts.addressTaken ?? false, register: null, span };
}

export function func(name: string, params: Local[], locals: Local[], result: Type, body: Stmt[]): Func {
  return { name, symbol: `lw_${name}`, params, locals: [...params, ...locals], result, body, naked: false, span };
}

export function global(name: string, type: Type, init: ConstValue, mutable = true): Global {
  return { name, symbol: `lwg_${name}`, type, mutable, init, span };
}

export function program(functions: Func[], globals: Global[] = []): Program {
  return { functions, globals, main: functions.find((f) => f.name === "main") ?? null, userStart: null };
}

/** Bit pattern of a (possibly negative) constant of an integer type. */
export function c(value: bigint | number, type: Type = U64): Expr {
  const bits = type.kind === "int" ? type.bits : type.kind === "bool" ? 1 : 64;
  return { kind: "const", value: BigInt.asUintN(bits, BigInt(value)), type, span };
}

export const T = (v: boolean): Expr => ({ kind: "const", value: v ? 1n : 0n, type: BOOL, span });

export const L = (l: Local): Place => ({ kind: "local", local: l, type: l.type, span });
export const G = (g: Global): Place => ({ kind: "global", global: g, type: g.type, span });
export const deref = (ptr: Expr, type: Type): Place => ({ kind: "deref", ptr, type, span });
export function field(base: Place, def: StructDef, name: string): Place {
  const i = def.fields.findIndex((f) => f.name === name);
  return { kind: "field", base, index: i, offset: def.fields[i].offset, type: def.fields[i].type, span };
}
export function index(base: Place, i: Expr): Place {
  if (base.type.kind !== "array") throw new Error("index of non-array");
  return { kind: "index", base, index: i, type: base.type.elem, span };
}

export const load = (p: Place): Expr => ({ kind: "load", place: p, type: p.type, span });
export const get = (l: Local): Expr => load(L(l));
export const addr = (p: Place, type: Type): Expr => ({ kind: "addressOf", place: p, type, span });
export const arith = (op: ArithOp, left: Expr, right: Expr): Expr => ({ kind: "arith", op, left, right, type: left.type, span });
export const cmp = (op: CompareOp, left: Expr, right: Expr): Expr => ({ kind: "compare", op, left, right, type: BOOL, span });
export const conv = (op: ConvertOp, operand: Expr, type: Type): Expr => ({ kind: "convert", op, operand, type, span });
export const neg = (operand: Expr): Expr => ({ kind: "unary", op: "neg", operand, type: operand.type, span });
export const bitnot = (operand: Expr): Expr => ({ kind: "unary", op: "bitnot", operand, type: operand.type, span });
export const not = (operand: Expr): Expr => ({ kind: "unary", op: "not", operand, type: BOOL, span });
export const and = (left: Expr, right: Expr): Expr => ({ kind: "logical", op: "and", left, right, type: BOOL, span });
export const or = (left: Expr, right: Expr): Expr => ({ kind: "logical", op: "or", left, right, type: BOOL, span });
export const call = (f: Func, ...args: Expr[]): Expr => ({ kind: "call", func: f, args, type: f.result, span });
export const callIndirect = (callee: Expr, result: Type, ...args: Expr[]): Expr => ({ kind: "callIndirect", callee, args, type: result, span });
export const fref = (f: Func): Expr => ({ kind: "funcRef", func: f, type: { kind: "fn", params: f.params.map((p) => p.type), result: f.result }, span });
export const sys = (...args: Expr[]): Expr => ({ kind: "syscall", args, type: { kind: "int", bits: 64, signed: true }, span });
export const str = (s: string): Expr => ({ kind: "string", bytes: new TextEncoder().encode(s), type: { kind: "str" }, span });
export const ptrAdd = (ptr: Expr, offset: Expr): Expr => ({ kind: "ptrAdd", ptr, offset, type: ptr.type, span });
export const cond = (test: Expr, then: Expr, els: Expr): Expr => ({ kind: "conditional", cond: test, then, else: els, type: then.type, span });
export const blockExpr = (body: Stmt[], result: Expr | null): Expr => ({ kind: "block", body, result, type: result ? result.type : { kind: "void" }, span });
export const zero = (type: Type): Expr => ({ kind: "zero", type, span });
export const structValue = (def: StructDef, ...fields: Expr[]): Expr => ({ kind: "structValue", fields, type: { kind: "struct", def }, span });
export const arrayValue = (type: Type, ...elements: Expr[]): Expr => ({ kind: "arrayValue", elements, type, span });
export const arrayRepeat = (type: Type, value: Expr): Expr => ({ kind: "arrayRepeat", value, type, span });

export const expr = (e: Expr): Stmt => ({ kind: "expr", expr: e, span });
export const assign = (p: Place, value: Expr): Stmt => ({ kind: "assign", place: p, value, span });
export const set = (l: Local, value: Expr): Stmt => assign(L(l), value);
export const ret = (value: Expr | null = null): Stmt => ({ kind: "return", value, span });
export const iff = (test: Expr, then: Stmt[], els: Stmt[] = []): Stmt => ({ kind: "if", cond: test, then, else: els, span });
export const block = (...body: Stmt[]): Stmt => ({ kind: "block", body, span });
export const brk = (target: number): Stmt => ({ kind: "break", target, span });
export const cont = (target: number): Stmt => ({ kind: "continue", target, span });

/** A loop; `body` receives the loop id for break/continue. */
export function loop(test: Expr | null, body: (id: number) => Stmt[], update: Stmt[] = [], checkFirst = true): Stmt {
  const id = nextLoopId++;
  return { kind: "loop", id, cond: test, body: body(id), update, checkFirst, span };
}

export function switchStmt(value: Expr, cases: (id: number) => { values: bigint[]; body: Stmt[] }[], defaultIndex: number | null = null): Stmt {
  const id = nextLoopId++;
  return { kind: "switch", id, value, cases: cases(id).map((k) => ({ ...k, span })), defaultIndex, span };
}

export { layoutStruct, sizeOf };

/** Runs `main` with argv ["prog"], collecting stdout as text. */
export async function runCapture(p: Program, argv: string[] = ["prog"], stdin?: Uint8Array): Promise<{ result: unknown; stdout: string; stderr: string }> {
  const { interpret } = await import("../../ir/interpret/interpret.ts");
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const result = interpret(p, { argv, stdin, write: (fd, b) => (fd === 1 ? out : err).push(Buffer.from(b)), maxSteps: 1e7 });
  return { result, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") };
}
