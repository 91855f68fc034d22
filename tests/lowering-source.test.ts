// Lowering from source (.lw through the real front end and checker): value
// semantics of structs and arrays, globals of every initialiser kind,
// encrypted strings and inline asm, at every optimisation level.
import { test } from "node:test";
import assert from "node:assert/strict";
import { buildSource, runExe } from "./harness.ts";

const AGGREGATES = `
struct P { x: u64, y: u64 }
struct Q { a: u8, p: P, arr: [u32; 3] }
packed struct T { a: u8, b: u64 }
let mut gq: Q = Q { a: 1, p: P { x: 2, y: 3 }, arr: [4, 5, 6] };
let gt: T = T { a: 7, b: 0x1122334455667788 };
let msg: str = "global str\n";

fn swap(p: P) -> P { return P { x: p.y, y: p.x }; }
fn sum(q: Q) -> u64 { return q.p.x + q.p.y + (q.arr[0] as u64) + (q.arr[2] as u64); }

fn main() -> u64 {
    let mut q: Q = gq;
    q.p = swap(q.p);
    if q.p.x != 3 { return 1; }
    if sum(q) != 15 { return 2; }
    gq.arr[1] = 50;
    if gq.arr[1] != 50 { return 3; }
    if gt.b != 0x1122334455667788 { return 4; }
    let s: ptr = enc "secret\n";
    unsafe { syscall(1, 1, s, 7); syscall(1, 1, msg, 11); }
    let mut r: u64 = 0;
    unsafe {
        asm { mov rax, 5
              add rax, 6
              mov r, rax }
    }
    if r != 11 { return 5; }
    let mut out: u64 = 0;
    unsafe { asm { mov \$0, \$1 } : "=r"(out) : "r"(r); }
    if out != 11 { return 6; }
    return 0;
}
`;

const ARRAYS = `
fn main() -> u64 {
    let mut big: [u64; 64] = [1, 2, 3];
    let tab: [u8; 20] = [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20];
    let mut z: [u32; 32] = [0; 32];
    z[5] = 9;
    if big[2] != 3 { return 1; }
    if big[63] != 0 { return 2; }
    if tab[19] != 20 { return 3; }
    if z[5] != 9 { return 4; }
    big = [7, 8];
    if big[0] != 7 || big[2] != 0 { return 5; }
    return 0;
}
`;

for (const opt of [0, 1, 2, 3, "s"] as const) {
  test(`structs, packed globals, enc and asm from source -O${opt}`, async () => {
    const { result, exe, messages } = await buildSource(AGGREGATES, "aggregates.lw", { optLevel: opt });
    assert.ok(result.ok, messages);
    const r = runExe(exe);
    assert.equal(r.status, 0, `check ${r.status} failed`);
    assert.equal(r.stdout, "secret\nglobal str\n");
  });

  test(`array literals, padding and repeats from source -O${opt}`, async () => {
    const { result, exe, messages } = await buildSource(ARRAYS, "arrays.lw", { optLevel: opt });
    assert.ok(result.ok, messages);
    assert.equal(runExe(exe).status, 0);
  });
}

test("runtime memcpy/memset/memmove stay plain byte loops at -O2 and -Os (no vector code, no unrolling)", async () => {
  // AGGREGATES has asm blocks, whose `!srcloc` metadata shares the module with the loops' `!llvm.loop` ids.
  for (const optLevel of [2, "s"] as const) {
    const { result, messages } = await buildSource(AGGREGATES, "aggregates.lw", { optLevel, emit: "asm" });
    assert.ok(result.ok, messages);
    for (const name of ["memcpy", "memset", "memmove"]) {
      const body = result.text!.match(new RegExp(`^${name}:[^]*?\\.Lfunc_end`, "m"))?.[0];
      assert.ok(body, `${name} is in the assembly`);
      const instructions = body.split("\n").filter((l) => /^\t[a-z]/.test(l));
      assert.doesNotMatch(body, /xmm|ymm/, `${name} is not vectorised`);
      assert.ok(instructions.length <= (name === "memmove" ? 24 : 12), `${name}: ${instructions.length} instructions\n${body}`);
    }
  }
});
