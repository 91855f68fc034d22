// `--target aarch64-linux-gnu`: static aarch64 ELF linked with
// aarch64-linux-gnu-ld, run under qemu-aarch64. `ARCH_ARM64` is predefined
// (not `ARCH_X86_64`), so .lw programs pick aarch64 syscall numbers with
// `#if`; the DSL's std picks them itself. Runs hello (.lw and .ts), the probe
// against a real loopback listener (.lw and .ts), a struct/array program,
// aarch64 inline asm, a naked `_start`, register variables and --pic.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { join } from "node:path";
import { readSegments, PT_INTERP } from "../lowering/elf.ts";
import { ROOT, build, buildSource, type Built } from "./harness.ts";

const has = (cmd: string): boolean => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
const missing = ["qemu-aarch64", "aarch64-linux-gnu-ld"].filter((c) => !has(c));
const skip = missing.length > 0 ? `${missing.join(" and ")} not installed (Debian packages qemu-user, binutils-aarch64-linux-gnu)` : false;

const CASES = join(ROOT, "tests", "cases", "lowlevel");
const EM_AARCH64 = 183;

interface Run { stdout: string; status: number | null }

function qemu(exe: string, args: string[] = []): Run {
  const r = spawnSync("qemu-aarch64", [exe, ...args], { timeout: 30_000 });
  return { stdout: r.stdout.toString(), status: r.status };
}

/** Runs under qemu without blocking the event loop (a listener in this process must answer). */
function qemuAsync(exe: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const p = spawn("qemu-aarch64", [exe, ...args]);
    let stdout = "";
    p.stdout.on("data", (d) => { stdout += d; });
    p.on("close", (status) => resolve({ stdout, status }));
  });
}

function assertAarch64Static(b: Built): void {
  assert.ok(b.result.ok, b.messages);
  const bytes = readFileSync(b.exe);
  assert.equal(bytes.readUInt16LE(18), EM_AARCH64, "not an aarch64 ELF");
  assert.ok(!readSegments(b.exe)!.some((s) => s.type === PT_INTERP), "has an interpreter");
}

const target = "aarch64" as const;

test("aarch64 hello (.lw with #if ARCH_ARM64, and .ts through std) runs under qemu", { skip }, async () => {
  for (const opt of [0, 2] as const) {
    const lw = await build({ input: join(CASES, "arch_hello.lw"), target, optLevel: opt });
    assertAarch64Static(lw);
    assert.deepEqual(qemu(lw.exe), { stdout: "Hello from aarch64\n", status: 0 });
    const ts = await build({ input: join(ROOT, "examples", "hello.ts"), target, optLevel: opt });
    assertAarch64Static(ts);
    assert.deepEqual(qemu(ts.exe), { stdout: "Hello, World!\n", status: 0 });
    if (opt === 2) process.stdout.write(`# aarch64 hello: ${statSync(ts.exe).size} bytes\n`);
  }
});

test("aarch64 predefines ARCH_ARM64 and not ARCH_X86_64", { skip }, async () => {
  const b = await buildSource(`
#include_guard_unused
fn main() -> u64 {
#if ARCH_ARM64 && !ARCH_X86_64 && PLATFORM_LINUX
    return 64;
#else
    return 1;
#endif
}
`.replace("#include_guard_unused\n", ""), "arch.lw", { target });
  assertAarch64Static(b);
  assert.equal(qemu(b.exe).status, 64);
});

test("aarch64 probe (.lw and .ts) against a real loopback listener and a closed port", { skip }, async () => {
  const lw = await build({ input: join(CASES, "arch_probe.lw"), target });
  assertAarch64Static(lw);
  const ts = await build({ input: join(ROOT, "examples", "probe.ts"), target });
  assertAarch64Static(ts);
  const server = createServer((sock) => sock.end());
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  try {
    assert.deepEqual(await qemuAsync(lw.exe, [String(port)]), { stdout: "Probe: Success (Service Reachable)\n", status: 0 });
    assert.deepEqual(await qemuAsync(ts.exe, ["127.0.0.1", String(port)]), { stdout: "Probe: Success (Service Reachable)\n", status: 0 });
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
  // The port is closed now.
  assert.deepEqual(qemu(lw.exe, [String(port)]), { stdout: "Probe: Failed (Service Unreachable)\n", status: 1 });
  assert.equal(qemu(ts.exe, ["127.0.0.1", String(port)]).status, 1);
});

test("aarch64 structs and arrays", { skip }, async () => {
  for (const opt of [0, 2] as const) {
    const b = await build({ input: join(CASES, "arch_structs.lw"), target, optLevel: opt });
    assertAarch64Static(b);
    assert.deepEqual(qemu(b.exe), { stdout: "2\n4\n5\n3\n1\n330\n32\n50\n", status: 0 });
  }
});

test("aarch64 inline asm: plain blocks with labels and named locals, extended operands, register variables", { skip }, async () => {
  const src = `
fn triangle(n: u64) -> u64 {
    let r: u64 = 0;
    unsafe {
        asm {
            ldr x1, n
            mov x0, #0
        again:
            add x0, x0, x1
            subs x1, x1, #1
            b.ne again
            str x0, r
        }
    }
    return r;
}
fn main() -> u64 {
    let a: u64;
    let b: u64 = 5;
    unsafe { asm { add %0, %1, #37 } : "=r"(a) : "r"(b); }
    unsafe {
        let register x8: u64 = 64;
        let register x0: u64 = 1;
        let register x1: ptr = "asm\\n";
        let register x2: u64 = 4;
        asm { svc #0 }
    }
    return a + triangle(3) + triangle(4);
}
`;
  for (const opt of [0, 2] as const) {
    const b = await buildSource(src, "asm64.lw", { target, optLevel: opt });
    assertAarch64Static(b);
    assert.deepEqual(qemu(b.exe), { stdout: "asm\n", status: 42 + 6 + 10 });
  }
});

test("aarch64 naked _start and a naked function called normally", { skip }, async () => {
  const src = `
naked fn add3(a: u64, b: u64, c: u64) -> u64 {
    asm {
        add x0, x0, x1
        add x0, x0, x2
        ret
    }
}
fn finish() -> u64 { return add3(1, 2, 4); }
naked fn _start() {
    asm {
        mov x0, #1
        adr x1, msg
        mov x2, #6
        mov x8, #64
        svc #0
        bl finish
        mov x8, #93
        svc #0
    msg:
        .ascii "naked\\n"
    }
}
`;
  const b = await buildSource(src, "naked64.lw", { target });
  assertAarch64Static(b);
  assert.deepEqual(qemu(b.exe), { stdout: "naked\n", status: 7 });
});

test("aarch64 --pic: static PIE that runs", { skip }, async () => {
  const b = await buildSource(`
import "${CASES}/lib/sys.lw";
let table: [str; 2] = ["first\\n", "second\\n"];
fn main() -> u64 { print(table[1]); return 0; }
`, "pic64.lw", { target, pic: true });
  assertAarch64Static(b);
  assert.equal(readFileSync(b.exe).readUInt16LE(16), 3, "not ET_DYN");
  assert.deepEqual(qemu(b.exe), { stdout: "second\n", status: 0 });
});
