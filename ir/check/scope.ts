/**
 * Lexical scopes of a function body: a chain of maps from names to local
 * variables and block-scoped constants. Top-level names (functions,
 * structs, constants, globals) live in the checker's `top` table, which a
 * lookup reaches after the outermost scope (see `lookupValue` in names.ts).
 *
 * `LocalInfo` carries what definite-assignment analysis needs about a local:
 * whether it was declared without initialiser, and at which loop depth.
 */
import type { Span } from "../../diagnostics/diagnostics.ts";
import type { Local, Stmt } from "../checked.ts";
import type { ConstResult } from "./state.ts";

export interface LocalInfo {
  /** Declared without initialiser: must be definitely assigned before reads. */
  deferred: boolean;
  /** Loop nesting depth at the declaration (assigning a non-`mut` deferred local deeper is an error). */
  loopDepth: number;
  /** An empty block at the declaration; filled with a zero-assign if `&x` is taken before assignment. */
  placeholder: Extract<Stmt, { kind: "block" }> | null;
}

export type Binding =
  | { kind: "local"; local: Local; info: LocalInfo }
  | { kind: "const"; value: ConstResult; span: Span };

export class Scope {
  private readonly map = new Map<string, Binding>();
  constructor(readonly parent: Scope | null) {}

  define(name: string, b: Binding): void {
    this.map.set(name, b);
  }

  lookup(name: string): Binding | undefined {
    for (let s: Scope | null = this; s; s = s.parent) {
      const b = s.map.get(name);
      if (b) return b;
    }
    return undefined;
  }

  /** Every visible name, innermost first (for did-you-mean). */
  *names(): Iterable<string> {
    for (let s: Scope | null = this; s; s = s.parent) yield* s.map.keys();
  }
}
