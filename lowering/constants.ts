/**
 * Constants: integers of any width from bigint bit patterns, NUL-terminated
 * string globals (deduplicated per module) and global initialisers from
 * checked `ConstValue`s.
 *
 * Why integers are built by hand: the addon converts JS numbers through a
 * double, so values beyond 2^53 lose bits. A 64-bit constant outside that
 * range is assembled from two 32-bit halves with `shl`/`or`, which the
 * IRBuilder folds back into one `ConstantInt`.
 */
import llvm from "./llvm.ts";
import type { LlvmTypes } from "./llvm-types.ts";
import type { ConstValue, Global } from "../ir/checked.ts";
import type { Type } from "../ir/types.ts";
import { sizeOf } from "../ir/types.ts";

const SAFE = 1n << 52n;

export class Constants {
  private strings = new Map<string, llvm.GlobalVariable>();
  private folder: llvm.IRBuilder;

  constructor(private readonly module: llvm.Module, private readonly types: LlvmTypes) {
    this.folder = new llvm.IRBuilder(types.context);
  }

  /** An integer constant of `bits` width holding the (unsigned or signed) bit pattern `value`. */
  int(bits: number, value: bigint): llvm.ConstantInt {
    const ty = this.types.int(bits);
    const pattern = BigInt.asUintN(bits, value);
    const signed = BigInt.asIntN(bits, value);
    if (signed > -SAFE && signed < SAFE) return llvm.ConstantInt.get(ty, Number(signed), true);
    // bits is 64 here: 32-bit wide ints always fit the safe range.
    const hi = llvm.ConstantInt.get(ty, Number(pattern >> 32n));
    const lo = llvm.ConstantInt.get(ty, Number(pattern & 0xffffffffn));
    const shifted = this.folder.CreateShl(hi, llvm.ConstantInt.get(ty, 32));
    return this.folder.CreateOr(shifted, lo) as llvm.ConstantInt;
  }

  i64(value: number | bigint): llvm.ConstantInt {
    return this.int(64, BigInt(value));
  }

  bool(value: boolean): llvm.ConstantInt {
    return value ? llvm.ConstantInt.getTrue(this.types.context) : llvm.ConstantInt.getFalse(this.types.context);
  }

  nullPtr(): llvm.Constant {
    return llvm.Constant.getNullValue(this.types.i8ptr);
  }

  /** `i8*` to a private constant holding `bytes` plus a NUL; equal contents share one global. */
  string(bytes: Uint8Array): llvm.Constant {
    const key = Buffer.from(bytes).toString("latin1");
    let g = this.strings.get(key);
    if (!g) {
      const name = `.str.${this.strings.size}`;
      const text = utf8(bytes);
      if (text !== null) {
        // Private, unnamed_addr, NUL added: what the IRBuilder makes from (UTF-8) text.
        g = this.folder.CreateGlobalString(text, name, 0, this.module);
      } else {
        const elems = [...bytes, 0].map((b) => llvm.ConstantInt.get(this.types.i8, b));
        const arrTy = llvm.ArrayType.get(this.types.i8, bytes.length + 1);
        const init = llvm.ConstantArray.get(arrTy, elems);
        g = new llvm.GlobalVariable(this.module, arrTy, true, llvm.GlobalValue.LinkageTypes.PrivateLinkage, init, name);
      }
      this.strings.set(key, g);
    }
    return llvm.ConstantExpr.getBitCast(g, this.types.i8ptr);
  }

  /** Whether a constant is all zero bytes (then the global goes to .bss / zeroinitializer). */
  static isZero(v: ConstValue): boolean {
    switch (v.kind) {
      case "int": return v.value === 0n;
      case "zero": return true;
      case "string": case "func": case "globalAddress": return false;
      case "array": {
        // Plain loop, skipping repeats of one shared element: `[0; 20000000]` may arrive as 20M entries.
        const els = v.elements;
        let seen: ConstValue | null = null;
        for (let i = 0; i < els.length; i++) {
          const e = els[i];
          if (e === seen) continue;
          if (e.kind === "int" ? e.value !== 0n : !Constants.isZero(e)) return false;
          seen = e;
        }
        return true;
      }
      case "struct": return v.fields.every(Constants.isZero);
    }
  }

  /**
   * The initialiser constant of memory type `memType(t)` for value `v`.
   * `resolve` gives the LLVM objects of functions and globals. Returns null
   * for the one unsupported case: a pointer inside a packed struct.
   */
  init(t: Type, v: ConstValue, resolve: Resolver): llvm.Constant | null {
    if (Constants.isZero(v)) return llvm.Constant.getNullValue(this.types.memory(t));
    switch (v.kind) {
      case "int":
        if (t.kind === "int") return this.int(t.bits, v.value);
        if (t.kind === "bool") return this.int(8, v.value === 0n ? 0n : 1n);
        return this.nullPtr();
      case "zero":
        return llvm.Constant.getNullValue(this.types.memory(t));
      case "string":
        return this.string(v.bytes);
      case "func":
        return llvm.ConstantExpr.getBitCast(resolve.func(v.func), this.types.i8ptr);
      case "globalAddress":
        return llvm.ConstantExpr.getBitCast(resolve.global(v.global), this.types.i8ptr);
      case "array": {
        if (t.kind !== "array") return null;
        const elems: llvm.Constant[] = [];
        // A repeat (`[7; 3000000]`) shares one element object: build its constant once.
        let prev: ConstValue | null = null;
        let prevConst: llvm.Constant | null = null;
        for (const e of v.elements) {
          const c: llvm.Constant | null = e === prev ? prevConst : this.init(t.elem, e, resolve);
          if (!c) return null;
          prev = e;
          prevConst = c;
          elems.push(c);
        }
        return llvm.ConstantArray.get(this.types.memory(t) as llvm.ArrayType, elems);
      }
      case "struct": {
        if (t.kind !== "struct") return null;
        const def = t.def;
        if (this.types.isLlvmStruct(def)) {
          const fields: llvm.Constant[] = [];
          for (let i = 0; i < def.fields.length; i++) {
            const c = this.init(def.fields[i].type, v.fields[i], resolve);
            if (!c) return null;
            fields.push(c);
          }
          return llvm.ConstantStruct.get(this.types.memory(t) as llvm.StructType, fields);
        }
        // Packed (byte array): only plain data can be serialised.
        const bytes = new Uint8Array(def.size);
        for (let i = 0; i < def.fields.length; i++) {
          if (!serialise(def.fields[i].type, v.fields[i], bytes, def.fields[i].offset)) return null;
        }
        const elems = [...bytes].map((b) => llvm.ConstantInt.get(this.types.i8, b));
        return llvm.ConstantArray.get(this.types.memory(t) as llvm.ArrayType, elems);
      }
    }
  }
}

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The text of bytes that are valid UTF-8 (and round-trip through the addon), else null. */
function utf8(bytes: Uint8Array): string | null {
  try {
    const text = decoder.decode(bytes);
    return Buffer.from(text, "utf8").equals(Buffer.from(bytes)) ? text : null;
  } catch {
    return null;
  }
}

export interface Resolver {
  func(f: import("../ir/checked.ts").Func): llvm.Function;
  global(g: Global): llvm.GlobalVariable;
}

/** Writes plain data (ints, bools, zeros, nested aggregates of them) little-endian into `out`. */
function serialise(t: Type, v: ConstValue, out: Uint8Array, at: number): boolean {
  if (Constants.isZero(v)) return true;
  switch (v.kind) {
    case "int": {
      const n = t.kind === "int" ? t.bits / 8 : t.kind === "bool" ? 1 : 8;
      let x = BigInt.asUintN(n * 8, v.value);
      for (let i = 0; i < n; i++, x >>= 8n) out[at + i] = Number(x & 0xffn);
      return true;
    }
    case "array": {
      if (t.kind !== "array") return false;
      const size = sizeOf(t.elem);
      return v.elements.every((e, i) => serialise(t.elem, e, out, at + i * size));
    }
    case "struct":
      if (t.kind !== "struct") return false;
      return v.fields.every((f, i) => serialise(t.def.fields[i].type, f, out, at + t.def.fields[i].offset));
    default:
      return false;
  }
}

