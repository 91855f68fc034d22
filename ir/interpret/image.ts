/**
 * Loads a checked `Program` into a fresh `Memory`, as the linker and kernel
 * would: string constants and immutable globals in the read-only region,
 * mutable globals after them, functions at addresses in the reserved
 * (unmapped) function range, then the stack with the argv strings, the argv
 * pointer array and an empty envp at its top. Knows the addresses of every
 * global, string and function, and the frame layout of every function.
 */
import type { ConstValue, Expr, Func, Global, Program } from "../checked.ts";
import type { Type } from "../types.ts";
import { alignOf, sizeOf } from "../types.ts";
import { collectStrings, layoutFrame, Walker, type FrameLayout } from "./analyze.ts";
import { FUNCTION_BASE, FUNCTION_STRIDE, Memory, MEMORY_BASE } from "./memory.ts";
import { Trap } from "./trap.ts";

function alignUp(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}

function keyOf(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("latin1");
}

/** Every function reachable from the program's list, its globals' initialisers and calls. */
function allFunctions(program: Program): Func[] {
  const seen = new Set<Func>();
  const queue: Func[] = [];
  const add = (f: Func | null): void => {
    if (f && !seen.has(f)) {
      seen.add(f);
      queue.push(f);
    }
  };
  program.functions.forEach(add);
  add(program.main);
  const visit = (v: ConstValue): void => {
    if (v.kind === "func") add(v.func);
    else if (v.kind === "array") v.elements.forEach(visit);
    else if (v.kind === "struct") v.fields.forEach(visit);
  };
  program.globals.forEach((g) => visit(g.init));
  const walker = new Walker((e: Expr) => {
    if (e.kind === "call" || e.kind === "funcRef") add(e.func);
  });
  for (let i = 0; i < queue.length; i++) walker.stmts(queue[i].body);
  return queue;
}

export class Image {
  readonly memory: Memory;
  /** Current stack pointer (offset into memory); the stack grows down to `stackLimit`. */
  sp: number;
  readonly stackLimit: number;
  private strings = new Map<string, bigint>();
  private globals = new Map<Global, bigint>();
  private functions: Func[];
  private functionIndex = new Map<Func, number>();
  private layouts = new Map<Func, FrameLayout>();
  private globalsList: Global[];

  constructor(program: Program, stackSize: number) {
    this.functions = allFunctions(program);
    this.functions.forEach((f, i) => this.functionIndex.set(f, i));
    // Globals referenced only from code but missing from the list still get storage.
    const globals = new Set(program.globals);
    const walker = new Walker(() => {}, (p) => {
      if (p.kind === "global") globals.add(p.global);
    });
    for (const f of this.functions) walker.stmts(f.body);
    const visitGlobalRefs = (v: ConstValue): void => {
      if (v.kind === "globalAddress") globals.add(v.global);
      else if (v.kind === "array") v.elements.forEach(visitGlobalRefs);
      else if (v.kind === "struct") v.fields.forEach(visitGlobalRefs);
    };
    for (const g of [...globals]) visitGlobalRefs(g.init);
    this.globalsList = [...globals];

    // Plan the layout: read-only strings and constants, then mutable globals.
    let offset = 0;
    const stringOffsets = new Map<string, number>();
    for (const bytes of collectStrings(program)) {
      const key = keyOf(bytes);
      if (stringOffsets.has(key)) continue;
      stringOffsets.set(key, offset);
      offset += bytes.length + 1;
    }
    const globalOffsets = new Map<Global, number>();
    const place = (g: Global): void => {
      offset = alignUp(offset, Math.max(alignOf(g.type), 1));
      globalOffsets.set(g, offset);
      offset += Math.max(sizeOf(g.type), 1);
    };
    this.globalsList.filter((g) => !g.mutable).forEach(place);
    const readOnlyEnd = alignUp(offset, 4096);
    offset = readOnlyEnd;
    this.globalsList.filter((g) => g.mutable).forEach(place);
    offset = alignUp(offset, 4096) + 4096; // a guard gap before the stack's bottom
    this.stackLimit = offset;
    const total = offset + stackSize;

    this.memory = new Memory(total);
    this.memory.readOnlyEnd = readOnlyEnd;
    this.sp = total;
    for (const [key, off] of stringOffsets) {
      this.memory.bytes.set(Buffer.from(key, "latin1"), off);
      this.strings.set(key, this.memory.addressOf(off));
    }
    for (const [g, off] of globalOffsets) this.globals.set(g, this.memory.addressOf(off));
    for (const [g, off] of globalOffsets) this.writeConst(off, g.type, g.init);
    this.memory.seal();
  }

  layoutOf(func: Func): FrameLayout {
    let l = this.layouts.get(func);
    if (!l) {
      l = layoutFrame(func);
      this.layouts.set(func, l);
    }
    return l;
  }

  globalAddress(g: Global): bigint {
    const a = this.globals.get(g);
    if (a === undefined) throw Trap.error(`global '${g.name}' has no storage`);
    return a;
  }

  stringAddress(bytes: Uint8Array): bigint {
    const a = this.strings.get(keyOf(bytes));
    if (a === undefined) throw Trap.error("string constant missing from the image");
    return a;
  }

  functionAddress(f: Func): bigint {
    let i = this.functionIndex.get(f);
    if (i === undefined) {
      i = this.functions.length;
      this.functions.push(f);
      this.functionIndex.set(f, i);
    }
    return FUNCTION_BASE + FUNCTION_STRIDE * BigInt(i);
  }

  functionAt(addr: bigint): Func | null {
    const d = addr - FUNCTION_BASE;
    if (d < 0n || d % FUNCTION_STRIDE !== 0n) return null;
    return this.functions[Number(d / FUNCTION_STRIDE)] ?? null;
  }

  /** Writes a global initialiser at a raw offset (before sealing). */
  private writeConst(off: number, t: Type, v: ConstValue): void {
    const size = sizeOf(t);
    switch (v.kind) {
      case "zero": return;
      case "int": if (size > 0) this.memory.storeIntAt(off, size, v.value); return;
      case "string": this.memory.storeIntAt(off, 8, this.stringAddress(v.bytes)); return;
      case "func": this.memory.storeIntAt(off, 8, this.functionAddress(v.func)); return;
      case "globalAddress": this.memory.storeIntAt(off, 8, this.globalAddress(v.global)); return;
      case "array": {
        if (t.kind !== "array") throw Trap.error("array initialiser for a non-array global");
        const es = sizeOf(t.elem);
        v.elements.forEach((e, i) => this.writeConst(off + i * es, t.elem, e));
        return;
      }
      case "struct": {
        if (t.kind !== "struct") throw Trap.error("struct initialiser for a non-struct global");
        v.fields.forEach((f, i) => this.writeConst(off + t.def.fields[i].offset, t.def.fields[i].type, f));
        return;
      }
    }
  }

  /**
   * Pushes argv as the kernel does: strings at the top of the stack, then
   * (8-aligned) the NULL-terminated argv array and an empty envp. Returns
   * the address of argv[0]'s slot.
   */
  pushArgv(argv: string[]): bigint {
    const encoded = argv.map((a) => Buffer.from(a, "utf8"));
    let sp = this.sp;
    const addrs: bigint[] = [];
    for (let i = encoded.length - 1; i >= 0; i--) {
      sp -= encoded[i].length + 1;
      this.memory.bytes.set(encoded[i], sp);
      this.memory.bytes[sp + encoded[i].length] = 0;
      addrs.unshift(this.memory.addressOf(sp));
    }
    sp = Math.floor(sp / 16) * 16;
    const slots = addrs.length + 2; // argv NULL and envp NULL
    sp -= slots * 8;
    sp = Math.floor(sp / 16) * 16;
    addrs.forEach((a, i) => this.memory.storeIntAt(sp + i * 8, 8, a));
    this.memory.storeIntAt(sp + addrs.length * 8, 8, 0n);
    this.memory.storeIntAt(sp + addrs.length * 8 + 8, 8, 0n);
    this.sp = sp - 16; // room for argc, as the kernel leaves it
    return this.memory.addressOf(sp);
  }
}

export { MEMORY_BASE };
