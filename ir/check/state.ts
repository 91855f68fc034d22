/**
 * The checker's mutable state: the top-level name table, the program being
 * built, and the per-function context (scopes, loop targets, unsafe depth,
 * definite-assignment flow). Every other file of `ir/check/` takes a
 * `Checker` as first argument; nothing here is exported beyond the folder.
 */
import type { Diagnostics, Span } from "../../diagnostics/diagnostics.ts";
import type * as syn from "../syntax.ts";
import type { Expr, Func, Global, Local, Stmt, Type, StructDef } from "../checked.ts";
import { Scope } from "./scope.ts";

/** A folded constant: a checked expression (a `const`, `string` node or a load of a hidden global). */
export interface ConstResult {
  expr: Expr;
  /** Set when the constant is an untyped integer (DSL `const N = 4`): it adapts like a literal. */
  untyped: bigint | null;
}

export type TopEntry =
  | { kind: "fn"; decl: syn.FnDecl; func: Func; type: Type }
  | { kind: "struct"; decl: syn.StructDecl; def: StructDef; state: "pending" | "busy" | "done" }
  | { kind: "const"; decl: syn.ConstDecl; state: "pending" | "busy" | "done"; value: ConstResult | null }
  | { kind: "global"; decl: syn.GlobalDecl; global: Global; resolved: boolean };

/** Definite-assignment state at one program point. Only deferred locals are tracked. */
export interface Flow {
  /** False after return/break/continue/infinite loop: nothing here runs. */
  live: boolean;
  /** Definitely assigned on every path. */
  assigned: Set<Local>;
  /** Possibly assigned on some path. */
  maybe: Set<Local>;
}

export interface JumpTarget {
  id: number;
  kind: "loop" | "switch";
  label: string | null;
  breaks: Flow[];
  continues: Flow[];
}

export interface FnContext {
  func: Func;
  decl: syn.FnDecl;
  scope: Scope;
  unsafeDepth: number;
  loopDepth: number;
  targets: JumpTarget[];
  flow: Flow;
  /** Placeholder blocks (and the statement list holding each) to drop if they stay empty. */
  placeholders: Map<Stmt, Stmt[]>;
}

export interface Checker {
  diags: Diagnostics;
  target: "x86_64" | "aarch64";
  top: Map<string, TopEntry>;
  functions: Func[];
  globals: Global[];
  /** Null while checking top-level constants, globals and types. */
  fn: FnContext | null;
  nextTargetId: number;
  /** Counter for hidden locals/globals. */
  hidden: number;
}

export function newFlow(): Flow {
  return { live: true, assigned: new Set(), maybe: new Set() };
}

export function cloneFlow(f: Flow): Flow {
  return { live: f.live, assigned: new Set(f.assigned), maybe: new Set(f.maybe) };
}

/** Joins the states of two paths that meet. */
export function mergeFlow(a: Flow, b: Flow): Flow {
  if (!a.live) return { live: b.live, assigned: new Set(b.assigned), maybe: new Set([...a.maybe, ...b.maybe]) };
  if (!b.live) return { live: true, assigned: new Set(a.assigned), maybe: new Set([...a.maybe, ...b.maybe]) };
  const assigned = new Set<Local>();
  for (const l of a.assigned) if (b.assigned.has(l)) assigned.add(l);
  return { live: true, assigned, maybe: new Set([...a.maybe, ...b.maybe]) };
}

export function mergeAll(flows: Flow[]): Flow {
  let out: Flow = { live: false, assigned: new Set(), maybe: new Set() };
  for (const f of flows) out = mergeFlow(out, f);
  return out;
}

/** Makes a new local of the current function. */
export function newLocal(ctx: Checker, name: string, type: Type, mutable: boolean, span: Span, isParam = false): Local {
  const fn = ctx.fn!;
  const local: Local = {
    id: fn.func.locals.length, name, type, mutable, isParam, addressTaken: false, register: null, span,
  };
  fn.func.locals.push(local);
  return local;
}

export function inUnsafe(ctx: Checker): boolean {
  return ctx.fn !== null && (ctx.fn.unsafeDepth > 0 || ctx.fn.decl.unsafe || ctx.fn.decl.naked);
}
