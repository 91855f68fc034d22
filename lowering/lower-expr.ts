/**
 * Expressions. Scalars (ints, bool, pointers) become SSA values
 * (`lowerValue`); aggregates (structs, arrays) live in memory and are handled
 * as addresses (`lowerAggregate`, `storeAggregate`), never as first-class
 * LLVM aggregate values, so a 20 MB array is never one huge load.
 *
 * Semantics (no poison or undefined behaviour is reachable):
 * - add/sub/mul/neg wrap (no nsw/nuw flags); shift counts are masked to
 *   width-1; signedness of the type picks sdiv/udiv, srem/urem, ashr/lshr.
 * - Division or remainder by zero branches to the function's trap block,
 *   which raises SIGFPE; a signed divisor of -1 is replaced by 1 and the
 *   result by the negated dividend (quotient) or 0 (remainder), so
 *   `MIN / -1 == MIN` and `MIN % -1 == 0` without the x86 `idiv` trap.
 * - `&&`, `||` and `?:` evaluate only the taken side (branches and a phi).
 */
import llvm from "./llvm.ts";
import type { FunctionContext } from "./function-context.ts";
import type { Expr } from "../ir/checked.ts";
import type { Type } from "../ir/types.ts";
import { isAggregate, sizeOf } from "../ir/types.ts";
import { placeAddress, widenIndex } from "./lower-place.ts";
import { lowerStmts } from "./lower-stmt.ts";
import { lowerEnc } from "./lower-enc.ts";
import { slotRegister, readRegister } from "./lower-asm.ts";
import { quietExpr } from "./effects.ts";

/** Lowers an expression for its effect only (any type). */
export function lowerEffect(fx: FunctionContext, e: Expr): void {
  if (isAggregate(e.type)) lowerAggregate(fx, e);
  else if (e.type.kind === "void") lowerVoid(fx, e);
  else lowerValue(fx, e);
}

function lowerVoid(fx: FunctionContext, e: Expr): void {
  switch (e.kind) {
    case "call": case "callIndirect": lowerCall(fx, e, null); return;
    case "block":
      lowerStmts(fx, e.body);
      if (fx.terminated()) fx.startDeadBlock();
      if (e.result) lowerEffect(fx, e.result);
      return;
    case "conditional": {
      const thenBB = fx.block("cond.then");
      const elseBB = fx.block("cond.else");
      const done = fx.block("cond.end");
      fx.b.CreateCondBr(lowerValue(fx, e.cond), thenBB, elseBB);
      fx.b.SetInsertPoint(thenBB);
      lowerEffect(fx, e.then);
      fx.branch(done);
      fx.b.SetInsertPoint(elseBB);
      lowerEffect(fx, e.else);
      fx.branch(done);
      fx.b.SetInsertPoint(done);
      return;
    }
    default:
      throw new Error(`void expression of kind '${e.kind}'`);
  }
}

/** An SSA value of a scalar expression (type int, bool, ptr, str or fn). */
export function lowerValue(fx: FunctionContext, e: Expr): llvm.Value {
  const b = fx.b;
  const types = fx.types;
  switch (e.kind) {
    case "const":
      return constant(fx, e.type, e.value);
    case "string":
      return fx.consts.string(e.bytes);
    case "enc":
      return lowerEnc(fx, e.bytes);
    case "load":
      if (isAggregate(e.type)) throw new Error("aggregate load used as a scalar");
      if (e.place.kind === "local" && e.place.local.register && !slotRegister(fx.m, e.place.local)) return readRegister(fx, e.place.local);
      return fx.load(e.type, placeAddress(fx, e.place));
    case "addressOf":
      return fx.bytePtr(placeAddress(fx, e.place));
    case "funcRef":
      return llvm.ConstantExpr.getBitCast(fx.m.func(e.func), types.i8ptr);
    case "unary": {
      const v = lowerValue(fx, e.operand);
      switch (e.op) {
        case "neg": return b.CreateSub(llvm.Constant.getNullValue(v.getType()), v);
        case "bitnot": return b.CreateXor(v, llvm.Constant.getAllOnesValue(v.getType()));
        case "not": return b.CreateXor(v, fx.consts.bool(true));
      }
      break;
    }
    case "arith":
      return arith(fx, e.op, lowerValue(fx, e.left), lowerValue(fx, e.right), e.type);
    case "compare":
      return compare(fx, e.op, lowerValue(fx, e.left), lowerValue(fx, e.right), e.left.type);
    case "logical":
      return logical(fx, e.op, e.left, e.right);
    case "convert":
      return convert(fx, e.op, lowerValue(fx, e.operand), e.operand.type, e.type);
    case "ptrAdd": {
      const p = lowerValue(fx, e.ptr);
      const off = widenIndex(fx, lowerValue(fx, e.offset), e.offset.type);
      return b.CreateGEP(types.i8, p, [off]);
    }
    case "call": case "callIndirect": {
      const v = lowerCall(fx, e, null);
      if (!v) throw new Error("call of a void function used as a value");
      return v;
    }
    case "syscall": {
      if (e.args.length < 1 || e.args.length > 7) throw new Error(`syscall with ${e.args.length - 1} arguments`);
      const args = e.args.map((a) => toI64(fx, lowerValue(fx, a), a.type));
      return b.CreateCall(fx.m.syscallStub(args.length - 1), args);
    }
    case "conditional":
      return conditional(fx, e, types.value(e.type), (arm) => lowerValue(fx, arm));
    case "block":
      lowerStmts(fx, e.body);
      if (fx.terminated()) fx.startDeadBlock();
      if (!e.result) throw new Error("block without result used as a value");
      return lowerValue(fx, e.result);
    case "zero":
      return llvm.Constant.getNullValue(types.value(e.type));
    case "structValue": case "arrayValue": case "arrayRepeat":
      throw new Error(`aggregate expression '${e.kind}' used as a scalar`);
  }
  throw new Error(`unhandled expression '${(e as Expr).kind}'`);
}

/** A constant of a scalar type from its unsigned bit pattern. */
export function constant(fx: FunctionContext, t: Type, value: bigint): llvm.Value {
  switch (t.kind) {
    case "int": return fx.consts.int(t.bits, value);
    case "bool": return fx.consts.bool(value !== 0n);
    case "ptr": case "str": case "fn":
      if (value === 0n) return fx.consts.nullPtr();
      return fx.b.CreateIntToPtr(fx.consts.int(64, value), fx.types.i8ptr);
    default: throw new Error(`constant of type ${t.kind}`);
  }
}

/** Syscall arguments: every argument is passed as a 64-bit register value. */
function toI64(fx: FunctionContext, v: llvm.Value, t: Type): llvm.Value {
  switch (t.kind) {
    case "int":
      if (t.bits === 64) return v;
      return t.signed ? fx.b.CreateSExt(v, fx.types.i64) : fx.b.CreateZExt(v, fx.types.i64);
    case "bool": return fx.b.CreateZExt(v, fx.types.i64);
    case "ptr": case "str": case "fn": return fx.b.CreatePtrToInt(v, fx.types.i64);
    default: throw new Error(`syscall argument of type ${t.kind}`);
  }
}

function arith(fx: FunctionContext, op: import("../ir/checked.ts").ArithOp, l: llvm.Value, r: llvm.Value, t: Type): llvm.Value {
  const b = fx.b;
  const signed = t.kind === "int" && t.signed;
  const bits = t.kind === "int" ? t.bits : 1;
  switch (op) {
    case "add": return b.CreateAdd(l, r);
    case "sub": return b.CreateSub(l, r);
    case "mul": return b.CreateMul(l, r);
    case "and": return b.CreateAnd(l, r);
    case "or": return b.CreateOr(l, r);
    case "xor": return b.CreateXor(l, r);
    case "shl": case "shr": case "ushr": {
      const count = b.CreateAnd(r, fx.consts.int(bits, BigInt(bits - 1)));
      if (op === "shl") return b.CreateShl(l, count);
      if (op === "shr" && signed) return b.CreateAShr(l, count);
      return b.CreateLShr(l, count);
    }
    case "div": case "rem": {
      const zero = llvm.Constant.getNullValue(r.getType());
      const ok = fx.block("div.ok");
      b.CreateCondBr(b.CreateICmpEQ(r, zero), fx.divZeroTrap(), ok);
      b.SetInsertPoint(ok);
      if (!signed) return op === "div" ? b.CreateUDiv(l, r) : b.CreateURem(l, r);
      const minusOne = b.CreateICmpEQ(r, llvm.Constant.getAllOnesValue(r.getType()));
      const safe = b.CreateSelect(minusOne, fx.consts.int(bits, 1n), r);
      if (op === "div") return b.CreateSelect(minusOne, b.CreateSub(zero, l), b.CreateSDiv(l, safe));
      return b.CreateSelect(minusOne, zero, b.CreateSRem(l, safe));
    }
  }
}

function compare(fx: FunctionContext, op: import("../ir/checked.ts").CompareOp, l: llvm.Value, r: llvm.Value, t: Type): llvm.Value {
  const b = fx.b;
  const signed = t.kind === "int" && t.signed;
  switch (op) {
    case "eq": return b.CreateICmpEQ(l, r);
    case "ne": return b.CreateICmpNE(l, r);
    case "lt": return signed ? b.CreateICmpSLT(l, r) : b.CreateICmpULT(l, r);
    case "le": return signed ? b.CreateICmpSLE(l, r) : b.CreateICmpULE(l, r);
    case "gt": return signed ? b.CreateICmpSGT(l, r) : b.CreateICmpUGT(l, r);
    case "ge": return signed ? b.CreateICmpSGE(l, r) : b.CreateICmpUGE(l, r);
  }
}

/** `c ? a : b`: only the taken arm runs; `arm` lowers one side to a value of type `t`, joined by a phi. */
function conditional(fx: FunctionContext, e: Extract<Expr, { kind: "conditional" }>, t: llvm.Type,
  arm: (side: Expr) => llvm.Value): llvm.Value {
  const b = fx.b;
  const thenBB = fx.block("cond.then");
  const elseBB = fx.block("cond.else");
  const done = fx.block("cond.end");
  b.CreateCondBr(lowerValue(fx, e.cond), thenBB, elseBB);
  b.SetInsertPoint(thenBB);
  const tv = arm(e.then);
  const tEnd = b.GetInsertBlock()!;
  b.CreateBr(done);
  b.SetInsertPoint(elseBB);
  const ev = arm(e.else);
  const eEnd = b.GetInsertBlock()!;
  b.CreateBr(done);
  b.SetInsertPoint(done);
  const phi = b.CreatePHI(t, 2);
  phi.addIncoming(tv, tEnd);
  phi.addIncoming(ev, eEnd);
  return phi;
}

function logical(fx: FunctionContext, op: "and" | "or", left: Expr, right: Expr): llvm.Value {
  const b = fx.b;
  const l = lowerValue(fx, left);
  const from = b.GetInsertBlock()!;
  const rhs = fx.block(op === "and" ? "and.rhs" : "or.rhs");
  const done = fx.block(op === "and" ? "and.end" : "or.end");
  if (op === "and") b.CreateCondBr(l, rhs, done);
  else b.CreateCondBr(l, done, rhs);
  b.SetInsertPoint(rhs);
  const r = lowerValue(fx, right);
  const rEnd = b.GetInsertBlock()!;
  b.CreateBr(done);
  b.SetInsertPoint(done);
  const phi = b.CreatePHI(fx.types.i1, 2);
  phi.addIncoming(fx.consts.bool(op === "or"), from);
  phi.addIncoming(r, rEnd);
  return phi;
}

function convert(fx: FunctionContext, op: import("../ir/checked.ts").ConvertOp, v: llvm.Value, from: Type, to: Type): llvm.Value {
  const b = fx.b;
  const toTy = fx.types.value(to);
  switch (op) {
    case "trunc": return b.CreateTrunc(v, toTy);
    case "zext": return b.CreateZExt(v, toTy);
    case "sext": return b.CreateSExt(v, toTy);
    case "reinterpret": case "ptrCast": return v;
    case "boolToInt": return b.CreateZExt(v, toTy);
    case "toBool":
      if (from.kind === "bool") return v;
      return b.CreateICmpNE(v, llvm.Constant.getNullValue(v.getType()));
    case "ptrToInt": {
      const wide = b.CreatePtrToInt(v, fx.types.i64);
      return to.kind === "int" && to.bits < 64 ? b.CreateTrunc(wide, toTy) : wide;
    }
    case "intToPtr": {
      const wide = from.kind === "int" && from.bits < 64
        ? (from.signed ? b.CreateSExt(v, fx.types.i64) : b.CreateZExt(v, fx.types.i64))
        : v;
      return b.CreateIntToPtr(wide, fx.types.i8ptr);
    }
  }
}

/**
 * Calls a function directly or through a pointer. The callee expression is
 * evaluated first, then the arguments left to right. Aggregate arguments are
 * passed as pointers to the caller's value (the callee copies) — to a
 * private copy when a later argument could change that value before the
 * call; an aggregate result is written to `dest` (a temporary when null).
 * Returns the scalar result, the address of the aggregate result, or null
 * for void.
 */
export function lowerCall(fx: FunctionContext, e: Extract<Expr, { kind: "call" | "callIndirect" }>, dest: llvm.Value | null): llvm.Value | null {
  const b = fx.b;
  let callee: { type: llvm.FunctionType; value: llvm.Value } | null = null;
  if (e.kind === "callIndirect") {
    const fnType = e.callee.type;
    if (fnType.kind !== "fn") throw new Error("indirect call through a non-function type");
    const llType = fx.types.function(fnType.params, fnType.result);
    callee = { type: llType, value: b.CreateBitCast(lowerValue(fx, e.callee), llvm.PointerType.getUnqual(llType)) };
  }
  const args: llvm.Value[] = [];
  let resultAddr: llvm.Value | null = null;
  if (isAggregate(e.type)) {
    resultAddr = dest ?? fx.alloca(e.type, "call.result");
    args.push(fx.bytePtr(resultAddr));
  }
  e.args.forEach((a, i) => {
    if (!isAggregate(a.type)) args.push(lowerValue(fx, a));
    else args.push(fx.bytePtr(e.args.slice(i + 1).every(quietExpr) ? lowerAggregate(fx, a) : privateAggregate(fx, a)));
  });
  const call = e.kind === "call" ? b.CreateCall(fx.m.func(e.func), args) : b.CreateCall(callee!.type, callee!.value, args);
  if (resultAddr) return resultAddr;
  return e.type.kind === "void" ? null : call;
}

/**
 * The address of memory holding the value of aggregate expression `e`. For
 * a `load` this is the place itself (no copy): callers copy out of it with
 * memmove or hand it to a callee that copies at entry.
 */
export function lowerAggregate(fx: FunctionContext, e: Expr): llvm.Value {
  const b = fx.b;
  switch (e.kind) {
    case "load":
      return placeAddress(fx, e.place);
    case "call": case "callIndirect":
      return lowerCall(fx, e, null)!;
    case "conditional": {
      const phi = conditional(fx, e, fx.types.i8ptr, (arm) => fx.bytePtr(lowerAggregate(fx, arm)));
      return b.CreateBitCast(phi, llvm.PointerType.getUnqual(fx.types.memory(e.type)));
    }
    case "block":
      lowerStmts(fx, e.body);
      if (fx.terminated()) fx.startDeadBlock();
      if (!e.result) throw new Error("block without result used as a value");
      return lowerAggregate(fx, e.result);
    case "zero": case "structValue": case "arrayValue": case "arrayRepeat": {
      const tmp = fx.alloca(e.type, "tmp");
      storeAggregate(fx, e, tmp);
      return tmp;
    }
    default:
      throw new Error(`expression '${e.kind}' of aggregate type`);
  }
}

/**
 * The address of a private copy of an aggregate value, so that later stores
 * cannot change it. Calls and literals already produce a fresh temporary;
 * a load, or a conditional or block that may end in one, is copied.
 */
export function privateAggregate(fx: FunctionContext, e: Expr): llvm.Value {
  switch (e.kind) {
    case "load": {
      const tmp = fx.alloca(e.type, "copy");
      fx.copy(e.type, tmp, placeAddress(fx, e.place), true);
      return tmp;
    }
    case "conditional": case "block": {
      const tmp = fx.alloca(e.type, "copy");
      storeAggregate(fx, e, tmp);
      return tmp;
    }
    default:
      return lowerAggregate(fx, e);
  }
}

/**
 * Writes the aggregate value of `e` to `dest` (a `memType(e.type)*`). Parts
 * of struct and array literals are all evaluated before the first store, so
 * `a = S { x: a.y, y: a.x }` reads the old value of `a`.
 */
export function storeAggregate(fx: FunctionContext, e: Expr, dest: llvm.Value): void {
  const b = fx.b;
  const types = fx.types;
  switch (e.kind) {
    case "zero":
      fx.fill(e.type, dest, 0);
      return;
    case "structValue": {
      if (e.type.kind !== "struct") throw new Error("struct value of non-struct type");
      const fields = e.type.def.fields;
      const parts = e.fields.map((f) => isAggregate(f.type) ? privateAggregate(fx, f) : lowerValue(fx, f));
      const base = fx.bytePtr(dest);
      fields.forEach((f, i) => {
        const at = f.offset === 0 ? base : b.CreateGEP(types.i8, base, [fx.consts.i64(f.offset)]);
        const addr = b.CreateBitCast(at, llvm.PointerType.getUnqual(types.memory(f.type)));
        if (isAggregate(f.type)) fx.copy(f.type, addr, parts[i], false);
        else fx.store(f.type, parts[i], addr);
      });
      return;
    }
    case "arrayValue": {
      if (e.type.kind !== "array") throw new Error("array value of non-array type");
      const elem = e.type.elem;
      const arrTy = types.memory(e.type);
      const isZeroConst = (x: Expr) => x.kind === "zero" || (x.kind === "const" && x.value === 0n);
      // Long literals of constants come from a constant global (one memcpy, not N stores).
      if (e.elements.length >= 16 && !isAggregate(elem) && e.elements.every((x) => x.kind === "const" || x.kind === "zero")) {
        if (e.elements.every(isZeroConst)) { fx.fill(e.type, dest, 0); return; }
        const init = fx.consts.init(e.type, { kind: "array", elements: e.elements.map((x) => ({ kind: "int", value: x.kind === "const" ? x.value : 0n })) }, fx.m);
        if (init) {
          const g = new llvm.GlobalVariable(fx.m.module, arrTy, true, llvm.GlobalValue.LinkageTypes.PrivateLinkage, init, `.arr.${fx.m.fresh()}`);
          fx.copy(e.type, dest, g, false);
          return;
        }
      }
      const parts = e.elements.map((x) => isAggregate(elem) ? privateAggregate(fx, x) : lowerValue(fx, x));
      // Mostly-zero literals (short lists padded with zeros): one memset, then the rest.
      const zeros = e.elements.filter(isZeroConst).length;
      const skipZeros = zeros >= 8;
      if (skipZeros) fx.fill(e.type, dest, 0);
      parts.forEach((v, i) => {
        if (skipZeros && isZeroConst(e.elements[i])) return;
        const addr = b.CreateGEP(arrTy, dest, [fx.consts.i64(0), fx.consts.i64(i)]);
        if (isAggregate(elem)) fx.copy(elem, addr, v, false);
        else fx.store(elem, v, addr);
      });
      return;
    }
    case "arrayRepeat": {
      if (e.type.kind !== "array") throw new Error("array repeat of non-array type");
      const elem = e.type.elem;
      const n = e.type.length;
      const v = isAggregate(elem) ? privateAggregate(fx, e.value) : lowerValue(fx, e.value);
      if (n === 0) return;
      // Bytes (and zero of any type) become one memset.
      const known = e.value.kind === "const" ? e.value.value : null;
      if (!isAggregate(elem) && known !== null && (sizeOf(elem) === 1 || known === 0n)) {
        fx.setBytes(b, fx.bytePtr(dest), Number(known & 0xffn), sizeOf(e.type));
        return;
      }
      repeatLoop(fx, e.type, dest, (addr) => {
        if (isAggregate(elem)) fx.copy(elem, addr, v, false);
        else fx.store(elem, v, addr);
      });
      return;
    }
    case "call": case "callIndirect": {
      // Into a temporary first: the callee may read the destination.
      const tmp = lowerCall(fx, e, null)!;
      fx.copy(e.type, dest, tmp, false);
      return;
    }
    default: {
      const src = lowerAggregate(fx, e);
      fx.copy(e.type, dest, src, true);
    }
  }
}

function repeatLoop(fx: FunctionContext, t: Type, dest: llvm.Value, body: (addr: llvm.Value) => void): void {
  if (t.kind !== "array") return;
  const b = fx.b;
  const i64 = fx.types.i64;
  const from = b.GetInsertBlock()!;
  const loop = fx.block("repeat");
  const done = fx.block("repeat.end");
  b.CreateBr(loop);
  b.SetInsertPoint(loop);
  const i = b.CreatePHI(i64, 2);
  i.addIncoming(fx.consts.i64(0), from);
  body(b.CreateGEP(fx.types.memory(t), dest, [fx.consts.i64(0), i]));
  const next = b.CreateAdd(i, fx.consts.i64(1));
  i.addIncoming(next, b.GetInsertBlock()!);
  b.CreateCondBr(b.CreateICmpULT(next, fx.consts.i64(t.length)), loop, done);
  b.SetInsertPoint(done);
}
