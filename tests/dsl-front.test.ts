/**
 * The DSL front end (dsl/front/read.ts) at the IR level: the shapes readDsl
 * produces for the supported subset, and a bad-input suite of programs
 * outside the subset. Each bad program marks the expected error position
 * with a `/*@*\/` comment just before it; the test checks the code, the
 * line:col, that a help line is given, and — through the real driver — that
 * the build fails with exit code 1 and no stack trace.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { Diagnostics, SourceMap } from "../diagnostics/diagnostics.ts";
import type { Expr, FileResult, Stmt } from "../ir/syntax.ts";
import { readDsl } from "../dsl/front/read.ts";
import { compile, formatDiagnostics } from "../driver/compile.ts";

const PRELUDE =
  'import { type u8, type u16, type u32, type u64, type i64, type ptr, type str, type Ptr, type Struct, type Packed, type FixedArray, ' +
  'syscall, unsafe, load, store, sizeof, addressOf, deref, enc, zero, u64 as big } from "lwanga";\n';

function read(body: string): { result: FileResult; diags: Diagnostics; sources: SourceMap } {
  const sources = new SourceMap();
  const file = sources.add("test.ts", PRELUDE + body);
  const diags = new Diagnostics();
  return { result: readDsl(file, diags), diags, sources };
}

function clean(body: string): FileResult {
  const { result, diags, sources } = read(body);
  const msgs = diags.items.map((d) => `${d.code} ${JSON.stringify(sources.lineCol(0, d.span?.start ?? 0))} ${d.message}`);
  assert.deepEqual(msgs, []);
  return result;
}

/** Strips spans (and bigint -> string) for structural comparison. */
function shape(x: unknown): unknown {
  return JSON.parse(JSON.stringify(x, (k, v) =>
    k === "span" || k === "nameSpan" || k === "fieldSpan" ? undefined
    : typeof v === "bigint" ? `${v}n`
    : v instanceof Uint8Array ? Array.from(v) : v));
}

function mainBody(result: FileResult): Stmt[] {
  const main = result.decls.find((d) => d.kind === "fn" && d.name === "main");
  assert.ok(main && main.kind === "fn");
  return main.body.body;
}

function intOf(e: Expr): bigint {
  assert.equal(e.kind, "int");
  return (e as { value: bigint }).value;
}

test("functions: params, results, main(argc, argv), void", () => {
  const r = clean("function add(a: u64, b: u64): u64 { return a + b; }\nexport function main(argc: u64, argv: Ptr<str>): void {}\n");
  assert.deepEqual(shape(r.decls.map((d) => d.kind === "fn" ? [d.name, d.params.map((p) => p.type), d.result] : d.kind)), [
    ["add", [{ kind: "named", name: "u64" }, { kind: "named", name: "u64" }], { kind: "named", name: "u64" }],
    ["main", [{ kind: "named", name: "u64" }, { kind: "pointer", to: { kind: "named", name: "str" } }], null],
  ]);
  assert.deepEqual(r.imports, []);
});

test("imports: lwanga is builtin, others listed as written", () => {
  const r = clean('import { print } from "lwanga/std/io";\nimport { f } from "./util.ts";\nexport * from "./more";\n');
  assert.deepEqual(r.imports.map((i) => i.path), ["lwanga/std/io", "./util.ts", "./more"]);
});

test("literals: hex, binary, octal, separators, bigint, strings as UTF-8", () => {
  const r = clean('export function main(): void { const a: u64 = 0xFF_FF; const b: u64 = 0b1010; const c: u64 = 0o17; const d: u64 = 1_000_000;\n' +
    'const e: u64 = big(18446744073709551615n); const f: u64 = 0xFFFF_FFFF_FFFF_FFFF; const s: str = "h\\u00e9\\n"; }');
  const body = mainBody(r);
  const inits = body.map((s) => (s.kind === "let" || s.kind === "const") ? s.init! : null);
  assert.equal(intOf(inits[0]!), 0xffffn);
  assert.equal(intOf(inits[1]!), 10n);
  assert.equal(intOf(inits[2]!), 15n);
  assert.equal(intOf(inits[3]!), 1000000n);
  const e = inits[4]!;
  assert.equal(e.kind, "cast");
  assert.equal(intOf((e as { operand: Expr }).operand), (1n << 64n) - 1n);
  assert.equal(intOf(inits[5]!), (1n << 64n) - 1n);
  assert.deepEqual(shape(inits[6]), { kind: "string", bytes: [104, 0xc3, 0xa9, 10] });
});

test("operators: === is ==, >>> stays logical, && || ?:, unary", () => {
  const r = clean("export function main(a: u64, b: u64): bool { return a === b || (a >>> 2) !== ~b && !(a < -b) ? true : false; }");
  const ret = mainBody(r)[0];
  assert.equal(ret.kind, "return");
  const text = JSON.stringify(shape(ret));
  for (const op of ['"op":"=="', '"op":">>>"', '"op":"!="', '"op":"||"', '"op":"&&"', '"op":"~"', '"op":"!"', '"op":"-"', '"kind":"conditional"']) {
    assert.ok(text.includes(op), `missing ${op}`);
  }
});

test("statements: compound assignment, ++/--, for with labels, do-while, switch", () => {
  const r = clean(`export function main(): u64 {
  let x: u64 = 0;
  x += 2; x <<= 1; x++; --x;
  outer: for (let i: u64 = 0, j: u64 = 9; i < j; i++, j--) { if (i == 3) continue outer; if (j == 1) break outer; }
  do { x--; } while (x > 10);
  switch (x) { case 1: case 2: x = 5; break; default: x = 0; case 7: x = 1; }
  return x;
}`);
  const body = mainBody(r);
  assert.deepEqual((shape(body.slice(1, 5)) as any[]).map((s: any) => [s.kind, s.op, s.value.value]), [["assign", "+", "2n"], ["assign", "<<", "1n"], ["assign", "+", "1n"], ["assign", "-", "1n"]]);
  const forBlock = body[5];
  assert.equal(forBlock.kind, "block");
  const inner = (forBlock as { body: Stmt[] }).body;
  assert.deepEqual(inner.map((s) => s.kind), ["let", "let", "loop"]);
  const loop = inner[2] as Extract<Stmt, { kind: "loop" }>;
  assert.equal(loop.label, "outer");
  assert.equal(loop.checkFirst, true);
  assert.equal(loop.update.length, 2);
  const doLoop = body[6] as Extract<Stmt, { kind: "loop" }>;
  assert.equal(doLoop.checkFirst, false);
  const sw = body[7] as Extract<Stmt, { kind: "switch" }>;
  assert.equal(sw.kind, "switch");
  assert.deepEqual(sw.cases.map((c) => c.values.map(intOf)), [[1n, 2n], [], [7n]]);
  assert.equal(sw.defaultIndex, 1);
});

test("unsafe: expression form, block with final return, statement block", () => {
  const r = clean(`export function main(): i64 {
  const a: i64 = unsafe(() => syscall(39));
  const b: i64 = unsafe(() => { const t: i64 = syscall(39); return t + 1; });
  unsafe(() => { syscall(1, 1, "x", 1); });
  return a + b;
}`);
  const body = mainBody(r);
  const a = (body[0] as { init: Expr }).init as Extract<Expr, { kind: "blockExpr" }>;
  assert.equal(a.kind, "blockExpr");
  assert.equal(a.unsafe, true);
  assert.equal(a.result?.kind, "syscall");
  const b = (body[1] as { init: Expr }).init as Extract<Expr, { kind: "blockExpr" }>;
  assert.equal(b.body.length, 1);
  assert.equal(b.result?.kind, "binary");
  assert.deepEqual((shape(body[2]) as object).valueOf(), shape({ kind: "block", unsafe: true, body: [{ kind: "expr", expr: (body[2] as { body: Stmt[] }).body[0] && (body[2] as any).body[0].expr }] }));
  assert.equal((body[2] as { unsafe: boolean }).unsafe, true);
});

test("structs, packed, struct and array literals, zero, sizeof", () => {
  const r = clean(`interface P extends Struct { x: u32; tag: FixedArray<u8, 4> }
interface H extends Packed { a: u8; b: u32 }
const N = 16;
let counter: u64 = 0;
export function main(): u64 {
  const p: P = { x: 1, tag: [1, 2] };
  const q: H = zero<H>();
  const buf: FixedArray<u8, typeof N> = [];
  return sizeof<P>();
}`);
  const [p, h, n, g] = r.decls;
  assert.deepEqual(shape(p), { kind: "struct", name: "P", packed: false, fields: [
    { name: "x", type: { kind: "named", name: "u32" } },
    { name: "tag", type: { kind: "array", elem: { kind: "named", name: "u8" }, length: { kind: "int", value: "4n", char: false, text: "4" } } }] });
  assert.equal(h.kind === "struct" && h.packed, true);
  assert.equal(n.kind, "const");
  assert.equal(g.kind === "global" && g.mutable, true);
  const body = mainBody(r);
  const lit = (body[0] as { init: Expr }).init;
  assert.equal(lit.kind === "structLit" && lit.name, "P");
  assert.equal((body[1] as { init: Expr | null }).init, null, "zero<H>() zero-fills");
  assert.equal((body[2] as { init: Expr | null }).init, null, "= [] zero-fills");
  assert.deepEqual(shape((body[2] as { type: unknown }).type), { kind: "array", elem: { kind: "named", name: "u8" }, length: { kind: "name", name: "N" } });
  assert.equal((body[3] as { value: Expr }).value.kind, "sizeof");
});

test("memory helpers desugar to deref/cast/pointer arithmetic", () => {
  const r = clean(`export function main(p: ptr, q: Ptr<u64>): u64 {
  const a: u32 = unsafe(() => load<u32>(p, 8));
  unsafe(() => { store<u16>(p, 7, 2); store(q, 5); });
  const b: u64 = unsafe(() => deref(q));
  const c: Ptr<u64> = addressOf(b);
  return a;
}`);
  const body = mainBody(r);
  assert.deepEqual(shape((body[0] as any).init.result), {
    kind: "deref", operand: { kind: "cast", type: { kind: "pointer", to: { kind: "named", name: "u32" } },
      operand: { kind: "binary", op: "+", left: { kind: "cast", operand: { kind: "name", name: "p" }, type: { kind: "named", name: "ptr" } },
        right: { kind: "int", value: "8n", char: false, text: "8" } } } });
  const stores = (body[1] as { body: Stmt[] }).body;
  assert.deepEqual(stores.map((s) => s.kind), ["assign", "assign"]);
  assert.equal(((stores[1] as any).target as Expr).kind, "deref");
  assert.equal((body[3] as any).init.kind, "addressOf");
});

test("casts: as T and <T>x; enc", () => {
  const r = clean('export function main(x: i64): u8 { const s: str = enc("secret"); return x as u8; }');
  const body = mainBody(r);
  assert.equal((body[0] as any).init.operand.kind, "enc");
  assert.deepEqual(shape((body[1] as any).value), { kind: "cast", operand: { kind: "name", name: "x" }, type: { kind: "named", name: "u8" } });
});

// ---------------------------------------------------------------- bad inputs

const BAD: [string, string, string][] = [
  ["class", "LW3002", "class /*@*/Foo { x: u64 = 0; }"],
  ["arrow closure", "LW3003", "export function main(): void { const f = /*@*/() => 1; }"],
  ["function expression", "LW3003", "export function main(): void { const f = /*@*/function () { return 1; }; }"],
  ["nested function", "LW3003", "export function main(): void { function /*@*/inner(): void {} }"],
  ["async function", "LW3004", "async function /*@*/f(): void {}"],
  ["await", "LW3004", "async function f(): void { /*@*/await g(); }\nfunction g(): void {}"],
  ["generator", "LW3005", "function/*@*/* gen(): void {}"],
  ["try/catch", "LW3006", "export function main(): void { /*@*/try { } catch { } }"],
  ["throw", "LW3006", "export function main(): void { /*@*/throw 1; }"],
  ["any", "LW3007", "export function main(): void { const x: /*@*/any = 1; }"],
  ["unknown param", "LW3007", "function f(x: /*@*/unknown): void {}"],
  ["object literal without type", "LW3008", "export function main(): void { const o = /*@*/{ a: 1 }; }"],
  ["object literal as integer", "LW3008", "export function main(): void { const o: u64 = /*@*/{ a: 1 }; }"],
  ["array literal as integer", "LW3009", "export function main(): void { const a: u64 = /*@*/[1, 2]; }"],
  ["float literal", "LW3010", "export function main(): void { const x: u64 = /*@*/1.5; }"],
  ["exponent literal", "LW3010", "export function main(): void { const x: u64 = /*@*/1e3; }"],
  ["number type", "LW3011", "export function main(): void { let n: /*@*/number = 1; }"],
  ["string type", "LW3011", 'export function main(): void { const s: /*@*/string = "a"; }'],
  ["method call", "LW3012", 'export function main(): void { /*@*/console.log("hi"); }'],
  ["Math call", "LW3012", "export function main(): u64 { return /*@*/Math.max(1, 2); }"],
  ["call of a call", "LW3012", "function g(): u64 { return 0; }\nexport function main(): void { /*@*/g()(1); }"],
  ["dynamic import", "LW3013", 'export function main(): void { /*@*/import("./x.ts"); }'],
  ["require", "LW3013", 'export function main(): void { /*@*/require("x"); }'],
  ["eval", "LW3014", 'export function main(): void { /*@*/eval("1"); }'],
  ["union type", "LW3015", "export function main(): void { let x: /*@*/u8 | u16 = 1; }"],
  ["array type", "LW3015", "function f(a: /*@*/u8[]): void {}"],
  ["type alias", "LW3015", "type /*@*/Byte = u8;"],
  ["new", "LW3016", "export function main(): void { const a = /*@*/new Foo(); }"],
  ["template literal", "LW3016", "export function main(x: u64): void { const s: str = /*@*/`x=${x}`; }"],
  ["exponent operator", "LW3016", "export function main(a: u64): u64 { return a /*@*/** 2; }"],
  ["nullish coalescing", "LW3016", "export function main(a: u64): u64 { return a /*@*/?? 2; }"],
  ["typeof", "LW3016", "export function main(a: u64): void { const t = /*@*/typeof a; }"],
  ["as const", "LW3016", "export function main(): void { const t: u64 = /*@*/1 as const; }"],
  ["non-null assertion", "LW3016", "export function main(a: u64): u64 { return /*@*/a!; }"],
  ["for-of", "LW3017", "export function main(a: u64): void { /*@*/for (const x of a) {} }"],
  ["var", "LW3017", "export function main(): void { /*@*/var x: u64 = 1; }"],
  ["enum", "LW3017", "enum /*@*/Color { Red }"],
  ["top-level code", "LW3017", 'export function main(): void {}\n/*@*/main();'],
  ["declare", "LW3017", "/*@*/declare function f(): void;"],
  ["label on a block", "LW3017", "export function main(): void { here: /*@*/{ } }"],
  ["namespace import", "LW3018", 'import /*@*/* as lw from "lwanga";'],
  ["unknown lwanga export", "LW3018", 'import { /*@*/printf } from "lwanga";'],
  ["renamed import", "LW3018", 'import { /*@*/print as p } from "lwanga/std/io";'],
  ["load offset without type", "LW3019", "export function main(p: ptr): void { const x = unsafe(() => /*@*/load(p, 8)); }"],
  ["unsafe without arrow", "LW3019", "export function main(): void { /*@*/unsafe(1); }"],
  ["sizeof without type", "LW3019", "export function main(): u64 { return /*@*/sizeof(); }"],
  ["enc of a variable", "LW3019", 'export function main(): void { const a: str = "x"; const s: str = enc(/*@*/a); }'],
  ["literal above 64 bits", "LW3020", "export function main(): u64 { return /*@*/18446744073709551616; }"],
  ["return inside unsafe", "LW3021", "export function main(x: u64): u64 { const r: u64 = unsafe(() => { if (x) /*@*/return 1; return 2; }); return r; }"],
  ["destructuring", "LW3022", "interface P extends Struct { a: u64 }\nexport function main(p: P): void { const /*@*/{ a } = p; }"],
  ["global without type", "LW3022", "let /*@*/g = 0;"],
  ["struct method", "LW3023", "interface P extends Struct { x: u64; /*@*/f(): void; }"],
  ["interface not a struct", "LW3023", "interface /*@*/Q { x: u64 }"],
  ["optional field", "LW3023", "interface P extends Struct { /*@*/x?: u64 }"],
  ["assignment in expression", "LW3024", "export function main(x: u64): u64 { const y: u64 = (/*@*/x = 2); return y; }"],
  ["increment in expression", "LW3024", "export function main(x: u64): u64 { return /*@*/x++; }"],
  ["optional parameter", "LW3025", "function f(/*@*/a?: u64): void {}"],
  ["generic function", "LW3025", "function f</*@*/T>(): void {}"],
  ["parameter without type", "LW3025", "function f(/*@*/a): void {}"],
  ["value without result type", "LW3025", "function /*@*/f() { return 1; }"],
  ["default export", "LW3026", "/*@*/export default function main(): void {}"],
  ["this", "LW3027", "export function main(): u64 { return /*@*/this.x; }"],
  ["null", "LW3028", "export function main(): u64 { return /*@*/null; }"],
  ["undefined", "LW3028", "export function main(): u64 { return /*@*/undefined; }"],
  ["leading zero", "LW3029", "export function main(): u64 { return /*@*/0644; }"],
  ["syntax error", "LW3001", "export function main(): void { const x: u64 = /*@*/; }"],
];

for (const [name, code, body] of BAD) {
  test(`bad input: ${name} -> ${code}`, () => {
    const text = PRELUDE + body;
    const at = text.indexOf("/*@*/") + 5;
    const { diags, sources } = read(body);
    const want = sources.lineCol(0, at);
    const got = diags.items.map((d) => ({ code: d.code, ...sources.lineCol(0, d.span?.start ?? -1), help: d.help, message: d.message }));
    const hit = got.find((g) => g.code === code && g.line === want.line && g.col === want.col);
    assert.ok(hit, `expected ${code} at ${want.line}:${want.col}, got ${JSON.stringify(got)}`);
    assert.ok(hit.message.length > 10);
    if (code !== "LW3001") assert.ok(hit.help && hit.help.length > 5, "a help line says what to write instead");
  });
}

test("several errors in one file are all reported", () => {
  const { diags } = read("class A {}\nexport function main(): void { const x: number = 1.5; throw 1; }\nenum E { A }");
  const codes = diags.items.map((d) => d.code).sort();
  for (const c of ["LW3002", "LW3006", "LW3010", "LW3011", "LW3017"]) assert.ok(codes.includes(c), `${c} in ${codes}`);
});

test("bad inputs through the driver: exit 1, location, help, no stack trace", async () => {
  const picks = BAD.filter((_, i) => i % 3 === 0);
  for (const [name, code, body] of picks) {
    const r = await compile({ source: { path: "bad.ts", text: PRELUDE + body }, emit: "check" });
    const text = formatDiagnostics(r);
    assert.equal(r.exitCode, 1, `${name}: ${text}`);
    assert.ok(text.includes(`[${code}]`), `${name}: ${text}`);
    assert.ok(/bad\.ts:\d+:\d+/.test(text), `${name}: location in ${text}`);
    assert.ok(!/\n\s+at .*:\d+:\d+\)?/.test(text), `${name}: stack trace in ${text}`);
  }
});

test("a shift TypeScript reads as type arguments gets a syntax error that says so, and the spelled-out form reads", () => {
  const bad = read("export function main(): u16 { const a: u16 = 1; const b: u16 = 2; return a << (b << (a >> (1 as u16))); }");
  const first = bad.diags.items.find((d) => d.code === "LW3001");
  assert.ok(first, JSON.stringify(bad.diags.items));
  assert.match(first.help ?? "", /type arguments/);
  const good = read("export function main(): u16 { const a: u16 = 1; const b: u16 = 2; return a << 0 + (b << 0 + (a >> (1 as u16))); }");
  assert.deepEqual(good.diags.items.filter((d) => d.severity === "error"), []);
});
