/**
 * Maps checked-IR types (ir/types.ts) to LLVM types, once per context.
 *
 * Conventions every other lowering file relies on:
 * - Every pointer-like type (`ptr`, `*T`, `str`, `fn`) is `i8*` as a value and
 *   in memory; places are typed pointers (`memType(T)*`) only transiently.
 * - `bool` is `i1` as a value and `i8` in memory (a load compares with 0, so a
 *   byte written through a pointer is never an invalid `i1`).
 * - A non-packed struct is an LLVM struct of its fields' memory types (same C
 *   layout rules, checked against `StructDef.size`); a packed struct is
 *   `[size x i8]` (alignment 1); fields are always reached by byte offset.
 * - Calling convention between our own functions: aggregate parameters are
 *   passed as `i8*` to the caller's value (the callee copies it at entry); an
 *   aggregate result is written through a hidden first `i8*` parameter.
 */
import llvm from "./llvm.ts";
import type { Type, StructDef } from "../ir/types.ts";
import { isAggregate, sizeOf } from "../ir/types.ts";

export class LlvmTypes {
  readonly i1: llvm.IntegerType;
  readonly i8: llvm.IntegerType;
  readonly i32: llvm.IntegerType;
  readonly i64: llvm.IntegerType;
  readonly i8ptr: llvm.PointerType;
  readonly void: llvm.Type;
  private structs = new Map<StructDef, llvm.Type>();
  private readonly layout: llvm.DataLayout;

  constructor(readonly context: llvm.LLVMContext, dataLayout: string) {
    this.i1 = llvm.Type.getInt1Ty(context);
    this.i8 = llvm.Type.getInt8Ty(context);
    this.i32 = llvm.Type.getInt32Ty(context);
    this.i64 = llvm.Type.getInt64Ty(context);
    this.i8ptr = llvm.Type.getInt8PtrTy(context);
    this.void = llvm.Type.getVoidTy(context);
    this.layout = new llvm.DataLayout(dataLayout);
  }

  int(bits: number): llvm.IntegerType {
    return llvm.Type.getIntNTy(this.context, bits);
  }

  /** The type of an SSA value of `t` (scalars only; aggregates live in memory). */
  value(t: Type): llvm.Type {
    switch (t.kind) {
      case "int": return this.int(t.bits);
      case "bool": return this.i1;
      case "ptr": case "str": case "fn": return this.i8ptr;
      case "void": return this.void;
      case "array": case "struct": return this.memory(t);
      case "error": throw new Error("error type reached lowering");
    }
  }

  /** The type of `t` stored in memory (locals, globals, fields, elements). */
  memory(t: Type): llvm.Type {
    switch (t.kind) {
      case "int": return this.int(t.bits);
      case "bool": return this.i8;
      case "ptr": case "str": case "fn": return this.i8ptr;
      case "array": return llvm.ArrayType.get(this.memory(t.elem), t.length);
      case "struct": return this.struct(t.def);
      case "void": return this.i8;
      case "error": throw new Error("error type reached lowering");
    }
  }

  private struct(def: StructDef): llvm.Type {
    const cached = this.structs.get(def);
    if (cached) return cached;
    let ty: llvm.Type;
    if (def.packed) {
      ty = llvm.ArrayType.get(this.i8, def.size);
    } else {
      const fields = def.fields.map((f) => this.memory(f.type));
      ty = llvm.StructType.create(this.context, fields, `struct.${def.name}`);
      const size = this.layout.getTypeAllocSize(ty);
      // A mismatch would make field offsets disagree with the checker's layout.
      if (size !== def.size) ty = llvm.ArrayType.get(this.i8, def.size);
    }
    this.structs.set(def, ty);
    return ty;
  }

  /** True when the LLVM type of this struct is a real struct (not a byte array). */
  isLlvmStruct(def: StructDef): boolean {
    return this.memory({ kind: "struct", def }).isStructTy();
  }

  /** The LLVM function type of a function with these parameter and result types. */
  function(params: Type[], result: Type): llvm.FunctionType {
    const ps: llvm.Type[] = [];
    if (isAggregate(result)) ps.push(this.i8ptr);
    for (const p of params) ps.push(isAggregate(p) ? this.i8ptr : this.value(p));
    const ret = isAggregate(result) ? this.void : this.value(result);
    return llvm.FunctionType.get(ret, ps, false);
  }

  size(t: Type): number {
    return sizeOf(t);
  }
}
