/**
 * Name lookup for values: the function's scopes first (locals, block
 * constants), then the top-level table (functions, constants, globals,
 * structs). Also the list of visible names for did-you-mean hints.
 */
import type { Binding } from "./scope.ts";
import type { Checker, TopEntry } from "./state.ts";

export type Found = Binding | TopEntry;

export function lookupValue(ctx: Checker, name: string): Found | undefined {
  return ctx.fn?.scope.lookup(name) ?? ctx.top.get(name);
}

/** Names a value reference could have meant (locals, constants, globals, functions). */
export function visibleValueNames(ctx: Checker): string[] {
  const out: string[] = ctx.fn ? [...ctx.fn.scope.names()] : [];
  for (const [name, e] of ctx.top) if (e.kind !== "struct") out.push(name);
  return out;
}

export function structNames(ctx: Checker): string[] {
  return [...ctx.top.values()].filter((e) => e.kind === "struct").map((e) => e.decl.name);
}
