/**
 * An independent checker of the checked IR's guarantees (ir/checked.ts):
 * every node's operand types are exactly what the node documents, no
 * `error` type survives, locals belong to their function, break/continue
 * name an enclosing loop or switch, and returns match the result type.
 * `validateProgram` returns the list of violations (empty when sound).
 *
 * It exists for tests (every program the checker accepts must validate)
 * and as a debugging aid for lowering; a violation is a checker bug.
 */
import type { Expr, Func, Place, Program, Stmt, Type } from "../checked.ts";
import { sizeOf, typeToString } from "../types.ts";

function same(a: Type, b: Type): boolean {
  if (a.kind === "error" || b.kind === "error") return false;
  switch (a.kind) {
    case "int": return b.kind === "int" && a.bits === b.bits && a.signed === b.signed;
    case "ptr":
      if (b.kind !== "ptr") return false;
      if (a.to === null || b.to === null) return a.to === b.to;
      return same(a.to, b.to);
    case "array": return b.kind === "array" && a.length === b.length && same(a.elem, b.elem);
    case "struct": return b.kind === "struct" && a.def === b.def;
    case "fn": return b.kind === "fn" && a.params.length === b.params.length && a.params.every((p, i) => same(p, b.params[i])) && same(a.result, b.result);
    default: return a.kind === b.kind;
  }
}

const pointerLike = (t: Type) => t.kind === "ptr" || t.kind === "str" || t.kind === "fn";
const is64 = (t: Type) => t.kind === "int" && t.bits === 64;

export function validateProgram(p: Program): string[] {
  const problems: string[] = [];
  for (const g of p.globals) if (hasError(g.type)) problems.push(`global ${g.symbol} has an error type`);
  for (const f of p.functions) validateFunc(f, problems);
  return problems;
}

function hasError(t: Type): boolean {
  switch (t.kind) {
    case "error": return true;
    case "ptr": return t.to !== null && t.to.kind !== "struct" && hasError(t.to);
    case "array": return hasError(t.elem);
    case "fn": return t.params.some(hasError) || hasError(t.result);
    default: return false;
  }
}

function validateFunc(f: Func, out: string[]): void {
  const locals = new Set(f.locals);
  const targets: number[] = [];
  const loops: number[] = [];
  const bad = (msg: string, span?: { start: number }): void => void out.push(`${f.symbol}@${span?.start ?? "?"}: ${msg}`);
  const ty = typeToString;

  const place = (p: Place): void => {
    if (hasError(p.type)) bad("place has an error type", p.span);
    switch (p.kind) {
      case "local":
        if (!locals.has(p.local)) bad(`local ${p.local.name} is not in the function's locals`, p.span);
        if (!same(p.type, p.local.type)) bad(`local place type ${ty(p.type)} != ${ty(p.local.type)}`, p.span);
        return;
      case "global":
        if (!same(p.type, p.global.type)) bad("global place type mismatch", p.span);
        return;
      case "deref": {
        expr(p.ptr);
        const t = p.ptr.type;
        if (t.kind === "ptr") { if (!same(p.type, t.to ?? { kind: "int", bits: 8, signed: false })) bad(`deref type ${ty(p.type)} of ${ty(t)}`, p.span); }
        else if (t.kind === "str") { if (!(p.type.kind === "int" && p.type.bits === 8 && !p.type.signed)) bad("deref of str must be u8", p.span); }
        else bad(`deref of ${ty(t)}`, p.span);
        return;
      }
      case "field": {
        place(p.base);
        const t = p.base.type;
        if (t.kind !== "struct") return bad("field of a non-struct", p.span);
        const fd = t.def.fields[p.index];
        if (!fd || fd.offset !== p.offset || !same(fd.type, p.type)) bad("field index/offset/type mismatch", p.span);
        return;
      }
      case "index": {
        place(p.base);
        expr(p.index);
        const t = p.base.type;
        if (t.kind !== "array" || !same(t.elem, p.type)) bad("index of a non-array or wrong element type", p.span);
        if (p.index.type.kind !== "int") bad("index is not an integer", p.span);
        return;
      }
    }
  };

  const expr = (e: Expr): void => {
    if (hasError(e.type)) bad(`${e.kind} has an error type`, e.span);
    const t = e.type;
    switch (e.kind) {
      case "const":
        if (!(t.kind === "int" || t.kind === "bool" || pointerLike(t))) bad(`const of type ${ty(t)}`, e.span);
        if (e.value < 0n || e.value >= 1n << BigInt(t.kind === "int" ? t.bits : t.kind === "bool" ? 1 : 64)) bad(`const ${e.value} out of range for ${ty(t)}`, e.span);
        if (pointerLike(t) && e.value !== 0n) bad("non-null pointer const", e.span);
        return;
      case "string": if (t.kind !== "str") bad("string not str", e.span); return;
      case "enc": if (!(t.kind === "ptr" && t.to === null)) bad("enc not ptr", e.span); return;
      case "load": place(e.place); if (!same(t, e.place.type)) bad("load type mismatch", e.span); return;
      case "addressOf":
        place(e.place);
        if (!(t.kind === "ptr" && t.to !== null && same(t.to, e.place.type))) bad("addressOf type mismatch", e.span);
        return;
      case "funcRef":
        if (!same(t, { kind: "fn", params: e.func.params.map((x) => x.type), result: e.func.result })) bad("funcRef type mismatch", e.span);
        return;
      case "unary":
        expr(e.operand);
        if (!same(t, e.operand.type)) bad("unary type mismatch", e.span);
        if (e.op === "not" ? t.kind !== "bool" : t.kind !== "int") bad(`unary ${e.op} on ${ty(t)}`, e.span);
        return;
      case "arith":
        expr(e.left); expr(e.right);
        if (!same(e.left.type, t) || !same(e.right.type, t)) bad(`arith ${e.op} operands ${ty(e.left.type)}, ${ty(e.right.type)} vs ${ty(t)}`, e.span);
        if (!(t.kind === "int" || (t.kind === "bool" && (e.op === "and" || e.op === "or" || e.op === "xor")))) bad(`arith ${e.op} on ${ty(t)}`, e.span);
        return;
      case "compare":
        expr(e.left); expr(e.right);
        if (!same(e.left.type, e.right.type)) bad(`compare operands ${ty(e.left.type)} vs ${ty(e.right.type)}`, e.span);
        if (t.kind !== "bool") bad("compare result not bool", e.span);
        return;
      case "logical":
        expr(e.left); expr(e.right);
        if (e.left.type.kind !== "bool" || e.right.type.kind !== "bool" || t.kind !== "bool") bad("logical on non-bool", e.span);
        return;
      case "convert": {
        expr(e.operand);
        const s = e.operand.type;
        let ok = false;
        switch (e.op) {
          case "trunc": ok = s.kind === "int" && t.kind === "int" && t.bits < s.bits; break;
          case "zext": case "sext": ok = s.kind === "int" && t.kind === "int" && t.bits > s.bits; break;
          case "reinterpret": ok = s.kind === "int" && t.kind === "int" && t.bits === s.bits && t.signed !== s.signed; break;
          case "boolToInt": ok = s.kind === "bool" && t.kind === "int"; break;
          case "toBool": ok = (s.kind === "int" || pointerLike(s)) && t.kind === "bool"; break;
          case "ptrToInt": ok = pointerLike(s) && is64(t); break;
          case "intToPtr": ok = is64(s) && pointerLike(t); break;
          case "ptrCast": ok = pointerLike(s) && pointerLike(t); break;
        }
        if (!ok) bad(`convert ${e.op} ${ty(s)} -> ${ty(t)}`, e.span);
        return;
      }
      case "ptrAdd":
        expr(e.ptr); expr(e.offset);
        if (!same(e.ptr.type, t) || !(t.kind === "ptr" || t.kind === "str")) bad("ptrAdd pointer type", e.span);
        if (!is64(e.offset.type)) bad("ptrAdd offset not 64-bit", e.span);
        return;
      case "call": case "callIndirect": {
        let params: Type[];
        let result: Type;
        if (e.kind === "call") {
          params = e.func.params.map((x) => x.type);
          result = e.func.result;
        } else {
          expr(e.callee);
          if (e.callee.type.kind !== "fn") return bad("callIndirect of non-fn", e.span);
          params = e.callee.type.params;
          result = e.callee.type.result;
        }
        e.args.forEach(expr);
        if (e.args.length !== params.length || e.args.some((a, i) => !same(a.type, params[i]))) bad("call argument types", e.span);
        if (!same(result, t)) bad("call result type", e.span);
        return;
      }
      case "syscall":
        e.args.forEach(expr);
        if (e.args.length < 1 || e.args.length > 7 || e.args.some((a) => !is64(a.type))) bad("syscall args", e.span);
        if (!(t.kind === "int" && t.bits === 64 && t.signed)) bad("syscall type", e.span);
        return;
      case "conditional":
        expr(e.cond); expr(e.then); expr(e.else);
        if (e.cond.type.kind !== "bool" || !same(e.then.type, t) || !same(e.else.type, t)) bad("conditional types", e.span);
        return;
      case "block":
        stmts(e.body);
        if (e.result) { expr(e.result); if (!same(e.result.type, t)) bad("block result type", e.span); }
        else if (t.kind !== "void") bad("block without result must be void", e.span);
        return;
      case "structValue":
        e.fields.forEach(expr);
        if (t.kind !== "struct" || t.def.fields.length !== e.fields.length || e.fields.some((x, i) => !same(x.type, (t.def.fields[i]).type))) bad("structValue fields", e.span);
        return;
      case "arrayValue":
        e.elements.forEach(expr);
        if (t.kind !== "array" || t.length !== e.elements.length || e.elements.some((x) => !same(x.type, t.elem))) bad("arrayValue elements", e.span);
        return;
      case "arrayRepeat":
        expr(e.value);
        if (t.kind !== "array" || !same(e.value.type, t.elem)) bad("arrayRepeat element", e.span);
        return;
      case "zero":
        if (t.kind === "void") bad("zero of void", e.span);
        return;
    }
  };

  const stmts = (ss: Stmt[]): void => ss.forEach(stmt);
  const stmt = (s: Stmt): void => {
    switch (s.kind) {
      case "expr": expr(s.expr); return;
      case "assign":
        place(s.place); expr(s.value);
        if (!same(s.place.type, s.value.type)) bad(`assign ${ty(s.value.type)} to ${ty(s.place.type)}`, s.span);
        if (sizeOf(s.place.type) === 0 && s.place.type.kind !== "array" && s.place.type.kind !== "struct") bad("assign of a sizeless type", s.span);
        return;
      case "if":
        expr(s.cond);
        if (s.cond.type.kind !== "bool") bad("if condition not bool", s.span);
        stmts(s.then); stmts(s.else);
        return;
      case "loop":
        if (s.cond) { expr(s.cond); if (s.cond.type.kind !== "bool") bad("loop condition not bool", s.span); }
        targets.push(s.id); loops.push(s.id);
        stmts(s.body); stmts(s.update);
        targets.pop(); loops.pop();
        return;
      case "switch":
        expr(s.value);
        if (s.value.type.kind !== "int") bad("switch on non-integer", s.span);
        targets.push(s.id);
        for (const c of s.cases) {
          for (const v of c.values) if (v < 0n || (s.value.type.kind === "int" && v >= 1n << BigInt(s.value.type.bits))) bad("case value not a bit pattern", c.span);
          stmts(c.body);
        }
        targets.pop();
        return;
      case "break": if (!targets.includes(s.target)) bad("break target not enclosing", s.span); return;
      case "continue": if (!loops.includes(s.target)) bad("continue target not an enclosing loop", s.span); return;
      case "return":
        if (s.value) { expr(s.value); if (!same(s.value.type, f.result)) bad("return type mismatch", s.span); }
        else if (f.result.kind !== "void" && !f.naked) bad("return without value", s.span);
        return;
      case "block": stmts(s.body); return;
      case "asm":
        for (const o of s.outputs) if (o.place) place(o.place);
        for (const i of s.inputs) if (i.expr) expr(i.expr);
        return;
    }
  };
  if (hasError(f.result) || f.params.some((x) => hasError(x.type))) bad("signature has an error type");
  stmts(f.body);
}
