/**
 * One function body: parameters and locals get entry-block slots (locals
 * zero-filled, parameters stored or, for aggregates, copied from the
 * caller's pointer), then the statements. A void function that reaches its
 * end returns; any other path off the end traps (the checker guarantees it
 * cannot happen, and `unreachable` would let LLVM assume it away).
 */
import type { ModuleContext } from "./module-context.ts";
import type { Func } from "../ir/checked.ts";
import { isAggregate } from "../ir/types.ts";
import { FunctionContext } from "./function-context.ts";
import { lowerStmts } from "./lower-stmt.ts";
import { slotRegister } from "./lower-asm.ts";

export function lowerFunction(m: ModuleContext, func: Func): void {
  const fn = m.func(func);
  const fx = new FunctionContext(m, fn, func);
  let argIndex = 0;
  if (isAggregate(func.result)) fx.sret = fn.getArg(argIndex++);
  const params = new Set(func.params);
  for (const local of func.locals) {
    // Register variables live in a slot too (see lower-asm.ts), except the stack and frame registers.
    if (params.has(local) || (local.register && !slotRegister(m, local))) continue;
    const slot = fx.zeroedAlloca(local.type, local.name);
    fx.locals.set(local, slot);
    fx.declareLocal(local, slot, null);
  }
  func.params.forEach((p, i) => {
    const slot = fx.alloca(p.type, p.name);
    fx.initParam(p.type, fn.getArg(argIndex++), slot);
    fx.locals.set(p, slot);
    fx.declareLocal(p, slot, i + 1);
  });
  const body = fx.block("body");
  fx.b.SetInsertPoint(body);
  lowerStmts(fx, func.body);
  if (!fx.terminated()) {
    if (func.result.kind === "void") fx.b.CreateRetVoid();
    else fx.trapHere();
  }
  fx.finishEntry(body);
}
