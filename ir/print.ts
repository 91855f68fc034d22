/**
 * A readable, deterministic text dump of checked IR (`printProgram`), for
 * tests and `lwanga emit --ir`. Expressions print as s-expressions with
 * their types where it matters:
 *
 *   locals `x#2`, globals and functions `@symbol`, loads are the bare
 *   place, `&place` is an address, `*(p)` a deref place, `s.f` a field,
 *   `a[i]` an element; constants `5:u64`, `true`, `null:ptr`;
 *   `(add u64 a b)`, `(lt i64 a b)` (operand type), `(zext u64 x)`,
 *   `(ptradd *u32 p off)`, `(call @lw.f a b)`, `(syscall nr a1)`.
 *
 * Statements print one per line, nested blocks indented by two spaces.
 */
import type { AsmStmt, ConstValue, Expr, Func, Global, Local, Place, Program, Stmt } from "./checked.ts";
import { typeToString, type Type } from "./types.ts";

export function printProgram(p: Program): string {
  const out: string[] = [];
  for (const g of p.globals) out.push(printGlobal(g));
  if (p.globals.length > 0) out.push("");
  for (const f of p.functions) {
    out.push(...printFunc(f, f === p.main ? " [main]" : f === p.userStart ? " [start]" : ""));
    out.push("");
  }
  return out.join("\n");
}

function ty(t: Type): string {
  return typeToString(t);
}

function printGlobal(g: Global): string {
  return `global @${g.symbol}: ${ty(g.type)}${g.mutable ? " mut" : ""} = ${printConstValue(g.init)}`;
}

export function printConstValue(v: ConstValue): string {
  switch (v.kind) {
    case "int": return String(v.value);
    case "zero": return "zero";
    case "string": return quote(v.bytes);
    case "func": return `@${v.func.symbol}`;
    case "globalAddress": return `&@${v.global.symbol}`;
    case "array": return `[${v.elements.map(printConstValue).join(", ")}]`;
    case "struct": return `{${v.fields.map(printConstValue).join(", ")}}`;
  }
}

function quote(bytes: Uint8Array): string {
  let s = '"';
  for (const b of bytes) {
    if (b === 0x22) s += '\\"';
    else if (b === 0x5c) s += "\\\\";
    else if (b === 0x0a) s += "\\n";
    else if (b >= 0x20 && b < 0x7f) s += String.fromCharCode(b);
    else s += `\\x${b.toString(16).padStart(2, "0")}`;
  }
  return s + '"';
}

function localName(l: Local): string {
  return `${l.name}#${l.id}`;
}

function printLocal(l: Local): string {
  const flags = [l.mutable ? "mut" : "", l.addressTaken ? "addr" : "", l.register ? `reg(${l.register})` : ""].filter((x) => x);
  return `${localName(l)}: ${ty(l.type)}${flags.length ? " " + flags.join(" ") : ""}`;
}

function printFunc(f: Func, mark: string): string[] {
  const out: string[] = [];
  const params = f.params.map(printLocal).join(", ");
  out.push(`fn @${f.symbol}(${params}) -> ${ty(f.result)}${f.naked ? " naked" : ""}${mark} {`);
  for (const l of f.locals) if (!l.isParam) out.push(`  local ${printLocal(l)}`);
  printStmts(f.body, "  ", out);
  out.push("}");
  return out;
}

function printStmts(stmts: Stmt[], indent: string, out: string[]): void {
  for (const s of stmts) printStmt(s, indent, out);
}

function printStmt(s: Stmt, ind: string, out: string[]): void {
  const inner = ind + "  ";
  switch (s.kind) {
    case "expr": out.push(`${ind}${expr(s.expr)}`); return;
    case "assign": out.push(`${ind}${place(s.place)} = ${expr(s.value)}`); return;
    case "if":
      out.push(`${ind}if ${expr(s.cond)} {`);
      printStmts(s.then, inner, out);
      if (s.else.length > 0) {
        out.push(`${ind}} else {`);
        printStmts(s.else, inner, out);
      }
      out.push(`${ind}}`);
      return;
    case "loop": {
      const head = s.cond === null ? "forever" : s.checkFirst ? `while ${expr(s.cond)}` : "do";
      out.push(`${ind}loop#${s.id} ${head} {`);
      printStmts(s.body, inner, out);
      if (s.update.length > 0) {
        out.push(`${ind}} update {`);
        printStmts(s.update, inner, out);
      }
      out.push(`${ind}}${!s.checkFirst && s.cond ? ` while ${expr(s.cond)}` : ""}`);
      return;
    }
    case "switch":
      out.push(`${ind}switch#${s.id} ${expr(s.value)} {`);
      s.cases.forEach((c, i) => {
        const labels = c.values.map(String);
        if (s.defaultIndex === i) labels.push("default");
        out.push(`${inner}case ${labels.join(", ")}:`);
        printStmts(c.body, inner + "  ", out);
      });
      out.push(`${ind}}`);
      return;
    case "break": out.push(`${ind}break #${s.target}`); return;
    case "continue": out.push(`${ind}continue #${s.target}`); return;
    case "return": out.push(`${ind}return${s.value ? " " + expr(s.value) : ""}`); return;
    case "block":
      out.push(`${ind}{`);
      printStmts(s.body, inner, out);
      out.push(`${ind}}`);
      return;
    case "asm": out.push(...printAsm(s, ind)); return;
  }
}

function printAsm(s: AsmStmt, ind: string): string[] {
  const out = [`${ind}asm ${s.syntax}${s.extended ? " extended" : ""} {`];
  for (const l of s.lines) out.push(`${ind}  ${JSON.stringify(l)}`);
  const ops = (xs: AsmStmt["outputs"]) => xs.map((o) => `${JSON.stringify(o.constraint)}(${o.place ? place(o.place) : expr(o.expr!)})`).join(", ");
  if (s.outputs.length) out.push(`${ind}  out ${ops(s.outputs)}`);
  if (s.inputs.length) out.push(`${ind}  in ${ops(s.inputs)}`);
  if (s.clobbers.length) out.push(`${ind}  clobber ${s.clobbers.map((c) => JSON.stringify(c)).join(", ")}`);
  if (s.namedLocals.size) {
    const names = [...s.namedLocals.values()].map((v) => ("id" in v ? localName(v) : `@${v.symbol}`));
    out.push(`${ind}  names ${names.join(", ")}`);
  }
  out.push(`${ind}}`);
  return out;
}

export function place(p: Place): string {
  switch (p.kind) {
    case "local": return localName(p.local);
    case "global": return `@${p.global.symbol}`;
    case "deref": return `*(${expr(p.ptr)})`;
    case "field": {
      const base = p.base.type.kind === "struct" ? p.base.type.def.fields[p.index]?.name : undefined;
      const b = p.base.kind === "deref" ? `(${place(p.base)})` : place(p.base);
      return `${b}.${base ?? p.index}`;
    }
    case "index": return `${place(p.base)}[${expr(p.index)}]`;
  }
}

export function expr(e: Expr): string {
  switch (e.kind) {
    case "const":
      if (e.type.kind === "bool") return e.value === 0n ? "false" : "true";
      if (e.type.kind === "ptr" || e.type.kind === "str" || e.type.kind === "fn") return e.value === 0n ? `null:${ty(e.type)}` : `${e.value}:${ty(e.type)}`;
      return `${e.type.kind === "int" && e.type.signed ? BigInt.asIntN(e.type.bits, e.value) : e.value}:${ty(e.type)}`;
    case "string": return quote(e.bytes);
    case "enc": return `(enc ${quote(e.bytes)})`;
    case "load": return place(e.place);
    case "addressOf": return `&${place(e.place)}`;
    case "funcRef": return `@${e.func.symbol}`;
    case "unary": return `(${e.op} ${ty(e.type)} ${expr(e.operand)})`;
    case "arith": return `(${e.op} ${ty(e.type)} ${expr(e.left)} ${expr(e.right)})`;
    case "compare": return `(${e.op} ${ty(e.left.type)} ${expr(e.left)} ${expr(e.right)})`;
    case "logical": return `(${e.op} ${expr(e.left)} ${expr(e.right)})`;
    case "convert": return `(${e.op} ${ty(e.type)} ${expr(e.operand)})`;
    case "ptrAdd": return `(ptradd ${ty(e.type)} ${expr(e.ptr)} ${expr(e.offset)})`;
    case "call": return `(call @${e.func.symbol}${e.args.map((a) => " " + expr(a)).join("")})`;
    case "callIndirect": return `(callind ${expr(e.callee)}${e.args.map((a) => " " + expr(a)).join("")})`;
    case "syscall": return `(syscall${e.args.map((a) => " " + expr(a)).join("")})`;
    case "conditional": return `(if ${expr(e.cond)} ${expr(e.then)} ${expr(e.else)})`;
    case "block": {
      const lines: string[] = [];
      printStmts(e.body, "", lines);
      return `(block {${lines.map((l) => " " + l.trim()).join(";")} }${e.result ? " " + expr(e.result) : ""})`;
    }
    case "structValue": return `${ty(e.type)}{${e.fields.map(expr).join(", ")}}`;
    case "arrayValue": return `${ty(e.type)}[${e.elements.map(expr).join(", ")}]`;
    case "arrayRepeat": return `${ty(e.type)}[${expr(e.value)}; ..]`;
    case "zero": return `zero:${ty(e.type)}`;
  }
}
