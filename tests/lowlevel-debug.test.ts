// `-g`: gdb stops at `break file:LINE` in a .lw and a .ts program, shows the
// source frames in `bt` and prints integer locals and parameters.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { build, scratchPath } from "./harness.ts";

const LW = `fn add(a: u64, b: i32) -> u64 {
    let sum: u64 = a + (b as u64);
    let doubled: u64 = sum * 2;
    return doubled;
}

fn main() -> u64 {
    let x: u64 = 40;
    let y: i32 = -2;
    let r: u64 = add(x, y + 4);
    return r - 84;
}
`;

// \`const\` with a literal is a compile-time constant in the DSL (no storage): \`let\` makes locals.
const TS = `import type { u64, i32 } from "lwanga";

function add(a: u64, b: i32): u64 {
  const sum: u64 = a + (b as u64);
  const doubled: u64 = sum * 2;
  return doubled;
}

export function main(): u64 {
  let x: u64 = 40;
  let y: i32 = -2;
  const r: u64 = add(x, y + 4);
  return r - 84;
}
`;

const hasGdb = spawnSync("gdb", ["--version"]).status === 0;

function gdb(exe: string, commands: string[]): string {
  const args = ["-batch", "-nx", ...commands.flatMap((c) => ["-ex", c]), exe];
  const r = spawnSync("gdb", args, { cwd: dirname(exe), timeout: 60_000 });
  return r.stdout.toString() + r.stderr.toString();
}

for (const [name, text, inAdd, inMain, callLine] of [
  ["prog.lw", LW, 3, 11, 10],
  ["prog.ts", TS, 5, 13, 12],
] as const) {
  test(`gdb breaks at ${name}:${inAdd} and prints locals and parameters`, { skip: hasGdb ? false : "gdb is not installed (Debian package gdb)" }, async () => {
    const dir = scratchPath("gdb");
    mkdirSync(dir);
    const src = join(dir, name);
    writeFileSync(src, text);
    const { result, exe, messages } = await build({ input: src, output: join(dir, "prog"), debug: true, optLevel: 0 });
    assert.ok(result.ok, messages);
    const out = gdb(exe, [`break ${name}:${inAdd}`, "run", "bt", "info locals", "info args", `break ${name}:${inMain}`, "continue", "info locals"]);
    assert.match(out, new RegExp(`Breakpoint 1 at 0x[0-9a-f]+: file ${name.replace(".", "\\.")}, line ${inAdd}\\.`), out);
    assert.match(out, new RegExp(`Breakpoint 1, add \\(a=40, b=2\\) at ${name.replace(".", "\\.")}:${inAdd}`), out);
    assert.match(out, new RegExp(`#1 .* in main \\(\\) at ${name.replace(".", "\\.")}:${callLine}`), out);
    assert.match(out, /^sum = 42$/m, out);
    assert.match(out, /^a = 40$/m, out);
    assert.match(out, /^b = 2$/m, out);
    assert.match(out, new RegExp(`Breakpoint 2, main \\(\\) at ${name.replace(".", "\\.")}:${inMain}`), out);
    assert.match(out, /^x = 40$/m, out);
    assert.match(out, /^y = -2$/m, out);
    assert.match(out, /^r = 84$/m, out);
  });
}
