/**
 * Shared state of one `readDsl` call: the TypeScript API (loaded lazily, once
 * per process), the file being read, the diagnostics sink, the names bound
 * to "lwanga" builtins by the file's imports, and what the reader knows about
 * the file's own structs, functions and variables (used to give object
 * literals their struct type from context).
 */
import Module, { createRequire } from "node:module";
import { readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import vm from "node:vm";
import type { ts as TsNs } from "ts-morph";
import type { Diagnostics, SourceFile, Span } from "../../diagnostics/diagnostics.ts";
import type { TypeExpr } from "../../ir/syntax.ts";

export type TS = typeof TsNs;
export type Node = TsNs.Node;

let loaded: TS | null = null;

/**
 * The TypeScript compiler API that ts-morph bundles. Loading the bundled
 * `typescript.js` directly skips ts-morph's own wrapper, and compiling it
 * with a V8 code cache kept in the temp folder (keyed by the file's size and
 * mtime, written atomically) cuts start-up from ~400 ms to ~150 ms: Node 20
 * has no module compile cache of its own. Any problem falls back to a plain
 * `require("ts-morph").ts`.
 */
export function loadTs(): TS {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  try {
    const file = createRequire(require.resolve("ts-morph")).resolve("@ts-morph/common/dist/typescript.js");
    loaded = loadWithCodeCache(file);
    if (typeof loaded.createSourceFile !== "function") throw new Error("unexpected module shape");
  } catch {
    loaded = (require("ts-morph") as { ts: TS }).ts;
  }
  return loaded;
}

function loadWithCodeCache(file: string): TS {
  const st = statSync(file);
  const cacheFile = join(tmpdir(), `lwanga-ts-${st.size}-${Math.floor(st.mtimeMs)}-${process.version}.v8cache`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(readFileSync(file, "utf8")), { filename: file, cachedData });
  const fn = script.runInThisContext() as (...args: unknown[]) => void;
  const mod = { exports: {} as unknown };
  fn.call(mod.exports, mod.exports, createRequire(file), mod, file, dirname(file));
  const ts = mod.exports as TS;
  if (!cachedData || script.cachedDataRejected) {
    try {
      // Warm the parser so its functions are in the cache, then write it atomically.
      ts.createSourceFile("warm.ts", "import { a } from 'b';\nexport function f(x: u64): u64 { if (x) { return x + 1; } while (x) {} return 0; }", ts.ScriptTarget.Latest, true);
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    } catch {
      // A read-only temp folder only costs start-up time.
    }
  }
  return ts;
}

/** Names of the builtins a program can import from "lwanga". */
export const BUILTIN_FUNCTIONS = new Set([
  "syscall", "unsafe", "addressOf", "deref", "load", "store", "sizeof", "zero", "enc", "u64", "i64", "ptrOf", "asm",
]);

/** Compile-time constants of "lwanga": the target (the checker defines them). */
export const BUILTIN_CONSTANTS = new Set(["ARCH_X86_64", "ARCH_ARM64"]);

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
