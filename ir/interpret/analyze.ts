/**
 * A pre-pass over the checked IR, once per program: which locals must live
 * in memory (aggregates and any local whose address is taken — found here
 * by walking the body rather than trusting `addressTaken` alone), the frame
 * layout of each function (byte offsets of its memory locals and of the
 * buffers of its `enc` strings), and every string constant (interned into
 * the read-only region by content, as the linker may merge them).
 */
import type { ConstValue, Expr, Func, Local, Place, Program, Stmt } from "../checked.ts";
import { alignOf, isAggregate, sizeOf } from "../types.ts";

export interface FrameLayout {
  /** Register-like locals: index into the frame's bigint slots. */
  slotOf: Map<Local, number>;
  slotCount: number;
  /** Memory locals: byte offset from the frame base. */
  offsetOf: Map<Local, number>;
  /** `enc` expressions: offset of their NUL-terminated plaintext buffer. */
  encOffsetOf: Map<Expr, number>;
  /** Total frame bytes, a multiple of 16. */
  size: number;
}

function alignUp(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}

/** The local a place is rooted at, when the place lives inside that local. */
function rootLocal(p: Place): Local | null {
  switch (p.kind) {
    case "local": return p.local;
    case "field": case "index": return rootLocal(p.base);
    case "global": case "deref": return null;
  }
}

/** Calls `onExpr` for every expression and `onPlace` for every place, depth first. */
export class Walker {
  constructor(
    private onExpr: (e: Expr) => void,
    private onPlace: (p: Place) => void = () => {},
  ) {}

  stmts(list: Stmt[]): void {
    for (const s of list) this.stmt(s);
  }

  stmt(s: Stmt): void {
    switch (s.kind) {
      case "expr": this.expr(s.expr); return;
      case "assign": this.place(s.place); this.expr(s.value); return;
      case "if": this.expr(s.cond); this.stmts(s.then); this.stmts(s.else); return;
      case "loop": if (s.cond) this.expr(s.cond); this.stmts(s.body); this.stmts(s.update); return;
      case "switch": this.expr(s.value); for (const c of s.cases) this.stmts(c.body); return;
      case "break": case "continue": return;
      case "return": if (s.value) this.expr(s.value); return;
      case "block": this.stmts(s.body); return;
      case "asm":
        for (const o of [...s.outputs, ...s.inputs]) {
          if (o.place) this.place(o.place);
          if (o.expr) this.expr(o.expr);
        }
        return;
    }
  }

  place(p: Place): void {
    this.onPlace(p);
    switch (p.kind) {
      case "local": case "global": return;
      case "deref": this.expr(p.ptr); return;
      case "field": this.place(p.base); return;
      case "index": this.place(p.base); this.expr(p.index); return;
    }
  }

  expr(e: Expr): void {
    this.onExpr(e);
    switch (e.kind) {
      case "const": case "string": case "enc": case "funcRef": case "zero": return;
      case "load": case "addressOf": this.place(e.place); return;
      case "unary": case "convert": this.expr(e.operand); return;
      case "arith": case "compare": case "logical": this.expr(e.left); this.expr(e.right); return;
      case "ptrAdd": this.expr(e.ptr); this.expr(e.offset); return;
      case "call": case "syscall": for (const a of e.args) this.expr(a); return;
      case "callIndirect": this.expr(e.callee); for (const a of e.args) this.expr(a); return;
      case "conditional": this.expr(e.cond); this.expr(e.then); this.expr(e.else); return;
      case "block": this.stmts(e.body); if (e.result) this.expr(e.result); return;
      case "structValue": for (const f of e.fields) this.expr(f); return;
      case "arrayValue": for (const x of e.elements) this.expr(x); return;
      case "arrayRepeat": this.expr(e.value); return;
    }
  }
}

export function layoutFrame(func: Func): FrameLayout {
  const inMemory = new Set<Local>();
  const encs: Expr[] = [];
  new Walker(
    (e) => {
      if (e.kind === "addressOf") {
        const root = rootLocal(e.place);
        if (root) inMemory.add(root);
      } else if (e.kind === "enc") encs.push(e);
    },
    () => {},
  ).stmts(func.body);
  // asm naming locals needs memory too (the interpreter refuses asm anyway).
  const layout: FrameLayout = { slotOf: new Map(), slotCount: 0, offsetOf: new Map(), encOffsetOf: new Map(), size: 0 };
  let offset = 0;
  const locals = func.locals.length ? func.locals : func.params;
  for (const local of locals) {
    if (local.addressTaken || inMemory.has(local) || isAggregate(local.type)) {
      offset = alignUp(offset, alignOf(local.type));
      layout.offsetOf.set(local, offset);
      offset += Math.max(1, sizeOf(local.type));
    } else {
      layout.slotOf.set(local, layout.slotCount++);
    }
  }
  // Parameters missing from `locals` (should not happen) still get a slot.
  for (const p of func.params) if (!layout.slotOf.has(p) && !layout.offsetOf.has(p)) layout.slotOf.set(p, layout.slotCount++);
  for (const e of encs) {
    if (e.kind !== "enc") continue;
    layout.encOffsetOf.set(e, offset);
    offset += e.bytes.length + 1;
  }
  layout.size = alignUp(offset, 16);
  return layout;
}

/** Every string constant of the program (expressions and global initialisers). */
export function collectStrings(program: Program): Uint8Array[] {
  const out: Uint8Array[] = [];
  const walker = new Walker((e) => {
    if (e.kind === "string") out.push(e.bytes);
  });
  for (const f of program.functions) walker.stmts(f.body);
  const visit = (v: ConstValue): void => {
    switch (v.kind) {
      case "string": out.push(v.bytes); return;
      case "array": v.elements.forEach(visit); return;
      case "struct": v.fields.forEach(visit); return;
      default: return;
    }
  };
  for (const g of program.globals) visit(g.init);
  return out;
}
