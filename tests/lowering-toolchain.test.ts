// The build pipeline around lowering: ELF shape (static, W^X, small),
// atomic output, emit modes, stage timings, and clean failures.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { buildExecutable, buildExecutablePiped } from "../lowering/toolchain.ts";
import { addSizeAttributes } from "../lowering/size-attributes.ts";
import { U64, U8 } from "../ir/types.ts";
import * as h from "./lowering-helpers.ts";
import { SourceMap } from "../diagnostics/diagnostics.ts";

const hello = () => h.program([h.func("main", [], U64, [], [h.print("hello\n"), h.ret(h.int(0))])]);

function withDir<T>(f: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "lw-tc-"));
  try {
    return f(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function withDirAsync(f: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "lw-tc-"));
  try {
    await f(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const base = { optLevel: 2 as const, target: "x86_64" as const, debug: false, pic: false };

test("hello world: static, no W+E segment, under 1 KiB", () => withDir((dir) => {
  const out = join(dir, "hello");
  const stages: string[] = [];
  const r = buildExecutable(hello(), { ...base, output: out, emit: "exe", verbose: (s) => stages.push(s) });
  assert.ok(r.ok, JSON.stringify(r.diagnostics));
  assert.deepEqual(stages.filter((s) => ["lower", "opt", "llc", "ld"].includes(s)), ["lower", "opt", "llc", "ld"]);
  const elf = spawnSync("readelf", ["-lW", out], { encoding: "utf8" });
  assert.equal(elf.status, 0, elf.stderr);
  assert.doesNotMatch(elf.stdout, /RWE|DYNAMIC|INTERP/);
  assert.match(elf.stdout, /LOAD .* R E /);
  assert.ok(readFileSync(out).length < 1024);
  assert.equal(spawnSync(out, { encoding: "utf8" }).stdout, "hello\n");
}));

test("a program with writable data gets a separate RW segment", () => withDir((dir) => {
  const g = h.global("counter", U64, { kind: "int", value: 5n });
  const main = h.func("main", [], U64, [], [
    h.assign(h.gv(g), h.arith("add", h.load(h.gv(g)), h.int(1))),
    h.ret(h.load(h.gv(g))),
  ]);
  const out = join(dir, "data");
  const r = buildExecutable(h.program([main], [g]), { ...base, output: out, emit: "exe" });
  assert.ok(r.ok, JSON.stringify(r.diagnostics));
  const elf = spawnSync("readelf", ["-lW", out], { encoding: "utf8" }).stdout;
  assert.doesNotMatch(elf, /RWE|DYNAMIC/);
  assert.match(elf, /LOAD .* RW /);
  assert.equal(spawnSync(out).status, 6);
}));

test("a failed build leaves an existing output untouched and no temporary files", () => withDir((dir) => {
  const out = join(dir, "prog");
  writeFileSync(out, "old contents");
  // `break` to a target that does not exist breaks the checked-IR guarantees: internal error.
  const bad = h.program([h.func("main", [], U64, [], [h.brk(99), h.ret(h.int(0))])]);
  const r = buildExecutable(bad, { ...base, output: out, emit: "exe" });
  assert.equal(r.ok, false);
  assert.equal(r.exitCode, 4);
  assert.equal(r.diagnostics[0].code, "LW4001");
  assert.equal(readFileSync(out, "utf8"), "old contents");
  assert.deepEqual(readdirSync(dir), ["prog"]);
  const fresh = join(dir, "fresh");
  assert.equal(buildExecutable(bad, { ...base, output: fresh, emit: "exe" }).ok, false);
  assert.equal(existsSync(fresh), false);
}));

test("an unsupported construct is exit code 1 with LW4101", () => {
  const naked = { ...h.func("_start", [], U64, [], [h.print("not asm")]), naked: true };
  const p = { ...h.program([naked]), userStart: naked };
  const r = buildExecutable(p, { ...base, output: "", emit: "llvm" });
  assert.equal(r.ok, false);
  assert.equal(r.exitCode, 1);
  assert.equal(r.diagnostics[0].code, "LW4101");
});

test("emit llvm, asm and obj", () => withDir((dir) => {
  const ll = buildExecutable(hello(), { ...base, optLevel: 0, output: "", emit: "llvm" });
  assert.ok(ll.ok);
  assert.match(ll.text ?? "", /define (internal )?i64 @lw\.main\(\)/);
  assert.match(ll.text ?? "", /define void @_start\(\) #\d+/);
  const llOpt = buildExecutable(hello(), { ...base, output: join(dir, "o.ll"), emit: "llvm" });
  assert.ok(llOpt.ok);
  assert.equal(readFileSync(join(dir, "o.ll"), "utf8"), llOpt.text);
  const asm = buildExecutable(hello(), { ...base, output: "", emit: "asm" });
  assert.match(asm.text ?? "", /syscall/);
  const obj = join(dir, "o.o");
  assert.ok(buildExecutable(hello(), { ...base, output: obj, emit: "obj" }).ok);
  const bytes = readFileSync(obj);
  assert.equal(bytes.readUInt16LE(16), 1, "ET_REL");
}));

test("-Os: every defined function is minsize optsize, and the executable is smaller than at -O2", () => withDir((dir) => {
  const ll = buildExecutable(hello(), { ...base, optLevel: "s", output: "", emit: "llvm" });
  assert.ok(ll.ok, JSON.stringify(ll.diagnostics));
  const text = ll.text ?? "";
  const groups = new Map([...text.matchAll(/^attributes #(\d+) = \{ (.*) \}$/gm)].map((m) => [m[1], m[2].split(" ")]));
  const defines = text.split("\n").filter((l) => l.startsWith("define "));
  assert.ok(defines.length > 0);
  for (const d of defines) {
    const attrs = [...d.matchAll(/#(\d+)/g)].flatMap((m) => groups.get(m[1]) ?? []);
    assert.ok(attrs.includes("minsize") && attrs.includes("optsize"), `${d}: ${attrs.join(" ")}`);
  }
  const size = (optLevel: 2 | "s") => {
    const out = join(dir, `hello-${optLevel}`);
    assert.ok(buildExecutable(hello(), { ...base, optLevel, output: out, emit: "exe" }).ok);
    assert.equal(spawnSync(out, { encoding: "utf8" }).stdout, "hello\n");
    return readFileSync(out).length;
  };
  const o2 = size(2);
  const os = size("s");
  assert.ok(os < o2, `-Os ${os} bytes, -O2 ${o2}`);
}));

test("addSizeAttributes: groups of definitions only, names with '#', no repeats, never with optnone", () => {
  const text = [
    'define void @"a#9"() #0 {',
    "declare void @b() #1",
    "define void @c() #2 !dbg !3 {",
    "attributes #0 = { nounwind }",
    "attributes #1 = { cold }",
    "attributes #2 = { minsize nounwind }",
    "attributes #9 = { nounwind }",
  ].join("\n");
  assert.deepEqual(addSizeAttributes(text).split("\n").slice(3), [
    "attributes #0 = { minsize optsize nounwind }",
    "attributes #1 = { cold }",
    "attributes #2 = { optsize minsize nounwind }",
    "attributes #9 = { nounwind }",
  ]);
  const optnone = "define void @f() #0 {\nattributes #0 = { noinline nounwind optnone }";
  assert.equal(addSizeAttributes(optnone), optnone);
});

test("entry: a plain _start for main without parameters; the naked one for argc/argv, --pic and -g", () => withDir((dir) => {
  const entry = (p: ReturnType<typeof hello>, extra: Partial<typeof base>) => {
    const r = buildExecutable(p, { ...base, optLevel: 0, output: "", emit: "llvm", ...extra });
    assert.ok(r.ok, JSON.stringify(r.diagnostics));
    const text = r.text ?? "";
    const start = text.match(/^define void @_start\(\) #(\d+)/m);
    assert.ok(start, "defines _start");
    return { attrs: text.match(new RegExp(`^attributes #${start[1]} = \\{ (.*) \\}$`, "m"))?.[1] ?? "", lwStart: /define void @__lw_start/.test(text) };
  };
  const plain = entry(hello(), {});
  assert.equal(plain.lwStart, false);
  assert.match(plain.attrs, /noreturn/);
  assert.match(plain.attrs, /"stackrealign"/);
  assert.doesNotMatch(plain.attrs, /naked/);
  const argc = h.local("argc", U64, true);
  const withArgs = h.program([h.func("main", [argc], U64, [], [h.ret(h.get(argc))])]);
  for (const [p, extra] of [[withArgs, {}], [hello(), { pic: true }], [hello(), { debug: true }]] as const) {
    const naked = entry(p, extra);
    assert.ok(naked.lwStart, JSON.stringify(extra));
    assert.match(naked.attrs, /naked/);
  }
  // No trap instruction after the exit syscall.
  const out = join(dir, "hello");
  assert.ok(buildExecutable(hello(), { ...base, output: out, emit: "exe" }).ok);
  const dis = spawnSync("objdump", ["-D", "-b", "binary", "-m", "i386:x86-64", out], { encoding: "utf8" });
  if (dis.status === 0) assert.doesNotMatch(dis.stdout, /syscall\s*\n.*ud2/);
}));

test("opt | llc piped (the driver's path) gives the same executable as the tools in turn, and the same asm errors", async () => {
  await withDirAsync(async (dir) => {
    for (const optLevel of [0, 2, "s"] as const) {
      const inTurn = join(dir, `turn-${optLevel}`);
      const piped = join(dir, `piped-${optLevel}`);
      assert.ok(buildExecutable(hello(), { ...base, optLevel, output: inTurn, emit: "exe" }).ok);
      const stages: string[] = [];
      const r = await buildExecutablePiped(hello(), { ...base, optLevel, output: piped, emit: "exe", verbose: (s) => stages.push(s) });
      assert.ok(r.ok, JSON.stringify(r.diagnostics));
      assert.deepEqual(stages.filter((s) => ["opt", "llc", "ld"].includes(s)), optLevel === 0 ? ["llc", "ld"] : ["opt", "llc", "ld"]);
      assert.deepEqual(readFileSync(piped), readFileSync(inTurn));
      assert.equal(spawnSync(piped, { encoding: "utf8" }).stdout, "hello\n");
    }
    const typo = h.program([h.func("main", [], U64, [], [{ kind: "asm", lines: ["movv rax, 1"], syntax: "intel", outputs: [], inputs: [], clobbers: [], extended: false, namedLocals: new Map(), span: h.span }, h.ret(h.int(0))])]);
    const bad = await buildExecutablePiped(typo, { ...base, output: join(dir, "typo"), emit: "exe" });
    assert.equal(bad.ok, false);
    assert.equal(bad.exitCode, 1);
    assert.equal(bad.diagnostics[0].code, "LW4102");
    assert.ok(!existsSync(join(dir, "typo")));
  });
});

test("functions are nounwind: no .eh_frame in the object", () => withDir((dir) => {
  const obj = join(dir, "o.o");
  assert.ok(buildExecutable(hello(), { ...base, optLevel: 0, output: obj, emit: "obj" }).ok);
  const sections = spawnSync("readelf", ["-SW", obj], { encoding: "utf8" }).stdout;
  assert.doesNotMatch(sections, /eh_frame/);
}));

void U8;

test("-g emits DWARF line tables naming the source file", () => withDir((dir) => {
  const sources = new SourceMap();
  const text = "fn main() -> u64 {\n    write(\"hi\");\n    return 0;\n}\n";
  const file = sources.add("dbgprog.lw", text);
  const at = (line: number) => ({ file: file.id, start: text.split("\n").slice(0, line - 1).join("\n").length + 1, end: 0 });
  const body = [{ ...h.print("hi\n"), span: at(2) }, { ...h.ret(h.int(0)), span: at(3) }];
  const main = { ...h.func("main", [], U64, [], body), span: at(1) };
  const out = join(dir, "dbg");
  const r = buildExecutable(h.program([main]), { ...base, optLevel: 0, output: out, emit: "exe", debug: true, sources });
  assert.ok(r.ok, JSON.stringify(r.diagnostics));
  assert.equal(spawnSync(out, { encoding: "utf8" }).stdout, "hi\n");
  const sections = spawnSync("readelf", ["-SW", out], { encoding: "utf8" }).stdout;
  assert.match(sections, /\.debug_line/);
  assert.ok(readFileSync(out).includes("dbgprog.lw"));
  const gdb = spawnSync("gdb", ["-batch", "-ex", "break dbgprog.lw:3", "-ex", "run", "-ex", "info frame", out], { encoding: "utf8" });
  if (gdb.status === 0 && !gdb.error) assert.match(gdb.stdout, /dbgprog\.lw:3/);
}));

test("aarch64: objects for the target; linking needs the cross binutils", () => withDir((dir) => {
  const obj = join(dir, "a64.o");
  const r = buildExecutable(hello(), { ...base, target: "aarch64", output: obj, emit: "obj" });
  assert.ok(r.ok, JSON.stringify(r.diagnostics));
  assert.equal(readFileSync(obj).readUInt16LE(18), 183, "EM_AARCH64");
  const exe = buildExecutable(hello(), { ...base, target: "aarch64", output: join(dir, "a64"), emit: "exe" });
  if (!exe.ok) {
    assert.equal(exe.exitCode, 4);
    assert.equal(exe.diagnostics[0].code, "LW4002");
    assert.match(exe.diagnostics[0].help ?? "", /binutils-aarch64-linux-gnu/);
  }
}));

test("encrypted-string keys: random per build, reproducible with a seed", () => withDir((dir) => {
  const bytes = new TextEncoder().encode("key material\n");
  const prog = () => h.program([h.func("main", [], U64, [], [
    h.expr(h.syscall(h.int(1), h.int(1), h.ptrToU64({ kind: "enc", bytes, type: h.PTR, span: h.span }), h.int(bytes.length))),
    h.ret(h.int(0)),
  ])]);
  const build = (name: string, seed?: bigint) => {
    const out = join(dir, name);
    assert.ok(buildExecutable(prog(), { ...base, output: out, emit: "exe", seed }).ok);
    assert.equal(spawnSync(out, { encoding: "utf8" }).stdout, "key material\n");
    return readFileSync(out);
  };
  assert.ok(build("s1", 42n).equals(build("s2", 42n)));
  assert.ok(!build("r1").equals(build("r2")));
}));
