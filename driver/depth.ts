/**
 * Guards the recursive stages (checker, lowering, interpreter) against
 * pathologically deep syntax trees — a 20,000-term sum or 5,000 nested
 * parentheses — that would overflow the JavaScript stack. The walk is
 * iterative; the first node deeper than the limit gets a diagnostic.
 */
import type { Diagnostics, Span } from "../diagnostics/diagnostics.ts";
import type { Module } from "../ir/syntax.ts";
import { DRIVER_CODES } from "./codes.ts";

/** Far deeper than real programs nest, well within what the recursive stages handle. */
export const MAX_SYNTAX_DEPTH = 2000;

export function checkSyntaxDepth(module: Module, diags: Diagnostics): boolean {
  const stack: { value: unknown; depth: number }[] = module.decls.map((d) => ({ value: d, depth: 0 }));
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (value === null || typeof value !== "object" || value instanceof Uint8Array) continue;
    if (Array.isArray(value)) {
      for (const v of value) stack.push({ value: v, depth });
      continue;
    }
    const node = value as { kind?: string; span?: Span };
    // Only IR nodes (objects with a `kind`) count as a level; field lists and spans do not.
    const level = typeof node.kind === "string" ? depth + 1 : depth;
    if (level > MAX_SYNTAX_DEPTH) {
      diags.error(DRIVER_CODES.tooDeep, `this program nests more than ${MAX_SYNTAX_DEPTH} levels deep`, node.span,
        "split the expression or the blocks into smaller parts (e.g. with local variables or functions)");
      return false;
    }
    for (const [key, v] of Object.entries(node)) {
      if (key !== "span" && key !== "nameSpan" && key !== "fieldSpan") stack.push({ value: v, depth: level });
    }
  }
  return true;
}
