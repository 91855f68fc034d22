/**
 * A compact S-expression dump of syntax IR, for tests and debugging of the
 * Lwanga front end: `(+ a (* b c))`, `(as (+ x y) u32)`, `(let mut x u64 1)`.
 * Spans are left out; tests check them separately.
 */
import type { Block, Decl, Expr, Stmt, TypeExpr } from "../ir/syntax.ts";

const text = new TextDecoder();

export function dumpType(t: TypeExpr | null): string {
  if (!t) return "_";
  switch (t.kind) {
    case "named": return t.name;
    case "pointer": return `*${dumpType(t.to)}`;
    case "array": return `[${dumpType(t.elem)}; ${dumpExpr(t.length)}]`;
    case "fn": return `fn(${t.params.map(dumpType).join(", ")})${t.result ? ` -> ${dumpType(t.result)}` : ""}`;
  }
}

export function dumpExpr(e: Expr | null): string {
  if (!e) return "_";
  switch (e.kind) {
    case "int": return e.char ? `'${e.value}` : e.text === "<error>" ? "<error>" : String(e.value);
    case "bool": return String(e.value);
    case "string": return JSON.stringify(text.decode(e.bytes));
    case "enc": return `(enc ${JSON.stringify(text.decode(e.bytes))})`;
    case "name": return e.name;
    case "unary": return `(${e.op} ${dumpExpr(e.operand)})`;
    case "deref": return `(deref ${dumpExpr(e.operand)})`;
    case "addressOf": return `(addr ${dumpExpr(e.operand)})`;
    case "binary": return `(${e.op} ${dumpExpr(e.left)} ${dumpExpr(e.right)})`;
    case "cast": return `(as ${dumpExpr(e.operand)} ${dumpType(e.type)})`;
    case "call": return `(call ${[e.callee, ...e.args].map(dumpExpr).join(" ")})`;
    case "syscall": return `(syscall ${e.args.map(dumpExpr).join(" ")})`;
    case "index": return `(index ${dumpExpr(e.base)} ${dumpExpr(e.index)})`;
    case "field": return `(. ${dumpExpr(e.base)} ${e.field})`;
    case "structLit": return `(struct ${e.name}${e.fields.map((f) => ` ${f.name}=${dumpExpr(f.value)}`).join("")})`;
    case "arrayLit": return `[${e.elements.map(dumpExpr).join(" ")}]`;
    case "arrayRepeat": return `[${dumpExpr(e.value)}; ${dumpExpr(e.count)}]`;
    case "conditional": return `(? ${dumpExpr(e.cond)} ${dumpExpr(e.then)} ${dumpExpr(e.else)})`;
    case "blockExpr": return `{${e.unsafe ? "unsafe " : ""}${e.body.map(dumpStmt).join(" ")}${e.body.length ? " " : ""}=> ${dumpExpr(e.result)}}`;
    case "sizeof": return `(sizeof ${dumpType(e.type)})`;
  }
}

function dumpBlock(b: Block): string {
  return `{${b.unsafe ? "unsafe" : ""}${b.body.map((s) => " " + dumpStmt(s)).join("")}}`;
}

export function dumpStmt(s: Stmt): string {
  switch (s.kind) {
    case "block": return dumpBlock(s);
    case "let": return `(let${s.mutable ? " mut" : ""}${s.register ? ` register=${s.register}` : ""} ${s.name} ${dumpType(s.type)} ${dumpExpr(s.init)})`;
    case "const": return `(const ${s.name} ${dumpType(s.type)} ${dumpExpr(s.init)})`;
    case "assign": return `(${s.op ?? ""}= ${dumpExpr(s.target)} ${dumpExpr(s.value)})`;
    case "expr": return dumpExpr(s.expr);
    case "if": return `(if ${dumpExpr(s.cond)} ${dumpBlock(s.then)}${s.else ? " " + dumpBlock(s.else) : ""})`;
    case "loop": return `(loop ${dumpExpr(s.cond)} ${dumpBlock(s.body)}${s.update.length ? ` update ${s.update.map(dumpStmt).join(" ")}` : ""})`;
    case "switch": return `(switch ${dumpExpr(s.value)})`;
    case "break": return "break";
    case "continue": return "continue";
    case "return": return `(return ${dumpExpr(s.value)})`;
    case "asm": {
      const ops = (list: { constraint: string; expr: Expr }[]) => list.map((o) => `${JSON.stringify(o.constraint)}(${dumpExpr(o.expr)})`).join(" ");
      return `(asm ${JSON.stringify(s.lines)}${s.extended ? ` out[${ops(s.outputs)}] in[${ops(s.inputs)}] clobber${JSON.stringify(s.clobbers)}` : ""})`;
    }
  }
}

export function dumpDecl(d: Decl): string {
  switch (d.kind) {
    case "fn":
      return `(${d.unsafe ? "unsafe " : ""}${d.naked ? "naked " : ""}fn ${d.name} (${d.params.map((p) => `${p.name}: ${dumpType(p.type)}`).join(", ")}) ${dumpType(d.result)} ${dumpBlock(d.body)})`;
    case "const": return `(const ${d.name} ${dumpType(d.type)} ${dumpExpr(d.init)})`;
    case "global": return `(global${d.mutable ? " mut" : ""} ${d.name} ${dumpType(d.type)} ${dumpExpr(d.init)})`;
    case "struct": return `(${d.packed ? "packed " : ""}struct ${d.name}${d.fields.map((f) => ` ${f.name}: ${dumpType(f.type)}`).join("")})`;
  }
}
