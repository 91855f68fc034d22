/**
 * `lwanga build|run|check|emit`: a thin layer over `compile()` that parses
 * flags, prints diagnostics and timings to stderr and maps results to exit
 * codes (0 ok, 1 compile error, 2 bad arguments, 3 file not found, 4
 * toolchain failure).
 */
import { basename, extname } from "node:path";
import { compile, formatDiagnostics, type CompileOptions, type CompileResult } from "../driver/compile.ts";
import { allowOnly, parseFlags, UsageError, type ParsedFlags } from "./args.ts";
import { io } from "./io.ts";
import { runCompiled, runInterpreted } from "./run.ts";

export const VERSION = "0.1.0";

const HELP = `lwanga ${VERSION} — compile TypeScript and Lwanga programs to tiny static Linux executables

Usage:
  lwanga build FILE [-o OUT] [options]   compile FILE (.lw, .lwanga or .ts) to a static executable
  lwanga run FILE [options] [-- ARGS]    compile to a temporary file and run it with ARGS
  lwanga check FILE [options]            report diagnostics only (no LLVM work)
  lwanga emit FILE --llvm|--asm|--ir [-o OUT]
                                         print (or write) LLVM IR, assembly or the checked IR
  lwanga serve [--idle SECONDS]          keep a compiler resident: build/check/emit through the
                                         lwanga command then skip Node's start-up (see README)

Options:
  -o FILE          output path (build: default FILE without extension)
  -O0 -O1 -O2 -O3 -Os
                   optimisation level (default -O2)
  -D NAME[=VALUE]  define a preprocessor name
  -I DIR           add DIR to the import search path (also LWANGA_PATH)
  --emit-llvm      build: print LLVM IR instead (or write it to -o FILE)
  --emit-asm       build: print assembly instead (or write it to -o FILE)
  -g               DWARF debug information
  --pic            position-independent static executable
  --strip-sections build, run: smallest file: no section headers, no PT_GNU_STACK
                   (the stack stays non-executable on Linux >= 5.8; not with -g)
  --target TRIPLE  x86_64-linux-gnu (default) or aarch64-linux-gnu
  --seed N         seed for encrypted-string keys (reproducible builds; also SOURCE_DATE_EPOCH)
  --interp         run: execute with the reference interpreter instead of compiling
  -v               print each stage with its time
  -h, --help       this text
  --version        the version
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case "-h":
      case "--help":
      case "help":
        io.out(HELP);
        return command === undefined ? 2 : 0;
      case "--version":
      case "-V":
        io.out(`lwanga ${VERSION}\n`);
        return 0;
      case "build":
        return await build(parseFlags(rest));
      case "run":
        return await run(parseFlags(rest));
      case "check":
        return await checkOnly(parseFlags(rest));
      case "serve":
        return await (await import("./serve.ts")).serve(rest);
      case "emit":
        return await emit(parseFlags(rest.map((a) => (a === "--llvm" ? "--emit-llvm" : a === "--asm" ? "--emit-asm" : a === "--ir" ? "--emit-ir" : a))));
      default:
        throw new UsageError(`unknown command '${command}' (try 'lwanga --help')`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function singleInput(parsed: ParsedFlags, command: string): string {
  if (parsed.inputs.length !== 1) throw new UsageError(`'${command}' takes exactly one input file (got ${parsed.inputs.length})`);
  return parsed.inputs[0];
}

/** Prints diagnostics and (with -v) timings; returns the exit code. */
export function report(result: CompileResult, verbose: boolean): number {
  const text = formatDiagnostics(result);
  if (text) io.err(text);
  if (verbose) {
    let total = 0;
    for (const t of result.timings) {
      io.err(`  ${t.stage.padEnd(12)} ${t.ms.toFixed(1).padStart(8)} ms\n`);
      if (!t.stage.startsWith("  ")) total += t.ms;
    }
    io.err(`  ${"total".padEnd(12)} ${total.toFixed(1).padStart(8)} ms\n`);
  }
  return result.exitCode;
}

async function build(parsed: ParsedFlags): Promise<number> {
  allowOnly(parsed, "build", ["--emit-llvm", "--emit-asm", "--emit-ir", "--strip-sections"]);
  const input = singleInput(parsed, "build");
  const options: CompileOptions = { ...parsed.options, input };
  if (parsed.extra.has("--strip-sections")) options.stripSections = true;
  if (parsed.extra.has("--emit-llvm")) options.emit = "llvm";
  else if (parsed.extra.has("--emit-asm")) options.emit = "asm";
  else if (parsed.extra.has("--emit-ir")) options.emit = "ir";
  else options.output ??= basename(input, extname(input));
  const result = await compile(options);
  if (result.text !== undefined && !options.output) io.out(result.text);
  return report(result, parsed.verbose);
}

async function emit(parsed: ParsedFlags): Promise<number> {
  const kinds = ["--emit-llvm", "--emit-asm", "--emit-ir"].filter((k) => parsed.extra.has(k));
  if (kinds.length !== 1) throw new UsageError("'emit' needs exactly one of --llvm, --asm or --ir");
  return build(parsed);
}

async function checkOnly(parsed: ParsedFlags): Promise<number> {
  allowOnly(parsed, "check", []);
  const input = singleInput(parsed, "check");
  const result = await compile({ ...parsed.options, input, emit: "check" });
  const code = report(result, parsed.verbose);
  return code;
}

async function run(parsed: ParsedFlags): Promise<number> {
  allowOnly(parsed, "run", ["--interp", "--strip-sections"]);
  const input = singleInput(parsed, "run");
  if (parsed.extra.has("--interp")) return runInterpreted(input, parsed);
  return runCompiled({ ...parsed.options, input, stripSections: parsed.extra.has("--strip-sections") }, parsed.rest, parsed.verbose);
}
