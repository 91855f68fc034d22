/**
 * Resolves written types (`syntax.TypeExpr`) into machine types
 * (`ir/types.ts`), and lays out structs on first use. Struct definitions
 * are created empty when the top level is collected and filled in place
 * here, so a `*Node` field inside `Node` refers to the same (nominal)
 * object; a struct that contains itself by value (directly or through
 * arrays and other structs) is an error, detected by the `busy` state.
 */
import type * as syn from "../syntax.ts";
import type { Type } from "../checked.ts";
import { BUILTIN_TYPES, ERROR, VOID, layoutStruct, sizeOf, typeToString } from "../types.ts";
import { suggestName } from "../../diagnostics/diagnostics.ts";
import { Code } from "./codes.ts";
import type { Checker, TopEntry } from "./state.ts";
import { constArrayLength } from "./consts.ts";

/** Arrays are limited to 4 GiB: enough for any static buffer, and far from overflowing offsets. */
const MAX_TYPE_SIZE = 2 ** 32;

/**
 * `shallow`: the type sits behind a pointer (or in a fn signature), so a
 * struct needs no layout yet; this is what allows `*Self` fields.
 */
export function resolveType(ctx: Checker, t: syn.TypeExpr, shallow = false): Type {
  switch (t.kind) {
    case "named": {
      const builtin = BUILTIN_TYPES.get(t.name);
      if (builtin) return builtin;
      const entry = ctx.top.get(t.name);
      if (entry?.kind === "struct") {
        if (!shallow) layoutStructEntry(ctx, entry, t.span);
        return { kind: "struct", def: entry.def };
      }
      if (t.name === "register") {
        ctx.diags.error(Code.KindMismatch, "`register` is only allowed as the type of a `let`", t.span);
        return ERROR;
      }
      if (entry) {
        ctx.diags.error(Code.KindMismatch, `'${t.name}' is a ${entry.kind === "fn" ? "function" : entry.kind}, not a type`, t.span);
        return ERROR;
      }
      const structs = [...ctx.top.values()].filter((e) => e.kind === "struct").map((e) => e.decl.name);
      const guess = suggestName(t.name, [...BUILTIN_TYPES.keys(), ...structs]);
      ctx.diags.error(Code.UnknownType, `unknown type '${t.name}'`, t.span, guess ? `did you mean '${guess}'?` : undefined);
      return ERROR;
    }
    case "pointer": {
      const to = resolveType(ctx, t.to, true);
      return { kind: "ptr", to };
    }
    case "array": {
      const elem = resolveType(ctx, t.elem, shallow);
      const length = constArrayLength(ctx, t.length);
      if (length === null) return ERROR;
      if (elem.kind === "void") return ERROR;
      if (sizeOf(elem) * length > MAX_TYPE_SIZE) {
        ctx.diags.error(Code.BadArrayLength, `${typeToString({ kind: "array", elem, length })} is larger than 4 GiB`, t.length.span,
          "allocate big buffers at run time (mmap) instead");
        return ERROR;
      }
      return { kind: "array", elem, length };
    }
    case "fn": {
      const params = t.params.map((p) => resolveType(ctx, p, true));
      const result = t.result ? resolveType(ctx, t.result, true) : VOID;
      return { kind: "fn", params, result };
    }
  }
}

/** Resolves a type where a function result is allowed to be missing (void). */
export function resolveResultType(ctx: Checker, t: syn.TypeExpr | null): Type {
  return t ? resolveType(ctx, t) : VOID;
}

export function layoutStructEntry(ctx: Checker, entry: Extract<TopEntry, { kind: "struct" }>, use?: syn.Span): void {
  if (entry.state === "done") return;
  if (entry.state === "busy") {
    ctx.diags.error(Code.RecursiveStruct, `struct '${entry.decl.name}' contains itself by value (infinite size)`,
      use ?? entry.decl.nameSpan, "use a pointer (`*" + entry.decl.name + "`) for the recursive field");
    return;
  }
  entry.state = "busy";
  const saved = ctx.fn;
  ctx.fn = null;
  const seen = new Map<string, syn.StructDecl["fields"][number]>();
  const fields: { name: string; type: Type }[] = [];
  for (const f of entry.decl.fields) {
    const prev = seen.get(f.name);
    if (prev) {
      ctx.diags.error(Code.Duplicate, `field '${f.name}' is declared twice in struct '${entry.decl.name}'`, f.span,
        undefined, [{ message: "first declared here", span: prev.span }]);
      continue;
    }
    seen.set(f.name, f);
    let type = resolveType(ctx, f.type);
    if (type.kind === "void") type = ERROR;
    fields.push({ name: f.name, type });
  }
  ctx.fn = saved;
  const laid = layoutStruct(entry.decl.name, entry.decl.packed, fields);
  Object.assign(entry.def, laid);
  entry.state = "done";
}
