/**
 * The command-line interface as a user meets it: `lwanga` and `lwangac`
 * started as processes, checking exit codes, output files and messages.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, runExe, scratchPath } from "./harness.ts";

const LWANGA = join(ROOT, "cli", "bin", "lwanga.js");
const LWANGAC = join(ROOT, "cli", "bin", "lwangac.js");
const HELLO = join(ROOT, "examples", "hello.lw");

function cli(bin: string, args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: "utf8", timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

function writeProgram(name: string, text: string): string {
  const path = scratchPath(name);
  writeFileSync(path, text);
  return path;
}

test("--version and --help exit 0", () => {
  assert.match(cli(LWANGA, ["--version"]).stdout, /^lwanga \d+\.\d+\.\d+/);
  const help = cli(LWANGA, ["--help"]);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /lwanga build FILE/);
  assert.equal(cli(LWANGAC, ["--help"]).status, 0);
});

test("bad arguments exit 2 with a message", () => {
  const unknown = cli(LWANGA, ["build", HELLO, "--frobnicate"]);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown option '--frobnicate'/);
  assert.equal(cli(LWANGA, ["explode"]).status, 2);
  assert.equal(cli(LWANGA, ["build", HELLO, "-O7"]).status, 2);
  assert.equal(cli(LWANGA, ["build"]).status, 2);
  const obf = cli(LWANGAC, [HELLO, "--obfuscate"]);
  assert.equal(obf.status, 2);
  assert.match(obf.stderr, /--obfuscate' is not supported/);
});

test("a missing input file exits 3", () => {
  const r = cli(LWANGA, ["build", "/nonexistent/prog.lw", "-o", scratchPath("x")]);
  assert.equal(r.status, 3);
  assert.match(r.stderr, /cannot read input file/);
});

test("build writes a working executable; -v prints each stage with its time", () => {
  const out = scratchPath("hello");
  const r = cli(LWANGA, ["build", HELLO, "-o", out, "-v"]);
  assert.equal(r.status, 0, r.stderr);
  for (const stage of ["parse", "check", "lower", "opt", "llc", "ld", "total"]) assert.match(r.stderr, new RegExp(`${stage}\\s+[\\d.]+ ms`));
  assert.equal(runExe(out).stdout, "Hello, World!\n");
  assert.equal(statSync(out).mode & 0o111, 0o111);
});

test("a compile error: exit 1, file:line:col, no stack trace, no output, an existing output untouched", () => {
  const src = writeProgram("bad.lw", "fn main() -> u64 {\n    let x: u64 = 1;\n    return y;\n}\n");
  const out = scratchPath("bad-out");
  const r = cli(LWANGA, ["build", src, "-o", out]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /error\[LW\d{4}\]: .*'y'/);
  assert.match(r.stderr, /--> .*bad\.lw:3:12/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
  assert.equal(existsSync(out), false);
  writeFileSync(out, "precious");
  assert.equal(cli(LWANGA, ["build", src, "-o", out]).status, 1);
  assert.equal(readFileSync(out, "utf8"), "precious");
});

test("check reports diagnostics and writes nothing", () => {
  const ok = cli(LWANGA, ["check", HELLO]);
  assert.equal(ok.status, 0);
  assert.equal(ok.stderr, "");
  const bad = writeProgram("check.lw", "fn main() -> u64 { return nope; }\n");
  const r = cli(LWANGA, ["check", bad]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /check\.lw:1:27/);
});

test("run passes arguments and the exit status through", () => {
  const src = writeProgram("status.lw", "fn main(argc: u64, argv: ptr) -> u64 { return argc + 40; }\n");
  assert.equal(cli(LWANGA, ["run", src, "--", "a", "b"]).status, 43);
  const hello = cli(LWANGA, ["run", HELLO]);
  assert.equal(hello.stdout, "Hello, World!\n");
  assert.equal(hello.status, 0);
});

test("run --interp executes in the reference interpreter, reading our standard input", () => {
  const r = cli(LWANGA, ["run", "--interp", HELLO]);
  assert.equal(r.stdout, "Hello, World!\n");
  assert.equal(r.status, 0);
  const cat = cli(LWANGA, ["run", "--interp", join(ROOT, "examples", "cat.ts")], "through the interpreter\n");
  assert.equal(cat.stdout, "through the interpreter\n");
  assert.equal(cat.status, 0);
});

test("--emit-llvm prints IR or writes it with -o; --emit-asm prints assembly", () => {
  const ir = cli(LWANGA, ["build", HELLO, "--emit-llvm", "-O0"]);
  assert.equal(ir.status, 0, ir.stderr);
  assert.match(ir.stdout, /define .*@"?lw\.main"?/);
  const ll = scratchPath("hello.ll");
  assert.equal(cli(LWANGA, ["build", HELLO, "--emit-llvm", "-o", ll]).status, 0);
  assert.match(readFileSync(ll, "utf8"), /define/);
  const asm = cli(LWANGA, ["emit", HELLO, "--asm"]);
  assert.equal(asm.status, 0, asm.stderr);
  assert.match(asm.stdout, /syscall/);
});

test("-D defines a preprocessor name", () => {
  const src = writeProgram("define.lw", "fn main() -> u64 {\n#if LEVEL == 3\n    return 3;\n#else\n    return 1;\n#endif\n}\n");
  assert.equal(cli(LWANGA, ["run", src, "-D", "LEVEL=3"]).status, 3);
  assert.equal(cli(LWANGA, ["run", src]).status, 1);
});

test("lwangac accepts the original compiler's flags", () => {
  const out = scratchPath("lwangac-hello");
  const r = cli(LWANGAC, [HELLO, "-o", out, "-O", "2", "-v"]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(runExe(out).stdout, "Hello, World!\n");
  assert.equal(cli(LWANGAC, [HELLO, "-o", scratchPath("o0"), "-O0"]).status, 0);
  const ir = cli(LWANGAC, [HELLO, "--emit-llvm"]);
  assert.match(ir.stdout, /define/);
  const jit = cli(LWANGAC, [HELLO, "--jit"]);
  assert.equal(jit.stdout, "Hello, World!\n");
  assert.equal(jit.status, 0);
});

test("the programmatic API compiles a source string", async () => {
  const { compile } = await import("../index.ts");
  const out = scratchPath("api");
  const r = await compile({ source: { path: "api.lw", text: "fn main() -> u64 { return 7; }" }, output: out, optLevel: 0 });
  assert.equal(r.ok, true);
  assert.equal(r.output, out);
  assert.equal(runExe(out).status, 7);
  const bad = await compile({ source: { path: "api.lw", text: "fn main() -> u64 { return x; }" }, output: out + "2" });
  assert.equal(bad.ok, false);
  assert.equal(bad.exitCode, 1);
  assert.equal(bad.diagnostics[0].severity, "error");
});
