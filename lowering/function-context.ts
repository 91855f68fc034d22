/**
 * Per-function lowering state and the helpers statements and expressions
 * share: the builder, the entry block where every alloca lives (locals are
 * zero-initialised there; mem2reg in `opt` cleans up), block creation,
 * break/continue targets, the shared division-by-zero trap block, and memory
 * helpers (typed load/store, memcpy/memmove/memset through intrinsics).
 */
import llvm from "./llvm.ts";
import type { ModuleContext } from "./module-context.ts";
import type { Func, Local } from "../ir/checked.ts";
import type { Span } from "../diagnostics/diagnostics.ts";
import type { Type } from "../ir/types.ts";
import { isAggregate, sizeOf } from "../ir/types.ts";

export interface JumpTargets {
  breakTo: llvm.BasicBlock;
  continueTo: llvm.BasicBlock | null;
}

/** From this size on (bytes) a zero fill is `rep stosb`: below it, LLVM stores inline. */
const REP_STOS_MIN = 128;

export class FunctionContext {
  readonly b: llvm.IRBuilder;
  /** Appends allocas and zero-initialisation to the entry block. */
  private readonly entryBuilder: llvm.IRBuilder;
  readonly entry: llvm.BasicBlock;
  readonly locals = new Map<Local, llvm.Value>();
  readonly targets = new Map<number, JumpTargets>();
  /** Hidden result pointer when the function returns an aggregate. */
  sret: llvm.Value | null = null;
  private divZeroBlock: llvm.BasicBlock | null = null;
  /** The function's DWARF subprogram under `-g`. */
  private readonly scope: llvm.DISubprogram | null;

  constructor(readonly m: ModuleContext, readonly fn: llvm.Function, readonly func: Func) {
    const ctx = m.context;
    this.entry = llvm.BasicBlock.Create(ctx, "entry", fn);
    this.entryBuilder = new llvm.IRBuilder(this.entry);
    this.b = new llvm.IRBuilder(ctx);
    this.scope = m.debug ? m.debug.subprogram(fn, func.name, func.symbol, func.span) : null;
    if (this.scope && m.debug) {
      const loc = m.debug.location(func.span, this.scope);
      this.entryBuilder.SetCurrentDebugLocation(loc);
      this.b.SetCurrentDebugLocation(loc);
    }
  }

  /** Under `-g`, tells the debugger that `local` lives in `slot`. */
  declareLocal(local: Local, slot: llvm.Value, argNo: number | null): void {
    if (this.scope && this.m.debug) this.m.debug.declareLocal(slot, local.name, local.type, local.span, this.scope, this.entry, argNo);
  }

  /** Attributes the instructions built next to `span` (line tables under `-g`). */
  at(span: Span): void {
    if (this.scope && this.m.debug) this.b.SetCurrentDebugLocation(this.m.debug.location(span, this.scope));
  }

  get types() {
    return this.m.types;
  }

  get consts() {
    return this.m.consts;
  }

  block(name: string): llvm.BasicBlock {
    return llvm.BasicBlock.Create(this.m.context, name, this.fn);
  }

  /** The current block is already terminated (after return/break/continue). */
  terminated(): boolean {
    const bb = this.b.GetInsertBlock();
    return bb === null || bb.getTerminator() !== null;
  }

  /** Continues in a fresh block without predecessors after a terminator. */
  startDeadBlock(): void {
    this.b.SetInsertPoint(this.block("dead"));
  }

  /** Branches to `to` unless the current block already ended. */
  branch(to: llvm.BasicBlock): void {
    if (!this.terminated()) this.b.CreateBr(to);
  }

  /** An entry-block slot of `memType(t)`, not initialised. */
  alloca(t: Type, name: string): llvm.Value {
    return this.entryBuilder.CreateAlloca(this.types.memory(t), null, name);
  }

  /** An entry-block slot of `memType(t)` filled with zero bytes. */
  zeroedAlloca(t: Type, name: string): llvm.Value {
    const slot = this.alloca(t, name);
    if (isAggregate(t)) {
      const size = sizeOf(t);
      if (size > 0) {
        this.setBytes(this.entryBuilder, this.entryBuilder.CreateBitCast(slot, this.types.i8ptr), 0, size);
      }
    } else {
      this.entryBuilder.CreateStore(llvm.Constant.getNullValue(this.types.memory(t)), slot);
    }
    return slot;
  }

  /** Stores incoming argument `arg` into the parameter's slot, in the entry block. */
  initParam(t: Type, arg: llvm.Value, slot: llvm.Value): void {
    const eb = this.entryBuilder;
    if (isAggregate(t)) {
      const size = sizeOf(t);
      if (size === 0) return;
      eb.CreateCall(this.m.memcpy(), [eb.CreateBitCast(slot, this.types.i8ptr), arg, this.consts.i64(size), this.consts.bool(false)]);
    } else {
      eb.CreateStore(t.kind === "bool" ? eb.CreateZExt(arg, this.types.i8) : arg, slot);
    }
  }

  /** Closes the entry block by jumping to the first body block. */
  finishEntry(first: llvm.BasicBlock): void {
    this.entryBuilder.CreateBr(first);
  }

  /** Loads a scalar of type `t` from `addr` (a `memType(t)*`). */
  load(t: Type, addr: llvm.Value): llvm.Value {
    const v = this.b.CreateLoad(this.types.memory(t), addr);
    if (t.kind === "bool") return this.b.CreateICmpNE(v, llvm.ConstantInt.get(this.types.i8, 0));
    return v;
  }

  /** Stores a scalar value of type `t` to `addr` (a `memType(t)*`). */
  store(t: Type, value: llvm.Value, addr: llvm.Value): void {
    const v = t.kind === "bool" ? this.b.CreateZExt(value, this.types.i8) : value;
    this.b.CreateStore(v, addr);
  }

  bytePtr(p: llvm.Value): llvm.Value {
    return this.b.CreateBitCast(p, this.types.i8ptr);
  }

  /** Copies `sizeOf(t)` bytes; `overlap` selects memmove (the source may alias the destination). */
  copy(t: Type, dst: llvm.Value, src: llvm.Value, overlap: boolean): void {
    const size = sizeOf(t);
    if (size === 0) return;
    const fn = overlap ? this.m.memmove() : this.m.memcpy();
    this.b.CreateCall(fn, [this.bytePtr(dst), this.bytePtr(src), this.consts.i64(size), this.consts.bool(false)]);
  }

  fill(t: Type, dst: llvm.Value, byte: number): void {
    const size = sizeOf(t);
    if (size === 0) return;
    this.setBytes(this.b, this.bytePtr(dst), byte, size);
  }

  /**
   * Sets `size` bytes at `p` (an i8*) to `byte`. Large zero fills on x86-64
   * become `rep stosb` (`__lw_zero`, inlined) when opt runs: LLVM would call
   * memset, our byte loop, for anything over 128 bytes — slower, and about 30
   * bytes more code. At -O0 the memset stays, so no opt process is needed.
   */
  setBytes(b: llvm.IRBuilder, p: llvm.Value, byte: number, size: number): void {
    if (byte === 0 && size >= REP_STOS_MIN && this.m.target.name === "x86_64" && this.m.optimize) {
      b.CreateCall(this.m.zero(), [p, this.consts.i64(size)]);
      return;
    }
    b.CreateCall(this.m.memset(), [p, llvm.ConstantInt.get(this.types.i8, byte), this.consts.i64(size), this.consts.bool(false)]);
  }

  /** The block that raises SIGFPE, shared by every division of the function. */
  divZeroTrap(): llvm.BasicBlock {
    if (!this.divZeroBlock) {
      const saved = this.b.GetInsertBlock();
      const bb = this.block("divzero");
      this.b.SetInsertPoint(bb);
      this.b.CreateCall(this.m.divZero(), []);
      this.b.CreateCall(this.m.trap(), []);
      this.b.CreateUnreachable();
      if (saved) this.b.SetInsertPoint(saved);
      this.divZeroBlock = bb;
    }
    return this.divZeroBlock;
  }

  /** Ends a path that must never run (falling off a non-void function). */
  trapHere(): void {
    this.b.CreateCall(this.m.trap(), []);
    this.b.CreateUnreachable();
  }
}
