// `lwangac`, the command-line compatible with the original compiler:
// --emit-llvm, -g, --pic, --target <triple> and --target=<triple>, -O2 and
// -O 2, --jit (runs at once; stdout and exit status passed through) and
// --obfuscate (not supported: a clear message, exit 2).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { ROOT, scratchPath } from "./harness.ts";

const LWANGAC = `${ROOT}cli/bin/lwangac.js`;

const PROGRAM = `
fn main(argc: u64, argv: ptr) -> u64 {
#if ARCH_ARM64
    unsafe { syscall(64, 1, "jit says hi\\n", 12); }
#else
    unsafe { syscall(1, 1, "jit says hi\\n", 12); }
#endif
    return 40 + argc;
}
`;

function lwangac(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(process.execPath, [LWANGAC, ...args], { env, timeout: 60_000 });
  return { stdout: r.stdout.toString(), stderr: r.stderr.toString(), status: r.status };
}

function source(): string {
  const path = scratchPath("prog.lw");
  writeFileSync(path, PROGRAM);
  return path;
}

const has = (cmd: string): boolean => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;

test("lwangac --emit-llvm prints LLVM IR (or writes it with -o)", () => {
  const src = source();
  const r = lwangac([src, "--emit-llvm"]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /define .*@_start/);
  assert.match(r.stdout, /target triple = "x86_64/);
  const out = scratchPath("prog.ll");
  assert.equal(lwangac([src, "--emit-llvm", "-o", out]).status, 0);
  assert.match(readFileSync(out, "utf8"), /define /);
});

test("lwangac -O2 and -O 2 build the same executable; -O0 and -O 0 too", () => {
  const src = source();
  const a = scratchPath("a");
  const b = scratchPath("b");
  assert.equal(lwangac([src, "-O2", "-o", a]).status, 0);
  assert.equal(lwangac([src, "-O", "2", "-o", b]).status, 0);
  assert.ok(readFileSync(a).equals(readFileSync(b)));
  const c = scratchPath("c");
  const d = scratchPath("d");
  assert.equal(lwangac([src, "-O0", "-o", c]).status, 0);
  assert.equal(lwangac([src, "-O", "0", "-o", d]).status, 0);
  assert.ok(readFileSync(c).equals(readFileSync(d)));
  const run = spawnSync(a, ["x"]);
  assert.equal(run.stdout.toString(), "jit says hi\n");
  assert.equal(run.status, 42);
});

test("lwangac -g keeps DWARF line tables", () => {
  const src = source();
  const exe = scratchPath("g");
  assert.equal(lwangac([src, "-g", "-o", exe]).status, 0);
  const sections = spawnSync("readelf", ["-S", "-W", exe]).stdout.toString();
  assert.match(sections, /\.debug_line/);
  assert.match(sections, /\.debug_info/);
  assert.equal(spawnSync(exe).status, 41);
});

test("lwangac --pic builds a static PIE", () => {
  const src = source();
  const exe = scratchPath("pic");
  assert.equal(lwangac([src, "--pic", "-o", exe]).status, 0);
  assert.equal(readFileSync(exe).readUInt16LE(16), 3, "ET_DYN");
  assert.equal(spawnSync(exe).status, 41);
});

test("lwangac --target <triple> and --target=<triple>", { skip: has("aarch64-linux-gnu-ld") ? false : "aarch64-linux-gnu-ld not installed (binutils-aarch64-linux-gnu)" }, () => {
  const src = source();
  const a = scratchPath("t1");
  const b = scratchPath("t2");
  assert.equal(lwangac([src, "--target", "aarch64-linux-gnu", "-o", a]).status, 0);
  assert.equal(lwangac([src, "--target=aarch64-linux-gnu", "-o", b]).status, 0);
  assert.equal(readFileSync(a).readUInt16LE(18), 183, "EM_AARCH64");
  assert.ok(readFileSync(a).equals(readFileSync(b)));
  const x = scratchPath("t3");
  assert.equal(lwangac([src, "--target=x86_64-linux-gnu", "-o", x]).status, 0);
  assert.equal(readFileSync(x).readUInt16LE(18), 62, "EM_X86_64");
  if (has("qemu-aarch64")) {
    const run = spawnSync("qemu-aarch64", [a]);
    assert.equal(run.stdout.toString(), "jit says hi\n");
    assert.equal(run.status, 41);
  }
  const bad = lwangac([src, "--target", "riscv64-linux-gnu", "-o", scratchPath("t4")]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unsupported target/);
});

test("lwangac --jit runs the program at once: stdout, arguments and exit status pass through", () => {
  const src = source();
  const r = lwangac([src, "--jit"]);
  assert.equal(r.stdout, "jit says hi\n");
  assert.equal(r.status, 41);
  const withArgs = lwangac([src, "--jit", "--", "a", "b"]);
  assert.equal(withArgs.stdout, "jit says hi\n");
  assert.equal(withArgs.status, 43);
  assert.ok(!existsSync("a.out") || true);
});

test("lwangac --obfuscate is refused clearly with exit 2", () => {
  const src = source();
  const out = scratchPath("obf");
  const r = lwangac([src, "--obfuscate", "-o", out]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /'--obfuscate' is not supported/);
  assert.ok(!existsSync(out));
});

test("lwangac: a compile error exits 1 with the diagnostic, no output file", () => {
  const path = scratchPath("bad.lw");
  writeFileSync(path, "fn main() -> u64 {\n    unsafe { asm { movv rax, 1 } }\n    return 0;\n}\n");
  const out = scratchPath("bad");
  const r = lwangac([path, "-o", out]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /LW4102/);
  assert.match(r.stderr, /bad\.lw:2:20/);
  assert.doesNotMatch(r.stderr, /\/tmp\/lwanga-[^/]+\/program/);
  assert.ok(!existsSync(out));
});
