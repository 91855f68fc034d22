/**
 * Interpreter: exact integer semantics (ir/interpret/ops.ts) checked against
 * hand-computed values at every width and signedness, and the UB hazards
 * (division by zero, MIN / -1, shift counts >= width, out-of-range `as`)
 * giving the behaviour LANGUAGE.md defines. Programs are checked IR built by
 * hand, so these tests need no front end.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { arith, compare, convert, unary } from "../ir/interpret/ops.ts";
import { I8, I16, I32, I64, U8, U16, U32, U64, BOOL, PTR } from "../ir/types.ts";
import type { Type } from "../ir/types.ts";
import { Trap } from "../ir/interpret/trap.ts";
import * as b from "./gen/ir-builder.ts";

const u = (bits: number, v: bigint): bigint => BigInt.asUintN(bits, v);

test("add/sub/mul wrap at each width", () => {
  assert.equal(arith("add", U8, 200n, 100n), 44n);
  assert.equal(arith("add", I8, u(8, 127n), 1n), 0x80n);
  assert.equal(arith("sub", U16, 0n, 1n), 0xffffn);
  assert.equal(arith("mul", U32, 0x10000n, 0x10000n), 0n);
  assert.equal(arith("mul", I64, u(64, -3n), 5n), u(64, -15n));
  assert.equal(arith("add", U64, 0xffffffffffffffffn, 2n), 1n);
});

test("signed and unsigned division truncate toward zero; remainder has the dividend's sign", () => {
  assert.equal(arith("div", I32, u(32, -7n), 2n), u(32, -3n));
  assert.equal(arith("rem", I32, u(32, -7n), 2n), u(32, -1n));
  assert.equal(arith("rem", I32, 7n, u(32, -2n)), 1n);
  assert.equal(arith("div", U32, u(32, -7n), 2n), 0x7ffffffcn);
  assert.equal(arith("div", I8, u(8, -128n), u(8, -1n)), 0x80n, "MIN / -1 = MIN");
  assert.equal(arith("rem", I8, u(8, -128n), u(8, -1n)), 0n, "MIN % -1 = 0");
  assert.equal(arith("div", I64, 1n << 63n, u(64, -1n)), 1n << 63n);
  assert.equal(arith("rem", I64, 1n << 63n, u(64, -1n)), 0n);
});

test("division and remainder by zero raise SIGFPE", () => {
  for (const t of [U8, I8, U16, I16, U32, I32, U64, I64] as Type[]) {
    for (const op of ["div", "rem"] as const) {
      assert.throws(() => arith(op, t, 5n, 0n), (e: unknown) => e instanceof Trap && "signal" in e.result && e.result.signal === "SIGFPE");
    }
  }
});

test("shift counts are masked to the width; shr is arithmetic on signed types", () => {
  assert.equal(arith("shl", U8, 1n, 9n), 2n);
  assert.equal(arith("shl", U32, 1n, 32n), 1n);
  assert.equal(arith("shl", U64, 1n, 64n + 3n), 8n);
  assert.equal(arith("shr", I8, 0x80n, 7n), 0xffn);
  assert.equal(arith("shr", U8, 0x80n, 7n), 1n);
  assert.equal(arith("shr", I16, 0x8000n, 17n), 0xc000n);
  assert.equal(arith("ushr", I32, u(32, -1n), 28n), 0xfn);
  assert.equal(arith("shr", I64, u(64, -16n), 2n), u(64, -4n));
});

test("comparisons are signed only on signed types", () => {
  assert.equal(compare("lt", I8, 0xffn, 0n), true);
  assert.equal(compare("lt", U8, 0xffn, 0n), false);
  assert.equal(compare("ge", I64, 1n << 63n, 0n), false);
  assert.equal(compare("gt", PTR, 1n << 63n, 1n), true);
  assert.equal(compare("eq", BOOL, 1n, 1n), true);
});

test("unary neg/bitnot/not", () => {
  assert.equal(unary("neg", I8, 0x80n), 0x80n);
  assert.equal(unary("neg", U32, 1n), 0xffffffffn);
  assert.equal(unary("bitnot", U16, 0n), 0xffffn);
  assert.equal(unary("not", BOOL, 0n), 1n);
});

test("conversions: trunc, zext, sext, reinterpret, bool, pointers (out-of-range `as` truncates)", () => {
  assert.equal(convert("trunc", U64, U8, 0x1234n), 0x34n);
  assert.equal(convert("trunc", I64, I8, u(64, -129n)), 0x7fn);
  assert.equal(convert("sext", I8, I64, 0x80n), u(64, -128n));
  assert.equal(convert("sext", I16, U32, 0xfffen), 0xfffffffen);
  assert.equal(convert("zext", U8, U64, 0xffn), 0xffn);
  assert.equal(convert("reinterpret", I32, U32, 0xffffffffn), 0xffffffffn);
  assert.equal(convert("toBool", U64, BOOL, 0x100n), 1n);
  assert.equal(convert("boolToInt", BOOL, U32, 1n), 1n);
  assert.equal(convert("ptrToInt", PTR, U64, 0x400000n), 0x400000n);
  assert.equal(convert("intToPtr", I64, PTR, u(64, -1n)), u(64, -1n));
});

test("a program dividing by zero ends with SIGFPE; MIN / -1 exits normally", async () => {
  const x = b.local(0, "x", I32);
  const zero = b.local(1, "z", I32);
  const div0 = b.program([b.func("main", [], [x, zero], I32, [
    b.set(zero, b.c(0, I32)),
    b.set(x, b.arith("div", b.c(7, I32), b.get(zero))),
    b.ret(b.get(x)),
  ])]);
  assert.deepEqual((await b.runCapture(div0)).result, { signal: "SIGFPE" });

  const m = b.local(0, "m", I32);
  // MIN / -1 = MIN and MIN % -1 = 0, so (MIN >> 24) + 0 = -128, exit status 128.
  const minDiv = b.program([b.func("main", [], [m], U8, [
    b.set(m, b.arith("div", b.c(-2147483648n, I32), b.c(-1, I32))),
    b.set(m, b.arith("add", b.arith("shr", b.get(m), b.c(24, I32)), b.arith("rem", b.c(-2147483648n, I32), b.c(-1, I32)))),
    b.ret(b.conv("reinterpret", b.conv("trunc", b.get(m), I8), U8)),
  ])]);
  assert.deepEqual((await b.runCapture(minDiv)).result, { exitCode: 128 });
});
