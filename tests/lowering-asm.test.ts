// Inline assembly, register variables and naked functions, on hand-built
// checked IR: extended operands (AT&T and Intel), plain blocks naming
// variables, block-local labels, a user-defined naked `_start`.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { AsmStmt, Global, Local, Stmt } from "../ir/checked.ts";
import { U64, U8 } from "../ir/types.ts";
import * as h from "./lowering-helpers.ts";
import { buildExecutable } from "../lowering/toolchain.ts";

const { int, get, lv, assign, ret, span } = h;

function asm(lines: string[], opts: Partial<AsmStmt> = {}): AsmStmt {
  return { kind: "asm", lines, syntax: "intel", outputs: [], inputs: [], clobbers: [], extended: false, namedLocals: new Map<string, Local | Global>(), span, ...opts };
}

for (const opt of [0, 2] as const) {
  test(`extended asm: AT&T and Intel operands, read-write outputs -O${opt}`, () => {
    const a = h.local("a", U64);
    const b = h.local("b", U64);
    const main = h.func("main", [], U64, [a, b], [
      assign(lv(b), int(40)),
      asm(["movq $1, $0"], { syntax: "att", extended: true, outputs: [{ constraint: "=r", place: lv(a), span }], inputs: [{ constraint: "r", expr: get(b), span }] }),
      asm(["add %0, 2"], { syntax: "intel", extended: true, outputs: [{ constraint: "+r", place: lv(a), span }], clobbers: ["cc"] }),
      ret(get(a)),
    ]);
    const r = h.buildAndRun(h.program([main]), { optLevel: opt });
    assert.equal(r.status, 42);
  });

  test(`plain asm names variables and keeps labels local -O${opt}`, () => {
    const count = h.local("count", U64);
    const small = h.local("small", U8);
    const x = h.local("x", U64, true);
    // twice(x): a loop with a label; inlined twice at -O2, so the label must be renamed per copy.
    const y = h.local("y", U64);
    const twice = h.func("twice", [x], U64, [y], [
      assign(lv(y), get(x)),
      asm(["mov rcx, 2", "again:", "add y, 1", "dec rcx", "jnz again"], { namedLocals: new Map([["y", y]]) }),
      ret(get(y)),
    ]);
    const main = h.func("main", [], U64, [count, small], [
      assign(lv(count), int(10)),
      assign(lv(small), int(5, U8)),
      asm(["mov rax, count", "add rax, 20", "mov count, rax", "add small, 1"], { namedLocals: new Map<string, Local>([["count", count], ["small", small]]) }),
      ret(h.arith("add", h.arith("add", get(count), h.conv("zext", get(small), U64)), h.arith("add", h.call(twice, int(1)), h.call(twice, int(2))))),
    ]);
    const r = h.buildAndRun(h.program([main, twice]), { optLevel: opt });
    assert.equal(r.status, 30 + 6 + 3 + 4);
  });

  test(`register variables and data labels in asm -O${opt}`, () => {
    const rax = { ...h.local("rax", U64), register: "rax" };
    const rdi = { ...h.local("rdi", U64), register: "rdi" };
    const main = h.func("main", [], U64, [rax, rdi], [
      asm(["jmp 1f", "msg:", '.ascii "hi $x\\n"', "1:", "lea rsi, [rip + msg]", "mov rdx, 6"]),
      // The plain block clobbers rsi/rdx as far as LLVM knows; redo them in one block with the syscall.
      assign(lv(rax), int(1)),
      assign(lv(rdi), int(1)),
      asm(["lea rsi, [rip + msg2]", "mov rdx, 6", "syscall", "jmp 2f", "msg2:", '.ascii "hi $x\\n"', "2:"]),
      assign(lv(rax), int(7)),
      ret(get(rax)),
    ]);
    const r = h.buildAndRun(h.program([main]), { optLevel: opt });
    assert.equal(r.stdout, "hi $x\n");
    assert.equal(r.status, 7);
  });

  test(`a naked _start replaces the entry wrapper -O${opt}`, () => {
    const start = { ...h.func("_start", [], U64, [], [
      asm(["mov edi, 42", "mov eax, 60", "syscall"]),
      ret(int(0)),
    ]), naked: true, symbol: "_start" };
    const p = { functions: [start], globals: [], main: null, userStart: start };
    const r = h.buildAndRun(p, { optLevel: opt, stripSections: true });
    assert.equal(r.status, 42);
    assert.ok(r.size < 400, `${r.size} bytes`);
  });
}

void ({} as Stmt);

test("odd asm constraints are refused cleanly; assembler errors are reported", () => {
  const a = h.local("a", U64);
  const bad = h.func("main", [], U64, [a], [
    asm(["mov $0, 1"], { syntax: "att", extended: true, outputs: [{ constraint: "=r\" , \"x", place: lv(a), span }] }),
    ret(get(a)),
  ]);
  const r1 = buildExecutable(h.program([bad]), { optLevel: 0, output: "", emit: "llvm", target: "x86_64", debug: false, pic: false });
  assert.equal(r1.ok, false);
  assert.equal(r1.exitCode, 1);
  assert.equal(r1.diagnostics[0].code, "LW4101");
  const typo = h.func("main", [], U64, [], [asm(["movv rax, 1"]), ret(int(0))]);
  const r2 = buildExecutable(h.program([typo]), { optLevel: 0, output: "", emit: "asm", target: "x86_64", debug: false, pic: false });
  assert.equal(r2.ok, false);
  // Rejected asm is the user's mistake (exit 1), reported at the asm line.
  assert.equal(r2.diagnostics[0].code, "LW4102");
  assert.equal(r2.exitCode, 1);
  assert.deepEqual(r2.diagnostics[0].span, span);
});

test("numeric labels: 1f/1b resolve inside the block; one without its label is LW4102 at that line, not an llc failure", () => {
  const lineSpans = [0, 1, 2, 3, 4].map((k) => ({ file: 0, start: 10 * k, end: 10 * k + 5 }));
  const good = h.func("main", [], U64, [], [
    asm(["jmp 1f", "ud2", "1: mov eax, 60", "mov edi, 5", "2: syscall"], { lineSpans }),
    ret(int(0)),
  ]);
  assert.equal(h.buildAndRun(h.program([good]), { optLevel: 0 }).status, 5);
  for (const lines of [["jmp 4294967295f", "1:"], ["2:", "jmp 1b", "1: nop"], ['.ascii "1f"', "jmp 3f # to 3f", "ret"]]) {
    const bad = h.func("main", [], U64, [], [asm(lines, { lineSpans }), ret(int(0))]);
    const r = buildExecutable(h.program([bad]), { optLevel: 0, output: "", emit: "asm", target: "x86_64", debug: false, pic: false });
    assert.equal(r.ok, false, lines.join("; "));
    assert.equal(r.exitCode, 1);
    assert.equal(r.diagnostics.length, 1, JSON.stringify(r.diagnostics));
    assert.equal(r.diagnostics[0].code, "LW4102");
    assert.deepEqual(r.diagnostics[0].span, lineSpans[lines.findIndex((l) => /jmp/.test(l))]);
  }
});
