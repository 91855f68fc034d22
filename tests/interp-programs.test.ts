/**
 * Interpreter: whole programs of hand-built checked IR — control flow
 * (loops, break/continue, switch fall-through, block and conditional
 * expressions), calls and recursion, memory (structs with real layout,
 * packed structs, arrays, globals, pointers, strings), function pointers,
 * argv, syscalls, exit status, and the limits (steps, recursion depth).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { I32, I64, U8, U16, U32, U64, BOOL, PTR, VOID, STR } from "../ir/types.ts";
import type { Type } from "../ir/types.ts";
import * as b from "./gen/ir-builder.ts";
import { interpret } from "../ir/interpret/interpret.ts";

const arr = (elem: Type, length: number): Type => ({ kind: "array", elem, length });
const ptrTo = (to: Type): Type => ({ kind: "ptr", to });

/** `write(1, s, len(s))` as a statement. */
const print = (s: string) => b.expr(b.sys(b.c(1, I64), b.c(1, I64), b.conv("ptrToInt", b.str(s), I64), b.c(Buffer.byteLength(s), I64)));

test("hello world writes and exits with main's low 8 bits", async () => {
  const p = b.program([b.func("main", [], [], U64, [print("hello\n"), b.ret(b.c(0x1ff))])]);
  const r = await b.runCapture(p);
  assert.equal(r.stdout, "hello\n");
  assert.deepEqual(r.result, { exitCode: 0xff });
});

test("void main exits 0; exit syscall ends the program at once", async () => {
  const p = b.program([b.func("main", [], [], VOID, [b.expr(b.sys(b.c(60, I64), b.c(300, I64))), print("never")])]);
  const r = await b.runCapture(p);
  assert.deepEqual(r.result, { exitCode: 300 & 0xff });
  assert.equal(r.stdout, "");
  const q = b.program([b.func("main", [], [], VOID, [])]);
  assert.deepEqual((await b.runCapture(q)).result, { exitCode: 0 });
});

test("loops with break and continue; do-while runs once", async () => {
  // sum of odd i in [0, 100) stopping at i == 51 → 1+3+...+49 = 625; exit 625 & 255 = 113
  const i = b.local(0, "i", U32);
  const sum = b.local(1, "sum", U32);
  const n = b.local(2, "n", U32);
  const p = b.program([b.func("main", [], [i, sum, n], U32, [
    b.set(sum, b.c(0, U32)),
    b.set(i, b.c(0, U32)),
    b.loop(b.cmp("lt", b.get(i), b.c(100, U32)), (id) => [
      b.iff(b.cmp("eq", b.get(i), b.c(51, U32)), [b.brk(id)]),
      b.iff(b.cmp("eq", b.arith("rem", b.get(i), b.c(2, U32)), b.c(0, U32)), [b.cont(id)]),
      b.set(sum, b.arith("add", b.get(sum), b.get(i))),
    ], [b.set(i, b.arith("add", b.get(i), b.c(1, U32)))]),
    b.set(n, b.c(0, U32)),
    b.loop(b.T(false), () => [b.set(n, b.arith("add", b.get(n), b.c(7, U32)))], [], false),
    b.ret(b.arith("add", b.get(sum), b.get(n))),
  ])]);
  assert.deepEqual((await b.runCapture(p)).result, { exitCode: (625 + 7) & 0xff });
});

test("switch falls through until break; default when nothing matches", async () => {
  const x = b.local(0, "x", U8, { param: true });
  const acc = b.local(1, "acc", U8);
  const f = b.func("f", [x], [acc], U8, [
    b.set(acc, b.c(0, U8)),
    b.switchStmt(b.get(x), (id) => [
      { values: [1n], body: [b.set(acc, b.arith("add", b.get(acc), b.c(1, U8)))] },
      { values: [2n, 3n], body: [b.set(acc, b.arith("add", b.get(acc), b.c(10, U8))), b.brk(id)] },
      { values: [], body: [b.set(acc, b.arith("add", b.get(acc), b.c(100, U8)))] },
    ], 2),
    b.ret(b.get(acc)),
  ]);
  const main = b.func("main", [], [], U8, [
    b.ret(b.arith("add", b.arith("add", b.call(f, b.c(1, U8)), b.call(f, b.c(3, U8))), b.call(f, b.c(9, U8)))),
  ]);
  assert.deepEqual((await b.runCapture(b.program([f, main]))).result, { exitCode: 11 + 10 + 100 });
});

test("recursion, conditional and block expressions", async () => {
  const n = b.local(0, "n", U64, { param: true });
  const fib = b.func("fib", [n], [], U64, []);
  fib.body.push(b.ret(b.cond(
    b.cmp("lt", b.get(n), b.c(2)),
    b.get(n),
    b.arith("add", b.call(fib, b.arith("sub", b.get(n), b.c(1))), b.call(fib, b.arith("sub", b.get(n), b.c(2)))),
  )));
  const t = b.local(0, "t", U64);
  const main = b.func("main", [], [t], U64, [
    b.set(t, b.blockExpr([b.set(t, b.c(3))], b.arith("mul", b.get(t), b.call(fib, b.c(15))))),
    b.ret(b.arith("rem", b.get(t), b.c(251))),
  ]);
  assert.deepEqual((await b.runCapture(b.program([fib, main]))).result, { exitCode: (3 * 610) % 251 });
});

test("struct layout: padding, packed structs, field writes through pointers", async () => {
  const S = b.layoutStruct("S", false, [{ name: "a", type: U8 }, { name: "b", type: U32 }, { name: "c", type: U16 }]);
  const P = b.layoutStruct("P", true, [{ name: "a", type: U8 }, { name: "b", type: U32 }, { name: "c", type: U16 }]);
  assert.equal(S.size, 12);
  assert.equal(P.size, 7);
  const s = b.local(0, "s", { kind: "struct", def: S });
  const pk = b.local(1, "p", { kind: "struct", def: P });
  const bp = b.local(2, "bp", PTR);
  const main = b.func("main", [], [s, pk, bp], U8, [
    b.set(s, b.structValue(S, b.c(1, U8), b.c(0x11223344, U32), b.c(0x5566, U16))),
    b.set(pk, b.zero({ kind: "struct", def: P })),
    b.assign(b.field(b.L(pk), P, "b"), b.load(b.field(b.L(s), S, "b"))),
    // byte 1 of the packed struct is the low byte of b: 0x44
    b.set(bp, b.conv("ptrCast", b.addr(b.L(pk), ptrTo({ kind: "struct", def: P })), PTR)),
    b.ret(b.load(b.deref(b.ptrAdd(b.get(bp), b.c(1)), U8))),
  ]);
  assert.deepEqual((await b.runCapture(b.program([main]))).result, { exitCode: 0x44 });
});

test("arrays, index with signed index, pointer arithmetic, aggregate copies are values", async () => {
  const A = arr(U16, 4);
  const a = b.local(0, "a", A);
  const c2 = b.local(1, "c", A);
  const p = b.local(2, "p", ptrTo(U16));
  const main = b.func("main", [], [a, c2, p], U16, [
    b.set(a, b.arrayValue(A, b.c(10, U16), b.c(20, U16), b.c(30, U16), b.c(40, U16))),
    b.set(c2, b.get(a)),
    b.assign(b.index(b.L(a), b.c(0, U64)), b.c(99, U16)),
    b.set(p, b.addr(b.index(b.L(c2), b.c(3, I32)), ptrTo(U16))),
    // p - 1 element (2 bytes) via ptrAdd with a negative i64 offset → c[2] = 30
    b.ret(b.arith("add", b.load(b.deref(b.ptrAdd(b.get(p), b.c(-2, I64)), U16)), b.load(b.index(b.L(c2), b.c(0, U8))))),
  ]);
  assert.deepEqual((await b.runCapture(b.program([main]))).result, { exitCode: 40 });
});

test("globals (mutable and constant arrays), strings in read-only memory", async () => {
  const counter = b.global("counter", U32, { kind: "int", value: 5n });
  const table = b.global("table", arr(U8, 3), { kind: "array", elements: [{ kind: "int", value: 7n }, { kind: "int", value: 8n }, { kind: "int", value: 9n }] }, false);
  const msg = b.global("msg", STR, { kind: "string", bytes: new TextEncoder().encode("hi!") }, false);
  const bump = b.func("bump", [], [], VOID, [b.assign(b.G(counter), b.arith("add", b.load(b.G(counter)), b.c(1, U32)))]);
  const main = b.func("main", [], [], U32, [
    b.expr(b.call(bump)), b.expr(b.call(bump)),
    b.expr(b.sys(b.c(1, I64), b.c(1, I64), b.conv("ptrToInt", b.load(b.G(msg)), I64), b.c(3, I64))),
    b.ret(b.arith("add", b.load(b.G(counter)), b.conv("zext", b.load(b.index(b.G(table), b.c(2))), U32))),
  ]);
  const r = await b.runCapture(b.program([bump, main], [counter, table, msg]));
  assert.equal(r.stdout, "hi!");
  assert.deepEqual(r.result, { exitCode: 16 });

  // Writing into a string constant faults.
  const w = b.func("main", [], [], VOID, [b.assign(b.deref(b.conv("ptrCast", b.str("x"), PTR), U8), b.c(1, U8))]);
  assert.deepEqual((await b.runCapture(b.program([w]))).result, { signal: "SIGSEGV" });
});

test("null dereference and calls through bad function pointers fault", async () => {
  const m = b.func("main", [], [], U8, [b.ret(b.load(b.deref(b.conv("intToPtr", b.c(0), PTR), U8)))]);
  assert.deepEqual((await b.runCapture(b.program([m]))).result, { signal: "SIGSEGV" });
  const fnT: Type = { kind: "fn", params: [], result: U8 };
  const m2 = b.func("main", [], [], U8, [b.ret(b.callIndirect(b.conv("intToPtr", b.c(12345), fnT), U8))]);
  assert.deepEqual((await b.runCapture(b.program([m2]))).result, { signal: "SIGSEGV" });
});

test("function pointers: stored, cast through ptr, called indirectly", async () => {
  const x = b.local(0, "x", U32, { param: true });
  const dbl = b.func("dbl", [x], [], U32, [b.ret(b.arith("mul", b.get(x), b.c(2, U32)))]);
  const fnT: Type = { kind: "fn", params: [U32], result: U32 };
  const fp = b.local(0, "fp", fnT);
  const raw = b.local(1, "raw", PTR);
  const main = b.func("main", [], [fp, raw], U32, [
    b.set(raw, b.conv("ptrCast", b.fref(dbl), PTR)),
    b.set(fp, b.conv("ptrCast", b.get(raw), fnT)),
    b.ret(b.callIndirect(b.get(fp), U32, b.c(21, U32))),
  ]);
  assert.deepEqual((await b.runCapture(b.program([dbl, main]))).result, { exitCode: 42 });
});

test("main(argc, argv) sees the arguments laid out as the kernel does", async () => {
  // Prints argv[argc-1] by walking to its NUL, returns argc.
  const argc = b.local(0, "argc", U64, { param: true });
  const argv = b.local(1, "argv", PTR, { param: true });
  const s = b.local(2, "s", PTR);
  const n = b.local(3, "n", U64);
  const pp = ptrTo(PTR);
  const main = b.func("main", [argc, argv], [s, n], U64, [
    b.set(s, b.load(b.deref(b.ptrAdd(b.conv("ptrCast", b.get(argv), pp), b.arith("mul", b.arith("sub", b.get(argc), b.c(1)), b.c(8))), PTR))),
    b.set(n, b.c(0)),
    b.loop(b.cmp("ne", b.load(b.deref(b.ptrAdd(b.get(s), b.get(n)), U8)), b.c(0, U8)), () => [], [b.set(n, b.arith("add", b.get(n), b.c(1)))]),
    b.expr(b.sys(b.c(1, I64), b.c(1, I64), b.conv("ptrToInt", b.get(s), I64), b.conv("reinterpret", b.get(n), I64))),
    // argv[argc] is NULL
    b.iff(b.cmp("ne", b.load(b.deref(b.ptrAdd(b.conv("ptrCast", b.get(argv), pp), b.arith("mul", b.get(argc), b.c(8))), PTR)), b.conv("intToPtr", b.c(0), PTR)), [b.ret(b.c(99))]),
    b.ret(b.get(argc)),
  ]);
  const r = await b.runCapture(b.program([main]), ["prog", "one", "héllo"]);
  assert.equal(r.stdout, "héllo");
  assert.deepEqual(r.result, { exitCode: 3 });
});

test("read from stdin; unknown syscalls return -ENOSYS; getpid", async () => {
  const buf = b.local(0, "buf", arr(U8, 8));
  const n = b.local(1, "n", I64);
  const e = b.local(2, "e", I64);
  const main = b.func("main", [], [buf, n, e], I64, [
    b.set(buf, b.zero(arr(U8, 8))),
    b.set(n, b.sys(b.c(0, I64), b.c(0, I64), b.conv("ptrToInt", b.addr(b.L(buf), PTR), I64), b.c(8, I64))),
    b.expr(b.sys(b.c(1, I64), b.c(1, I64), b.conv("ptrToInt", b.addr(b.L(buf), PTR), I64), b.get(n))),
    b.set(e, b.sys(b.c(999, I64))),
    b.iff(b.cmp("ne", b.get(e), b.c(-38, I64)), [b.ret(b.c(1, I64))]),
    b.iff(b.cmp("le", b.sys(b.c(39, I64)), b.c(0, I64)), [b.ret(b.c(2, I64))]),
    b.ret(b.get(n)),
  ]);
  const r = await b.runCapture(b.program([main]), ["p"], new TextEncoder().encode("abc"));
  assert.equal(r.stdout, "abc");
  assert.deepEqual(r.result, { exitCode: 3 });
});

test("step limit and recursion limit end runaway programs with an error", () => {
  const spin = b.program([b.func("main", [], [], VOID, [b.loop(null, () => [])])]);
  const r = interpret(spin, { argv: ["p"], write: () => {}, maxSteps: 10_000 });
  assert.ok("error" in r && /step limit/.test(r.error));
  const f = b.func("f", [], [], VOID, []);
  f.body.push(b.expr(b.call(f)));
  const main = b.func("main", [], [], VOID, [b.expr(b.call(f))]);
  const r2 = interpret(b.program([f, main]), { argv: ["p"], write: () => {} });
  assert.ok("error" in r2 && /recursion|stack/.test(r2.error), JSON.stringify(r2));
});

test("logical operators short-circuit", async () => {
  const g = b.global("g", U8, { kind: "int", value: 0n });
  const side = b.func("side", [], [], BOOL, [b.assign(b.G(g), b.arith("add", b.load(b.G(g)), b.c(1, U8))), b.ret(b.T(true))]);
  const main = b.func("main", [], [], U8, [
    b.expr(b.and(b.T(false), b.call(side))),
    b.expr(b.or(b.T(true), b.call(side))),
    b.expr(b.and(b.T(true), b.call(side))),
    b.ret(b.load(b.G(g))),
  ]);
  assert.deepEqual((await b.runCapture(b.program([side, main], [g]))).result, { exitCode: 1 });
});

test("live input through the read callback", async () => {
  const buf = b.local(0, "buf", arr(U8, 4));
  const n = b.local(1, "n", I64);
  const main = b.func("main", [], [buf, n], I64, [
    b.set(buf, b.zero(arr(U8, 4))),
    b.set(n, b.sys(b.c(0, I64), b.c(0, I64), b.conv("ptrToInt", b.addr(b.L(buf), PTR), I64), b.c(4, I64))),
    b.expr(b.sys(b.c(1, I64), b.c(1, I64), b.conv("ptrToInt", b.addr(b.L(buf), PTR), I64), b.get(n))),
    b.ret(b.get(n)),
  ]);
  const out: number[] = [];
  const r = interpret(b.program([main]), { argv: ["p"], read: (_fd, max) => new TextEncoder().encode("live!").subarray(0, max), write: (_fd, bytes) => out.push(...bytes) });
  assert.deepEqual(r, { exitCode: 4 });
  assert.equal(Buffer.from(out).toString(), "live");
});
