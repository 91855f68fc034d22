/**
 * Places to addresses. `placeAddress` returns a pointer typed
 * `memType(place.type)*`, so loads and stores through it use exactly the
 * pointee type LLVM expects. Fields are reached by byte offset (the
 * checker's layout is the truth, packed or not); array elements by a GEP
 * without `inbounds` (no bounds check, no poison), the index sign- or
 * zero-extended to 64 bits by its type.
 */
import llvm from "./llvm.ts";
import type { FunctionContext } from "./function-context.ts";
import type { Place } from "../ir/checked.ts";
import { lowerValue } from "./lower-expr.ts";

export function placeAddress(fx: FunctionContext, p: Place): llvm.Value {
  const b = fx.b;
  const types = fx.types;
  switch (p.kind) {
    case "local": {
      const slot = fx.locals.get(p.local);
      if (!slot) throw new Error(`local '${p.local.name}' has no slot`);
      return slot;
    }
    case "global":
      return fx.m.global(p.global);
    case "deref": {
      const ptr = lowerValue(fx, p.ptr);
      return b.CreateBitCast(ptr, llvm.PointerType.getUnqual(types.memory(p.type)));
    }
    case "field": {
      const base = fx.bytePtr(placeAddress(fx, p.base));
      const at = p.offset === 0 ? base : b.CreateGEP(types.i8, base, [fx.consts.i64(p.offset)]);
      return b.CreateBitCast(at, llvm.PointerType.getUnqual(types.memory(p.type)));
    }
    case "index": {
      const base = placeAddress(fx, p.base);
      const baseType = p.base.type;
      const idx = widenIndex(fx, lowerValue(fx, p.index), p.index.type);
      return b.CreateGEP(types.memory(baseType), base, [fx.consts.i64(0), idx]);
    }
  }
}

/** An integer of any width as an i64 index, by its signedness. */
export function widenIndex(fx: FunctionContext, v: llvm.Value, t: import("../ir/types.ts").Type): llvm.Value {
  if (t.kind !== "int" || t.bits === 64) return v;
  return t.signed ? fx.b.CreateSExt(v, fx.types.i64) : fx.b.CreateZExt(v, fx.types.i64);
}
