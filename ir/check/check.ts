/**
 * The checker's entry point: syntax IR module in, checked IR `Program` out
 * (null when any error was reported). Shared by both front ends, so both
 * languages get the same rules and the same diagnostics (codes.ts).
 *
 * Phases: collect top-level names (one namespace, duplicates reported with
 * both places); resolve function signatures (structs are laid out and
 * constants folded lazily, on first use, so order never matters); check
 * every constant and global initialiser; check every function body; pick
 * the entry (`main`, or a naked `_start`).
 *
 * Symbols: user functions and globals are `lw.<name>` (hidden constant
 * globals `lw.<name>` too, block constants `lw.<fn>.<name>.<n>`), so they
 * never collide with runtime symbols (`memcpy`, `_start`, `__sys3`); a
 * user's naked `_start` keeps the symbol `_start`.
 *
 * Decisions where LANGUAGE.md is silent (keep in sync with the report):
 * - Arithmetic and comparison operands of different integer types meet in
 *   the wider one when the narrower converts implicitly (same signedness);
 *   otherwise it is LW2009. Untyped literals take the other operand's type.
 * - Only untyped integers adapt to context: literals, `-`/arithmetic over
 *   literals (computed exactly, then range-checked: `1 << 35` into u32 is
 *   LW2005) and DSL constants declared without a type. A typed `const`
 *   behaves like a value of its type.
 * - A struct literal may leave fields out: they are zero.
 * - `[v; n]` must match an expected array length exactly.
 * - Parameters are immutable (copy into a `let mut`).
 * - `p[i]` on `ptr`/`*T` is allowed: a deref of `p + i` (needs unsafe).
 * - `&x` of a `let x: T;` not yet assigned zero-fills `x` at its declaration.
 * - Integer conditions mean `!= 0`; pointers are not conditions (LW2036).
 * - A program without `main` (or a naked `_start`) is LW2028 at 1:1 of the entry file.
 * - `enc` constants are LW2041 (not supported yet); `enc` expressions work.
 */
import type { Diagnostics } from "../../diagnostics/diagnostics.ts";
import type * as syn from "../syntax.ts";
import type { Func, Global, Local, Program, Type } from "../checked.ts";
import { ERROR, VOID, typeToString } from "../types.ts";
import { Code } from "./codes.ts";
import { evalTopConst, toConstValue } from "./consts.ts";
import { ensureGlobal } from "./places.ts";
import { Scope } from "./scope.ts";
import { newFlow, type Checker, type TopEntry } from "./state.ts";
import { checkStmts } from "./stmt.ts";
import { layoutStructEntry, resolveType } from "./types.ts";
import { checkExprTo } from "./expr.ts";

export interface CheckOptions {
  target: "x86_64" | "aarch64";
}

export function check(module: syn.Module, diags: Diagnostics, options: CheckOptions): Program | null {
  const errorsBefore = diags.errorCount;
  const ctx: Checker = {
    diags, target: options.target, top: new Map(), functions: [], globals: [], fn: null, nextTargetId: 0, hidden: 0,
  };
  collect(ctx, module.decls);
  predefineTarget(ctx, module);
  for (const e of ctx.top.values()) if (e.kind === "fn") resolveSignature(ctx, e);
  for (const e of ctx.top.values()) {
    switch (e.kind) {
      case "struct": layoutStructEntry(ctx, e); break;
      case "const": evalTopConst(ctx, e, e.decl.nameSpan); break;
      case "global": checkGlobalInit(ctx, e); break;
      case "fn": break;
    }
  }
  for (const e of ctx.top.values()) if (e.kind === "fn") checkBody(ctx, e);
  const { main, userStart } = entryPoints(ctx);
  if (!main && !userStart && !ctx.top.has("main") && !ctx.top.has("_start")) {
    // The entry file's declarations come first; point at the start of that file.
    const file = module.entryFile ?? module.decls[0]?.span.file;
    ctx.diags.error(Code.BadEntry, "the program has no `main` function", file === undefined ? undefined : { file, start: 0, end: 0 },
      "define `fn main() -> u64 { ... }` (or a naked `_start`)");
  }
  if (diags.errorCount > errorsBefore) return null;
  return { functions: ctx.functions, globals: ctx.globals, main, userStart };
}

/**
 * `ARCH_X86_64` and `ARCH_ARM64` as bool constants (unless the program
 * defines them): the DSL imports them from "lwanga" to pick syscall numbers
 * per target. In `.lw` the preprocessor has already replaced them by 1.
 */
function predefineTarget(ctx: Checker, module: syn.Module): void {
  const file = module.entryFile ?? module.decls[0]?.span.file ?? 0;
  const span = { file, start: 0, end: 0 };
  for (const [name, value] of [["ARCH_X86_64", ctx.target === "x86_64"], ["ARCH_ARM64", ctx.target === "aarch64"]] as const) {
    if (ctx.top.has(name)) continue;
    const decl: syn.ConstDecl = {
      kind: "const", name, nameSpan: span, type: { kind: "named", name: "bool", span }, init: { kind: "bool", value, span }, span,
    };
    ctx.top.set(name, { kind: "const", decl, state: "pending", value: null });
  }
}

function declKindName(d: syn.Decl): string {
  switch (d.kind) {
    case "fn": return "function";
    case "const": return "constant";
    case "global": return "global";
    case "struct": return "struct";
  }
}

function collect(ctx: Checker, decls: syn.Decl[]): void {
  for (const d of decls) {
    const prev = ctx.top.get(d.name);
    if (prev) {
      ctx.diags.error(Code.Duplicate, `'${d.name}' is defined more than once`, d.nameSpan,
        "rename one of them: all top-level names share one namespace",
        [{ message: `first defined here (${declKindName(prev.decl)})`, span: prev.decl.nameSpan }]);
      continue;
    }
    switch (d.kind) {
      case "fn": {
        const func: Func = {
          name: d.name, symbol: d.name === "_start" && d.naked ? "_start" : `lw.${d.name}`,
          params: [], locals: [], result: VOID, body: [], naked: d.naked, span: d.span,
        };
        ctx.top.set(d.name, { kind: "fn", decl: d, func, type: ERROR });
        break;
      }
      case "struct":
        ctx.top.set(d.name, {
          kind: "struct", decl: d, state: "pending",
          def: { name: d.name, packed: d.packed, fields: [], size: 0, align: 1 },
        });
        break;
      case "const":
        ctx.top.set(d.name, { kind: "const", decl: d, state: "pending", value: null });
        break;
      case "global": {
        const global: Global = { name: d.name, symbol: `lw.${d.name}`, type: ERROR, mutable: d.mutable, init: { kind: "zero" }, span: d.span };
        ctx.globals.push(global);
        ctx.top.set(d.name, { kind: "global", decl: d, global, resolved: false });
        break;
      }
    }
  }
}

function resolveSignature(ctx: Checker, e: Extract<TopEntry, { kind: "fn" }>): void {
  const { decl, func } = e;
  const seen = new Map<string, syn.Param>();
  for (const p of decl.params) {
    const prev = seen.get(p.name);
    if (prev) {
      ctx.diags.error(Code.Duplicate, `parameter '${p.name}' is declared twice`, p.span, undefined,
        [{ message: "first declared here", span: prev.span }]);
    }
    seen.set(p.name, p);
    let type = resolveType(ctx, p.type);
    if (type.kind === "void") type = ERROR;
    const local: Local = {
      id: func.locals.length, name: p.name, type, mutable: false, isParam: true, addressTaken: false, register: null, span: p.span,
    };
    func.params.push(local);
    func.locals.push(local);
  }
  func.result = decl.result ? resolveType(ctx, decl.result) : VOID;
  e.type = { kind: "fn", params: func.params.map((p) => p.type), result: func.result };
  ctx.functions.push(func);
}

function checkGlobalInit(ctx: Checker, e: Extract<TopEntry, { kind: "global" }>): void {
  const g = ensureGlobal(ctx, e);
  if (!e.decl.init || g.type.kind === "error") return;
  ctx.fn = null;
  const value = checkExprTo(ctx, e.decl.init, g.type);
  if (value.type.kind === "error") return;
  const cv = toConstValue(ctx, value);
  if (cv) g.init = cv;
}

function checkBody(ctx: Checker, e: Extract<TopEntry, { kind: "fn" }>): void {
  const { decl, func } = e;
  const scope = new Scope(null);
  ctx.fn = {
    func, decl, scope, unsafeDepth: 0, loopDepth: 0, targets: [], flow: newFlow(), placeholders: new Map(),
  };
  for (const p of func.params) scope.define(p.name, { kind: "local", local: p, info: { deferred: false, loopDepth: 0, placeholder: null } });
  if (decl.naked) checkNakedBody(ctx, decl.body);
  if (decl.body.unsafe) ctx.fn.unsafeDepth++;
  const body = checkStmts(ctx, decl.body.body);
  if (ctx.fn.flow.live && func.result.kind !== "void" && func.result.kind !== "error" && !decl.naked) {
    ctx.diags.error(Code.MissingReturn,
      `'${decl.name}' must return a value of type ${typeToString(func.result)} on every path`,
      closingBrace(decl.body.span), "add a `return` at the end of the function");
  }
  for (const [ph, list] of ctx.fn.placeholders) {
    if ((ph as { body: unknown[] }).body.length === 0) list.splice(list.indexOf(ph), 1);
  }
  func.body = body;
  ctx.fn = null;
}

/** The span of the `}` that ends a block (where a missing return is noticed). */
function closingBrace(span: syn.Span): syn.Span {
  return { file: span.file, start: Math.max(span.start, span.end - 1), end: span.end };
}

/** A naked fn holds asm blocks (in unsafe blocks or not) and at most a trailing `return <const>;`. */
function checkNakedBody(ctx: Checker, body: syn.Block): void {
  const visit = (stmts: syn.Stmt[], top: boolean): void => {
    stmts.forEach((s, i) => {
      if (s.kind === "asm") return;
      if (s.kind === "block") return visit(s.body, false);
      if (s.kind === "return" && top && i === stmts.length - 1) return;
      ctx.diags.error(Code.NakedBody, "a naked function may contain only asm blocks and a trailing `return`", s.span,
        "move this code into an ordinary function and call it from the asm");
    });
  };
  visit(body.body, true);
}

function entryPoints(ctx: Checker): { main: Func | null; userStart: Func | null } {
  let main: Func | null = null;
  let userStart: Func | null = null;
  const start = ctx.top.get("_start");
  if (start?.kind === "fn") {
    if (!start.decl.naked) {
      ctx.diags.error(Code.BadEntry, "a user-defined `_start` must be a `naked fn`", start.decl.nameSpan,
        "write `naked fn _start() { asm { ... } }`, or define `main` instead");
    } else userStart = start.func;
  }
  const m = ctx.top.get("main");
  if (m?.kind === "fn") {
    const f = m.func;
    const r = f.result;
    if (r.kind !== "void" && r.kind !== "int" && r.kind !== "error") {
      ctx.diags.error(Code.BadEntry, `'main' must return an integer type or nothing, not ${typeToString(r)}`, m.decl.result!.span);
    }
    const ps = f.params.map((p) => p.type);
    const ok = ps.length === 0 ||
      (ps.length === 2 && isArgc(ps[0]) && (ps[1].kind === "ptr" || ps[1].kind === "error"));
    if (!ok) {
      ctx.diags.error(Code.BadEntry, "'main' takes no parameters or `(argc: u64, argv: ptr)`",
        m.decl.params[0]?.span ?? m.decl.nameSpan);
    }
    if (!userStart) main = f;
  } else if (m) {
    ctx.diags.error(Code.BadEntry, "'main' must be a function", m.decl.nameSpan);
  }
  return { main, userStart };
}

function isArgc(t: Type): boolean {
  return t.kind === "error" || (t.kind === "int" && t.bits === 64);
}
