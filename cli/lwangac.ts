/**
 * `lwangac INPUT -o OUT [-O0..3] [--emit-llvm] [-v] [-g] [--pic]
 * [--target T] [--jit]`: the flags of the original C++ compiler, mapped onto
 * `compile()`. Flags it had that this project does not support say so and
 * exit 2.
 */
import { compile, type CompileOptions } from "../driver/compile.ts";
import { allowOnly, parseFlags, UsageError } from "./args.ts";
import { report, VERSION } from "./main.ts";
import { io } from "./io.ts";
import { runCompiled } from "./run.ts";

const HELP = `lwangac ${VERSION} (lwanga-ts) — compatible with the original Lwanga compiler

Usage: lwangac INPUT [-o OUT] [-O0|-O1|-O2|-O3|-O N] [--emit-llvm] [-g] [--pic]
               [--target TRIPLE|--target=TRIPLE] [--jit] [-D NAME[=VALUE]] [-v]

  -o OUT        output (default a.out; with --emit-llvm, print to stdout)
  --emit-llvm   write LLVM IR instead of an executable
  --jit         compile to a temporary file and run it at once
  --strip-sections  smallest file: no section headers, no PT_GNU_STACK (not with -g)
`;

const UNSUPPORTED: Record<string, string> = {
  "--obfuscate": "'--obfuscate' is not supported by lwanga-ts: use 'enc' strings for secrets",
};

export async function lwangacMain(argv: string[]): Promise<number> {
  try {
    if (argv.length === 0 || argv.includes("-h") || argv.includes("--help")) {
      io.out(HELP);
      return argv.length === 0 ? 2 : 0;
    }
    if (argv.includes("--version")) {
      io.out(`lwangac ${VERSION} (lwanga-ts)\n`);
      return 0;
    }
    for (const a of argv) if (UNSUPPORTED[a]) throw new UsageError(UNSUPPORTED[a]);
    const parsed = parseFlags(argv);
    allowOnly(parsed, "lwangac", ["--emit-llvm", "--jit", "--strip-sections"]);
    if (parsed.inputs.length !== 1) throw new UsageError(`expected one input file (got ${parsed.inputs.length})`);
    const options: CompileOptions = { ...parsed.options, input: parsed.inputs[0], stripSections: parsed.extra.has("--strip-sections") };
    if (parsed.extra.has("--jit")) return runCompiled(options, parsed.rest, parsed.verbose);
    if (parsed.extra.has("--emit-llvm")) options.emit = "llvm";
    else options.output ??= "a.out";
    const result = await compile(options);
    if (result.text !== undefined && !options.output) io.out(result.text);
    return report(result, parsed.verbose);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
