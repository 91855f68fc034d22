/**
 * The programmatic API and the one entry the CLI calls: `compile(options)`
 * takes a file (or a source string), runs load → check → lower → opt/llc/ld
 * and returns diagnostics, the output path and per-stage timings. It never
 * throws on bad input and never prints; the CLI renders the result.
 *
 * Exit codes (as the original lwangac): 0 success, 1 compile error, 2 bad
 * arguments (CLI only), 3 file not found, 4 toolchain failure or compiler bug.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Diagnostics, SourceMap, type Diagnostic } from "../diagnostics/diagnostics.ts";
import { renderAll } from "../diagnostics/render.ts";
import type { Program } from "../ir/checked.ts";
import { check } from "../ir/check/check.ts";
import { DRIVER_CODES } from "./codes.ts";
import { checkSyntaxDepth } from "./depth.ts";
import { displayPath, languageOf, loadProgram } from "./load.ts";

export type OptLevel = 0 | 1 | 2 | 3 | "s";
export type Target = "x86_64" | "aarch64";
/** What to produce: an executable, an object, LLVM IR text, assembly, the checked IR dump, or nothing (check only). */
export type Emit = "exe" | "obj" | "llvm" | "asm" | "ir" | "check";

export interface CompileOptions {
  /** Path of the entry file. */
  input?: string;
  /** Or the entry's text; `path` decides the language and how it is shown in diagnostics. */
  source?: { path: string; text: string };
  /** Output path; for `llvm`/`asm`/`ir` without it the text is returned in `text`. */
  output?: string;
  emit?: Emit;
  /** Default 2. */
  optLevel?: OptLevel;
  /** `-D NAME[=VALUE]`. */
  defines?: Record<string, string>;
  target?: Target;
  debug?: boolean;
  pic?: boolean;
  /** Smallest file: no section-header table, no PT_GNU_STACK (`--strip-sections`; ignored with `debug`). */
  stripSections?: boolean;
  /** Seed for encrypted-string keys (reproducible builds). */
  seed?: bigint;
  /** Extra import search folders (LWANGA_PATH). */
  searchPath?: string[];
}

export interface StageTiming {
  stage: string;
  ms: number;
}

export interface CompileResult {
  ok: boolean;
  exitCode: 0 | 1 | 3 | 4;
  diagnostics: Diagnostic[];
  sources: SourceMap;
  /** Path written, when one was. */
  output?: string;
  /** LLVM IR, assembly or checked-IR text when no output path was given. */
  text?: string;
  timings: StageTiming[];
  /** The checked program (for `run --interp` and tests). */
  program?: Program;
}

export async function compile(options: CompileOptions): Promise<CompileResult> {
  const sources = new SourceMap();
  const diags = new Diagnostics();
  const timings: StageTiming[] = [];
  const result = (exitCode: CompileResult["exitCode"], extra: Partial<CompileResult> = {}): CompileResult => ({
    ok: exitCode === 0, exitCode, diagnostics: diags.items, sources, timings, ...extra,
  });
  const time = async <T>(stage: string, f: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await f();
    } finally {
      timings.push({ stage, ms: performance.now() - t0 });
    }
  };

  // Read the entry.
  let path: string;
  let text: string;
  if (options.source) {
    ({ path, text } = options.source);
  } else if (options.input !== undefined) {
    path = options.input;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      diags.error(DRIVER_CODES.fileNotFound, `cannot read input file '${path}': no such file`);
      return result(3);
    }
  } else {
    diags.error(DRIVER_CODES.fileNotFound, "no input file given");
    return result(3);
  }
  if (!languageOf(path)) {
    diags.error(DRIVER_CODES.unknownLanguage, `cannot tell the language of '${path}'`, undefined, "use a .lw, .lwanga or .ts file");
    return result(1);
  }
  const target = options.target ?? "x86_64";
  const entry = sources.add(options.source ? path : displayPath(path), text);

  try {
    const module = await time("parse", () => loadProgram(entry, sources, diags, {
      defines: new Map(Object.entries(options.defines ?? {})),
      target,
      searchPath: (process.env.LWANGA_PATH ?? "").split(":").filter(Boolean).concat(options.searchPath ?? []),
    }));
    if (diags.hasErrors() || !checkSyntaxDepth(module, diags)) return result(1);

    const program = await time("check", () => check(module, diags, { target }));
    if (!program || diags.hasErrors()) return result(1);

    const emit = options.emit ?? "exe";
    if (emit === "check") return result(0, { program });
    if (emit === "ir") {
      const { printProgram } = await import("../ir/print.ts");
      const text = printProgram(program);
      if (options.output) {
        const { writeFileAtomic } = await import("./write.ts");
        writeFileAtomic(options.output, text, 0o644);
        return result(0, { program, output: options.output });
      }
      return result(0, { program, text });
    }

    const { buildExecutablePiped } = await time("load llvm", () => import("../lowering/toolchain.ts"));
    const built = await buildExecutablePiped(program, {
      optLevel: options.optLevel ?? 2,
      output: options.output ? resolve(options.output) : "",
      emit,
      target,
      debug: options.debug ?? false,
      pic: options.pic ?? false,
      stripSections: options.stripSections ?? false,
      seed: options.seed,
      sources,
      verbose: (stage: string, ms: number) => timings.push({ stage, ms }),
    });
    for (const d of built.diagnostics) diags.add(d);
    if (!built.ok) return result(built.exitCode === 1 ? 1 : 4, { program });
    return result(0, { program, output: options.output, text: built.text });
  } catch (e) {
    // A bug in the compiler, never the user's fault: say so instead of a stack trace.
    diags.error(DRIVER_CODES.internal, `internal compiler error: ${(e as Error)?.message ?? String(e)}`, undefined,
      "this is a bug in lwanga; please report it with the input file");
    if (process.env.LWANGA_DEBUG) console.error(e);
    return result(4);
  }
}

/** The diagnostics of a result as the text the CLI prints. */
export function formatDiagnostics(r: CompileResult): string {
  return renderAll(r.diagnostics, r.sources);
}
