// Low-level odds and ends: all-zero repeat initialisers stay one `zero`
// value (not millions of elements), big non-zero repeats still build and
// run, and naked functions keep their parameters in registers (no frame,
// no spill of rdi/rsi/rdx before the user's asm).
import { test } from "node:test";
import assert from "node:assert/strict";
import { compile } from "../driver/compile.ts";
import { buildSource, runExe } from "./harness.ts";

test("a global [0; 20000000] initialiser is a single zero value", async () => {
  const r = await compile({
    source: { path: "zeros.lw", text: "let mut big: [u8; 20000000] = [0; 20000000];\nlet mut nums: [u64; 1000] = [0; 1000];\nfn main() -> u64 { return big[5] as u64 + nums[3]; }\n" },
    emit: "check",
  });
  assert.ok(r.ok);
  const inits = r.program!.globals.map((g) => g.init.kind);
  assert.deepEqual(inits, ["zero", "zero"]);
});

test("huge repeat initialisers build and run (zero and non-zero)", async () => {
  const { result, exe, messages } = await buildSource(`
let mut buf: [u8; 20000000] = [0; 20000000];
let mut sevens: [u64; 300000] = [7; 300000];
fn main() -> u64 {
    buf[19999999] = 4;
    return buf[19999999] as u64 + sevens[299999] + buf[3] as u64;
}
`, "big.lw");
  assert.ok(result.ok, messages);
  assert.equal(runExe(exe).status, 11);
});

test("naked functions: no prologue, parameters not spilled, called normally", async () => {
  const src = `
naked fn add3(a: u64, b: u64, c: u64) -> u64 {
    asm {
        lea rax, [rdi + rsi]
        add rax, rdx
        ret
    }
}
fn main() -> u64 { return add3(1, 2, 39); }
`;
  for (const opt of [0, 2] as const) {
    const text = (await compile({ source: { path: "naked.lw", text: src }, emit: "asm", optLevel: opt })).text ?? "";
    const body = text.slice(text.indexOf("lw.add3:"), text.indexOf(".Lfunc_end", text.indexOf("lw.add3:")));
    assert.match(body, /leaq\s+\(%rdi,%rsi\), %rax/);
    assert.doesNotMatch(body, /push|%rsp|%rbp/, `naked body touches the stack at -O${opt}:\n${body}`);
    // Nothing between the label and the user's asm.
    assert.match(body, /^lw\.add3:[^\n]*\n(#[^\n]*\n)?\s*#APP/);
    const { result, exe, messages } = await buildSource(src, "naked.lw", { optLevel: opt });
    assert.ok(result.ok, messages);
    assert.equal(runExe(exe).status, 42);
  }
});
