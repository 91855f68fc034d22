/**
 * No undefined behaviour from safe code: every LLVM hazard the language
 * touches shows its defined behaviour (LANGUAGE.md, "Semantics") at -O0,
 * at -O2 and in the reference interpreter — division and remainder by zero
 * (SIGFPE) at every width and signedness, MIN / -1 (= MIN) and MIN % -1
 * (= 0), shift counts >= the width (masked), out-of-range `as` (truncation,
 * sign/zero extension) and locals without initialiser (aggregates zeroed,
 * scalars a compile error). Operands come from mutable globals so nothing
 * is folded away before LLVM sees it.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { compile } from "../driver/compile.ts";
import { runEveryWay, type Outcome } from "./gen/diff.ts";

const PRINT = `
fn print_u64(v: u64) {
    let mut buf: [u8; 21];
    let mut i: u64 = 20;
    buf[20] = 10;
    let mut x: u64 = v;
    if x == 0 { i = i - 1; buf[i] = 48; }
    while x > 0 {
        i = i - 1;
        buf[i] = 48 + ((x % 10) as u8);
        x = x / 10;
    }
    unsafe { syscall(1, 1, &buf[i], 21 - i); }
}
`;

async function expectEverywhere(name: string, text: string, want: Outcome, lang: "lw" | "ts" = "lw"): Promise<void> {
  const { outcomes, problems } = await runEveryWay({ [lang]: text }, { levels: [0, 2] });
  assert.deepEqual(problems, [], `${name}: ${problems.join("\n")}`);
  assert.equal(outcomes.size, 3, `${name}: expected -O0, -O2 and interpreter runs`);
  for (const [label, o] of outcomes) assert.deepEqual(o, want, `${name}: ${label}`);
}

const TYPES = ["u8", "i8", "u16", "i16", "u32", "i32", "u64", "i64"];

for (const t of TYPES) {
  test(`division and remainder by zero of ${t} raise SIGFPE`, async () => {
    for (const op of ["/", "%"]) {
      const text = `let mut zero: ${t} = 0;\nlet mut seven: ${t} = 7;\n${PRINT}
fn main() -> u64 {
    print_u64(1);
    let q: ${t} = seven ${op} zero;
    print_u64(q as u64);
    return 0;
}
`;
      await expectEverywhere(`${t} ${op} 0`, text, { stdout: "1\n", end: "signal SIGFPE" });
    }
  });
}

test("MIN / -1 is MIN and MIN % -1 is 0 at every signed width", async () => {
  const decls = ["i8", "i16", "i32", "i64"].map((t) => {
    const bits = Number(t.slice(1));
    return `let mut min_${t}: ${t} = (${(1n << BigInt(bits - 1)) - 1n} as ${t}) + (1 as ${t});\nlet mut m1_${t}: ${t} = (0 as ${t}) - (1 as ${t});`;
  }).join("\n");
  const body = ["i8", "i16", "i32", "i64"].map((t) => `    print_u64((min_${t} / m1_${t}) as u64);\n    print_u64((min_${t} % m1_${t}) as u64);`).join("\n");
  const text = `${decls}\n${PRINT}\nfn main() -> u64 {\n${body}\n    return 0;\n}\n`;
  const expected = [8, 16, 32, 64].flatMap((bits) => [BigInt.asUintN(64, -(1n << BigInt(bits - 1))).toString(), "0"]);
  await expectEverywhere("MIN / -1", text, { stdout: expected.join("\n") + "\n", end: "exit 0" });
});

test("shift counts are masked to the width (never poison)", async () => {
  const cases: [string, number, number, bigint][] = [];
  const lines: string[] = [];
  const decls: string[] = [];
  let k = 0;
  for (const t of TYPES) {
    const bits = Number(t.slice(1));
    const signed = t.startsWith("i");
    for (const count of [bits, bits + 1, 2 * bits - 1, 255 % (1 << Math.min(bits, 8))]) {
      const x = signed ? -(1n << BigInt(bits - 2)) - 3n : (1n << BigInt(bits - 1)) + 5n;
      decls.push(`let mut x${k}: ${t} = (${x < 0n ? `(0 as ${t}) - (${-x} as ${t})` : `${x} as ${t}`});\nlet mut n${k}: ${t} = ${count} as ${t};`);
      lines.push(`    print_u64((x${k} << n${k}) as u64);`, `    print_u64((x${k} >> n${k}) as u64);`);
      const m = BigInt(count % bits);
      const shl = BigInt.asUintN(bits, x << m);
      const shr = signed ? BigInt.asUintN(bits, BigInt.asIntN(bits, x) >> m) : BigInt.asUintN(bits, x) >> m;
      const asU64 = (v: bigint): bigint => (signed ? BigInt.asUintN(64, BigInt.asIntN(bits, v)) : v);
      cases.push([t, count, 0, asU64(shl)], [t, count, 1, asU64(shr)]);
      k++;
    }
  }
  const text = `${decls.join("\n")}\n${PRINT}\nfn main() -> u64 {\n${lines.join("\n")}\n    return 0;\n}\n`;
  await expectEverywhere("shifts", text, { stdout: cases.map((c) => c[3].toString()).join("\n") + "\n", end: "exit 0" });
});

test("out-of-range `as` truncates, sign-extends from signed, zero-extends otherwise", async () => {
  const text = `let mut big: u64 = 0xFFFF_FFFF_FFFF_FF85;\nlet mut neg: i64 = (0 as i64) - (200 as i64);\n${PRINT}
fn main() -> u64 {
    print_u64((big as u8) as u64);
    print_u64((big as i8) as u64);
    print_u64((big as i16) as u64);
    print_u64((big as u32) as u64);
    print_u64((neg as u8) as u64);
    print_u64((neg as i8) as u64);
    print_u64((neg as u16) as u64);
    print_u64(neg as u64);
    print_u64(((neg as i8) as i64) as u64);
    return (big as u8) as u64;
}
`;
  const want = [0x85n, BigInt.asUintN(64, -123n), BigInt.asUintN(64, -123n), 0xffffff85n, 56n, 56n, 65336n, BigInt.asUintN(64, -200n), 56n];
  await expectEverywhere("as", text, { stdout: want.join("\n") + "\n", end: `exit ${0x85}` });
});

test("locals without initialiser: aggregates are zero, reading a scalar first is a compile error", async () => {
  const text = `struct P { a: u64, b: u8, c: i32 }\n${PRINT}
fn dirty() -> u64 {
    let mut junk: [u64; 8] = [0xdead; 8];
    let mut s: u64 = 0;
    for (let mut i: u64 = 0; i < 8; i = i + 1) { s = s + junk[i]; }
    return s;
}
fn clean() -> u64 {
    let arr: [u64; 8];
    let p: P;
    let mut s: u64 = 0;
    for (let mut i: u64 = 0; i < 8; i = i + 1) { s = s + arr[i]; }
    return s + p.a + (p.b as u64) + (p.c as u64);
}
fn main() -> u64 {
    print_u64(dirty());
    print_u64(clean());
    return 0;
}
`;
  await expectEverywhere("zeroed aggregates", text, { stdout: `${0xdead * 8}\n0\n`, end: "exit 0" });
  const bad = await compile({ source: { path: "uninit.lw", text: "fn main() -> u64 {\n    let x: u64;\n    return x;\n}\n" }, emit: "check" });
  assert.equal(bad.exitCode, 1);
  assert.ok(bad.diagnostics.some((d) => d.severity === "error" && d.span), "an error with a location");
});

test("division by zero in the DSL spelling raises SIGFPE too", async () => {
  const text = `import { type u32, type i64, syscall, unsafe } from "lwanga";
let zero: i64 = 0;
export function main(): u32 {
    unsafe(() => { syscall(1, 1, "x\\n", 2); });
    const q: i64 = (7 as i64) / zero;
    return q as u32;
}
`;
  await expectEverywhere("ts div 0", text, { stdout: "x\n", end: "signal SIGFPE" }, "ts");
});
