/**
 * What must stay true of the size-minimised binaries (default and
 * `--strip-sections`), whatever their size:
 * they run, and `readelf -lW` shows no segment that is both writable and
 * executable. Checked on the compiler's own output (hello, and a kernel
 * with a 20 MB .bss), and directly on the two modules behind it —
 * lowering/linker-script.ts and lowering/strip-sections.ts — with C
 * programs without libc from bench/c-sources.ts (gcc builds the objects).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build, ROOT, runExe, scratchPath } from "./harness.ts";
import { C_PROGRAMS, cSource } from "../bench/c-sources.ts";
import { hasWritableData, linkerScript, MINIMAL_LD_FLAGS } from "../lowering/linker-script.ts";
import { stripSectionHeaders, stripSectionsFile } from "../lowering/strip-sections.ts";

const hasGcc = spawnSync("gcc", ["--version"]).status === 0;

interface Segment { type: string; flags: string }

/** The program headers as readelf prints them (`readelf -lW`). */
function segments(path: string): Segment[] {
  const r = spawnSync("readelf", ["-lW", path], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const out: Segment[] = [];
  for (const m of r.stdout.matchAll(/^\s+([A-Z_]+)\s+0x[0-9a-f]+\s+0x[0-9a-f]+\s+0x[0-9a-f]+\s+0x[0-9a-f]+\s+0x[0-9a-f]+\s+([RWE ]+?)\s+0x[0-9a-f]+$/gm)) {
    out.push({ type: m[1], flags: m[2].replace(/\s/g, "") });
  }
  assert.ok(out.length > 0, `no program headers parsed from:\n${r.stdout}`);
  return out;
}

/** `stackHeader`: the binary must carry PT_GNU_STACK RW (false for --strip-sections output, which leaves it out). */
function assertWxorX(path: string, stackHeader = true): void {
  for (const s of segments(path)) {
    assert.ok(!(s.flags.includes("W") && s.flags.includes("E")), `${path}: segment ${s.type} is ${s.flags}`);
  }
  const stack = segments(path).find((s) => s.type === "GNU_STACK");
  if (stackHeader) assert.ok(stack && !stack.flags.includes("E"), "the stack must be non-executable (PT_GNU_STACK RW)");
  else assert.equal(stack, undefined, "--strip-sections leaves PT_GNU_STACK out");
}

/** Prints its own /proc/self/maps: what the kernel really mapped executable. */
const MAPS_PROGRAM = `
fn main() -> u64 {
    let fd: i64;
    unsafe { fd = syscall(2, "/proc/self/maps", 0, 0); }
    if fd < 0 { return 1; }
    let mut buf: [u8; 8192];
    while true {
        let n: i64;
        unsafe { n = syscall(0, fd, &buf, 8192); }
        if n <= 0 { break; }
        unsafe { syscall(1, 1, &buf, n); }
    }
    return 0;
}
`;

function sectionCount(path: string): number {
  return readFileSync(path).readUInt16LE(60);
}

/** Compiles a no-libc C program from bench/c-sources.ts and links it with the minimal script. */
function cBuild(name: keyof typeof C_PROGRAMS): { obj: string; exe: string } {
  const src = scratchPath(`${name}.c`);
  writeFileSync(src, cSource(C_PROGRAMS[name], true));
  const obj = scratchPath(`${name}.o`);
  const cc = spawnSync("gcc", ["-Os", "-nostdlib", "-static", "-ffreestanding", "-fno-asynchronous-unwind-tables", "-fno-stack-protector",
    "-fcf-protection=none", "-fno-tree-loop-distribute-patterns", "-w", "-c", "-o", obj, src], { encoding: "utf8" });
  assert.equal(cc.status, 0, cc.stderr);
  const script = scratchPath(`${name}.ld`);
  writeFileSync(script, linkerScript("x86_64", { writableData: hasWritableData(obj) }));
  const exe = scratchPath(name);
  const ld = spawnSync("ld", [...MINIMAL_LD_FLAGS, "-T", script, "-o", exe, obj], { encoding: "utf8" });
  assert.equal(ld.status, 0, ld.stderr);
  return { obj, exe };
}

test("hello.lw and hello.ts at -O2 run and are W^X; --strip-sections removes the section headers, makes them smaller and they still run", async () => {
  for (const file of ["hello.lw", "hello.ts"]) {
    const plain = await build({ input: join(ROOT, "examples", file), optLevel: 2, name: file });
    assert.ok(plain.result.ok, plain.messages);
    assert.ok(sectionCount(plain.exe) > 0, "section headers are kept by default");
    const stripped = await build({ input: join(ROOT, "examples", file), optLevel: 2, name: `${file}-stripped`, stripSections: true });
    assert.ok(stripped.result.ok, stripped.messages);
    assert.equal(sectionCount(stripped.exe), 0, "the section-header table is removed");
    assert.ok(statSync(stripped.exe).size < statSync(plain.exe).size, "stripped is smaller");
    assert.deepEqual(segments(stripped.exe), segments(plain.exe).filter((s) => s.type !== "GNU_STACK"), "the same segments, without PT_GNU_STACK");
    for (const exe of [plain.exe, stripped.exe]) {
      const r = runExe(exe);
      assert.equal(r.stdout, "Hello, World!\n");
      assert.equal(r.status, 0);
      assertWxorX(exe, exe === plain.exe);
    }
  }
});

test("--strip-sections output without PT_GNU_STACK still gets a non-executable stack and data from the kernel", async () => {
  const input = scratchPath("maps.lw");
  writeFileSync(input, MAPS_PROGRAM);
  for (const stripSections of [false, true]) {
    const { result, exe, messages } = await build({ input, optLevel: 2, name: `maps-${stripSections}`, stripSections });
    assert.ok(result.ok, messages);
    const r = runExe(exe);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split("\n").filter(Boolean);
    const stack = lines.find((l) => l.endsWith("[stack]"));
    assert.ok(stack, r.stdout);
    assert.equal(stack.split(/\s+/)[1], "rw-p", `stack: ${stack}`);
    // Only the code segment (and the kernel's vdso/vsyscall) may be executable: no READ_IMPLIES_EXEC.
    const exec = lines.filter((l) => l.split(/\s+/)[1].includes("x") && !/\[(vdso|vsyscall)\]$/.test(l));
    assert.equal(exec.length, 1, `executable mappings:\n${exec.join("\n")}`);
    assert.match(exec[0], /r-xp/);
  }
});

test("CLI: build --strip-sections (and run --strip-sections) give the smaller binary", () => {
  // Through the bundle, as users run it (npm test rebuilds dist/ first).
  const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, "cli", "bin", "lwanga.js"), ...args], { encoding: "utf8", timeout: 60_000 });
  const hello = join(ROOT, "examples", "hello.lw");
  const plain = scratchPath("cli-hello");
  const stripped = scratchPath("cli-hello-stripped");
  assert.equal(cli("build", hello, "-o", plain, "-Os").status, 0);
  assert.equal(cli("build", hello, "-o", stripped, "-Os", "--strip-sections").status, 0);
  assert.ok(statSync(stripped).size < statSync(plain).size, `${statSync(stripped).size} < ${statSync(plain).size}`);
  assert.equal(sectionCount(stripped), 0);
  assert.equal(runExe(stripped).stdout, "Hello, World!\n");
  const r = cli("run", hello, "--strip-sections");
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, "Hello, World!\n");
});

test("--strip-sections is ignored with -g (DWARF lives in sections)", async () => {
  const { result, exe, messages } = await build({ input: join(ROOT, "examples", "hello.lw"), optLevel: 0, name: "hello-g", debug: true, stripSections: true });
  assert.ok(result.ok, messages);
  assert.ok(sectionCount(exe) > 0);
  assert.equal(runExe(exe).stdout, "Hello, World!\n");
});

test("a program with a 20 MB static array gets a separate RW segment and runs", async () => {
  const { result, exe, messages } = await build({ input: join(ROOT, "tests", "cases", "kernels", "sieve.lw"), optLevel: 2, name: "sieve" });
  assert.ok(result.ok, messages);
  assert.equal(runExe(exe).stdout, "1270607\n");
  assertWxorX(exe);
  const loads = segments(exe).filter((s) => s.type === "LOAD");
  assert.deepEqual(loads.map((s) => s.flags), ["RE", "RW"]);
  assert.ok(statSync(exe).size < 4096, "the .bss takes no room in the file");
});

test("linker script: one R+X segment and a non-executable stack without writable data", { skip: !hasGcc && "gcc is not installed" }, () => {
  const { obj, exe } = cBuild("hello");
  assert.equal(hasWritableData(obj), false);
  assert.deepEqual(segments(exe).map((s) => `${s.type} ${s.flags}`), ["LOAD RE", "GNU_STACK RW"]);
  assert.equal(runExe(exe).stdout, "Hello, World!\n");
});

test("linker script: .data/.bss go to their own RW segment", { skip: !hasGcc && "gcc is not installed" }, () => {
  const { obj, exe } = cBuild("heapsort");
  assert.equal(hasWritableData(obj), true);
  assert.deepEqual(segments(exe).map((s) => `${s.type} ${s.flags}`), ["LOAD RE", "LOAD RW", "GNU_STACK RW"]);
  assertWxorX(exe);
  assert.equal(runExe(exe).stdout, "18034393905064945036\n");
});

test("strip-sections: removes the section-header table, keeps the program running", { skip: !hasGcc && "gcc is not installed" }, () => {
  for (const name of ["hello", "cat", "heapsort"] as const) {
    const { exe } = cBuild(name);
    const before = statSync(exe).size;
    const segs = segments(exe);
    const r = stripSectionsFile(exe);
    assert.ok(r.ok, r.ok ? "" : r.problem);
    assert.equal(r.after, statSync(exe).size);
    assert.ok(r.after < before, `${name}: ${r.after} < ${before}`);
    assert.equal(sectionCount(exe), 0);
    assert.deepEqual(segments(exe), segs, "program headers are unchanged");
    assert.ok(statSync(exe).mode & 0o111, "still executable");
    assertWxorX(exe);
    if (name === "hello") assert.equal(runExe(exe).stdout, "Hello, World!\n");
    if (name === "heapsort") assert.equal(runExe(exe).stdout, "18034393905064945036\n");
    if (name === "cat") {
      const file = scratchPath("cat-input");
      writeFileSync(file, "some text\n");
      assert.equal(runExe(exe, [file]).stdout, "some text\n");
    }
    // A second pass finds nothing more to remove.
    const again = stripSectionHeaders(readFileSync(exe));
    assert.ok(again.ok && again.after === again.before);
  }
});

test("strip-sections: refuses what it does not understand, without throwing", () => {
  assert.deepEqual(stripSectionHeaders(Buffer.from("#!/bin/sh\necho hi\n")), { ok: false, problem: "not an ELF file" });
  const elf32 = Buffer.alloc(64);
  elf32.writeUInt32BE(0x7f454c46, 0);
  elf32[4] = 1;
  assert.equal(stripSectionHeaders(elf32).ok, false);
  const rel = Buffer.alloc(64);
  rel.writeUInt32BE(0x7f454c46, 0);
  rel[4] = 2;
  rel[5] = 1;
  rel.writeUInt16LE(1, 16); // ET_REL: an object file, not an executable
  const r = stripSectionHeaders(rel);
  assert.equal(r.ok, false);
  const missing = stripSectionsFile(scratchPath("does-not-exist"));
  assert.equal(missing.ok, false);
});
