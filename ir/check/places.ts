/**
 * Places: expressions that denote memory (`x`, a global, `*p`, `s.f`,
 * `a[i]`, `p[i]`). `checkPlace` resolves one for reading, writing or
 * taking its address, and reports what it touched at the root (a local or
 * global, for mutability checks). A field or element of a value that is not
 * a place (a call result, a literal) is read through a hidden temporary,
 * whose assignment is returned in `pre`.
 *
 * Also here: the read check of definite assignment and the unsafe check.
 */
import { suggestName, type Span } from "../../diagnostics/diagnostics.ts";
import type * as syn from "../syntax.ts";
import type { Expr, Global, Place, Stmt, Type } from "../checked.ts";
import { ERROR, I64, U64, U8, sizeOf, typeToString } from "../types.ts";
import { Code } from "./codes.ts";
import { evalTopConst, literalTo, untypedValue } from "./consts.ts";
import { intToInt } from "./conversions.ts";
import { isConst, mkArith, mkConst, valueOf } from "./fold.ts";
import { lookupValue, visibleValueNames } from "./names.ts";
import type { Binding } from "./scope.ts";
import { inUnsafe, newLocal, type Checker, type TopEntry } from "./state.ts";
import { resolveType } from "./types.ts";
import { checkExpr } from "./expr.ts";

export type PlaceMode = "read" | "write" | "address";

export type PlaceRoot =
  | { kind: "local"; binding: Extract<Binding, { kind: "local" }> }
  | { kind: "global"; global: Global }
  /** An aggregate constant (an immutable hidden global). */
  | { kind: "const"; name: string }
  /** Memory reached through a pointer, or a hidden temporary: writable. */
  | { kind: "memory"; readOnly: boolean };

export interface PlaceResult {
  place: Place;
  root: PlaceRoot;
  pre: Stmt[];
}

export function requireUnsafe(ctx: Checker, span: Span, what: string): void {
  if (inUnsafe(ctx)) return;
  const help = ctx.fn === null ? undefined : "wrap it in an `unsafe { ... }` block (DSL: `unsafe(() => ...)`), or declare the function `unsafe fn`";
  ctx.diags.error(Code.NeedsUnsafe, `${what} needs an unsafe block`, span, help);
}

/** Reading a local: register variables need unsafe; deferred locals must be assigned first. */
export function readLocalCheck(ctx: Checker, b: Extract<Binding, { kind: "local" }>, span: Span): void {
  if (b.local.register) requireUnsafe(ctx, span, "reading a register variable");
  const flow = ctx.fn!.flow;
  if (b.info.deferred && flow.live && !flow.assigned.has(b.local)) {
    ctx.diags.error(Code.Unassigned, `'${b.local.name}' is read before it is assigned`, span,
      "assign it on every path before this read, or give it an initialiser");
    flow.assigned.add(b.local);
  }
}

/** Gives a global its resolved type on first use (globals may be used before their declaration). */
export function ensureGlobal(ctx: Checker, entry: Extract<TopEntry, { kind: "global" }>): Global {
  if (!entry.resolved) {
    entry.resolved = true;
    const saved = ctx.fn;
    ctx.fn = null;
    const t = resolveType(ctx, entry.decl.type);
    entry.global.type = t.kind === "void" ? ERROR : t;
    ctx.fn = saved;
  }
  return entry.global;
}

function isPlaceSyntax(e: syn.Expr): boolean {
  return e.kind === "name" || e.kind === "deref" || e.kind === "field" || e.kind === "index";
}

export function checkPlace(ctx: Checker, e: syn.Expr, mode: PlaceMode): PlaceResult | null {
  switch (e.kind) {
    case "name": return namePlace(ctx, e, mode);
    case "deref": {
      const p = checkExpr(ctx, e.operand, null);
      requireUnsafe(ctx, e.span, mode === "write" ? "writing through a pointer" : "dereferencing a pointer");
      const type = pointee(ctx, p.type, e.operand.span);
      if (!type) return null;
      if (p.type.kind === "str" && mode === "write") {
        ctx.diags.error(Code.NotAssignable, "string constants are read-only", e.span, "copy the string into a buffer first");
        return null;
      }
      return { place: { kind: "deref", ptr: p, type, span: e.span }, root: { kind: "memory", readOnly: false }, pre: [] };
    }
    case "field": {
      const base = basePlace(ctx, e.base, mode);
      if (!base) return null;
      const t = base.place.type;
      if (t.kind === "error") return null;
      if (t.kind !== "struct") {
        const help = t.kind === "ptr" && t.to?.kind === "struct" ? `dereference first: \`(*${exprText(e.base)}).${e.field}\`` : undefined;
        const what = t.kind === "ptr" && t.to === null ? "an untyped ptr" : `type ${typeToString(t)}`;
        ctx.diags.error(Code.NotStruct, `field access '.${e.field}' on ${what}`, e.fieldSpan,
          help ?? (t.kind === "ptr" && t.to === null ? "cast it to a typed pointer: `(*(p as *Name)).field`" : undefined));
        return null;
      }
      const index = t.def.fields.findIndex((f) => f.name === e.field);
      if (index < 0) {
        const guess = suggestName(e.field, t.def.fields.map((f) => f.name));
        ctx.diags.error(Code.UnknownField, `struct '${t.def.name}' has no field '${e.field}'`, e.fieldSpan,
          guess ? `did you mean '${guess}'?` : `its fields: ${t.def.fields.map((f) => f.name).join(", ")}`);
        return null;
      }
      const f = t.def.fields[index];
      return { place: { kind: "field", base: base.place, index, offset: f.offset, type: f.type, span: e.span }, root: base.root, pre: base.pre };
    }
    case "index": return indexPlace(ctx, e, mode);
    default: {
      if (mode === "read" && ctx.fn) return temporary(ctx, e);
      checkExpr(ctx, e, null);
      if (mode === "write") ctx.diags.error(Code.NotAssignable, "this expression cannot be assigned to", e.span);
      else if (mode === "address") ctx.diags.error(Code.NotPlace, "cannot take the address of this expression", e.span);
      else ctx.diags.error(Code.NotConstant, "not a constant expression", e.span);
      return null;
    }
  }
}

/** The base of `.f` or `[i]`: a place (for an array/struct) or any value (read through a temporary). */
function basePlace(ctx: Checker, e: syn.Expr, mode: PlaceMode): PlaceResult | null {
  if (isPlaceSyntax(e)) return checkPlace(ctx, e, mode);
  if (mode === "read" && ctx.fn) return temporary(ctx, e);
  return checkPlace(ctx, e, mode);
}

function temporary(ctx: Checker, e: syn.Expr): PlaceResult | null {
  const value = checkExpr(ctx, e, null);
  if (value.type.kind === "error") return null;
  if (value.type.kind === "void") {
    ctx.diags.error(Code.TypeMismatch, "this expression has no value", e.span);
    return null;
  }
  const tmp = newLocal(ctx, `.t${ctx.hidden++}`, value.type, true, e.span);
  const place: Place = { kind: "local", local: tmp, type: tmp.type, span: e.span };
  return { place, root: { kind: "memory", readOnly: false }, pre: [{ kind: "assign", place, value, span: e.span }] };
}

function exprText(e: syn.Expr): string {
  return e.kind === "name" ? e.name : "p";
}

/** The type `*p` reads for a pointer of type `t`, or null after reporting. */
function pointee(ctx: Checker, t: Type, span: Span): Type | null {
  switch (t.kind) {
    case "error": return null;
    case "ptr": return t.to ?? U8;
    case "str": return U8;
    default:
      ctx.diags.error(Code.NotPointer, `cannot dereference a value of type ${typeToString(t)}`, span,
        t.kind === "int" ? "convert it to a pointer first: `*(x as *u64)`" : undefined);
      return null;
  }
}

function namePlace(ctx: Checker, e: Extract<syn.Expr, { kind: "name" }>, mode: PlaceMode): PlaceResult | null {
  const found = lookupValue(ctx, e.name);
  if (!found) {
    const guess = suggestName(e.name, visibleValueNames(ctx));
    ctx.diags.error(Code.UndefinedName, `undefined name '${e.name}'`, e.span, guess ? `did you mean '${guess}'?` : undefined);
    return null;
  }
  switch (found.kind) {
    case "local": {
      const local = found.local;
      if (mode === "read") readLocalCheck(ctx, found, e.span);
      if (mode === "write" && local.register) requireUnsafe(ctx, e.span, "writing a register variable");
      if (mode === "address") {
        if (local.register) {
          ctx.diags.error(Code.NotPlace, `register variable '${local.name}' has no address`, e.span);
          return null;
        }
        markAddressTaken(ctx, found);
      }
      return { place: { kind: "local", local, type: local.type, span: e.span }, root: { kind: "local", binding: found }, pre: [] };
    }
    case "global": {
      const global = ensureGlobal(ctx, found);
      return { place: { kind: "global", global, type: global.type, span: e.span }, root: { kind: "global", global }, pre: [] };
    }
    case "const": {
      const value = "decl" in found ? evalTopConst(ctx, found, e.span).expr : found.value.expr;
      if (value.kind === "load" && value.place.kind === "global") {
        return { place: { ...value.place, span: e.span }, root: { kind: "const", name: e.name }, pre: [] };
      }
      if (value.type.kind === "error") return null;
      if (mode === "write") {
        ctx.diags.error(Code.Immutable, `cannot assign to constant '${e.name}'`, e.span);
      } else {
        ctx.diags.error(Code.NotPlace, `constant '${e.name}' has no address`, e.span,
          "use a `let` variable or a global (`let mut` at top level)");
      }
      return null;
    }
    case "fn":
      ctx.diags.error(mode === "write" ? Code.NotAssignable : Code.NotPlace,
        mode === "write" ? `cannot assign to function '${e.name}'` : `function '${e.name}' is not a variable`, e.span);
      return null;
    case "struct":
      ctx.diags.error(Code.KindMismatch, `'${e.name}' is a struct type, not a value`, e.span);
      return null;
  }
}


/**
 * `&x`: the local must live in memory. A deferred local whose address is
 * taken before it is assigned gets an explicit zero at its declaration, so
 * nothing ever reads uninitialised memory through the pointer.
 */
export function markAddressTaken(ctx: Checker, b: Extract<Binding, { kind: "local" }>): void {
  b.local.addressTaken = true;
  const flow = ctx.fn!.flow;
  if (b.info.deferred && !flow.assigned.has(b.local) && b.info.placeholder && b.info.placeholder.body.length === 0) {
    const place: Place = { kind: "local", local: b.local, type: b.local.type, span: b.local.span };
    b.info.placeholder.body.push({ kind: "assign", place, value: { kind: "zero", type: b.local.type, span: b.local.span }, span: b.local.span });
    flow.assigned.add(b.local);
  }
}

/** `a[i]` on an array place, or `p[i]` on a pointer (a deref of `p + i`, needs unsafe). */
function indexPlace(ctx: Checker, e: Extract<syn.Expr, { kind: "index" }>, mode: PlaceMode): PlaceResult | null {
  const base = basePlace(ctx, e.base, mode);
  const index = checkIndex(ctx, e.index);
  if (!base || !index) return null;
  const t = base.place.type;
  if (t.kind === "error") return null;
  if (t.kind === "array") {
    if (isConst(index)) {
      const v = valueOf(index.value, index.type);
      if (v < 0n || v >= BigInt(t.length)) {
        ctx.diags.error(Code.IndexRange, `index ${v} is out of range for ${typeToString(t)}`, e.index.span,
          `valid indices are 0..${t.length - 1}`);
      }
    }
    return { place: { kind: "index", base: base.place, index, type: t.elem, span: e.span }, root: base.root, pre: base.pre };
  }
  if (t.kind === "ptr" || t.kind === "str") {
    // The pointer itself is only read.
    if (base.root.kind === "local" && mode !== "read") readLocalCheck(ctx, base.root.binding, e.base.span);
    requireUnsafe(ctx, e.span, "indexing through a pointer");
    if (t.kind === "str" && mode === "write") {
      ctx.diags.error(Code.NotAssignable, "string constants are read-only", e.span);
      return null;
    }
    const elem = t.kind === "ptr" ? t.to ?? U8 : U8;
    const ptr: Expr = { kind: "load", place: base.place, type: t, span: e.base.span };
    const offset = scaleOffset(index, sizeOf(elem), e.index.span);
    const addr: Expr = { kind: "ptrAdd", ptr, offset, type: t, span: e.span };
    return { place: { kind: "deref", ptr: addr, type: elem, span: e.span }, root: { kind: "memory", readOnly: false }, pre: base.pre };
  }
  ctx.diags.error(Code.NotIndexable, `cannot index a value of type ${typeToString(t)}`, e.base.span);
  return null;
}

function checkIndex(ctx: Checker, e: syn.Expr): Expr | null {
  const u = untypedValue(ctx, e);
  if (u !== null) {
    if (u < 0n) {
      ctx.diags.error(Code.IndexRange, `index ${u} is negative`, e.span);
      return null;
    }
    return literalTo(ctx, u, U64, e.span);
  }
  const x = checkExpr(ctx, e, U64);
  if (x.type.kind === "error") return null;
  if (x.type.kind !== "int") {
    ctx.diags.error(Code.TypeMismatch, `index must be an integer, found ${typeToString(x.type)}`, e.span);
    return null;
  }
  return x;
}

/** An integer offset widened to 64 bits (keeping its signedness) and multiplied by `size`. */
export function scaleOffset(n: Expr, size: number, span: Span): Expr {
  const t = n.type;
  if (t.kind !== "int") return n;
  const wide = t.signed ? I64 : U64;
  const x = intToInt(n, t, wide as Extract<Type, { kind: "int" }>, span);
  return size === 1 ? x : mkArith("mul", x, mkConst(BigInt(size), wide, span), wide, span);
}
