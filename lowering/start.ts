/**
 * `__lw_start(i8* sp)`, called by the runtime's naked `_start` with the
 * initial stack pointer: reads argc (`*sp`) and argv (`sp + 8`), calls the
 * user's `main` with them if it takes parameters, and exits (syscall 60 on
 * x86-64, 93 on aarch64) with the low 8 bits of its result (0 for void).
 */
import llvm from "./llvm.ts";
import type { ModuleContext } from "./module-context.ts";
import type { Func } from "../ir/checked.ts";
import { isAggregate } from "../ir/types.ts";

export function buildStart(m: ModuleContext, main: Func): void {
  const types = m.types;
  const fnType = llvm.FunctionType.get(types.void, [types.i8ptr], false);
  const fn = llvm.Function.Create(fnType, llvm.GlobalValue.LinkageTypes.ExternalLinkage, "__lw_start", m.module);
  fn.setDoesNotThrow();
  const b = new llvm.IRBuilder(llvm.BasicBlock.Create(m.context, "entry", fn));
  // With -g it needs a subprogram too: otherwise inlining main into it (-O1 and up) drops every line.
  if (m.debug) {
    const sp = m.debug.subprogram(fn, "__lw_start", "__lw_start", main.span);
    b.SetCurrentDebugLocation(m.debug.location(main.span, sp));
  }
  const sp = fn.getArg(0);
  const argc = b.CreateLoad(types.i64, b.CreateBitCast(sp, llvm.PointerType.getUnqual(types.i64)));
  const argv = b.CreateGEP(types.i8, sp, [m.consts.i64(8)]);
  const args: llvm.Value[] = [];
  main.params.forEach((p, i) => {
    const t = p.type;
    const raw = i === 0 ? argc : i === 1 ? argv : null;
    if (t.kind === "int") {
      const v = raw === null ? m.consts.int(t.bits, 0n) : i === 0 ? argc : b.CreatePtrToInt(argv, types.i64);
      args.push(t.bits < 64 ? b.CreateTrunc(v, types.int(t.bits)) : v);
    } else if (t.kind === "ptr" || t.kind === "str" || t.kind === "fn") {
      args.push(raw === null ? m.consts.nullPtr() : i === 0 ? b.CreateIntToPtr(argc, types.i8ptr) : argv);
    } else if (t.kind === "bool") {
      args.push(raw === null ? m.consts.bool(false) : b.CreateICmpNE(i === 0 ? argc : b.CreatePtrToInt(argv, types.i64), m.consts.i64(0)));
    } else {
      throw new Error(`main parameter of type ${t.kind}`);
    }
  });
  if (isAggregate(main.result)) throw new Error("main returns an aggregate");
  const result = b.CreateCall(m.func(main), args);
  let status: llvm.Value = m.consts.i64(0);
  const r = main.result;
  if (r.kind === "int") status = r.bits === 64 ? result : r.signed ? b.CreateSExt(result, types.i64) : b.CreateZExt(result, types.i64);
  else if (r.kind === "bool") status = b.CreateZExt(result, types.i64);
  const exitNr = m.target.name === "x86_64" ? 60 : 93;
  b.CreateCall(m.syscallStub(1), [m.consts.i64(exitNr), status]);
  b.CreateCall(m.trap(), []);
  b.CreateUnreachable();
}
