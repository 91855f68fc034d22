/**
 * Prints a generated `GProgram` as Lwanga (`.lw`) or as DSL TypeScript
 * (`.ts`) with the same meaning. Everything is fully parenthesised (Lwanga's
 * `as` binds loosely) and every literal carries its type through `as`, so
 * neither language's literal typing or precedence is relied on. The program
 * prints one hex line per call made by main, then the checksum of all
 * calls and globals, and exits with the checksum's low 8 bits.
 */
import { intName, rangeOf, U64T, type GStruct, type GCond, type GExpr, type GFunc, type GGlobal, type GProgram, type GStmt, type GTarget, type IntT } from "./model.ts";

export type Lang = "lw" | "ts";

const FNV_OFFSET = "0xcbf29ce484222325";
const FNV_PRIME = "0x100000001b3";
const TWO53 = 1n << 53n;

class Printer {
  private out: string[] = [];
  private indent = 0;

  constructor(private lang: Lang) {}

  private line(s: string): void {
    this.out.push("    ".repeat(this.indent) + s);
  }

  text(): string {
    return this.out.join("\n") + "\n";
  }

  // ------------------------------------------------------------ expressions

  lit(t: IntT, v: bigint): string {
    const T = intName(t);
    if (this.lang === "lw") {
      if (v >= 0n) return `(${v} as ${T})`;
      if (v === rangeOf(t).min) return `((-${-v - 1n} - 1) as ${T})`;
      return `((-${-v}) as ${T})`;
    }
    if (v >= 0n) return v >= TWO53 ? `(0x${v.toString(16)} as ${T})` : `(${v} as ${T})`;
    if (-v >= TWO53) return `(i64(${v}n) as ${T})`;
    return `(${v} as ${T})`;
  }

  private asU64(e: GExpr): string {
    return e.t.bits === 64 && !e.t.signed ? this.expr(e) : `(${this.expr(e)} as u64)`;
  }

  private index(i: GExpr, n: number): string {
    return `(${this.asU64(i)} & ${this.lit(U64T, BigInt(n - 1))})`;
  }

  expr(e: GExpr): string {
    switch (e.k) {
      case "lit": return this.lit(e.t, e.v);
      case "var": return e.name;
      case "cast": return `(${this.expr(e.e)} as ${intName(e.t)})`;
      case "bin": {
        const right = this.expr(e.b);
        // TypeScript (tsc too) reads `a << (b ... >> (c))` as `a<...>(c)`, type arguments and a call:
        // a shift-left count that starts with `(` gets a leading `0 + ` (same value, any width).
        if (this.lang === "ts" && e.op === "<<" && right.startsWith("(")) return `(${this.expr(e.a)} << 0 + ${right})`;
        return `(${this.expr(e.a)} ${e.op} ${right})`;
      }
      case "neg": return `(-${this.expr(e.e)})`;
      case "bitnot": return `(~${this.expr(e.e)})`;
      case "cond":
        return this.lang === "lw"
          ? `(if ${this.cond(e.c)} { ${this.expr(e.a)} } else { ${this.expr(e.b)} })`
          : `(${this.cond(e.c)} ? ${this.expr(e.a)} : ${this.expr(e.b)})`;
      case "call": return `${e.fn}(${e.args.map((a) => this.expr(a)).join(", ")})`;
      case "index": return `${e.arr}[${this.index(e.i, e.n)}]`;
      case "field": return `${e.base}.${e.field}`;
      case "sindex": return `${e.arr}[${this.index(e.i, e.n)}].${e.field}`;
      case "ptrRead":
        return this.lang === "lw" ? `(*(${e.ptr} + ${this.index(e.i, e.n)}))` : `deref(${e.ptr} + ${this.index(e.i, e.n)})`;
      case "structArg": {
        if (e.name !== null) return e.name;
        const fields = e.s.fields.map((f, i) => `${f.name}: ${this.expr(e.values[i])}`).join(", ");
        return this.lang === "lw" ? `${e.s.name} { ${fields} }` : `{ ${fields} }`;
      }
    }
  }

  cond(c: GCond): string {
    switch (c.k) {
      case "cmp":
        // TypeScript reads `a < (b > (c))` or `f(x) << (b > (c))` as type arguments or
        // assertions: spell `<` as `!(>=)` and `>` as `!(<=)` (same evaluation order).
        if (c.op === "<" && this.lang === "ts") return `(!(${this.expr(c.a)} >= ${this.expr(c.b)}))`;
        if (c.op === ">" && this.lang === "ts") return `(!(${this.expr(c.a)} <= ${this.expr(c.b)}))`;
        return `(${this.expr(c.a)} ${c.op} ${this.expr(c.b)})`;
      case "and": return `(${this.cond(c.a)} && ${this.cond(c.b)})`;
      case "or": return `(${this.cond(c.a)} || ${this.cond(c.b)})`;
      case "not": return `(!${this.cond(c.c)})`;
    }
  }

  private target(t: GTarget): string {
    switch (t.k) {
      case "var": return t.name;
      case "index": return `${t.arr}[${this.index(t.i, t.n)}]`;
      case "field": return `${t.base}.${t.field}`;
      case "sindex": return `${t.arr}[${this.index(t.i, t.n)}].${t.field}`;
      case "ptr": throw new Error("pointer targets are printed by assign");
    }
  }

  // ------------------------------------------------------------ statements

  private mix(h: string, valueU64: string): void {
    this.line(`${h} = ((${h} ^ ${valueU64}) * ${this.lit(U64T, BigInt(FNV_PRIME))});`);
  }

  stmts(list: GStmt[]): void {
    for (const s of list) this.stmt(s);
  }

  private block(head: string, body: GStmt[]): void {
    this.line(`${head} {`);
    this.indent++;
    this.stmts(body);
    this.indent--;
  }

  stmt(s: GStmt): void {
    const lw = this.lang === "lw";
    switch (s.k) {
      case "let": {
        const kw = lw ? (s.mut ? "let mut" : "let") : s.mut ? "let" : "const";
        this.line(`${kw} ${s.name}: ${intName(s.t)} = ${this.expr(s.init)};`);
        return;
      }
      case "letArray": {
        const type = lw ? `[${intName(s.elem)}; ${s.values.length}]` : `FixedArray<${intName(s.elem)}, ${s.values.length}>`;
        this.line(`${lw ? "let mut" : "let"} ${s.name}: ${type} = [${s.values.map((v) => this.expr(v)).join(", ")}];`);
        return;
      }
      case "letStruct": {
        const fields = s.s.fields.map((f, i) => `${f.name}: ${this.expr(s.values[i])}`).join(", ");
        this.line(lw ? `let mut ${s.name}: ${s.s.name} = ${s.s.name} { ${fields} };` : `let ${s.name}: ${s.s.name} = { ${fields} };`);
        return;
      }
      case "letStructArray": {
        const lit = (vals: GExpr[]): string => {
          const fields = s.s.fields.map((f, i) => `${f.name}: ${this.expr(vals[i])}`).join(", ");
          return lw ? `${s.s.name} { ${fields} }` : `{ ${fields} }`;
        };
        const type = lw ? `[${s.s.name}; ${s.values.length}]` : `FixedArray<${s.s.name}, ${s.values.length}>`;
        this.line(`${lw ? "let mut" : "let"} ${s.name}: ${type} = [${s.values.map(lit).join(", ")}];`);
        return;
      }
      case "letPtr":
        this.line(lw ? `let ${s.name}: *${intName(s.elem)} = &${s.arr}[0];` : `const ${s.name}: Ptr<${intName(s.elem)}> = addressOf(${s.arr}[0]);`);
        return;
      case "letFn": {
        const name = (t: IntT | GStruct): string => ("bits" in t ? intName(t) : t.name);
        this.line(lw
          ? `let ${s.name}: fn(${s.params.map(name).join(", ")}) -> ${intName(s.result)} = ${s.fn};`
          : `const ${s.name}: (${s.params.map((t, i) => `a${i}: ${name(t)}`).join(", ")}) => ${intName(s.result)} = ${s.fn};`);
        return;
      }
      case "copy": this.line(`${s.dst} = ${s.src};`); return;
      case "assign":
        if (s.target.k === "ptr") {
          const addr = `${s.target.ptr} + ${this.index(s.target.i, s.target.n)}`;
          this.line(lw ? `*(${addr}) = ${this.expr(s.e)};` : `store<${intName(s.target.t)}>(${addr}, ${this.expr(s.e)});`);
          return;
        }
        this.line(`${this.target(s.target)} = ${this.expr(s.e)};`);
        return;
      case "if":
        this.block(lw ? `if ${this.cond(s.c)}` : `if (${this.cond(s.c)})`, s.then);
        if (s.else) {
          this.line("} else {");
          this.indent++;
          this.stmts(s.else);
          this.indent--;
        }
        this.line("}");
        return;
      case "for": {
        const head = lw
          ? `for (let mut ${s.ivar}: u32 = (0 as u32); ${s.ivar} < ${this.lit(U32(), BigInt(s.n))}; ${s.ivar} = ${s.ivar} + (1 as u32))`
          : `for (let ${s.ivar}: u32 = (0 as u32); ${s.ivar} < ${this.lit(U32(), BigInt(s.n))}; ${s.ivar} = ${s.ivar} + (1 as u32))`;
        this.block(head, s.body);
        this.line("}");
        return;
      }
      case "while": {
        this.line(`${lw ? "let mut" : "let"} ${s.ivar}: u32 = (0 as u32);`);
        this.block(lw ? `while ${s.ivar} < ${this.lit(U32(), BigInt(s.n))}` : `while (${s.ivar} < ${this.lit(U32(), BigInt(s.n))})`, [
          { k: "assign", target: { k: "var", name: s.ivar, t: U32() }, e: { k: "bin", op: "+", a: { k: "var", name: s.ivar, t: U32() }, b: { k: "lit", t: U32(), v: 1n }, t: U32() } },
          ...s.body,
        ]);
        this.line("}");
        return;
      }
      case "compound":
        if (s.target.k === "ptr") throw new Error("compound assignment through a pointer is not generated");
        this.line(`${this.target(s.target)} ${s.op}= ${this.expr(s.e)};`);
        return;
      case "switch": {
        this.line(`${lw ? "let" : "const"} ${s.name}: ${intName(s.t)} = ${this.expr(s.e)};`);
        if (!lw) {
          this.line(`switch (${s.name}) {`);
          this.indent++;
          for (const c of s.cases) {
            const labels = c.values.length ? c.values.map((v) => `case ${v}:`).join(" ") : "default:";
            this.line(`${labels} {`);
            this.indent++;
            this.stmts(c.body);
            if (c.brk) this.line("break;");
            this.indent--;
            this.line("}");
          }
          this.indent--;
          this.line("}");
          return;
        }
        // Lwanga: entering at case i runs bodies i, i+1, ... up to the first one that breaks.
        const run = (i: number): GStmt[][] => {
          const out: GStmt[][] = [];
          for (let j = i; j < s.cases.length; j++) {
            out.push(s.cases[j].body);
            if (s.cases[j].brk) break;
          }
          return out;
        };
        let first = true;
        const dflt = s.cases.findIndex((c) => c.values.length === 0);
        s.cases.forEach((c, i) => {
          if (c.values.length === 0) return;
          const test = c.values.map((v) => `(${s.name} == ${this.lit(s.t, v)})`).join(" || ");
          this.line(`${first ? "if" : "} else if"} ${test} {`);
          first = false;
          this.indent++;
          for (const body of run(i)) { this.line("{"); this.indent++; this.stmts(body); this.indent--; this.line("}"); }
          this.indent--;
        });
        if (dflt >= 0) {
          this.line(first ? "{" : "} else {");
          this.indent++;
          for (const body of run(dflt)) { this.line("{"); this.indent++; this.stmts(body); this.indent--; this.line("}"); }
          this.indent--;
          this.line("}");
        } else if (!first) this.line("}");
        return;
      }
      case "break": this.line("break;"); return;
      case "continue": this.line("continue;"); return;
      case "mix": this.mix("h", this.asU64(s.e)); return;
      case "return": this.line(`return ${this.expr(s.e)};`); return;
      case "unsafe":
        this.block(lw ? "unsafe" : "unsafe(() =>", s.body);
        this.line(lw ? "}" : "});");
        return;
    }
  }

  // ------------------------------------------------------------ declarations

  private globalDecl(g: GGlobal): void {
    const lw = this.lang === "lw";
    const kw = lw ? "let mut" : "let";
    switch (g.type.k) {
      case "int":
        this.line(`${kw} ${g.name}: ${intName(g.type.t)} = ${this.lit(g.type.t, g.values[0])};`);
        return;
      case "array": {
        const elem = g.type.elem;
        const type = lw ? `[${intName(elem)}; ${g.type.n}]` : `FixedArray<${intName(elem)}, ${g.type.n}>`;
        this.line(`${kw} ${g.name}: ${type} = [${g.values.map((v) => this.lit(elem, v)).join(", ")}];`);
        return;
      }
      case "struct": {
        const s = g.type.s;
        const fields = s.fields.map((f, i) => `${f.name}: ${this.lit(f.t, g.values[i])}`).join(", ");
        this.line(lw ? `${kw} ${g.name}: ${s.name} = ${s.name} { ${fields} };` : `${kw} ${g.name}: ${s.name} = { ${fields} };`);
        return;
      }
    }
  }

  private func(f: GFunc): void {
    const lw = this.lang === "lw";
    const params = f.params.map((p) => `${p.name}: ${p.s ? p.s.name : intName(p.t)}`).join(", ");
    this.line(lw ? `fn ${f.name}(${params}) -> ${intName(f.result)} {` : `function ${f.name}(${params}): ${intName(f.result)} {`);
    this.indent++;
    this.line(`${lw ? "let mut" : "let"} h: u64 = ${this.lit(U64T, BigInt(FNV_OFFSET))};`);
    this.stmts(f.body);
    this.line(`return ((h as ${intName(f.result)}) ^ ${this.expr(f.ret)});`);
    this.indent--;
    this.line("}");
  }

  /** Several generated programs in one file (names are prefixed per program); main runs them in order. */
  programs(ps: GProgram[]): void {
    const lw = this.lang === "lw";
    const other = lw ? "ts" : "lw";
    this.line(`// Generated by tests/gen (seeds ${ps.map((p) => p.seed).join(" ")}); the .${other} spelling must behave the same.`);
    if (!lw) this.line(`import { type u8, type u16, type u32, type u64, type i8, type i16, type i32, type i64, type Ptr, type FixedArray, type Struct, type Packed, syscall, unsafe, addressOf, deref, store, i64 } from "lwanga";`);
    for (const p of ps) {
      for (const s of p.structs) {
        if (lw) this.line(`${s.packed ? "packed struct" : "struct"} ${s.name} { ${s.fields.map((f) => `${f.name}: ${intName(f.t)}`).join(", ")} }`);
        else this.line(`interface ${s.name} extends ${s.packed ? "Packed" : "Struct"} { ${s.fields.map((f) => `${f.name}: ${intName(f.t)};`).join(" ")} }`);
      }
      for (const g of p.globals) this.globalDecl(g);
      for (const c of p.consts ?? []) this.line(`const ${c.name}: ${intName(c.t)} = ${this.expr(c.folded)};`);
    }
    this.printHex();
    for (const p of ps) for (const f of p.funcs) this.func(f);

    this.line(lw ? "fn main() -> u64 {" : "export function main(): u64 {");
    this.indent++;
    this.line(`${lw ? "let mut" : "let"} h: u64 = ${this.lit(U64T, BigInt(FNV_OFFSET))};`);
    let n = 0;
    for (const p of ps) {
      for (const c of p.calls) {
        const name = `c${n++}`;
        this.line(`${lw ? "let" : "const"} ${name}: ${intName(c.t)} = ${c.fn}(${c.args.map((a) => this.expr(a)).join(", ")});`);
        this.line(`print_hex((${name} as u64));`);
        this.mix("h", `(${name} as u64)`);
      }
      for (const g of p.globals) {
        switch (g.type.k) {
          case "int": this.mix("h", `(${g.name} as u64)`); break;
          case "array": for (let i = 0; i < g.type.n; i++) this.mix("h", `(${g.name}[${i}] as u64)`); break;
          case "struct": for (const f of g.type.s.fields) this.mix("h", `(${g.name}.${f.name} as u64)`); break;
        }
      }
      for (const c of p.consts ?? []) {
        const msg = `BAD fold ${c.name}\n`;
        this.line(lw
          ? `if ${c.name} != ${this.expr(c.runtime)} { unsafe { syscall(1, 1, "${msg.replace("\n", "\\n")}", ${msg.length}); } }`
          : `if (${c.name} != ${this.expr(c.runtime)}) { unsafe(() => { syscall(1, 1, "${msg.replace("\n", "\\n")}", ${msg.length}); }); }`);
        this.mix("h", `(${c.name} as u64)`);
      }
      this.line("print_hex(h);");
    }
    this.line("return h;");
    this.indent--;
    this.line("}");
  }

  /** `print_hex(v)`: 16 hex digits and a newline on stdout. */
  private printHex(): void {
    if (this.lang === "lw") {
      this.out.push(`fn print_hex(v: u64) {
    let mut buf: [u8; 17];
    let mut i: u64 = 0;
    while i < 16 {
        let d: u8 = ((v >> ((15 - i) * 4)) & 15) as u8;
        if d < 10 { buf[i] = 48 + d; } else { buf[i] = 87 + d; }
        i = i + 1;
    }
    buf[16] = 10;
    unsafe { syscall(1, 1, &buf[0], 17); }
}`);
    } else {
      this.out.push(`function print_hex(v: u64): void {
    let buf: FixedArray<u8, 17> = [];
    let i: u64 = 0;
    while (i < 16) {
        const d: u8 = ((v >> ((15 - i) * 4)) & 15) as u8;
        if (d < 10) { buf[i] = 48 + d; } else { buf[i] = 87 + d; }
        i = i + 1;
    }
    buf[16] = 10;
    unsafe(() => { syscall(1, 1, addressOf(buf[0]), 17); });
}`);
    }
  }
}

function U32(): IntT {
  return { bits: 32, signed: false };
}

/** One program, or several sharing one file (generate them with distinct `prefix`es). */
export function printProgram(p: GProgram | GProgram[], lang: Lang): string {
  const printer = new Printer(lang);
  printer.programs(Array.isArray(p) ? p : [p]);
  return printer.text();
}
