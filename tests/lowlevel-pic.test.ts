// `--pic`: a static PIE (ELF type DYN, no PT_INTERP, `file` says
// "static-pie linked") that runs, including pointers stored in data (string
// globals, tables of strings and functions, `&global`), which its own
// `_start` relocates to wherever the kernel loaded it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { readSegments, PT_DYNAMIC, PT_INTERP } from "../lowering/elf.ts";
import { ROOT, build, buildSource, runExe } from "./harness.ts";

const PROGRAM = `
import "${ROOT}tests/cases/lib/print.lw";
let greeting: str = "relocated global string\\n";
let mut counter: u64 = 5;
let table: [str; 3] = ["zero\\n", "one\\n", "two\\n"];
let mut pcounter: *u64 = &counter;
fn twice(x: u64) -> u64 { return x * 2; }
fn thrice(x: u64) -> u64 { return x * 3; }
let ops: [fn(u64) -> u64; 2] = [twice, thrice];
fn main() -> u64 {
    puts(greeting);
    puts(table[2]);
    unsafe { *pcounter = *pcounter + 1; }
    print_u64(counter);
    let f: fn(u64) -> u64 = ops[1];
    print_u64(f(7));
    print_u64(&counter as u64);
    return 0;
}
`;

function elfType(path: string): number {
  return readFileSync(path).readUInt16LE(16);
}

function assertStaticPie(exe: string): void {
  assert.equal(elfType(exe), 3, "ELF type is not DYN");
  const segs = readSegments(exe)!;
  assert.ok(!segs.some((s) => s.type === PT_INTERP), "has an interpreter");
  assert.ok(segs.some((s) => s.type === PT_DYNAMIC), "no dynamic table");
  const file = spawnSync("file", ["-b", exe]);
  if (file.status === 0) assert.match(file.stdout.toString(), /static-pie linked/);
}

for (const opt of [0, 2] as const) {
  test(`--pic hello is a static PIE that runs -O${opt}`, async () => {
    const { result, exe, messages } = await build({ input: `${ROOT}examples/hello.lw`, pic: true, optLevel: opt });
    assert.ok(result.ok, messages);
    assertStaticPie(exe);
    const r = runExe(exe);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, "Hello, World!\n");
  });

  test(`--pic relocates pointers stored in data -O${opt}`, async () => {
    const { result, exe, messages } = await buildSource(PROGRAM, "pic.lw", { pic: true, optLevel: opt });
    assert.ok(result.ok, messages);
    assertStaticPie(exe);
    const a = runExe(exe);
    assert.equal(a.status, 0);
    const lines = a.stdout.split("\n");
    assert.deepEqual(lines.slice(0, 4), ["relocated global string", "two", "6", "21"]);
    // Loaded away from the link address 0.
    assert.ok(BigInt(lines[4]) > 0x10000n, lines[4]);
  });
}

test("--pic with a DSL program", async () => {
  const { result, exe, messages } = await build({ input: `${ROOT}examples/hello.ts`, pic: true });
  assert.ok(result.ok, messages);
  assertStaticPie(exe);
  assert.equal(runExe(exe).stdout, "Hello, World!\n");
});
