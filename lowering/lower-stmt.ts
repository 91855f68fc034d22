/**
 * Statements. Structured control flow becomes basic blocks: `if`, loops
 * (`continue` runs the update, then the test), switches with C fall-through
 * (each case block falls into the next), `break`/`continue` by target id.
 * After a statement that ends its block (return, break, continue) lowering
 * continues in a fresh block without predecessors, so dead code still
 * builds valid IR.
 */
import llvm from "./llvm.ts";
import type { FunctionContext } from "./function-context.ts";
import type { Stmt } from "../ir/checked.ts";
import { isAggregate } from "../ir/types.ts";
import { placeAddress } from "./lower-place.ts";
import { lowerEffect, lowerValue, privateAggregate, storeAggregate } from "./lower-expr.ts";
import { fixedPlace, quietExpr, quietPlace } from "./effects.ts";
import { lowerAsm, slotRegister, writeRegister } from "./lower-asm.ts";

export function lowerStmts(fx: FunctionContext, stmts: Stmt[]): void {
  for (const s of stmts) lowerStmt(fx, s);
}

export function lowerStmt(fx: FunctionContext, s: Stmt): void {
  if (fx.terminated()) fx.startDeadBlock();
  if (s.kind !== "block") fx.at(s.span);
  fx.m.currentSpan = s.span;
  const b = fx.b;
  switch (s.kind) {
    case "expr":
      lowerEffect(fx, s.expr);
      return;
    case "assign": {
      if (isAggregate(s.place.type)) {
        // The value is evaluated first (as for scalars). Straight into the destination when the order
        // cannot show; otherwise into a private copy, then the address, then one copy.
        if (fixedPlace(s.place) || (quietPlace(s.place) && quietExpr(s.value))) {
          storeAggregate(fx, s.value, placeAddress(fx, s.place));
        } else {
          const value = privateAggregate(fx, s.value);
          fx.copy(s.place.type, placeAddress(fx, s.place), value, false);
        }
      } else if (s.place.kind === "local" && s.place.local.register && !slotRegister(fx.m, s.place.local)) {
        writeRegister(fx, s.place.local, lowerValue(fx, s.value));
      } else {
        const v = lowerValue(fx, s.value);
        fx.store(s.place.type, v, placeAddress(fx, s.place));
      }
      return;
    }
    case "if": {
      const thenBB = fx.block("if.then");
      const done = fx.block("if.end");
      const elseBB = s.else.length > 0 ? fx.block("if.else") : done;
      b.CreateCondBr(lowerValue(fx, s.cond), thenBB, elseBB);
      b.SetInsertPoint(thenBB);
      lowerStmts(fx, s.then);
      fx.branch(done);
      if (s.else.length > 0) {
        b.SetInsertPoint(elseBB);
        lowerStmts(fx, s.else);
        fx.branch(done);
      }
      b.SetInsertPoint(done);
      return;
    }
    case "loop": {
      const test = fx.block("loop.test");
      const body = fx.block("loop.body");
      const update = fx.block("loop.update");
      const done = fx.block("loop.end");
      b.CreateBr(s.checkFirst ? test : body);
      b.SetInsertPoint(test);
      if (s.cond) b.CreateCondBr(lowerValue(fx, s.cond), body, done);
      else b.CreateBr(body);
      fx.targets.set(s.id, { breakTo: done, continueTo: update });
      b.SetInsertPoint(body);
      lowerStmts(fx, s.body);
      // The loop's own jumps belong to the loop's line, not the body's last statement.
      fx.at(s.span);
      fx.branch(update);
      b.SetInsertPoint(update);
      lowerStmts(fx, s.update);
      fx.at(s.span);
      fx.branch(test);
      fx.targets.delete(s.id);
      b.SetInsertPoint(done);
      return;
    }
    case "switch": {
      const value = lowerValue(fx, s.value);
      const done = fx.block("switch.end");
      const blocks = s.cases.map(() => fx.block("switch.case"));
      const fallback = s.defaultIndex !== null ? blocks[s.defaultIndex] : done;
      const sw = b.CreateSwitch(value, fallback, s.cases.length);
      const bits = s.value.type.kind === "int" ? s.value.type.bits : 1;
      const seen = new Set<bigint>();
      s.cases.forEach((c, i) => {
        for (const v of c.values) {
          const key = BigInt.asUintN(bits, v);
          if (seen.has(key)) continue; // a duplicate would make the switch invalid
          seen.add(key);
          sw.addCase(fx.consts.int(bits, key), blocks[i]);
        }
      });
      fx.targets.set(s.id, { breakTo: done, continueTo: null });
      s.cases.forEach((c, i) => {
        b.SetInsertPoint(blocks[i]);
        lowerStmts(fx, c.body);
        fx.branch(i + 1 < blocks.length ? blocks[i + 1] : done);
      });
      fx.targets.delete(s.id);
      b.SetInsertPoint(done);
      return;
    }
    case "break": case "continue": {
      const t = fx.targets.get(s.target);
      const to = t ? (s.kind === "break" ? t.breakTo : t.continueTo) : null;
      if (!to) throw new Error(`${s.kind} to unknown target ${s.target}`);
      b.CreateBr(to);
      return;
    }
    case "return": {
      const value = s.value;
      if (!value) {
        b.CreateRetVoid();
      } else if (isAggregate(value.type)) {
        if (!fx.sret) throw new Error("aggregate return without result pointer");
        storeAggregate(fx, value, b.CreateBitCast(fx.sret, llvm.PointerType.getUnqual(fx.types.memory(value.type))));
        b.CreateRetVoid();
      } else {
        b.CreateRet(lowerValue(fx, value));
      }
      return;
    }
    case "block":
      lowerStmts(fx, s.body);
      return;
    case "asm":
      lowerAsm(fx, s);
      return;
  }
}

