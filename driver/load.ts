/**
 * Loads a program: reads the entry file, runs the front end that fits its
 * extension (`lw/` for .lw/.lwanga, `dsl/` for .ts), follows its imports and
 * concatenates every file's declarations into one syntax `Module`.
 *
 * Each file is loaded once (by real path); an import cycle is an error that
 * shows the cycle. Lwanga imports are looked up relative to the importing
 * file, then the main file's folder, then each folder of LWANGA_PATH;
 * `std/...` (Lwanga) and `lwanga/std/...` (DSL) name the bundled library.
 * A `.lw` file may import a DSL module and the reverse: after this point
 * nothing knows which language a declaration came from.
 */
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, extname, join, resolve, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Diagnostics, SourceFile, SourceMap, Span } from "../diagnostics/diagnostics.ts";
import type { Decl, FileResult, Module } from "../ir/syntax.ts";
import { DRIVER_CODES } from "./codes.ts";

/** The project root: the bundled `std/` lives here. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface LoadOptions {
  defines: Map<string, string>;
  target: "x86_64" | "aarch64";
  /** Search path for Lwanga imports (LWANGA_PATH), after the importer's and main file's folders. */
  searchPath: string[];
}

export type Language = "lw" | "ts";

export function languageOf(path: string): Language | null {
  const ext = extname(path);
  if (ext === ".lw" || ext === ".lwanga") return "lw";
  if (ext === ".ts" || ext === ".mts") return "ts";
  return null;
}

/**
 * Loads the entry (already registered in `sources`) and everything it imports.
 * Returns the whole program as one module; problems go to `diags`.
 */
export async function loadProgram(entry: SourceFile, sources: SourceMap, diags: Diagnostics, options: LoadOptions): Promise<Module> {
  const decls: Decl[] = [];
  const loaded = new Map<string, "loading" | "done">();
  const mainDir = dirname(resolve(entry.path));
  const stack: { key: string; path: string }[] = [];

  async function visit(file: SourceFile, key: string): Promise<void> {
    loaded.set(key, "loading");
    stack.push({ key, path: file.path });
    const result = await parseFile(file, diags, options);
    decls.push(...result.decls);
    for (const imp of result.imports) {
      const target = resolveImport(imp.path, file.path, mainDir, options.searchPath);
      if (!target) {
        diags.error(DRIVER_CODES.importNotFound, `cannot find imported file '${imp.path}'`, imp.span,
          `looked relative to '${displayPath(dirname(file.path))}', the main file's folder and LWANGA_PATH`);
        continue;
      }
      const targetKey = realpathSync(target);
      const state = loaded.get(targetKey);
      if (state === "done") continue;
      if (state === "loading") {
        const start = stack.findIndex((s) => s.key === targetKey);
        const cycle = [...stack.slice(start).map((s) => displayPath(s.path)), displayPath(target)];
        diags.error(DRIVER_CODES.importCycle, `import cycle: ${cycle.join(" -> ")}`, imp.span, "move the shared declarations into a file both can import");
        continue;
      }
      let text: string;
      try {
        text = readFileSync(target, "utf8");
      } catch (e) {
        diags.error(DRIVER_CODES.importNotFound, `cannot read imported file '${imp.path}': ${(e as Error).message}`, imp.span);
        continue;
      }
      await visit(sources.add(displayPath(target), text), targetKey);
    }
    stack.pop();
    loaded.set(key, "done");
  }

  const entryKey = existsSync(entry.path) ? realpathSync(entry.path) : resolve(entry.path);
  await visit(entry, entryKey);
  return { decls, entryLanguage: languageOf(entry.path) ?? "lw", entryFile: entry.id };
}

async function parseFile(file: SourceFile, diags: Diagnostics, options: LoadOptions): Promise<FileResult> {
  if (languageOf(file.path) === "ts") {
    // ts-morph is large: load it only for TypeScript input.
    const { readDsl } = await import("../dsl/front/read.ts");
    return readDsl(file, diags);
  }
  const { parseLw } = await import("../lw/parse.ts");
  return parseLw(file, diags, { defines: options.defines, target: options.target });
}

/** Finds the file an import names, or null. */
export function resolveImport(spec: string, importer: string, mainDir: string, searchPath: string[]): string | null {
  const std = spec.match(/^(?:lwanga\/)?std\/(.+)$/);
  if (std && (spec.startsWith("lwanga/") || languageOf(importer) === "lw")) {
    const found = withExtensions(join(PROJECT_ROOT, "std", std[1]));
    if (found) return found;
  }
  if (spec === "lwanga") return null;
  const bases = spec.startsWith("./") || spec.startsWith("../") || spec.startsWith("/")
    ? [dirname(importer)]
    : [dirname(importer), mainDir, ...searchPath];
  for (const base of bases) {
    const found = withExtensions(resolve(base, spec));
    if (found) return found;
  }
  return null;
}

/** `x`, `x.ts` for `x.js` (TypeScript convention), `x.ts`, `x.lw`, `x/index.ts`. */
function withExtensions(path: string): string | null {
  const candidates = [path];
  if (path.endsWith(".js")) candidates.push(path.slice(0, -3) + ".ts");
  candidates.push(path + ".ts", path + ".lw", path + ".lwanga", join(path, "index.ts"));
  for (const c of candidates) {
    try {
      if (statSync(c).isFile()) return c;
    } catch {
      // not this one
    }
  }
  return null;
}

/** Paths in diagnostics: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return rel.startsWith("..") ? resolve(path) : rel;
}

export type { Span };
