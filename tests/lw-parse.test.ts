/**
 * Tests of the Lwanga front end (`lw/`): snippets are parsed with `parseLw`
 * and their syntax IR is compared through the S-expression dump of
 * `lw/dump.ts`; malformed inputs are checked by diagnostic code and
 * line:column.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { Diagnostics, SourceMap } from "../diagnostics/diagnostics.ts";
import type { AsmStmt, Decl, Expr, FnDecl, Stmt } from "../ir/syntax.ts";
import { dumpDecl, dumpExpr, dumpStmt } from "../lw/dump.ts";
import { parseLw } from "../lw/parse.ts";

function parse(src: string, defines: Record<string, string> = {}, target: "x86_64" | "aarch64" = "x86_64") {
  const sources = new SourceMap();
  const file = sources.add("t.lw", src);
  const diags = new Diagnostics();
  const result = parseLw(file, diags, { defines: new Map(Object.entries(defines)), target });
  const where = (d: { span?: { start: number } }) => {
    const { line, col } = sources.lineCol(file.id, d.span!.start);
    return `${line}:${col}`;
  };
  return { result, diags, sources, where, file };
}

/** Parses a program that must have no diagnostics. */
function ok(src: string, defines: Record<string, string> = {}) {
  const r = parse(src, defines);
  assert.deepEqual(r.diags.items.map((d) => `${d.code} ${r.where(d)} ${d.message}`), []);
  return r.result;
}

function body(src: string): Stmt[] {
  const fn = ok(`fn main() {\n${src}\n}`).decls[0] as FnDecl;
  return fn.body.body;
}

function expr(src: string): string {
  const s = body(`let v: u64 = ${src};`)[0];
  assert.equal(s.kind, "let");
  return dumpExpr((s as { init: Expr }).init);
}

function stmts(src: string): string[] {
  return body(src).map(dumpStmt);
}

/** Codes with positions, e.g. `LW1100@1:28`. */
function errors(src: string, defines: Record<string, string> = {}): string[] {
  const r = parse(src, defines);
  return r.diags.items.map((d) => `${d.code}@${r.where(d)}`);
}

// ---------------------------------------------------------------- expressions

test("precedence follows LANGUAGE.md", () => {
  assert.equal(expr("a + b * c"), "(+ a (* b c))");
  assert.equal(expr("a * b + c"), "(+ (* a b) c)");
  assert.equal(expr("a - b - c"), "(- (- a b) c)");
  assert.equal(expr("a << 1 + 2"), "(<< a (+ 1 2))");
  assert.equal(expr("a < b << 1"), "(< a (<< b 1))");
  assert.equal(expr("a == b < c"), "(== a (< b c))");
  assert.equal(expr("a & b == c"), "(& a (== b c))");
  assert.equal(expr("a ^ b & c"), "(^ a (& b c))");
  assert.equal(expr("a | b ^ c"), "(| a (^ b c))");
  assert.equal(expr("a && b | c"), "(&& a (| b c))");
  assert.equal(expr("a || b && c"), "(|| a (&& b c))");
  assert.equal(expr("a % b / c"), "(/ (% a b) c)");
  assert.equal(expr("-a * b"), "(* (- a) b)");
  assert.equal(expr("!a == b"), "(== (! a) b)");
  assert.equal(expr("~x & 0xff"), "(& (~ x) 255)");
  assert.equal(expr("*p + 1"), "(+ (deref p) 1)");
  assert.equal(expr("&a[2]"), "(addr (index a 2))");
  assert.equal(expr("*s.f"), "(deref (. s f))");
  assert.equal(expr("(*p).f"), "(. (deref p) f)");
  assert.equal(expr("f(1)(2)[3].g"), "(. (index (call (call f 1) 2) 3) g)");
  assert.equal(expr("(a + b) * c"), "(* (+ a b) c)");
  assert.equal(expr("a - -b"), "(- a (- b))");
  assert.equal(expr("a--b"), "(- a (- b))");
  assert.equal(expr("&&x"), "(addr (addr x))");
  assert.equal(expr("**p"), "(deref (deref p))");
});

test("`as` binds loosely, at the level of `&&`", () => {
  assert.equal(expr("x + y as u32"), "(as (+ x y) u32)");
  assert.equal(expr("a && b as u8"), "(as (&& a b) u8)");
  assert.equal(expr("a as u8 && b"), "(&& (as a u8) b)");
  assert.equal(expr("a || b as u8"), "(|| a (as b u8))");
  assert.equal(expr("(x as u64 + 8) as ptr"), "(as (+ (as x u64) 8) ptr)");
  assert.equal(expr("*(p as *u64)"), "(deref (as p *u64))");
  assert.equal(expr("x as u8 as u64"), "(as (as x u8) u64)");
  // After the type, a tighter operator takes the cast as its left operand.
  assert.equal(expr("x as u8 == 1"), "(== (as x u8) 1)");
  assert.equal(expr("a + b as u8 + c"), "(+ (as (+ a b) u8) c)");
  assert.equal(expr("a && b as u8 || c"), "(|| (as (&& a b) u8) c)");
  assert.equal(expr("f as fn(u64, ptr) -> u64"), "(as f fn(u64, ptr) -> u64)");
});

test("literals: integers, chars, strings, booleans", () => {
  assert.equal(expr("0x_FF_ff"), "65535");
  assert.equal(expr("0b1010"), "10");
  assert.equal(expr("0o17"), "15");
  assert.equal(expr("1_000_000"), "1000000");
  assert.equal(expr("18446744073709551615"), "18446744073709551615");
  assert.equal(expr("0xFFFFFFFFFFFFFFFF"), "18446744073709551615");
  assert.equal(expr("'A'"), "'65");
  assert.equal(expr("'\\n'"), "'10");
  assert.equal(expr("'\\x7f'"), "'127");
  assert.equal(expr("true"), "true");
  const s = body('let s: str = "a\\n\\t\\\\\\"\\x41\\0é";')[0] as { init: Expr };
  assert.equal(s.init.kind, "string");
  assert.deepEqual([...(s.init as { bytes: Uint8Array }).bytes], [97, 10, 9, 92, 34, 65, 0, 0xc3, 0xa9]);
  const multi = body('let s: str = "line1\nline2";')[0] as { init: { bytes: Uint8Array } };
  assert.equal(new TextDecoder().decode(multi.init.bytes), "line1\nline2");
  const c = body("let c: u8 = 'A';")[0] as { init: Expr };
  assert.equal(c.init.kind === "int" && c.init.char, true);
});

test("type names are not reserved", () => {
  assert.deepEqual(stmts("let ptr: ptr = 0; let u8: u8 = 1; ptr = ptr + u8 as ptr;"), [
    "(let ptr ptr 0)", "(let u8 u8 1)", "(= ptr (as (+ ptr u8) ptr))",
  ]);
  const fn = ok("fn f(ptr: ptr, str: str) -> ptr { return ptr; }").decls[0] as FnDecl;
  assert.deepEqual(fn.params.map((p) => p.name), ["ptr", "str"]);
});

test("struct literals, array literals, repeats, syscall, enc", () => {
  assert.equal(expr("P { a: 1, b: x + 1, }"), "(struct P a=1 b=(+ x 1))");
  assert.equal(expr("P {}"), "(struct P)");
  assert.equal(expr("[1, 2, 3,]"), "[1 2 3]");
  assert.equal(expr("[0; 64]"), "[0; 64]");
  assert.equal(expr("[]"), "[]");
  assert.equal(expr("syscall(60, 0)"), "(syscall 60 0)");
  assert.equal(expr('syscall(1, 1, "hi\\n", 3,)'), '(syscall 1 1 "hi\\n" 3)');
  assert.equal(expr('enc "secret"'), '(enc "secret")');
  assert.equal(expr('enc { "secret" }'), '(enc "secret")');
  assert.equal(expr("unsafe { *p }"), "{unsafe => (deref p)}");
});

test("if-expressions become conditionals with block branches", () => {
  assert.equal(expr("if s > 256 { 256 } else { s }"), "(? (> s 256) {=> 256} {=> s})");
  assert.equal(expr("if a { 1 } else if b { 2 } else { 3 }"), "(? a {=> 1} (? b {=> 2} {=> 3}))");
  assert.equal(expr("if (a) && b { let t: u64 = 1; t } else { 0 }"), "(? (&& a b) {(let t u64 1) => t} {=> 0})");
  assert.equal(expr("if a { if b { 1 } else { 2 } } else { 3 }"), "(? a {=> (? b {=> 1} {=> 2})} {=> 3})");
});

// ---------------------------------------------------------------- statements

test("let, register variables, const, assignment", () => {
  assert.deepEqual(stmts("let x: u64 = 1; let mut y: i64; let fd: i64; const K: u64 = 4;"), [
    "(let x u64 1)", "(let mut y i64 _)", "(let fd i64 _)", "(const K u64 4)",
  ]);
  assert.deepEqual(stmts("let register rax: u64 = 42; let rbx: register = 1; let mut register rcx: u64;"), [
    "(let register=rax rax u64 42)", "(let register=rbx rbx u64 1)", "(let mut register=rcx rcx u64 _)",
  ]);
  assert.deepEqual(stmts("x = 1; *p = 2; a[i] = 3; s.f = 4; x += 1; x <<= 2; x++; x--;"), [
    "(= x 1)", "(= (deref p) 2)", "(= (index a i) 3)", "(= (. s f) 4)", "(+= x 1)", "(<<= x 2)", "(+= x 1)", "(-= x 1)",
  ]);
});

test("if without parentheses never reads `Name {` as a struct literal", () => {
  assert.deepEqual(stmts("if x == Name { y = 1; }"), ["(if (== x Name) { (= y 1)})"]);
  assert.deepEqual(stmts("if Name { }"), ["(if Name {})"]);
  assert.deepEqual(stmts("while p { }"), ["(loop p {})"]);
  assert.deepEqual(stmts("if (P { x: 1 }).x == 1 { }"), ["(if (== (. (struct P x=1) x) 1) {})"]);
  assert.deepEqual(stmts("if (a) && b { }"), ["(if (&& a b) {})"]);
  assert.deepEqual(stmts("if (a) { } else if b { } else { x = 1; }"), ["(if a {} { (if b {} { (= x 1)})})"]);
});

test("loops: while, for desugaring, break, continue", () => {
  assert.deepEqual(stmts("while (i < 10) { i += 1; if i == 5 { break; } continue; }"), [
    "(loop (< i 10) { (+= i 1) (if (== i 5) { break}) continue})",
  ]);
  assert.deepEqual(stmts("for (let mut i: u64 = 0; i < n; i += 1) { }"), ["{ (let mut i u64 0) (loop (< i n) {} update (+= i 1))}"]);
  assert.deepEqual(stmts("for (;;) { break; }"), ["{ (loop _ { break})}"]);
  assert.deepEqual(stmts("for (i = 0; i < n; i++) { }"), ["{ (= i 0) (loop (< i n) {} update (+= i 1))}"]);
  const s = body("for (let mut i: u64 = 0; i < 3; i += 1) { }")[0];
  assert.equal(s.kind, "block");
  const loop = (s as { body: Stmt[] }).body[1];
  assert.equal(loop.kind === "loop" && loop.checkFirst, true);
});

test("blocks, unsafe blocks, return, expression statements", () => {
  assert.deepEqual(stmts("{ let x: u64 = 1; } unsafe { syscall(60, 0); } f(1); return; return x + 1;"), [
    "{ (let x u64 1)}", "{unsafe (syscall 60 0)}", "(call f 1)", "(return _)", "(return (+ x 1))",
  ]);
});

// ---------------------------------------------------------------- asm

function asm(src: string): AsmStmt {
  const s = body(src)[0];
  assert.equal(s.kind, "asm");
  return s as AsmStmt;
}

test("asm: plain blocks, one instruction per line, comments removed", () => {
  const a = asm("asm {\n  mov rax, 60 // exit\n  /* code */ xor rdi, rdi\n\n  loop_top:\n  syscall\n}");
  assert.deepEqual(a.lines, ["mov rax, 60", "xor rdi, rdi", "loop_top:", "syscall"]);
  assert.equal(a.extended, false);
  const s = asm('asm {\n  "mov rax, 60"\n  "syscall"\n}');
  assert.deepEqual(s.lines, ["mov rax, 60", "syscall"]);
  const d = asm('asm {\n  lea rsi, [rip + msg]\n  msg: .ascii "hi\\n"\n}');
  assert.deepEqual(d.lines, ["lea rsi, [rip + msg]", 'msg: .ascii "hi\\n"']);
  const att = asm("asm { movq $60, %rax; syscall }");
  assert.deepEqual(att.lines, ["movq $60, %rax; syscall"]);
});

test("asm: extended forms after and inside the braces", () => {
  const a = asm('asm { movq $1, $0 } : "=r"(out) : "r"(in) : "rax";');
  assert.equal(a.extended, true);
  assert.deepEqual(a.lines, ["movq $1, $0"]);
  assert.deepEqual(a.outputs.map((o) => `${o.constraint}(${dumpExpr(o.expr)})`), ["=r(out)"]);
  assert.deepEqual(a.inputs.map((o) => `${o.constraint}(${dumpExpr(o.expr)})`), ["r(in)"]);
  assert.deepEqual(a.clobbers, ["rax"]);
  const b = asm('asm { mov $42, %0 : "=r"(r) }');
  assert.deepEqual(b.lines, ["mov $42, %0"]);
  assert.equal(b.outputs.length, 1);
  assert.equal(b.extended, true);
  const c = asm('asm { nop } : "=r"(r) : : "rax", "memory";');
  assert.deepEqual([c.outputs.length, c.inputs.length, c.clobbers], [1, 0, ["rax", "memory"]]);
  const d = asm('asm {\n  add %1, %0\n  : "+r"(x)\n  : "r"(y + 1)\n}');
  assert.deepEqual(d.lines, ["add %1, %0"]);
  assert.equal(dumpExpr(d.inputs[0].expr), "(+ y 1)");
  const e = asm('asm { lea rax, [rip + x] } :: "r"(a);');
  assert.deepEqual([e.outputs.length, e.inputs.length], [0, 1]);
});

// ---------------------------------------------------------------- declarations

test("declarations in any order, imports with spans", () => {
  const src = `import "std/io.lw";
fn main() -> u64 { return helper(); }
unsafe fn raw(p: ptr) -> u8 { return *p; }
naked fn _start() { asm { call main } }
const LIMIT: u64 = 10 * 4;
let mut counter: u64 = 0;
struct Point { x: u64, y: u64, }
packed struct Hdr { tag: u8, len: u32 }
fn helper() -> u64 { return LIMIT; }
fn cb(f: fn(u64) -> u64, a: [u8; LIMIT], p: *Point) {}
`;
  const r = parse(src);
  assert.deepEqual(r.diags.items, []);
  assert.deepEqual(r.result.imports.map((i) => [i.path, r.where(i)]), [["std/io.lw", "1:8"]]);
  assert.deepEqual(r.result.decls.map(dumpDecl), [
    "(fn main () u64 { (return (call helper))})",
    "(unsafe fn raw (p: ptr) u8 { (return (deref p))})",
    '(naked fn _start () _ { (asm ["call main"])})',
    "(const LIMIT u64 (* 10 4))",
    "(global mut counter u64 0)",
    "(struct Point x: u64 y: u64)",
    "(packed struct Hdr tag: u8 len: u32)",
    "(fn helper () u64 { (return LIMIT)})",
    "(fn cb (f: fn(u64) -> u64, a: [u8; LIMIT], p: *Point) _ {})",
  ]);
  const main = r.result.decls[0] as Decl & { kind: "fn" };
  assert.equal(r.where({ span: main.nameSpan }), "2:4");
});

test("the example program of LANGUAGE.md parses cleanly", () => {
  const src = `// Probe a TCP port on 127.0.0.1: exit 0 if something listens.
struct sockaddr_in { sin_family: u16, sin_port: u16, sin_addr: u32, sin_zero: u64 }

fn main() -> u64 {
    let fd: i64;
    let status: i64;
    unsafe { fd = syscall(41, 2, 1, 0); }
    if fd < 0 { return 2; }
    let addr: sockaddr_in = sockaddr_in {
        sin_family: 2, sin_port: 0x5000, sin_addr: 0x0100007f, sin_zero: 0,
    };
    unsafe { status = syscall(42, fd, &addr, 16); }
    if status == 0 {
        let ok: str = "Probe: Success (Service Reachable)\\n";
        unsafe { syscall(1, 1, ok, 35); }
    } else {
        let bad: str = "Probe: Failed (Service Unreachable)\\n";
        unsafe { syscall(1, 1, bad, 36); }
    }
    unsafe { syscall(3, fd); }
    if status == 0 { return 0; }
    return 1;
}
`;
  const r = ok(src);
  assert.equal(r.decls.length, 2);
});

test("programs in the style of the lwangac examples parse cleanly", () => {
  const src = `// ┌──────────┐ box drawing and ⚠️ emoji in comments
// │  Lwanga  │
naked fn _start() -> u64 {
    unsafe {
        asm {
            xor rax, rax          // comment with "quotes" and {braces}
            mov rax, 0x68732f6e69622f
            push rax
            syscall
        }
    }
    return 0;
}
fn socket(domain: u64, type: u64, protocol: u64) -> u64 {
    unsafe { return syscall(41, domain, type, protocol); }
}
fn htons(port: u64) -> u16 {
    let low: u64 = port & 255;
    let high: u64 = (port >> 8) & 255;
    return ((low << 8) | high) as u16;
}
fn main() -> u64 {
    let mut path: [u64; 2] = [0x68732f6e69622f, 0];
    let result: u64 = syscall(59, &path as ptr, 0, 0);
    let fd: u64 = socket(2, 1, 6);
    if (fd > 18446744073709551615 - 4096) { return 1; }
    let secret: ptr = enc { "Hidden string" };
    let y: u64 = *p as u64;
    let next: ptr = (p as u64 + 8) as ptr;
    let cb: fn(u64, u64) -> u64 = add;
    asm {
        movq $1, $0
    } : "=r"(output) : "r"(input) : "rax";
    return 0;
}
`;
  const r = ok(src);
  const naked = r.decls[0] as FnDecl;
  assert.equal(naked.naked, true);
  const inner = naked.body.body[0] as { body: Stmt[] };
  assert.deepEqual((inner.body[0] as AsmStmt).lines, ["xor rax, rax", "mov rax, 0x68732f6e69622f", "push rax", "syscall"]);
  assert.deepEqual((inner.body[0] as AsmStmt).lineSpans!.map((sp) => src.slice(sp.start, sp.end)), ["xor rax, rax", "mov rax, 0x68732f6e69622f", "push rax", "syscall"]);
  const main = r.decls[3] as FnDecl;
  assert.equal(dumpStmt(main.body.body[1]), "(let result u64 (syscall 59 (as (addr path) ptr) 0 0))");
  assert.equal(dumpStmt(main.body.body[5]), "(let y u64 (as (deref p) u64))");
});

// ---------------------------------------------------------------- preprocessor

test("preprocessor: defines, -D, conditionals, predefined names, lines kept", () => {
  const src = `#define SIZE 64
  #define FLAG
#ifdef FLAG
const A: u64 = SIZE;
#else
const A: u64 = 0;
#endif
#if defined(MODE) && MODE > 2
const B: u64 = MODE;
#elif ARCH_X86_64 && PLATFORM_LINUX && LINUX
const B: u64 = 2;
#else
const B: u64 = 3;
#endif
#ifndef ARCH_ARM64
    #if UNDEFINED_NAME == 0
const C: str = "SIZE";
    #endif
#endif
#undef SIZE
fn f() -> u64 { return SIZE; }
`;
  const r = parse(src, { MODE: "5" });
  assert.deepEqual(r.diags.items, []);
  assert.deepEqual(r.result.decls.map(dumpDecl), [
    "(const A u64 64)", "(const B u64 5)", '(const C str "SIZE")', "(fn f () u64 { (return SIZE)})",
  ]);
  // Spans point into the original text: the replaced `SIZE` keeps the name's position.
  const a = r.result.decls[0] as Decl & { kind: "const" };
  assert.equal(r.where(a.init), "4:16");
  assert.equal(r.where({ span: r.result.decls[3].span }), "21:1");
  const r2 = parse(src, {});
  assert.deepEqual(r2.diags.items, []);
  assert.equal(dumpDecl(r2.result.decls[1]), "(const B u64 2)");
  const arm = parse(src, {}, "aarch64");
  assert.deepEqual(arm.result.decls.map((d) => d.kind + ":" + ("name" in d ? d.name : "")), ["const:A", "const:B", "fn:f"]);
  assert.equal(dumpDecl(arm.result.decls[1]), "(const B u64 3)");
});

test("preprocessor: -D NAME without value, macro chains, directives inside asm", () => {
  const r = parse(`#if DEBUG\nconst D: u64 = 1;\n#endif\n#define A B\n#define B 7\nconst X: u64 = A;\n`, { DEBUG: "" });
  assert.deepEqual(r.diags.items, []);
  assert.deepEqual(r.result.decls.map(dumpDecl), ["(const D u64 1)", "(const X u64 7)"]);
  const a = asm("asm {\n#ifdef ARCH_X86_64\n  mov rax, 60\n#else\n  mov x8, 93\n#endif\n  syscall\n}");
  assert.deepEqual(a.lines, ["mov rax, 60", "syscall"]);
});

// ---------------------------------------------------------------- malformed input

test("malformed inputs give the right code at the right place", () => {
  const cases: [string, string[]][] = [
    ["fn main() { let x: u64 = 1 }", ["LW1100@1:28"]],
    ["fn main() { let x = 42; }", ["LW1151@1:17"]],
    ["type X = u64;", ["LW1150@1:1"]],
    ["fn main() {\n  for i in 0..n { }\n}", ["LW1152@2:3"]],
    ["fn main() { io::print(1); }", ["LW1153@1:13"]],
    ["fn main() { let a: [u8; 3] = [1, 2; 3]; }", ["LW1106@1:35"]],
    ["fn main() { let a: [u8; 3] = [1; 3, 4]; }", ["LW1106@1:35"]],
    ["fn main() { let x: u64 = 99999999999999999999; }", ["LW1007@1:26"]],
    ["fn main() { let x: u64 = 18446744073709551616; }", ["LW1007@1:26"]],
    ["fn main() { let x: u64 = 0644; }", ["LW1008@1:26"]],
    ["fn main() { let x: u64 = 0xZZ; }", ["LW1006@1:28"]],
    ["fn main() {\n  let s: str = \"abc;\n}", ["LW1002@2:16"]],
    ["fn main() { let c: u8 = 'ab'; }", ["LW1005@1:25"]],
    ["fn main() { let c: u8 = 'é'; }", ["LW1005@1:25"]],
    ["fn main() { let s: str = \"a\\qb\"; }", ["LW1004@1:28"]],
    ["fn main() { let s: str = \"a\\012\"; }", ["LW1004@1:28"]],
    ["fn main() { let s: str = \"\\x4\"; }", ["LW1004@1:27"]],
    ["fn main() {}\n/* unterminated", ["LW1003@2:1"]],
    ["fn main() { x = ; y = 2 }\nfn g() { let q: u64 = (1 + ; }\nfn h( { }", ["LW1101@1:17", "LW1100@1:25", "LW1101@2:28", "LW1100@3:7"]],
    ["#if foo(1)\n#endif\nfn main() {}", ["LW1051@1:5"]],
    ["fn main() {}\n  #if x[0]\n  #endif", ["LW1051@2:8"]],
    ["#if 1\nfn main() {}", ["LW1053@1:1"]],
    ["fn main() {\n  let x: u64 = 1;\n#if x > 0\n#endif\n}", ["LW1051@3:5"]],
    ["const K: u64 = 1;\n#if K\n#endif", ["LW1051@2:5"]],
    ["fn main() {}\n#endif", ["LW1052@2:1"]],
    ["#frob\nfn main() {}", ["LW1050@1:1"]],
    ["#if 1\n#else\n#else\n#endif", ["LW1056@3:1"]],
    ["#define\n", ["LW1054@1:1"]],
    ["#define F(x) x\n", ["LW1054@1:9"]],
    ["fn main() { let n: u64 = if a { 1 }; }", ["LW1105@1:26"]],
    ["fn main() { let n: u64 = if a { 1 } else { f(); }; }", ["LW1105@1:42"]],
    ["fn main() { 1 = 2; }", ["LW1104@1:13"]],
    ["fn main() { syscall(); }", ["LW1108@1:13"]],
    ["fn main() { syscall(1, 2, 3, 4, 5, 6, 7, 8); }", ["LW1108@1:42"]],
    ["fn main() { let x: u64 = a ? 1 : 2; }", ["LW1157@1:28"]],
    ["struct S { a: u64; b: u8 }", ["LW1100@1:18"]],
    ["fn main() { return 1 }", ["LW1100@1:22"]],
    ["fn main() { let x: u64 = 1;\nfn other() {}", ["LW1110@2:1"]],
    ["fn main() { let x: u64 = 1.5; }", ["LW1156@1:26"]],
    ["fn main() { let register 5: u64 = 1; }", ["LW1111@1:26"]],
    ['fn main() { asm { nop } : "=r" x; }', ["LW1100@1:32"]],
    ['fn main() { asm { nop } : rax; }', ["LW1112@1:27"]],
    ["fn main() {\n  asm { mov rax, 1", ["LW1010@2:7"]],
    ["fn main() { let x: u64 = ++y; }", ["LW1154@1:26"]],
    ["fn main() { let p: &u8 = 0; }", ["LW1155@1:20"]],
    ["fn main() { let x: u64 = 1 @ 2; }", ["LW1001@1:28", "LW1100@1:30"]],
    ["if x { }", ["LW1103@1:1"]],
    ["fn main() { let x: u64 = 10u8; }", ["LW1006@1:28"]],
    ["fn f(a u64) {}", ["LW1100@1:8"]],
    ["fn main() { let a: [u8] = 0; }", ["LW1100@1:23"]],
    ["fn main() { let x: = 1; }", ["LW1102@1:20"]],
    ["struct S { a: u64, a: u8 }", ["LW1113@1:20"]],
    ["fn main() { let fn: u64 = 1; }", ["LW1100@1:17"]],
    ["fn main() { let x: u64 = enc 5; }", ["LW1100@1:30"]],
    ["fn main() {\n  a = b = c;\n}", ["LW1100@2:9"]],
    ["fn main() { var x = 1; }", ["LW1159@1:13"]],
    ["fn main() { let x: u64 = P { a: 1, a: 2 }; }", ["LW1113@1:36"]],
    ["#include <stdio.h>\nfn main() {}", ["LW1158@1:1"]],
    ["fn main() {}\n}", ["LW1103@2:1"]],
  ];
  for (const [src, expected] of cases) assert.deepEqual(errors(src), expected, src);
});

test("several independent errors are reported per file", () => {
  const src = `fn a() { let x: u64 = ; }
fn b() { let y u64 = 1; }
struct S { f u64 }
fn c() -> u64 { return 1 }
fn d() { ok(); }
`;
  assert.deepEqual(errors(src), ["LW1101@1:23", "LW1100@2:16", "LW1100@3:14", "LW1100@4:26"]);
  const r = parse(src);
  assert.ok(r.result.decls.some((d) => d.kind === "fn" && d.name === "d"));
});

test("every diagnostic has a span and help text where it helps", () => {
  const r = parse("fn main() { let x = 1; for i in 0..3 {} io::f(); }\ntype T = u8;");
  assert.ok(r.diags.items.length >= 3);
  for (const d of r.diags.items) {
    assert.ok(d.span, d.message);
    assert.ok(d.help, d.message);
  }
});

test("hostile nesting is bounded and never throws", () => {
  const N = 50000;
  const inputs = [
    `fn main() { let x: u64 = ${"(".repeat(N)}1${")".repeat(N)}; }`,
    `fn main() ${"{".repeat(N)}${"}".repeat(N)}`,
    `fn main() { let x: u64 = ${"-".repeat(N)}1; }`,
    `fn main() { let x: ${"*".repeat(N)}u8 = 0; }`,
    `fn main() { let x: u64 = ${"[".repeat(N)}; }`,
    `fn main() { f${"(".repeat(N)}; }`,
    `#if ${"(".repeat(N)}1\n#endif`,
    "#if 1\n".repeat(2000),
  ];
  for (const src of inputs) {
    const r = parse(src);
    assert.ok(r.diags.hasErrors());
    assert.ok(r.diags.items.length <= 101);
  }
  // Long but flat input is fine.
  assert.deepEqual(errors(`fn main() { let x: u64 = ${"a + ".repeat(N)}1; if a { } ${"else if a { } ".repeat(2000)} }`), []);
});
