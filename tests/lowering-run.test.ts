// Lowering end to end on hand-built checked IR: build static executables
// with buildExecutable, run them, check stdout, exit status and signals.
// Values are checked inside the program: `check(k, a, b)` returns k from
// main when a != b, so exit status 0 means every check passed.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Expr, Func, Stmt } from "../ir/checked.ts";
import { I32, I64, I8, U32, U64, U8, BOOL, PTR, layoutStruct, type Type } from "../ir/types.ts";
import * as h from "./lowering-helpers.ts";

const { int, get, lv, assign, ret, iff, cmp, arith, span } = h;

function check(k: number, actual: Expr, expected: Expr): Stmt {
  return iff(cmp("ne", actual, expected), [ret(int(k))]);
}

function mainWith(locals: ReturnType<typeof h.local>[], body: Stmt[], params: ReturnType<typeof h.local>[] = []): Func {
  return h.func("main", params, U64, locals, [...body, ret(int(0))]);
}

/** argc as a value of type `t` the optimiser cannot know (argc is 1 in these tests). */
function opaqueOne(argc: ReturnType<typeof h.local>, t: Type): Expr {
  if (t.kind !== "int" || t.bits === 64) return h.conv("reinterpret", get(argc), t);
  return h.conv("trunc", get(argc), t);
}

for (const opt of [0, 2] as const) {
  test(`hello world -O${opt}`, () => {
    const main = h.func("main", [], U64, [], [h.print("hello, world\n"), ret(int(0))]);
    const r = h.buildAndRun(h.program([main]), { optLevel: opt });
    assert.equal(r.stdout, "hello, world\n");
    assert.equal(r.status, 0);
    assert.ok(r.size < 1024, `hello world is ${r.size} bytes`);
  });

  test(`exit status is the low 8 bits of main's result -O${opt}`, () => {
    const main = h.func("main", [], U64, [], [ret(int(300))]);
    assert.equal(h.buildAndRun(h.program([main]), { optLevel: opt }).status, 44);
    const neg = h.func("main", [], I8, [], [ret(int(-1, I8))]);
    assert.equal(h.buildAndRun(h.program([neg]), { optLevel: opt }).status, 255);
    const v = h.func("main", [], h.VOID, [], [h.print("v")]);
    assert.equal(h.buildAndRun(h.program([v]), { optLevel: opt }).status, 0);
    // The plain `_start` (main without parameters) converts every result type itself.
    for (const [type, value, status] of [[BOOL, 1, 1], [U8, 200, 200], [I32, -2, 254], [U32, 0x1ff, 255], [I64, -3, 253]] as const) {
      const f = h.func("main", [], type, [], [ret(type.kind === "bool" ? h.bool(value === 1) : int(value, type))]);
      assert.equal(h.buildAndRun(h.program([f]), { optLevel: opt }).status, status, `main returning ${JSON.stringify(type)}`);
    }
  });

  test(`wrapping arithmetic, masked shifts, signed division -O${opt}`, () => {
    const argc = h.local("argc", U64, true);
    const argv = h.local("argv", PTR, true);
    const one = (t: Type) => opaqueOne(argc, t);
    const body: Stmt[] = [
      check(1, arith("add", int(250, U8), arith("mul", int(10, U8), one(U8))), int(4, U8)),
      check(2, arith("add", int(0x7fffffffffffffffn, I64), one(I64)), int(-0x8000000000000000n, I64)),
      check(3, arith("mul", int(0x10000, U32), arith("mul", int(0x10000, U32), one(U32))), int(0, U32)),
      check(4, arith("shl", one(U32), int(33, U32)), int(2, U32)),
      check(5, arith("shr", int(256, U64), arith("add", int(64, U64), one(U64))), int(128, U64)),
      check(6, arith("shr", int(-8, I32), one(I32)), int(-4, I32)),
      check(7, arith("ushr", int(-8, I32), one(I32)), int(0x7ffffffc, I32)),
      check(8, arith("shr", int(0xf0, U8), arith("add", int(8, U8), one(U8))), int(0x78, U8)),
      check(9, arith("div", int(-7, I32), arith("add", one(I32), one(I32))), int(-3, I32)),
      check(10, arith("rem", int(-7, I32), arith("add", one(I32), one(I32))), int(-1, I32)),
      check(11, arith("div", int(-7, U32), arith("add", one(U32), one(U32))), int(0x7ffffffc, U32)),
      check(12, arith("div", int(-0x80000000, I32), h.unaryNeg(one(I32))), int(-0x80000000, I32)),
      check(13, arith("rem", int(-0x80000000, I32), h.unaryNeg(one(I32))), int(0, I32)),
      check(14, arith("div", int(-0x8000000000000000n, I64), int(-1, I64)), int(-0x8000000000000000n, I64)),
      check(15, arith("rem", int(-0x8000000000000000n, I64), int(-1, I64)), int(0, I64)),
      check(16, int(0xdeadbeefcafebaben, U64), arith("or", arith("shl", int(0xdeadbeef, U64), int(32)), int(0xcafebabe, U64))),
      check(17, h.unaryNeg(int(-0x8000000000000000n, I64)), int(-0x8000000000000000n, I64)),
      check(18, h.conv("sext", int(-2, I8), I64), int(-2, I64)),
      check(19, h.conv("zext", int(-2, I8), U64), int(254, U64)),
      check(20, h.conv("boolToInt", cmp("lt", int(-1, I32), one(I32)), U8), int(1, U8)),
      check(21, h.conv("boolToInt", cmp("lt", int(-1, U32), one(U32)), U8), int(0, U8)),
    ];
    const main = mainWith([], body, [argc, argv]);
    const r = h.buildAndRun(h.program([main]), { optLevel: opt });
    assert.equal(r.status, 0, `check ${r.status} failed`);
  });

  test(`division and remainder by zero raise SIGFPE -O${opt}`, () => {
    for (const op of ["div", "rem"] as const) {
      for (const t of [U64, I32] as Type[]) {
        const argc = h.local("argc", U64, true);
        const argv = h.local("argv", PTR, true);
        const zero = arith("sub", opaqueOne(argc, t), opaqueOne(argc, t));
        const main = mainWith([], [h.expr(arith(op, int(10, t), zero)), h.print("survived\n")], [argc, argv]);
        const r = h.buildAndRun(h.program([main]), { optLevel: opt });
        assert.equal(r.signal, "SIGFPE", `${op} ${t.kind}: status ${r.status}, stdout ${r.stdout}`);
        assert.equal(r.stdout, "");
      }
    }
    // A constant zero divisor too: the optimiser must not remove the trap.
    const main = mainWith([], [h.expr(arith("div", int(10), int(0))), h.print("survived\n")]);
    assert.equal(h.buildAndRun(h.program([main]), { optLevel: opt }).signal, "SIGFPE");
  });

  test(`structs are copied by value, passed and returned -O${opt}`, () => {
    const def = layoutStruct("S", false, [{ name: "a", type: U8 }, { name: "b", type: U64 }, { name: "c", type: U32 }]);
    const S: Type = { kind: "struct", def };
    const s1 = h.local("s1", S);
    const s2 = h.local("s2", S);
    const p = h.local("p", S, true);
    const sv = (a: number, b: number, c: number): Expr => ({ kind: "structValue", fields: [int(a, U8), int(b), int(c, U32)], type: S, span });
    // swap(p) returns S { a: p.a + 1, b: p.c, c: p.b }
    const swap = h.func("swap", [p], S, [], [
      ret({ kind: "structValue", fields: [
        arith("add", h.load(h.field(lv(p), 0)), int(1, U8)),
        h.conv("zext", h.load(h.field(lv(p), 2)), U64),
        h.conv("trunc", h.load(h.field(lv(p), 1)), U32),
      ], type: S, span }),
    ]);
    const main = mainWith([s1, s2], [
      assign(lv(s1), sv(1, 2, 3)),
      assign(lv(s2), get(s1)),
      assign(h.field(lv(s1), 1), int(99)),
      check(1, h.load(h.field(lv(s2), 1)), int(2)),
      check(2, h.load(h.field(lv(s1), 1)), int(99)),
      assign(lv(s2), h.call(swap, get(s2))),
      check(3, h.load(h.field(lv(s2), 0)), int(2, U8)),
      check(4, h.load(h.field(lv(s2), 1)), int(3)),
      check(5, h.load(h.field(lv(s2), 2)), int(2, U32)),
      // s1 = S { a: s1.a, b: s1.c, c: s1.b } reads the old s1.
      assign(lv(s1), { kind: "structValue", fields: [h.load(h.field(lv(s1), 0)), h.conv("zext", h.load(h.field(lv(s1), 2)), U64), h.conv("trunc", h.load(h.field(lv(s1), 1)), U32)], type: S, span }),
      check(6, h.load(h.field(lv(s1), 1)), int(3)),
      check(7, h.load(h.field(lv(s1), 2)), int(99, U32)),
      assign(lv(s1), { kind: "zero", type: S, span }),
      check(8, h.load(h.field(lv(s1), 2)), int(0, U32)),
    ]);
    const r = h.buildAndRun(h.program([main, swap]), { optLevel: opt });
    assert.equal(r.status, 0, `check ${r.status} failed`);
  });

  test(`arrays, globals, loops with break and continue -O${opt}`, () => {
    const A: Type = { kind: "array", elem: U64, length: 10 };
    const big: Type = { kind: "array", elem: U8, length: 20000000 };
    const g = h.global("table", A, { kind: "zero" });
    const gBig = h.global("big", big, { kind: "zero" });
    const gInit = h.global("primes", { kind: "array", elem: U32, length: 4 }, { kind: "array", elements: [2n, 3n, 5n, 7n].map((value) => ({ kind: "int" as const, value })) }, false);
    const i = h.local("i", U64);
    const sum = h.local("sum", U64);
    const arr = h.local("arr", A);
    const main = mainWith([i, sum, arr], [
      // for (i = 0; i < 10; i++) table[i] = i * i
      assign(lv(i), int(0)),
      h.whileLoop(1, cmp("lt", get(i), int(10)), [assign(h.index(h.gv(g), get(i)), arith("mul", get(i), get(i)))], [assign(lv(i), arith("add", get(i), int(1)))]),
      // arr = table; table[3] = 0; sum odd squares of arr until i == 8 (continue on even, break at 8)
      assign(lv(arr), h.load(h.gv(g))),
      assign(h.index(h.gv(g), int(3)), int(0)),
      assign(lv(i), int(0)),
      h.whileLoop(2, null, [
        iff(cmp("eq", get(i), int(8)), [h.brk(2)]),
        iff(cmp("eq", arith("rem", get(i), int(2)), int(0)), [h.cont(2)]),
        assign(lv(sum), arith("add", get(sum), h.load(h.index(lv(arr), get(i))))),
      ], [assign(lv(i), arith("add", get(i), int(1)))]),
      check(1, get(sum), int(1 + 9 + 25 + 49)),
      check(2, h.load(h.index(h.gv(g), int(3))), int(0)),
      assign(h.index(h.gv(gBig), int(19999999)), int(7, U8)),
      check(3, h.load(h.index(h.gv(gBig), int(19999999))), int(7, U8)),
      check(4, h.load(h.index(h.gv(gInit), int(3, I32))), int(7, U32)),
      assign(lv(arr), { kind: "arrayRepeat", value: int(5), type: A, span }),
      check(5, h.load(h.index(lv(arr), int(9))), int(5)),
    ]);
    const r = h.buildAndRun(h.program([main], [g, gBig, gInit]), { optLevel: opt });
    assert.equal(r.status, 0, `check ${r.status} failed`);
    assert.ok(r.size < 4096, `a 20 MB zero global stays in .bss (binary is ${r.size} bytes)`);
  });

  test(`function pointers, switch fall-through, conditionals -O${opt}`, () => {
    const x = h.local("x", U64, true);
    const dbl = h.func("dbl", [x], U64, [], [ret(arith("mul", get(x), int(2)))]);
    const y = h.local("y", U64, true);
    const inc = h.func("inc", [y], U64, [], [ret(arith("add", get(y), int(1)))]);
    const fnT: Type = { kind: "fn", params: [U64], result: U64 };
    const f = h.local("f", fnT);
    const n = h.local("n", U64);
    const argc = h.local("argc", U64, true);
    const argv = h.local("argv", PTR, true);
    const callF = (arg: Expr): Expr => ({ kind: "callIndirect", callee: get(f), args: [arg], type: U64, span });
    const main = mainWith([f, n], [
      assign(lv(f), { kind: "funcRef", func: dbl, type: fnT, span }),
      check(1, callF(int(21)), int(42)),
      assign(lv(f), { kind: "conditional", cond: cmp("eq", get(argc), int(1)), then: { kind: "funcRef", func: inc, type: fnT, span }, else: { kind: "funcRef", func: dbl, type: fnT, span }, type: fnT, span }),
      check(2, callF(int(21)), int(22)),
      // switch (argc + 1) { case 1: n += 1; case 2: n += 10; case 3: n += 100; break; default: n = 7 }
      { kind: "switch", id: 5, value: arith("add", get(argc), int(1)), defaultIndex: 3, span, cases: [
        { values: [1n], body: [assign(lv(n), arith("add", get(n), int(1)))], span },
        { values: [2n], body: [assign(lv(n), arith("add", get(n), int(10)))], span },
        { values: [3n, 0xffffffffffffffffn], body: [assign(lv(n), arith("add", get(n), int(100))), h.brk(5)], span },
        { values: [], body: [assign(lv(n), int(7))], span },
      ] },
      check(3, get(n), int(110)),
      // short circuit: argc == 2 && (1 / 0 == 0) must not divide
      check(4, h.conv("boolToInt", { kind: "logical", op: "and", left: cmp("eq", get(argc), int(2)), right: cmp("eq", arith("div", int(1), arith("sub", get(argc), int(1))), int(0)), type: BOOL, span }, U8), int(0, U8)),
      check(5, h.conv("boolToInt", { kind: "logical", op: "or", left: cmp("eq", get(argc), int(1)), right: cmp("eq", arith("div", int(1), arith("sub", get(argc), int(1))), int(0)), type: BOOL, span }, U8), int(1, U8)),
    ], [argc, argv]);
    const r = h.buildAndRun(h.program([main, dbl, inc]), { optLevel: opt });
    assert.equal(r.status, 0, `check ${r.status} failed`);
  });

  test(`a block expression that returns leaves valid IR behind it -O${opt}`, () => {
    const early: Expr = { kind: "block", body: [iff(h.bool(true), [ret(int(3))])], result: int(5), type: U64, span };
    const gone: Expr = { kind: "block", body: [ret(int(4))], result: int(6), type: U64, span };
    const main = h.func("main", [], U64, [], [ret(arith("add", early, gone))]);
    assert.equal(h.buildAndRun(h.program([main]), { optLevel: opt }).status, 3);
  });

  test(`global initialisers: strings, function and global addresses, structs, packed structs -O${opt}`, () => {
    const x = h.local("x", U64, true);
    const triple = h.func("triple", [x], U64, [], [ret(arith("mul", get(x), int(3)))]);
    const fnT: Type = { kind: "fn", params: [U64], result: U64 };
    const S: Type = { kind: "struct", def: layoutStruct("S", false, [{ name: "a", type: U8 }, { name: "p", type: PTR }, { name: "n", type: U64 }]) };
    const P: Type = { kind: "struct", def: layoutStruct("P", true, [{ name: "a", type: U8 }, { name: "n", type: U64 }, { name: "b", type: BOOL }]) };
    const gNum = h.global("num", U64, { kind: "int", value: 0xfedcba9876543210n });
    const gFn = h.global("fp", fnT, { kind: "func", func: triple }, false);
    const gAddr = h.global("addr", PTR, { kind: "globalAddress", global: gNum }, false);
    const gStr = h.global("s", h.STR, { kind: "string", bytes: new TextEncoder().encode("from a global\n") }, false);
    const gS = h.global("st", S, { kind: "struct", fields: [{ kind: "int", value: 9n }, { kind: "string", bytes: new TextEncoder().encode("x") }, { kind: "int", value: 77n }] });
    const gP = h.global("pk", P, { kind: "struct", fields: [{ kind: "int", value: 1n }, { kind: "int", value: 0x0102030405060708n }, { kind: "int", value: 1n }] }, false);
    const main = mainWith([], [
      check(1, { kind: "callIndirect", callee: h.load(h.gv(gFn)), args: [int(5)], type: U64, span }, int(15)),
      check(2, h.load(h.deref(h.conv("ptrCast", h.load(h.gv(gAddr)), { kind: "ptr", to: U64 }), U64)), int(0xfedcba9876543210n)),
      h.expr(h.syscall(int(1), int(1), h.ptrToU64(h.load(h.gv(gStr))), int(14))),
      check(3, h.load(h.field(h.gv(gS), 2)), int(77)),
      check(4, h.load(h.deref(h.load(h.field(h.gv(gS), 1)), U8)), int(120, U8)),
      check(5, h.load(h.field(h.gv(gP), 1)), int(0x0102030405060708n)),
      check(6, h.conv("boolToInt", h.load(h.field(h.gv(gP), 2)), U8), int(1, U8)),
    ]);
    const r = h.buildAndRun(h.program([main, triple], [gNum, gFn, gAddr, gStr, gS, gP]), { optLevel: opt });
    assert.equal(r.status, 0, `check ${r.status} failed`);
    assert.equal(r.stdout, "from a global\n");
  });

  test(`argc and argv reach main -O${opt}`, () => {
    const argc = h.local("argc", U64, true);
    const argv = h.local("argv", PTR, true);
    const arg1 = h.local("arg1", PTR);
    const len = h.local("len", U64);
    const PP: Type = { kind: "ptr", to: PTR };
    const main = h.func("main", [argc, argv], U64, [arg1, len], [
      assign(lv(arg1), h.load(h.deref(h.conv("ptrCast", { kind: "ptrAdd", ptr: get(argv), offset: int(8), type: PTR, span }, PP), PTR))),
      h.whileLoop(1, cmp("ne", h.load(h.deref({ kind: "ptrAdd", ptr: get(arg1), offset: get(len), type: PTR, span }, U8)), int(0, U8)), [], [assign(lv(len), arith("add", get(len), int(1)))]),
      h.expr(h.syscall(int(1), int(1), h.ptrToU64(get(arg1)), get(len))),
      ret(get(argc)),
    ]);
    const r = h.buildAndRun(h.program([main]), { optLevel: opt, args: ["hello-arg", "x", "y"] });
    assert.equal(r.stdout, "hello-arg");
    assert.equal(r.status, 4);
  });

  test(`encrypted strings are decrypted at run time and absent from the binary -O${opt}`, () => {
    const secret = "the-secret-password\n";
    const bytes = new TextEncoder().encode(secret);
    const main = h.func("main", [], U64, [], [
      h.expr(h.syscall(int(1), int(1), h.ptrToU64({ kind: "enc", bytes, type: PTR, span }), int(bytes.length))),
      ret(int(0)),
    ]);
    const seen: { binary?: Buffer } = {};
    const r = h.buildAndRun(h.program([main]), { optLevel: opt, keep: (p) => { seen.binary = require_bytes(p); } });
    assert.equal(r.stdout, secret);
    assert.ok(seen.binary);
    assert.equal(seen.binary.indexOf(Buffer.from("secret")), -1);
  });
}

import { readFileSync } from "node:fs";
function require_bytes(p: string): Buffer {
  return readFileSync(p);
}

void I32; void BOOL;
