/**
 * Ill-typed `.lw` programs: each case names the expected diagnostic code and
 * where it points (the first occurrence of `at`, or `nth` occurrence), and the
 * checker must report exactly that (plus no other error) and return null.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { checkLw, posOf } from "./check-helpers.ts";

interface Case {
  name: string;
  src: string;
  code: string;
  at: string;
  nth?: number;
  /** Expected help text fragment. */
  help?: string;
  /** A warning: the program still checks. */
  warning?: boolean;
}

const M = (body: string, ret = "u64") => `fn main() -> ${ret} {\n${body}\n}\n`;

const cases: Case[] = [
  { name: "undefined variable with suggestion", src: M("let count: u64 = 1;\nreturn cout;"), code: "LW2001", at: "cout", help: "did you mean 'count'?" },
  { name: "undefined function", src: M("return foo(1);"), code: "LW2001", at: "foo" },
  { name: "unknown type with suggestion", src: M("let x: u63 = 1;\nreturn x;"), code: "LW2002", at: "u63", help: "did you mean 'u64'?" },
  { name: "unknown struct type", src: "struct Point { x: u64 }\n" + M("let p: Pont = Point { x: 1 };\nreturn p.x;"), code: "LW2002", at: "Pont", help: "did you mean 'Point'?" },
  { name: "duplicate function", src: "fn f() {}\nfn f() {}\n" + M("return 0;"), code: "LW2003", at: "f() {}", nth: 1 },
  { name: "duplicate parameter", src: "fn f(a: u64, a: u64) {}\n" + M("return 0;"), code: "LW2003", at: "a: u64", nth: 1 },
  { name: "narrowing needs as", src: M("let a: u64 = 5;\nlet b: u8 = a;\nreturn 0;"), code: "LW2004", at: "a;", nth: 0, help: "as u8" },
  { name: "signed to unsigned needs as", src: M("let a: i64 = 5;\nlet b: u64 = a;\nreturn b;"), code: "LW2004", at: "a;\nreturn" },
  { name: "integer to ptr needs as", src: M("let a: u64 = 5;\nlet p: ptr = a;\nreturn 0;"), code: "LW2004", at: "a;\nreturn" },
  { name: "nominal structs", src: "struct A { x: u64 }\nstruct B { x: u64 }\n" + M("let a: A = A { x: 1 };\nlet b: B = a;\nreturn 0;"), code: "LW2004", at: "a;\nreturn" },
  { name: "void value used", src: "fn f() {}\n" + M("let x: u64 = f();\nreturn x;"), code: "LW2004", at: "f();" },
  { name: "literal out of range", src: M("let b: u8 = 300;\nreturn 0;"), code: "LW2005", at: "300" },
  { name: "literal out of range for i8", src: M("let b: i8 = -129;\nreturn 0;"), code: "LW2005", at: "-129" },
  { name: "negative literal to unsigned warns", src: M("let b: u64 = -1;\nreturn b;"), code: "LW2006", at: "-1", warning: true },
  { name: "struct cast", src: "struct A { x: u64 }\n" + M("let a: A = A { x: 1 };\nreturn a as u64;"), code: "LW2007", at: "a as u64" },
  { name: "bitwise not on bool", src: M("let b: bool = true;\nif ~b { return 1; }\nreturn 0;"), code: "LW2008", at: "~b", help: "use `!`" },
  { name: "pointer multiplication", src: M("let p: ptr = 0;\nlet q: ptr = p * 2;\nreturn 0;"), code: "LW2008", at: "p * 2" },
  { name: "mismatched signedness", src: M("let a: i32 = 1;\nlet b: u32 = 2;\nlet c: u32 = a + b;\nreturn 0;"), code: "LW2009", at: "a + b" },
  { name: "array size not constant", src: M("let n: u64 = 4;\nlet a: [u8; n];\nreturn 0;"), code: "LW2010", at: "n];" },
  { name: "constant cycle", src: "const A: u64 = B + 1;\nconst B: u64 = A;\n" + M("return A;"), code: "LW2011", at: "A;\nfn" },
  { name: "recursive struct by value", src: "struct Node { v: u64, next: Node }\n" + M("return 0;"), code: "LW2012", at: "Node }" },
  { name: "unknown field with suggestion", src: "struct P { count: u64 }\n" + M("let p: P = P { count: 1 };\nreturn p.cont;"), code: "LW2013", at: "cont;", help: "did you mean 'count'?" },
  { name: "unknown field in literal", src: "struct P { count: u64 }\n" + M("let p: P = P { cuont: 1 };\nreturn 0;"), code: "LW2013", at: "cuont" },
  { name: "field on typed pointer", src: "struct P { x: u64 }\n" + M("let p: P = P { x: 1 };\nlet q: *P = &p;\nreturn q.x;"), code: "LW2014", at: "x;\n}", help: "(*q).x" },
  { name: "field on untyped ptr", src: M("let q: ptr = 0;\nreturn q.x;"), code: "LW2014", at: "x;\n}" },
  { name: "index a scalar", src: M("let a: u64 = 0;\nreturn a[1];"), code: "LW2015", at: "a[1]" },
  { name: "constant index out of range", src: M("let a: [u8; 4] = [1, 2, 3, 4];\nreturn a[4] as u64;"), code: "LW2016", at: "4] as" },
  { name: "call a non-function", src: M("let a: u64 = 0;\nreturn a(1);"), code: "LW2017", at: "a(1)" },
  { name: "too many arguments", src: "fn f(a: u64) -> u64 { return a; }\n" + M("return f(1, 2);"), code: "LW2018", at: "f(1, 2)" },
  { name: "too few arguments", src: "fn f(a: u64, b: u64) -> u64 { return a; }\n" + M("return f(1);"), code: "LW2018", at: "f(1)" },
  { name: "assign to immutable", src: M("let x: u64 = 1;\nx = 2;\nreturn x;"), code: "LW2019", at: "x = 2", help: "let mut x" },
  { name: "assign to immutable array element", src: M("let a: [u8; 2] = [1, 2];\na[0] = 2;\nreturn 0;"), code: "LW2019", at: "a[0] = 2" },
  { name: "assign to parameter", src: "fn f(n: u64) -> u64 { n = 1; return n; }\n" + M("return 0;"), code: "LW2019", at: "n = 1" },
  { name: "assign to a constant", src: "const K: u64 = 1;\n" + M("K = 2;\nreturn 0;"), code: "LW2019", at: "K = 2" },
  { name: "read before assignment", src: M("let x: u64;\nlet y: u64 = x + 1;\nreturn y;"), code: "LW2021", at: "x + 1" },
  { name: "assigned in one branch only", src: M("let x: u64;\nlet c: bool = true;\nif c { x = 1; }\nreturn x;"), code: "LW2021", at: "x;\n}" },
  { name: "assigned twice without mut", src: M("let x: u64;\nx = 1;\nx = 2;\nreturn x;"), code: "LW2022", at: "x = 2", help: "let mut x" },
  { name: "assigned in a loop without mut", src: M("let x: u64;\nlet mut i: u64 = 0;\nwhile i < 3 { x = i; i = i + 1; }\nreturn 0;"), code: "LW2022", at: "x = i" },
  { name: "deref outside unsafe", src: M("let p: *u64 = 0;\nreturn *p;"), code: "LW2023", at: "*p" },
  { name: "syscall outside unsafe", src: M("return syscall(60, 0) as u64;"), code: "LW2023", at: "syscall" },
  { name: "missing return", src: "fn f(c: bool) -> u64 { if c { return 1; } }\n" + M("return 0;"), code: "LW2024", at: "}\n" },
  { name: "missing return with while (non-constant)", src: "fn f(c: bool) -> u64 { while c { return 1; } }\n" + M("return 0;"), code: "LW2024", at: "}\n" },
  { name: "unreachable code warns", src: M("return 0;\nlet x: u64 = 1;"), code: "LW2025", at: "let x", warning: true },
  { name: "break outside loop", src: M("break;\nreturn 0;"), code: "LW2026", at: "break" },
  { name: "value returned from void function", src: "fn f() { return 1; }\n" + M("return 0;"), code: "LW2027", at: "1; }" },
  { name: "missing return value", src: M("return;"), code: "LW2027", at: "return" },
  { name: "main returns a pointer", src: "fn main() -> ptr { return 0; }\n", code: "LW2028", at: "ptr" },
  { name: "main with bad parameters", src: "fn main(a: u8) -> u64 { return 0; }\n", code: "LW2028", at: "a: u8" },
  { name: "syscall with a struct argument", src: "struct S { a: u64 }\n" + M("let s: S = S { a: 1 };\nunsafe { syscall(1, s); }\nreturn 0;"), code: "LW2029", at: "s); }" },
  { name: "array literal too long", src: M("let a: [u8; 2] = [1, 2, 3];\nreturn 0;"), code: "LW2031", at: "3]" },
  { name: "byte store through ptr warns", src: M("let mut b: [u8; 8] = [0; 8];\nlet p: ptr = &b;\nlet v: u64 = 258;\nunsafe { *p = v; }\nreturn 0;"), code: "LW2032", at: "v; }", warning: true },
  { name: "deref a non-pointer", src: M("let a: u64 = 0;\nreturn unsafe { *a };"), code: "LW2033", at: "a }" },
  { name: "address of a literal", src: M("let p: *u64 = &5;\nreturn 0;"), code: "LW2034", at: "5;" },
  { name: "pointer as condition", src: M("let p: ptr = 0;\nif p { return 1; }\nreturn 0;"), code: "LW2036", at: "p {" },
  { name: "division by constant zero warns", src: M("let a: u64 = 5;\nreturn a / 0;"), code: "LW2039", at: "0;" , warning: true },
  { name: "unknown register", src: M("unsafe { let register rzz: u64 = 1; }\nreturn 0;"), code: "LW2040", at: "rzz" },
  { name: "struct name as a value", src: "struct S { a: u64 }\n" + M("let x: u64 = S;\nreturn x;"), code: "LW2042", at: "S;" },
  { name: "naked fn with statements", src: "naked fn f() { let x: u64 = 1; }\n" + M("return 0;"), code: "LW2043", at: "let x" },
  { name: "compare pointer and integer", src: M("let p: ptr = 0;\nlet a: u64 = 1;\nif p == a { return 1; }\nreturn 0;"), code: "LW2009", at: "p == a" },
  { name: "non-naked _start", src: "fn _start() {}\n", code: "LW2028", at: "_start" },
  { name: "no main", src: "fn start() -> u64 { return 0; }\n", code: "LW2028", at: "fn start" },
  { name: "global initialiser not constant", src: "fn f() -> u64 { return 1; }\nlet mut g: u64 = f();\n" + M("return g;"), code: "LW2010", at: "f();" },
  { name: "write through a string", src: M("let s: str = \"hi\";\nunsafe { *s = 1; }\nreturn 0;"), code: "LW2020", at: "*s" },
  { name: "value in array size is negative", src: M("let a: [u8; 0 - 1];\nreturn 0;"), code: "LW2035", at: "0 - 1" },
  { name: "mismatched if-expression branches", src: M("let a: u8 = 1;\nlet b: i8 = 1;\nlet c: bool = true;\nlet x: u64 = (if c { a } else { b }) as u64;\nreturn x;"), code: "LW2009", at: "if c" },
  { name: "duplicate struct and function", src: "struct S { a: u64 }\nfn S() {}\n" + M("return 0;"), code: "LW2003", at: "S() {}" },
  { name: "assign to a function", src: "fn f() -> u64 { return 1; }\n" + M("f = 2;\nreturn 0;"), code: "LW2020", at: "f = 2" },
  { name: "call with a wrongly typed argument", src: "fn f(a: u8) -> u8 { return a; }\n" + M("let x: u64 = 1;\nreturn f(x) as u64;"), code: "LW2004", at: "x) as" },
  { name: "assign to immutable global", src: "const T: [u8; 2] = [1, 2];\n" + M("T[0] = 5;\nreturn 0;"), code: "LW2019", at: "T[0]" },
  { name: "fn pointer to ptr needs as", src: "fn f() {}\n" + M("let p: ptr = f;\nreturn 0;"), code: "LW2004", at: "f;\nreturn" },
  { name: "address of a register variable", src: M("unsafe { let register rax: u64 = 1; let p: *u64 = &rax; }\nreturn 0;"), code: "LW2034", at: "rax; }" },
];

for (const c of cases) {
  test(`check error: ${c.name}`, () => {
    const r = checkLw(c.src);
    const expected = `${c.code}@${posOf(c.src, c.at, c.nth ?? 0)}`;
    const errors = r.diags.filter((d) => d.severity === "error");
    if (c.warning) {
      assert.equal(errors.length, 0, `unexpected errors: ${r.codes.join(", ")} ${errors.map((d) => d.message).join("; ")}`);
      assert.ok(r.program, "a warning must not stop the program");
      assert.ok(r.codes.includes(expected), `expected ${expected}, got ${r.codes.join(", ")}`);
    } else {
      assert.equal(r.program, null);
      assert.deepEqual(r.codes.filter((x, i) => r.diags[i].severity === "error"), [expected],
        r.diags.map((d) => `${d.code} ${d.message}`).join("\n"));
    }
    if (c.help) {
      const d = r.diags.find((x) => x.code === c.code);
      assert.ok(d?.help?.includes(c.help), `help '${d?.help}' should contain '${c.help}'`);
    }
  });
}

test("check reports all independent errors", () => {
  const src = M("let a: u64 = b;\nlet c: u8 = 300;\nx = 1;\nreturn zz;");
  const r = checkLw(src);
  assert.deepEqual(r.codes, [
    `LW2001@${posOf(src, "b;")}`, `LW2005@${posOf(src, "300")}`, `LW2001@${posOf(src, "x = 1")}`, `LW2001@${posOf(src, "zz")}`,
  ]);
});

test("duplicate top-level names mention both places", () => {
  const src = "const X: u64 = 1;\nfn X() {}\n" + M("return 0;");
  const r = checkLw(src);
  const d = r.diags.find((x) => x.code === "LW2003")!;
  assert.ok(d.notes?.[0].span);
  assert.equal(r.sources.lineCol(0, d.notes![0].span!.start).line, 1);
  assert.equal(r.sources.lineCol(0, d.span!.start).line, 2);
});

test("an error type does not cascade", () => {
  const r = checkLw(M("let a: Foo = 1;\nlet b: u64 = a + 1;\nlet c: u8 = a.x;\nreturn b;"));
  assert.deepEqual(r.diags.map((d) => d.code), ["LW2002"]);
});
