/**
 * Struct and array literals. A struct literal names its struct; fields may
 * come in any order, and a field left out is zero (as in C designated
 * initialisers). An array literal takes its element type and length from
 * the expected array type and is padded with zeros; a longer one is an
 * error; without an expected type it has the type of its first typed
 * element (else u64) and its own length. `[v; n]` must match the expected
 * length exactly. An array literal where a `ptr` is expected becomes a
 * hidden mutable `[u8; N]` local and yields its address.
 */
import { suggestName } from "../../diagnostics/diagnostics.ts";
import type * as syn from "../syntax.ts";
import type { Expr, Place, Type } from "../checked.ts";
import { I64, PTR, U64, U8, typeToString } from "../types.ts";
import { Code } from "./codes.ts";
import { constArrayLength, untypedValue } from "./consts.ts";
import { errorExpr, mkConvert } from "./fold.ts";
import { structNames } from "./names.ts";
import { newLocal, type Checker } from "./state.ts";
import { layoutStructEntry } from "./types.ts";
import { checkExpr, checkExprTo } from "./expr.ts";

export function checkStructLit(ctx: Checker, e: Extract<syn.Expr, { kind: "structLit" }>): Expr {
  const entry = ctx.top.get(e.name);
  if (!entry || entry.kind !== "struct") {
    const guess = suggestName(e.name, structNames(ctx));
    ctx.diags.error(entry ? Code.KindMismatch : Code.UnknownType,
      entry ? `'${e.name}' is not a struct` : `unknown struct '${e.name}'`, e.nameSpan, guess ? `did you mean '${guess}'?` : undefined);
    for (const f of e.fields) checkExpr(ctx, f.value, null);
    return errorExpr(e.span);
  }
  layoutStructEntry(ctx, entry, e.nameSpan);
  const def = entry.def;
  const type: Type = { kind: "struct", def };
  const values: (Expr | null)[] = def.fields.map(() => null);
  let ok = true;
  for (const f of e.fields) {
    const index = def.fields.findIndex((d) => d.name === f.name);
    if (index < 0) {
      const guess = suggestName(f.name, def.fields.map((d) => d.name));
      ctx.diags.error(Code.UnknownField, `struct '${def.name}' has no field '${f.name}'`, f.span,
        guess ? `did you mean '${guess}'?` : `its fields: ${def.fields.map((d) => d.name).join(", ")}`);
      checkExpr(ctx, f.value, null);
      ok = false;
      continue;
    }
    if (values[index]) {
      ctx.diags.error(Code.BadStructLit, `field '${f.name}' is given twice`, f.span);
      ok = false;
    }
    values[index] = checkExprTo(ctx, f.value, def.fields[index].type);
  }
  if (!ok) return errorExpr(e.span);
  const fields = values.map((v, i) => v ?? { kind: "zero" as const, type: def.fields[i].type, span: e.span });
  return { kind: "structValue", fields, type, span: e.span };
}

/** The most zero elements a list literal may be padded with. */
const MAX_PADDING = 1 << 16;

export function checkArrayLit(ctx: Checker, e: Extract<syn.Expr, { kind: "arrayLit" }>, expected: Type | null): Expr {
  if (expected?.kind === "array") {
    const elem = expected.elem;
    if (e.elements.length > expected.length) {
      ctx.diags.error(Code.BadArrayLit,
        `array literal has ${e.elements.length} elements but ${typeToString(expected)} holds ${expected.length}`,
        e.elements[expected.length].span);
    }
    if (expected.length - e.elements.length > MAX_PADDING) {
      // Padding is spelt out element by element in the checked IR: keep it bounded.
      ctx.diags.error(Code.BadArrayLit,
        `array literal of ${e.elements.length} elements would be padded to ${expected.length}`, e.span,
        "leave the array uninitialised (it is zero-filled) and assign the first elements, or use `[v; n]`");
      return errorExpr(e.span);
    }
    const elements = e.elements.map((x) => checkExprTo(ctx, x, elem));
    if (e.elements.length > expected.length) return errorExpr(e.span);
    while (elements.length < expected.length) elements.push({ kind: "zero", type: elem, span: e.span });
    return { kind: "arrayValue", elements, type: expected, span: e.span };
  }
  if (e.elements.length === 0) {
    ctx.diags.error(Code.BadArrayLit, "cannot tell the type of an empty array literal", e.span, "give the variable an array type");
    return errorExpr(e.span);
  }
  let elem: Type | null = null;
  let negative = false;
  const first = new Map<syn.Expr, Expr>();
  for (const x of e.elements) {
    const u = untypedValue(ctx, x);
    if (u !== null) {
      if (u < 0n) negative = true;
      continue;
    }
    const c = checkExpr(ctx, x, null);
    first.set(x, c);
    elem = c.type;
    break;
  }
  elem ??= negative ? I64 : U64;
  const type: Type = { kind: "array", elem, length: e.elements.length };
  const elements = e.elements.map((x) => {
    const done = first.get(x);
    return done ?? checkExprTo(ctx, x, elem);
  });
  return { kind: "arrayValue", elements, type, span: e.span };
}

export function checkArrayRepeat(ctx: Checker, e: Extract<syn.Expr, { kind: "arrayRepeat" }>, expected: Type | null): Expr {
  const count = constArrayLength(ctx, e.count);
  if (count === null) {
    checkExpr(ctx, e.value, null);
    return errorExpr(e.span);
  }
  if (expected?.kind === "array") {
    const value = checkExprTo(ctx, e.value, expected.elem);
    if (count !== expected.length) {
      ctx.diags.error(Code.BadArrayLit, `repeat count ${count} does not match the array length ${expected.length}`, e.count.span);
      return errorExpr(e.span);
    }
    return { kind: "arrayRepeat", value, type: expected, span: e.span };
  }
  const value = checkExpr(ctx, e.value, null);
  if (value.type.kind === "void") {
    ctx.diags.error(Code.BadArrayLit, "array element has no value", e.value.span);
    return errorExpr(e.span);
  }
  return { kind: "arrayRepeat", value, type: { kind: "array", elem: value.type, length: count }, span: e.span };
}

/** `let p: ptr = [1, 2, 3];`: a hidden mutable `[u8; N]` local in the frame; the value is its address. */
export function hiddenByteArray(ctx: Checker, e: Extract<syn.Expr, { kind: "arrayLit" | "arrayRepeat" }>): Expr {
  if (!ctx.fn) {
    ctx.diags.error(Code.NotConstant, "an array literal used as `ptr` needs a function frame", e.span,
      "declare a constant array and use its address");
    return errorExpr(e.span);
  }
  const length = e.kind === "arrayLit" ? e.elements.length : constArrayLength(ctx, e.count);
  if (length === null) return errorExpr(e.span);
  const type: Type = { kind: "array", elem: U8, length };
  const value = e.kind === "arrayLit" ? checkArrayLit(ctx, e, type) : checkArrayRepeat(ctx, e, type);
  const local = newLocal(ctx, `.a${ctx.hidden++}`, type, true, e.span);
  local.addressTaken = true;
  const place: Place = { kind: "local", local, type, span: e.span };
  const addr: Expr = { kind: "addressOf", place, type: { kind: "ptr", to: type }, span: e.span };
  return {
    kind: "block",
    body: [{ kind: "assign", place, value, span: e.span }],
    result: mkConvert("ptrCast", addr, PTR, e.span),
    type: PTR,
    span: e.span,
  };
}
