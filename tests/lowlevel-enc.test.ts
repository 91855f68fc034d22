// Encrypted strings (`enc "..."`, `enc { "..." }`, DSL `enc("...")`): the
// output is right for lengths 0, 1, 15, 16, 17 and > 4 KiB; the plain text is
// nowhere in the binary; `--seed N` and SOURCE_DATE_EPOCH make builds
// byte-identical, different seeds give different bytes, no seed gives a
// fresh random key per build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { ROOT, buildSource, runExe, scratchPath } from "./harness.ts";

const CLI = `${ROOT}cli/bin/lwanga.js`;
const BIG = Array.from({ length: 4200 }, (_, i) => "abcdefghijklmnopqrstuvwxyz0123456789"[(i * 7 + (i >> 5)) % 36]).join("");
const SECRET = "Sup3r-S3cret-Passw0rd!";

const LW_PROGRAM = `
fn strlen(s: ptr) -> u64 {
    let mut n: u64 = 0;
    unsafe { while *(s + n) != 0 { n = n + 1; } }
    return n;
}
fn show(s: ptr) {
    let n: u64 = strlen(s);
    unsafe {
        syscall(1, 1, "[", 1);
        syscall(1, 1, s, n);
        syscall(1, 1, "]\\n", 2);
    }
}
fn twice() {
    let mut i: u64 = 0;
    while i < 2 { show(enc "loop"); i = i + 1; }
}
fn main() -> u64 {
    show(enc "");
    show(enc "A");
    show(enc "fifteen-chars!!");
    show(enc { "sixteen-chars!!!" });
    show(enc { "seventeen-chars!!" });
    show(enc "${SECRET}");
    show(enc "${BIG}");
    twice();
    return 0;
}
`;

const EXPECTED = ["", "A", "fifteen-chars!!", "sixteen-chars!!!", "seventeen-chars!!", SECRET, BIG, "loop", "loop"]
  .map((s) => `[${s}]\n`).join("");

/** True when `needle` occurs anywhere in the file's bytes. */
function contains(file: string, needle: string): boolean {
  return readFileSync(file).includes(Buffer.from(needle, "latin1"));
}

for (const opt of [0, 2] as const) {
  test(`enc strings of length 0, 1, 15, 16, 17 and 4200 decrypt right, plain text absent -O${opt}`, async () => {
    const { result, exe, messages } = await buildSource(LW_PROGRAM, "enc.lw", { optLevel: opt });
    assert.ok(result.ok, messages);
    const run = runExe(exe);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, EXPECTED);
    for (const s of ["fifteen-chars!!", "sixteen-chars!!!", "seventeen-chars!!", SECRET, BIG.slice(0, 16), BIG.slice(2000, 2016), BIG.slice(-16)]) {
      assert.ok(!contains(exe, s), `plain text '${s.slice(0, 20)}' found in the binary`);
    }
  });
}

test("the grep works: a plain (not enc) literal is found in the binary", async () => {
  const { result, exe, messages } = await buildSource(`fn main() -> u64 { unsafe { syscall(1, 1, "${SECRET}\\n", ${SECRET.length + 1}); } return 0; }`, "plain.lw");
  assert.ok(result.ok, messages);
  assert.equal(runExe(exe).stdout, `${SECRET}\n`);
  assert.ok(contains(exe, SECRET));
});

test("enc in the DSL: output right, plain text absent", async () => {
  const src = `
import type { u64 } from "lwanga";
import { print } from "lwanga/std/io";
export function main(): u64 {
  print(enc("${SECRET}"));
  print(enc(""));
  print(enc("\\n"));
  return 0;
}
`.replace('import type { u64 } from "lwanga";', 'import type { u64 } from "lwanga";\nimport { enc } from "lwanga";');
  const { result, exe, messages } = await buildSource(src, "enc.ts");
  assert.ok(result.ok, messages);
  assert.equal(runExe(exe).stdout, `${SECRET}\n`);
  assert.ok(!contains(exe, SECRET));
});

test("--seed and SOURCE_DATE_EPOCH give byte-identical binaries; other seeds and no seed differ", async () => {
  const src = scratchPath("seeded.lw");
  writeFileSync(src, LW_PROGRAM);
  const cli = (out: string, args: string[], env: Record<string, string> = {}): Buffer => {
    const envAll: NodeJS.ProcessEnv = { ...process.env, ...env };
    if (!("SOURCE_DATE_EPOCH" in env)) delete envAll.SOURCE_DATE_EPOCH;
    const r = spawnSync(process.execPath, [CLI, "build", src, "-o", out, ...args], { env: envAll });
    assert.equal(r.status, 0, r.stderr.toString());
    const bytes = readFileSync(out);
    assert.equal(spawnSync(out).stdout.toString(), EXPECTED);
    return bytes;
  };
  const a = cli(scratchPath("a"), ["--seed", "42"]);
  const b = cli(scratchPath("b"), ["--seed=42"]);
  assert.ok(a.equals(b), "same seed, different bytes");
  const c = cli(scratchPath("c"), ["--seed", "43"]);
  assert.ok(!a.equals(c), "different seeds, same bytes");
  const e1 = cli(scratchPath("e1"), [], { SOURCE_DATE_EPOCH: "1700000000" });
  const e2 = cli(scratchPath("e2"), [], { SOURCE_DATE_EPOCH: "1700000000" });
  assert.ok(e1.equals(e2), "same SOURCE_DATE_EPOCH, different bytes");
  const r1 = cli(scratchPath("r1"), []);
  const r2 = cli(scratchPath("r2"), []);
  assert.equal(r1.length, r2.length);
  assert.ok(!r1.equals(r2), "two builds without a seed used the same key");
});
