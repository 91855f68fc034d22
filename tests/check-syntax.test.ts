/**
 * Checker tests on syntax IR built by hand: the constructs only the DSL
 * front end produces (switch, labels, `>>>`, `sizeof`, `let` without a
 * type, untyped constants, `unsafe(() => ...)` blocks, do-while, compound
 * assignment). Every node gets its own span so a test can assert exactly
 * which node a diagnostic points at.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { Diagnostics, type Span } from "../diagnostics/diagnostics.ts";
import type * as syn from "../ir/syntax.ts";
import { check } from "../ir/check/check.ts";
import { printProgram } from "../ir/print.ts";
import { validateProgram } from "../ir/check/validate.ts";

let next = 0;
const sp = (): Span => ({ file: 0, start: next, end: ++next });

const int = (v: number | bigint): syn.Expr => ({ kind: "int", value: BigInt(v), char: false, text: String(v), span: sp() });
const name = (n: string): syn.Expr => ({ kind: "name", name: n, span: sp() });
const bin = (op: syn.BinaryOp, left: syn.Expr, right: syn.Expr): syn.Expr => ({ kind: "binary", op, left, right, span: sp() });
const ty = (n: string): syn.TypeExpr => ({ kind: "named", name: n, span: sp() });
const block = (body: syn.Stmt[], unsafe = false): syn.Block => ({ kind: "block", body, unsafe, span: sp() });
const let_ = (n: string, type: string | null, init: syn.Expr | null, mutable = false): syn.Stmt =>
  ({ kind: "let", name: n, nameSpan: sp(), type: type ? ty(type) : null, init, mutable, register: null, span: sp() });
const assign = (target: syn.Expr, value: syn.Expr, op: syn.BinaryOp | null = null): syn.Stmt => ({ kind: "assign", target, op, value, span: sp() });
const ret = (value: syn.Expr | null): syn.Stmt => ({ kind: "return", value, span: sp() });
const brk = (label: string | null = null): syn.Stmt => ({ kind: "break", label, span: sp() });
const cont = (label: string | null = null): syn.Stmt => ({ kind: "continue", label, span: sp() });
const loop = (cond: syn.Expr | null, body: syn.Stmt[], label: string | null = null, checkFirst = true): syn.Stmt =>
  ({ kind: "loop", cond, body: block(body), update: [], checkFirst, label, span: sp() });
const fn = (n: string, result: string | null, body: syn.Stmt[], params: [string, string][] = []): syn.FnDecl => ({
  kind: "fn", name: n, nameSpan: sp(), params: params.map(([p, t]) => ({ name: p, type: ty(t), span: sp() })),
  result: result ? ty(result) : null, body: block(body), unsafe: false, naked: false, span: sp(),
});

function run(decls: syn.Decl[]) {
  const diags = new Diagnostics();
  const program = check({ decls, entryLanguage: "ts" }, diags, { target: "x86_64" });
  if (program) assert.deepEqual(validateProgram(program), []);
  return { program, diags: diags.items, text: program ? printProgram(program) : "" };
}

test("switch: case values converted to the bit pattern, break leaves the switch", () => {
  const sw: syn.Stmt = {
    kind: "switch", value: name("x"), label: null, defaultIndex: 1, span: sp(),
    cases: [
      { values: [int(1), { kind: "unary", op: "-", operand: int(1), span: sp() }], body: [brk()], span: sp() },
      { values: [], body: [ret(int(7))], span: sp() },
    ],
  };
  const r = run([fn("main", "i8", [let_("x", "i8", int(3)), sw, ret(int(0))])]);
  assert.deepEqual(r.diags, []);
  assert.match(r.text, /switch#0 x#0 \{\n {4}case 1, 255:\n {6}break #0\n {4}case default:\n {6}return 7:i8/);
});

test("switch: duplicate and non-constant case values", () => {
  const dup = int(1);
  const nonConst = name("y");
  const sw: syn.Stmt = {
    kind: "switch", value: name("x"), label: null, defaultIndex: null, span: sp(),
    cases: [{ values: [int(1), dup], body: [], span: sp() }, { values: [nonConst], body: [], span: sp() }],
  };
  const r = run([fn("main", null, [let_("x", "u64", int(3)), let_("y", "u64", int(3)), sw])]);
  assert.deepEqual(r.diags.map((d) => [d.code, d.span?.start]), [["LW2037", dup.span.start], ["LW2010", nonConst.span.start]]);
});

test("labelled break and continue; continue skips a switch", () => {
  const inner: syn.Stmt = {
    kind: "switch", value: name("i"), label: null, defaultIndex: 0, span: sp(),
    cases: [{ values: [], body: [cont(), brk("outer")], span: sp() }],
  };
  const r = run([fn("main", null, [
    let_("i", "u64", int(0)),
    loop(null, [loop(null, [inner], null)], "outer"),
  ])]);
  assert.deepEqual(r.diags.map((d) => d.code), ["LW2025"]);
  assert.match(r.text, /continue #1\n\s+break #0/);
});

test("unknown label and continue naming a switch", () => {
  const bad = brk("nope");
  const r = run([fn("main", null, [loop(null, [bad])])]);
  assert.deepEqual(r.diags.map((d) => [d.code, d.span?.start]), [["LW2026", bad.span.start]]);
});

test(">>> is a logical shift; sizeof folds", () => {
  const r = run([
    { kind: "struct", name: "S", nameSpan: sp(), packed: false, fields: [{ name: "a", type: ty("u8"), span: sp() }, { name: "b", type: ty("u64"), span: sp() }], span: sp() },
    fn("main", "u64", [
      let_("x", "i32", { kind: "unary", op: "-", operand: int(8), span: sp() }),
      let_("y", "i32", bin(">>>", name("x"), int(1))),
      ret({ kind: "sizeof", type: ty("S"), span: sp() }),
    ]),
  ]);
  assert.deepEqual(r.diags, []);
  assert.match(r.text, /y#1 = \(ushr i32 x#0 1:i32\)/);
  assert.match(r.text, /return 16:u64/);
});

test("let without a type infers from the initialiser; untyped constants adapt like literals", () => {
  const r = run([
    { kind: "const", name: "N", nameSpan: sp(), type: null, init: int(4), span: sp() },
    fn("main", "u8", [
      let_("a", null, int(5)),
      let_("b", null, bin("+", name("a"), int(1))),
      let_("c", "u8", name("N")),
      ret(name("c")),
    ]),
  ]);
  assert.deepEqual(r.diags, []);
  assert.match(r.text, /local a#0: u64\n\s+local b#1: u64/);
  assert.match(r.text, /c#2 = 4:u8/);
});

test("unsafe(() => ...) block expressions allow syscalls; their result converts to u64", () => {
  const call: syn.Expr = { kind: "syscall", args: [int(39)], span: sp() };
  const r = run([fn("main", "u64", [
    let_("pid", "u64", { kind: "blockExpr", body: [], result: call, unsafe: true, span: sp() }),
    ret(name("pid")),
  ])]);
  assert.deepEqual(r.diags, []);
  assert.match(r.text, /pid#0 = \(reinterpret u64 \(syscall 39:u64\)\)/);
  const bad: syn.Expr = { kind: "syscall", args: [int(39)], span: sp() };
  const r2 = run([fn("main", null, [{ kind: "expr", expr: { kind: "blockExpr", body: [], result: bad, unsafe: false, span: sp() }, span: sp() }])]);
  assert.deepEqual(r2.diags.map((d) => [d.code, d.span?.start]), [["LW2023", bad.span.start]]);
});

test("do-while: the body runs first, so its assignment counts for the condition", () => {
  const r = run([fn("main", null, [
    let_("x", "u64", null, true),
    loop(bin("<", name("x"), int(3)), [assign(name("x"), int(1))], null, false),
  ])]);
  assert.deepEqual(r.diags, []);
  assert.match(r.text, /loop#0 do \{\n\s+x#0 = 1:u64\n\s+\} while \(lt u64 x#0 3:u64\)/);
});

test("compound assignment: x += 1, p += 1, and effects evaluated once", () => {
  const idx: syn.Expr = { kind: "call", callee: name("f"), args: [], span: sp() };
  const r = run([
    fn("f", "u64", [ret(int(0))]),
    fn("main", null, [
      let_("x", "u8", int(1), true),
      assign(name("x"), int(1), "+"),
      let_("a", null, { kind: "arrayLit", elements: [int(1), int(2)], span: sp() }, true),
      assign({ kind: "index", base: name("a"), index: idx, span: sp() }, int(2), "*"),
    ]),
  ]);
  assert.deepEqual(r.diags, []);
  assert.match(r.text, /x#0 = \(add u8 x#0 1:u8\)/);
  assert.match(r.text, /\.t0#2 = \(call @lw\.f\)\n\s+a#1\[\.t0#2\] = \(mul u64 a#1\[\.t0#2\] 2:u64\)/);
});

test("compound assignment to an immutable local is an error", () => {
  const target = name("x");
  const r = run([fn("main", null, [let_("x", "u8", int(1)), assign(target, int(1), "+")])]);
  assert.deepEqual(r.diags.map((d) => [d.code, d.span?.start]), [["LW2019", target.span.start]]);
});

test("duplicate top-level names are reported at the second with a note at the first", () => {
  const a = fn("dup", null, []);
  const b = fn("dup", null, []);
  const r = run([a, b]);
  assert.equal(r.diags[0].code, "LW2003");
  assert.equal(r.diags[0].span?.start, b.nameSpan.start);
  assert.equal(r.diags[0].notes?.[0].span?.start, a.nameSpan.start);
});
