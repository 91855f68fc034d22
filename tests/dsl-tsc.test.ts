/**
 * The DSL as tsc sees it: `tsc --noEmit -p tsconfig.dsl.json` over examples/,
 * std/, dsl/ declarations and the DSL fixtures passes; a program that mixes
 * machine types wrongly (i64 where u8 is expected, u64 where Ptr<T> is
 * expected, an unchecked FdResult where an Fd is expected) fails tsc, so the
 * editor shows it; integer literals and arithmetic results need no casts.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = new URL("..", import.meta.url).pathname;
const TSC = join(ROOT, "node_modules", ".bin", "tsc");

function tsc(args: string[]): { status: number | null; out: string } {
  const r = spawnSync(TSC, args, { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  return { status: r.status, out: (r.stdout ?? "") + (r.stderr ?? "") };
}

/** Type-checks one program against the DSL declarations in a private folder. */
function check(program: string): { status: number | null; out: string } {
  const dir = mkdtempSync(join(tmpdir(), "lwanga-dsl-tsc-"));
  try {
    writeFileSync(join(dir, "prog.ts"), program);
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({
      extends: join(ROOT, "tsconfig.dsl.json"),
      files: [join(ROOT, "dsl", "lib.d.ts"), join(ROOT, "dsl", "lwanga.d.ts"), join(dir, "prog.ts")],
      include: [],
    }));
    return tsc(["--noEmit", "-p", join(dir, "tsconfig.json")]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("tsc --noEmit -p tsconfig.dsl.json passes over examples, std, dsl and fixtures", () => {
  const r = tsc(["--noEmit", "-p", "tsconfig.dsl.json"]);
  assert.equal(r.status, 0, r.out);
});

test("literals, widening, arithmetic results and casts need nothing more", () => {
  const r = check(`import type { u8, u16, u32, u64, i8, i32, i64, ptr, Ptr, str, FixedArray } from "lwanga";
import { u64 as big, addressOf } from "lwanga";
function takesU8(x: u8): u8 { return x; }
function takesPtr(p: ptr): void {}
export function main(): u64 {
  const a: u8 = 200;
  const b: u8 = 100;
  const c: u8 = a + b;
  const d: i8 = -128;
  const w: u64 = a;
  const m: i64 = d;
  const n: i32 = -5;
  const max: u64 = 0xFFFF_FFFF_FFFF_FFFF;
  const exact: u64 = big(18446744073709551615n);
  const narrowed: u8 = n as u8;
  takesU8(7);
  takesU8(c);
  const p: Ptr<u64> = addressOf(w);
  takesPtr(p);
  takesPtr(0);
  const s: str = "hello";
  const arr: FixedArray<u16, 4> = [1, 2, 3];
  const e: u16 = arr[w];
  return w + max + exact + (m as u64) + (narrowed as u64) + e;
}
`);
  assert.equal(r.status, 0, r.out);
});

test("mixing incompatible machine types is a tsc error", () => {
  const cases: [string, string][] = [
    ["i64 where u8 is expected", "function f(x: u8): void {}\nexport function main(v: i64): void { f(v); }"],
    ["u64 where Ptr<T> is expected", "function f(p: Ptr<u8>): void {}\nexport function main(v: u64): void { f(v); }"],
    ["u64 into u8 without a cast", "export function main(v: u64): u8 { const x: u8 = v; return x; }"],
    ["i64 into u64 without a cast", "export function main(v: i64): u64 { return v; }"],
    ["ptr where Ptr<u16> is expected", "function f(p: Ptr<u16>): void {}\nexport function main(p: ptr): void { f(p); }"],
    ["Ptr<u8> where Ptr<u16> is expected", "function f(p: Ptr<u16>): void {}\nexport function main(p: Ptr<u8>): void { f(p); }"],
    ["FixedArray lengths differ", "export function main(a: FixedArray<u8, 4>): void { const b: FixedArray<u8, 8> = a; }"],
    ["unchecked FdResult used as Fd", "function use(fd: Fd): void {}\nexport function main(r: FdResult): void { use(r); }"],
  ];
  for (const [name, body] of cases) {
    const r = check(`import type { u8, u16, u64, i64, ptr, Ptr, FixedArray, Fd, FdResult } from "lwanga";\n${body}\n`);
    assert.notEqual(r.status, 0, `${name}: tsc accepted it`);
    assert.match(r.out, /error TS2(345|322)/, `${name}: ${r.out}`);
  }
});

test("a checked FdResult narrows to Fd (errors as values)", () => {
  const r = check(`import type { i64, Fd, FdResult } from "lwanga";
function isOk(r: FdResult): r is Fd;
function isOk(r: i64): boolean { return r >= 0 || r < -4095; }
function use(fd: Fd): void {}
export function main(r: FdResult): i64 { if (!isOk(r)) return 1; use(r); return 0; }
`);
  assert.equal(r.status, 0, r.out);
});
