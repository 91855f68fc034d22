/**
 * Shared state of one `readDsl` call: the TypeScript API (loaded lazily, once
 * per process), the file being read, the diagnostics sink, the names bound
 * to "lwanga" builtins by the file's imports, and what the reader knows about
 * the file's own structs, functions and variables (used to give object
 * literals their struct type from context).
 */
import { createRequire } from "node:module";
import type { ts as TsNs } from "ts-morph";
import type { Diagnostics, SourceFile, Span } from "../../diagnostics/diagnostics.ts";
import type { TypeExpr } from "../../ir/syntax.ts";

export type TS = typeof TsNs;
export type Node = TsNs.Node;

let loaded: TS | null = null;

/**
 * The TypeScript compiler API that ts-morph bundles. Loading the bundled
 * `typescript.js` directly skips ts-morph's own wrapper (~130 ms less
 * start-up); if the layout ever changes, fall back to `ts-morph`'s export.
 */
export function loadTs(): TS {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  try {
    const morphMain = require.resolve("ts-morph");
    loaded = createRequire(morphMain)("@ts-morph/common/dist/typescript.js") as TS;
    if (typeof loaded.createSourceFile !== "function") throw new Error("unexpected module shape");
  } catch {
    loaded = (require("ts-morph") as { ts: TS }).ts;
  }
  return loaded;
}

/** Names of the builtins a program can import from "lwanga". */
export const BUILTIN_FUNCTIONS = new Set([
  "syscall", "unsafe", "addressOf", "deref", "load", "store", "sizeof", "zero", "enc", "u64", "i64", "ptrOf",
]);

/** Machine type names and the builtin brand aliases of "lwanga" (all spelled as IR type names). */
export const BUILTIN_TYPE_NAMES: ReadonlyMap<string, string> = new Map([
  ["u8", "u8"], ["u16", "u16"], ["u32", "u32"], ["u64", "u64"],
  ["i8", "i8"], ["i16", "i16"], ["i32", "i32"], ["i64", "i64"],
  ["bool", "bool"], ["ptr", "ptr"], ["str", "str"],
  // Brands of "lwanga" for errors as values: machine integers to the compiler.
  ["Fd", "i64"], ["FdResult", "i64"], ["Count", "i64"], ["CountResult", "i64"], ["SysResult", "i64"], ["Status", "i64"],
  ["Errno", "u64"], ["OpenFlags", "u32"],
]);

/** Generic types of "lwanga" and markers, not usable as plain type names. */
export const BUILTIN_GENERIC_TYPES = new Set(["Ptr", "FixedArray", "Struct", "Packed", "SyscallArg"]);

export interface FnSig {
  params: TypeExpr[];
  result: TypeExpr | null;
}

export interface Ctx {
  ts: TS;
  sf: TsNs.SourceFile;
  file: SourceFile;
  diags: Diagnostics;
  /** Local name -> builtin name, for names imported from "lwanga". */
  builtins: Map<string, string>;
  /** Local name -> type name, for types imported from "lwanga" (renamed imports). */
  typeNames: Map<string, string>;
  /** Struct name -> field types, for structs declared in this file. */
  structs: Map<string, Map<string, TypeExpr>>;
  /** Function signatures declared in this file. */
  functions: Map<string, FnSig>;
  /** Types of globals declared in this file (for object literal contexts). */
  globals: Map<string, TypeExpr | null>;
  /** Scopes of local variable types, innermost last. */
  scopes: Map<string, TypeExpr | null>[];
  /** Result type of the function being read (undefined outside functions). */
  result: TypeExpr | null | undefined;
  /** How many `unsafe(() => { ... })` bodies enclose the statement being read. */
  unsafeDepth: number;
}

export function spanOfNode(ctx: Ctx, node: Node): Span {
  return { file: ctx.file.id, start: node.getStart(ctx.sf), end: node.getEnd() };
}

export function error(ctx: Ctx, code: string, message: string, node: Node, help?: string): void {
  ctx.diags.error(code, message, spanOfNode(ctx, node), help);
}

/** The type of a variable visible at this point, if this file declared it with a type. */
export function lookupVarType(ctx: Ctx, name: string): TypeExpr | null {
  for (let i = ctx.scopes.length - 1; i >= 0; i--) {
    const s = ctx.scopes[i];
    if (s.has(name)) return s.get(name) ?? null;
  }
  return ctx.globals.get(name) ?? null;
}
