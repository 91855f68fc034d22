/**
 * The evaluator: executes checked-IR statements and expressions of a loaded
 * program image (see `image.ts`) against its `Memory`. Scalars are unsigned
 * bigint bit patterns, aggregates `Uint8Array` copies. Statements return a
 * completion (normal, break, continue, return); a break/continue/return that
 * sits inside an expression (a block expression) travels as an `Escape`
 * exception to the statement that owns its target. Operands are evaluated
 * left to right; an assignment evaluates its value before its place.
 */
import type { Expr, Func, Local, Place, Stmt } from "../checked.ts";
import type { Type } from "../types.ts";
import { isAggregate, sizeOf } from "../types.ts";
import type { FrameLayout } from "./analyze.ts";
import type { Image } from "./image.ts";
import { arith, compare, convert, unary } from "./ops.ts";
import { syscall, type SyscallHost } from "./syscalls.ts";
import { Trap } from "./trap.ts";

export type Value = bigint | Uint8Array;

type Completion =
  | null
  | { kind: "break"; target: number }
  | { kind: "continue"; target: number }
  | { kind: "return"; value: Value | null };

class Escape {
  constructor(readonly completion: Exclude<Completion, null>) {}
}

interface Frame {
  func: Func;
  layout: FrameLayout;
  slots: bigint[];
  /** Address of the frame's memory (memory locals, enc buffers). */
  base: bigint;
}

export interface MachineLimits {
  maxSteps: number;
  maxDepth: number;
}

const RETURN_VOID: Completion = { kind: "return", value: null };

export class Machine {
  private steps = 0;
  private depth = 0;
  private frame!: Frame;

  constructor(
    private image: Image,
    private host: SyscallHost,
    private limits: MachineLimits,
  ) {}

  private step(): void {
    if (++this.steps > this.limits.maxSteps) throw Trap.error(`step limit of ${this.limits.maxSteps} exceeded`);
  }

  // ------------------------------------------------------------ calls

  call(func: Func, args: Value[]): Value | null {
    if (func.naked) throw Trap.error(`naked function '${func.name}' cannot be interpreted`);
    this.step();
    if (++this.depth > this.limits.maxDepth) throw Trap.error(`recursion depth limit of ${this.limits.maxDepth} exceeded in '${func.name}'`);
    const layout = this.image.layoutOf(func);
    const memory = this.image.memory;
    const newSp = this.image.sp - layout.size;
    if (newSp < this.image.stackLimit) throw Trap.signal("SIGSEGV");
    const saved = this.frame;
    const savedSp = this.image.sp;
    this.image.sp = newSp;
    const frame: Frame = { func, layout, slots: new Array<bigint>(layout.slotCount).fill(0n), base: memory.addressOf(newSp) };
    // Fresh frames start zeroed so that runs are reproducible.
    memory.bytes.fill(0, newSp, newSp + layout.size);
    for (let i = 0; i < func.params.length; i++) this.storeLocal(frame, func.params[i], args[i] ?? 0n);
    this.frame = frame;
    try {
      let c: Completion;
      try {
        c = this.execList(func.body);
      } catch (e) {
        if (e instanceof Escape && e.completion.kind === "return") c = e.completion;
        else throw e;
      }
      if (c !== null && c.kind === "return") return c.value;
      // Falling off the end: fine for void; a non-void function traps (lowering emits a trap).
      if (func.result.kind === "void") return null;
      throw Trap.signal("SIGILL");
    } finally {
      this.frame = saved;
      this.image.sp = savedSp;
      this.depth--;
    }
  }

  private storeLocal(frame: Frame, local: Local, v: Value): void {
    const slot = frame.layout.slotOf.get(local);
    if (slot !== undefined) {
      frame.slots[slot] = v as bigint;
      return;
    }
    const off = frame.layout.offsetOf.get(local);
    if (off === undefined) throw Trap.error(`local '${local.name}' is not in the frame of '${frame.func.name}'`);
    this.storeValue(frame.base + BigInt(off), local.type, v);
  }

  // ------------------------------------------------------------ memory values

  private loadValue(addr: bigint, t: Type): Value {
    const memory = this.image.memory;
    if (isAggregate(t)) return memory.loadBytes(addr, sizeOf(t));
    const v = memory.loadInt(addr, sizeOf(t));
    // A bool byte other than 0/1 (written through a pointer) reads as true.
    return t.kind === "bool" ? (v === 0n ? 0n : 1n) : v;
  }

  private storeValue(addr: bigint, t: Type, v: Value): void {
    const memory = this.image.memory;
    if (v instanceof Uint8Array) memory.storeBytes(addr, v);
    else memory.storeInt(addr, sizeOf(t), v);
  }

  // ------------------------------------------------------------ places

  /** The address of a memory place (every place except a slot local). */
  private address(p: Place): bigint {
    switch (p.kind) {
      case "local": {
        const off = this.frame.layout.offsetOf.get(p.local);
        if (off === undefined) throw Trap.error(`address of register local '${p.local.name}'`);
        return this.frame.base + BigInt(off);
      }
      case "global": return this.image.globalAddress(p.global);
      case "deref": return this.scalar(p.ptr);
      case "field": return BigInt.asUintN(64, this.address(p.base) + BigInt(p.offset));
      case "index": {
        const base = this.address(p.base);
        let i = this.scalar(p.index);
        const it = p.index.type;
        if (it.kind === "int" && it.signed) i = BigInt.asIntN(it.bits, i);
        return BigInt.asUintN(64, base + i * BigInt(sizeOf(p.type)));
      }
    }
  }

  private readPlace(p: Place): Value {
    if (p.kind === "local") {
      const slot = this.frame.layout.slotOf.get(p.local);
      if (slot !== undefined) return this.frame.slots[slot];
    }
    return this.loadValue(this.address(p), p.type);
  }

  private writePlace(p: Place, value: Expr): void {
    if (p.kind === "local") {
      const slot = this.frame.layout.slotOf.get(p.local);
      if (slot !== undefined) {
        this.frame.slots[slot] = this.eval(value) as bigint;
        return;
      }
    }
    // Value first, then the place's address (as Rust does, and as lowering does for scalars).
    const v = this.eval(value);
    this.storeValue(this.address(p), p.type, v);
  }

  // ------------------------------------------------------------ statements

  private execList(list: Stmt[]): Completion {
    for (let i = 0; i < list.length; i++) {
      const c = this.exec(list[i]);
      if (c !== null) return c;
    }
    return null;
  }

  private exec(s: Stmt): Completion {
    this.step();
    switch (s.kind) {
      case "expr": this.eval(s.expr); return null;
      case "assign": this.writePlace(s.place, s.value); return null;
      case "if": return this.execList(this.scalar(s.cond) !== 0n ? s.then : s.else);
      case "loop": return this.execLoop(s);
      case "switch": return this.execSwitch(s);
      case "break": return { kind: "break", target: s.target };
      case "continue": return { kind: "continue", target: s.target };
      case "return": return s.value ? { kind: "return", value: this.eval(s.value) } : RETURN_VOID;
      case "block": return this.execList(s.body);
      case "asm": throw Trap.error("inline assembly cannot be interpreted");
    }
  }

  private execLoop(s: Extract<Stmt, { kind: "loop" }>): Completion {
    if (s.checkFirst && s.cond && this.scalar(s.cond) === 0n) return null;
    for (;;) {
      this.step();
      let c: Completion;
      try {
        c = this.execList(s.body);
      } catch (e) {
        if (e instanceof Escape && e.completion.kind !== "return" && e.completion.target === s.id) c = e.completion;
        else throw e;
      }
      if (c !== null) {
        if (c.kind === "break" && c.target === s.id) return null;
        if (!(c.kind === "continue" && c.target === s.id)) return c;
      }
      const u = this.execList(s.update);
      if (u !== null) return u;
      if (s.cond && this.scalar(s.cond) === 0n) return null;
    }
  }

  private execSwitch(s: Extract<Stmt, { kind: "switch" }>): Completion {
    const v = this.scalar(s.value);
    let start = s.cases.findIndex((c) => c.values.includes(v));
    if (start < 0) start = s.defaultIndex ?? s.cases.length;
    for (let i = start; i < s.cases.length; i++) {
      let c: Completion;
      try {
        c = this.execList(s.cases[i].body);
      } catch (e) {
        if (e instanceof Escape && e.completion.kind === "break" && e.completion.target === s.id) c = e.completion;
        else throw e;
      }
      if (c !== null) return c.kind === "break" && c.target === s.id ? null : c;
    }
    return null;
  }

  // ------------------------------------------------------------ expressions

  private scalar(e: Expr): bigint {
    return this.eval(e) as bigint;
  }

  eval(e: Expr): Value {
    switch (e.kind) {
      case "const": return e.value;
      case "string": return this.image.stringAddress(e.bytes);
      case "enc": {
        const off = this.frame.layout.encOffsetOf.get(e);
        if (off === undefined) throw Trap.error("enc string outside its frame");
        const addr = this.frame.base + BigInt(off);
        const buf = new Uint8Array(e.bytes.length + 1);
        buf.set(e.bytes);
        this.image.memory.storeBytes(addr, buf);
        return addr;
      }
      case "load": return this.readPlace(e.place);
      case "addressOf": return this.address(e.place);
      case "funcRef": return this.image.functionAddress(e.func);
      case "unary": return unary(e.op, e.type, this.scalar(e.operand));
      case "arith": {
        const a = this.scalar(e.left);
        return arith(e.op, e.type, a, this.scalar(e.right));
      }
      case "compare": {
        const a = this.scalar(e.left);
        return compare(e.op, e.left.type, a, this.scalar(e.right)) ? 1n : 0n;
      }
      case "logical": {
        const a = this.scalar(e.left);
        if (e.op === "and" ? a === 0n : a !== 0n) return a;
        return this.scalar(e.right) === 0n ? 0n : 1n;
      }
      case "convert": return convert(e.op, e.operand.type, e.type, this.scalar(e.operand));
      case "ptrAdd": {
        const p = this.scalar(e.ptr);
        return BigInt.asUintN(64, p + this.scalar(e.offset));
      }
      case "call": {
        const args = e.args.map((a) => this.eval(a));
        return this.call(e.func, args) ?? 0n;
      }
      case "callIndirect": {
        const callee = this.scalar(e.callee);
        const args = e.args.map((a) => this.eval(a));
        const func = this.image.functionAt(callee);
        if (!func) throw Trap.signal("SIGSEGV");
        return this.call(func, args) ?? 0n;
      }
      case "syscall": {
        const args = e.args.map((a) => this.scalar(a));
        return syscall(this.image.memory, this.host, args);
      }
      case "conditional": return this.scalar(e.cond) !== 0n ? this.eval(e.then) : this.eval(e.else);
      case "block": {
        const c = this.execList(e.body);
        if (c !== null) throw new Escape(c);
        return e.result ? this.eval(e.result) : 0n;
      }
      case "structValue": {
        if (e.type.kind !== "struct") throw Trap.error("struct value of non-struct type");
        const out = new Uint8Array(e.type.def.size);
        e.type.def.fields.forEach((f, i) => this.writeInto(out, f.offset, f.type, this.eval(e.fields[i])));
        return out;
      }
      case "arrayValue": {
        if (e.type.kind !== "array") throw Trap.error("array value of non-array type");
        const elemSize = sizeOf(e.type.elem);
        const out = new Uint8Array(sizeOf(e.type));
        for (let i = 0; i < e.elements.length; i++) this.writeInto(out, i * elemSize, e.type.elem, this.eval(e.elements[i]));
        return out;
      }
      case "arrayRepeat": {
        if (e.type.kind !== "array") throw Trap.error("array value of non-array type");
        const elemSize = sizeOf(e.type.elem);
        const out = new Uint8Array(sizeOf(e.type));
        const v = this.eval(e.value);
        for (let i = 0; i < e.type.length; i++) this.writeInto(out, i * elemSize, e.type.elem, v);
        return out;
      }
      case "zero": return isAggregate(e.type) ? new Uint8Array(sizeOf(e.type)) : 0n;
    }
  }

  /** Writes a value into an aggregate being built (little-endian). */
  private writeInto(out: Uint8Array, offset: number, t: Type, v: Value): void {
    if (v instanceof Uint8Array) {
      out.set(v, offset);
      return;
    }
    const size = sizeOf(t);
    for (let i = 0; i < size; i++) out[offset + i] = Number((v >> BigInt(8 * i)) & 0xffn);
  }
}
