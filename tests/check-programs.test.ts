/**
 * Well-typed `.lw` programs: the checker accepts them and the checked IR
 * (printed with ir/print.ts) has the expected shape — explicit conversions,
 * folded constants, scaled pointer arithmetic, zero-filled aggregates,
 * resolved break targets, symbols that never collide with the runtime.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { checkLw, printLw } from "./check-helpers.ts";

const M = (body: string, ret = "u64") => `fn main() -> ${ret} {\n${body}\n}\n`;

/** Asserts every expected line occurs (trimmed) in the printed program. */
function hasLines(src: string, lines: string[]): void {
  const out = printLw(src);
  const got = out.split("\n").map((l) => l.trim());
  for (const l of lines) assert.ok(got.includes(l), `missing line '${l}' in:\n${out}`);
}

test("whole-program dump", () => {
  const src = `struct Pair { a: u32, b: u64 }
const N: u64 = 2 + 3;
let mut hits: u64 = 0;
fn add(x: u64, y: u64) -> u64 { return x + y; }
fn main() -> u8 {
    let p: Pair = Pair { a: 1, b: 2 };
    hits = add(p.a, N);
    return 0;
}
`;
  assert.equal(printLw(src), `global @lw.hits: u64 mut = 0

fn @lw.add(x#0: u64, y#1: u64) -> u64 {
  return (add u64 x#0 y#1)
}

fn @lw.main() -> u8 [main] {
  local p#0: Pair
  p#0 = Pair{1:u32, 2:u64}
  @lw.hits = (call @lw.add (zext u64 p#0.a) 5:u64)
  return 0:u8
}
`);
});

test("literals take the expected type; negative to unsigned is two's complement", () => {
  hasLines(M("let a: u8 = 255;\nlet b: i16 = -2;\nlet c: u64 = -1;\nlet d: u32 = 0x10 * 2;\nreturn c;"), [
    "a#0 = 255:u8", "b#1 = -2:i16", "c#2 = 18446744073709551615:u64", "d#3 = 32:u32",
  ]);
});

test("constant folding wraps exactly", () => {
  hasLines(`const A: u8 = 200;\nconst B: u8 = A + 100;\nconst MIN: i8 = -128;\nconst C: i8 = MIN / -1;\nconst ONE: u32 = 1;\nconst D: u32 = ONE << 35;\n` + M("let x: u8 = B;\nlet y: i8 = C;\nlet z: u32 = D;\nlet r: i8 = MIN % -1;\nreturn 0;"), [
    "x#0 = 44:u8", "y#1 = -128:i8", "z#2 = 8:u32", "r#3 = 0:i8",
  ]);
});

test("untyped literal arithmetic is exact and must fit", () => {
  const r = checkLw(M("let a: u32 = 1 << 35;\nreturn 0;"));
  assert.deepEqual(r.codes, ["LW2005@2:14"]);
});

test("widening is explicit; casts truncate, sign- or zero-extend", () => {
  hasLines(M("let a: u8 = 1;\nlet b: u64 = a;\nlet c: i8 = -1;\nlet d: i64 = c;\nlet e: u16 = d as u16;\nlet f: u64 = c as u64;\nlet g: bool = true;\nlet h: u32 = g;\nreturn b;"), [
    "b#1 = (zext u64 a#0)", "d#3 = (sext i64 c#2)", "e#4 = (trunc u16 d#3)", "f#5 = (sext u64 c#2)", "h#7 = (boolToInt u32 g#6)",
  ]);
});

test("syscall results go into u64 or i64; arguments are widened", () => {
  hasLines(M("let fd: u64 = unsafe { syscall(2, \"f\", 0) };\nlet n: u32 = 5;\nlet s: i32 = -1;\nlet r: i64 = unsafe { syscall(0, fd, n, s) };\nreturn fd;"), [
    "fd#0 = (reinterpret u64 (syscall 2:u64 (ptrToInt u64 \"f\") 0:u64))",
    "r#3 = (syscall 0:u64 fd#0 (zext u64 n#1) (sext i64 s#2))",
  ]);
});

test("pointer arithmetic is scaled to bytes; distance is u64", () => {
  hasLines(M("let mut a: [u32; 4] = [0; 4];\nlet p: *u32 = &a[0];\nlet q: *u32 = p + 3;\nlet r: ptr = q;\nlet s: ptr = r - 1;\nlet d: u64 = r - s;\nreturn d;"), [
    "q#2 = (ptradd *u32 p#1 12:u64)", "r#3 = (ptrCast ptr q#2)", "s#4 = (ptradd ptr r#3 18446744073709551615:u64)",
    "d#5 = (sub u64 (ptrToInt u64 r#3) (ptrToInt u64 s#4))",
  ]);
});

test("deref of ptr reads a byte; wider stores keep the low byte", () => {
  const src = M("let mut b: [u8; 2] = [0; 2];\nlet p: ptr = &b;\nlet v: u64 = 65;\nunsafe { *p = v; }\nlet c: u8 = unsafe { *p };\nreturn c;");
  const r = checkLw(src);
  assert.deepEqual(r.diags.map((d) => d.code), ["LW2032"]);
  hasLines(src, ["*(p#1) = (trunc u8 v#2)", "c#3 = *(p#1)"]);
});

test("integers as conditions and ! on integers", () => {
  hasLines(M("let n: u64 = 3;\nif n { return 1; }\nif !n { return 2; }\nreturn 0;"), [
    "if (toBool bool n#0) {", "if (eq u64 n#0 0:u64) {",
  ]);
});

test("aggregates without initialiser are zero-filled; struct literal fields default to zero", () => {
  hasLines("struct S { a: u8, b: u64 }\n" + M("let mut s: S;\nlet t: S = S { b: 2 };\nlet mut a: [u16; 3];\nreturn 0;"), [
    "s#0 = zero:S", "t#1 = S{zero:u8, 2:u64}", "a#2 = zero:[u16; 3]",
  ]);
});

test("array literals are padded; in ptr position they become a hidden byte array", () => {
  hasLines(M("let a: [u8; 4] = [1, 2];\nlet p: ptr = [10, 20, 30];\nreturn 0;"), [
    "a#0 = [u8; 4][1:u8, 2:u8, zero:u8, zero:u8]",
    "p#2 = (block { .a0#1 = [u8; 3][10:u8, 20:u8, 30:u8] } (ptrCast ptr &.a0#1))",
  ]);
});

test("deferred let: first assignment in a nested block", () => {
  hasLines(M("let fd: i64;\nunsafe { fd = syscall(39); }\nreturn fd as u64;"), [
    "fd#0 = (syscall 39:u64)", "return (reinterpret u64 fd#0)",
  ]);
});

test("taking the address of an unassigned local zero-fills it first", () => {
  const out = printLw(M("let x: u64;\nlet p: *u64 = &x;\nunsafe { *p = 5; }\nreturn x;"));
  assert.match(out, /\{\n {4}x#0 = zero:u64\n {2}\}\n {2}p#1 = &x#0/);
});

test("loops, break and continue name their loop", () => {
  hasLines(M("let mut i: u64 = 0;\nwhile true {\n  i = i + 1;\n  if i < 3 { continue; }\n  while i > 0 { break; }\n  break;\n}\nreturn i;"), [
    "loop#0 forever {", "continue #0", "loop#1 while (gt u64 i#0 0:u64) {", "break #1", "break #0",
  ]);
});

test("endless loop satisfies the return check", () => {
  const r = checkLw("fn spin() -> u64 { while 1 { } }\n" + M("return spin();"));
  assert.ok(r.program);
});

test("if-else that returns on both paths satisfies the return check", () => {
  const r = checkLw("fn f(c: bool) -> u64 { if c { return 1; } else { unsafe { return 2; } } }\n" + M("return f(true);"));
  assert.ok(r.program, r.codes.join(","));
});

test("functions usable before declaration; mutual recursion; function pointers", () => {
  hasLines(M("let f: fn(u64) -> u64 = twice;\nlet g: ptr = f as ptr;\nlet h: fn(u64) -> u64 = g as fn(u64) -> u64;\nreturn h(odd(3));") +
    "fn twice(x: u64) -> u64 { return x * 2; }\nfn odd(n: u64) -> u64 { if n == 0 { return 0; } return even(n - 1); }\nfn even(n: u64) -> u64 { if n == 0 { return 1; } return odd(n - 1); }\n", [
    "f#0 = @lw.twice", "g#1 = (ptrCast ptr f#0)", "return (callind h#2 (call @lw.odd 3:u64))",
  ]);
});

test("user functions named like runtime symbols do not collide", () => {
  const r = checkLw("fn memcpy(a: u64) -> u64 { return a; }\nfn write() {}\n" + M("write();\nreturn memcpy(1);"));
  assert.ok(r.program);
  assert.deepEqual(r.program!.functions.map((f) => f.symbol), ["lw.memcpy", "lw.write", "lw.main"]);
  assert.equal(r.program!.main?.symbol, "lw.main");
});

test("main with argc/argv and a naked _start", () => {
  const r = checkLw("fn main(argc: u64, argv: ptr) -> u64 { return argc; }\n");
  assert.equal(r.program?.main?.params.length, 2);
  const s = checkLw("naked fn _start() { asm { mov rax, 60\n xor rdi, rdi\n syscall } }\n");
  assert.equal(s.program?.userStart?.symbol, "_start");
  assert.equal(s.program?.main, null);
});

test("aggregate constants become immutable hidden globals; string constants fold", () => {
  const src = "const T: [u8; 3] = [1, 2, 3];\nconst S: str = \"hi\";\n" + M("let x: u8 = T[2];\nlet s: str = S;\nreturn x;");
  const out = printLw(src);
  assert.match(out, /^global @lw\.T: \[u8; 3\] = \[1, 2, 3\]$/m);
  assert.match(out, /x#0 = @lw\.T\[2:u64\]/);
  assert.match(out, /s#1 = "hi"/);
});

test("shadowing in inner blocks makes new locals", () => {
  hasLines(M("let x: u64 = 1;\n{ let x: u8 = 2; let y: u8 = x; }\nreturn x;"), ["x#1 = 2:u8", "y#2 = x#1", "return x#0"]);
});

test("block constants are usable in array sizes", () => {
  hasLines(M("const K: u64 = 4;\nlet a: [u8; K * 2];\nreturn K;"), ["a#0 = zero:[u8; 8]", "return 4:u64"]);
});

test("if-expressions and conditional folding", () => {
  hasLines(M("let s: u64 = 300;\nlet n: u64 = if s > 256 { 256 } else { s };\nlet m: u64 = if true { 1 } else { 2 };\nreturn n;"), [
    "n#1 = (if (gt u64 s#0 256:u64) 256:u64 s#0)", "m#2 = 1:u64",
  ]);
});

test("writes through &x to an immutable local are allowed", () => {
  const r = checkLw(M("let x: u64 = 1;\nlet p: *u64 = &x;\nunsafe { *p = 2; }\nreturn x;"));
  assert.ok(r.program);
  assert.ok(r.program!.functions[0].locals[0].addressTaken);
});

test("fields through typed pointers and nested places", () => {
  hasLines("struct In { v: u16 }\nstruct Out { pad: u8, inner: In }\n" + M("let mut o: Out = Out { pad: 1, inner: In { v: 2 } };\no.inner.v = 7;\nlet p: *Out = &o;\nlet v: u16 = unsafe { (*p).inner.v };\nreturn v;"), [
    "o#0.inner.v = 7:u16", "v#2 = (*(p#1)).inner.v",
  ]);
});

test("shifts convert the count to the left operand's type", () => {
  hasLines(M("let x: u32 = 1;\nlet n: u64 = 3;\nlet y: u32 = x << n;\nlet z: i32 = -8;\nlet w: i32 = z >> 1;\nreturn 0;"), [
    "y#2 = (shl u32 x#0 (trunc u32 n#1))", "w#4 = (shr i32 z#3 1:i32)",
  ]);
});

test("enc and asm produce checked nodes", () => {
  const out = printLw(M("let s: ptr = enc \"secret\";\nlet mut r: u64 = 0;\nunsafe { asm { mov r, 1 } }\nreturn r;"));
  assert.match(out, /s#0 = \(enc "secret"\)/);
  assert.match(out, /asm intel \{/);
  assert.match(out, /names r#1/);
});
