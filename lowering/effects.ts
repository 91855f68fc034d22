/**
 * What may be evaluated out of source order. Lowering evaluates most things
 * in order; an aggregate assignment is the exception worth avoiding a copy
 * for: storing straight into the destination needs its address before the
 * value is built, while the language (and the reference interpreter)
 * evaluates the value first. These predicates say when the two orders
 * cannot differ. Both are conservative: false means "maybe".
 *
 * - `fixedPlace`: the address reads nothing that can change (a local or
 *   global, its fields, constant indices).
 * - `quietExpr` / `quietPlace`: evaluating it writes no memory, calls
 *   nothing and cannot trap (no division, no load through a pointer), so
 *   nothing evaluated before or after it can tell when it ran.
 */
import type { Expr, Place } from "../ir/checked.ts";

export function fixedPlace(p: Place): boolean {
  switch (p.kind) {
    case "local": case "global": return true;
    case "deref": return false;
    case "field": return fixedPlace(p.base);
    case "index": return fixedPlace(p.base) && p.index.kind === "const";
  }
}

export function quietPlace(p: Place): boolean {
  switch (p.kind) {
    case "local": case "global": return true;
    case "deref": return false;
    case "field": return quietPlace(p.base);
    case "index": return quietPlace(p.base) && quietExpr(p.index);
  }
}

export function quietExpr(e: Expr): boolean {
  switch (e.kind) {
    case "const": case "string": case "funcRef": case "zero": return true;
    case "load": case "addressOf": return quietPlace(e.place);
    case "unary": case "convert": return quietExpr(e.operand);
    case "arith": return e.op !== "div" && e.op !== "rem" && quietExpr(e.left) && quietExpr(e.right);
    case "compare": case "logical": return quietExpr(e.left) && quietExpr(e.right);
    case "ptrAdd": return quietExpr(e.ptr) && quietExpr(e.offset);
    case "conditional": return quietExpr(e.cond) && quietExpr(e.then) && quietExpr(e.else);
    case "structValue": return e.fields.every(quietExpr);
    case "arrayValue": return e.elements.every(quietExpr);
    case "arrayRepeat": return quietExpr(e.value);
    case "enc": case "call": case "callIndirect": case "syscall": case "block": return false;
  }
}
