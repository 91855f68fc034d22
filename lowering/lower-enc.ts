/**
 * Encrypted strings (`enc "text"`): the bytes are stored XOR-ed with a
 * random key of the same length (reproducible with a seed), and decrypted at run time into a
 * NUL-terminated buffer in the function's frame. The addresses of the
 * ciphertext and key pass through an empty asm statement (`__lw_opaque`), so
 * `opt` cannot fold the loop and put the plain text back into the binary.
 */
import llvm from "./llvm.ts";
import type { FunctionContext } from "./function-context.ts";

export function lowerEnc(fx: FunctionContext, bytes: Uint8Array): llvm.Value {
  const b = fx.b;
  const types = fx.types;
  const n = bytes.length;
  const buf = fx.alloca({ kind: "array", elem: { kind: "int", bits: 8, signed: false }, length: n + 1 }, "enc");
  const out = fx.bytePtr(buf);
  if (n > 0) {
    // No zero key byte: then no byte of the ciphertext equals its plain byte.
    const key = fx.m.randomBytes(n).map((k) => (k === 0 ? 0xa5 : k));
    const cipher = bytes.map((x, i) => x ^ key[i]);
    const data = opaque(fx, byteGlobal(fx, cipher));
    const keyPtr = opaque(fx, byteGlobal(fx, key));
    const from = b.GetInsertBlock()!;
    const loop = fx.block("enc.loop");
    const done = fx.block("enc.end");
    b.CreateBr(loop);
    b.SetInsertPoint(loop);
    const i = b.CreatePHI(types.i64, 2);
    i.addIncoming(fx.consts.i64(0), from);
    const c = b.CreateLoad(types.i8, b.CreateGEP(types.i8, data, [i]));
    const k = b.CreateLoad(types.i8, b.CreateGEP(types.i8, keyPtr, [i]));
    b.CreateStore(b.CreateXor(c, k), b.CreateGEP(types.i8, out, [i]));
    const next = b.CreateAdd(i, fx.consts.i64(1));
    i.addIncoming(next, loop);
    b.CreateCondBr(b.CreateICmpULT(next, fx.consts.i64(n)), loop, done);
    b.SetInsertPoint(done);
  }
  b.CreateStore(llvm.ConstantInt.get(types.i8, 0), b.CreateGEP(types.i8, out, [fx.consts.i64(n)]));
  return out;
}

function byteGlobal(fx: FunctionContext, bytes: Uint8Array): llvm.Constant {
  const types = fx.types;
  const arrTy = llvm.ArrayType.get(types.i8, bytes.length);
  const init = llvm.ConstantArray.get(arrTy, [...bytes].map((x) => llvm.ConstantInt.get(types.i8, x)));
  const g = new llvm.GlobalVariable(fx.m.module, arrTy, true, llvm.GlobalValue.LinkageTypes.PrivateLinkage, init, `.enc.${fx.m.fresh()}`);
  return llvm.ConstantExpr.getBitCast(g, types.i8ptr);
}

function opaque(fx: FunctionContext, p: llvm.Value): llvm.Value {
  return fx.b.CreateCall(fx.m.opaque(), [p]);
}
