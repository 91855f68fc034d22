/**
 * Running programs for `lwanga run` and `lwangac --jit`: compile into a
 * private temporary folder, run the executable with the user's arguments and
 * pass its exit status through (a signal becomes 128 + its number, as a shell
 * reports it). `--interp` runs the checked IR in the reference interpreter.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { constants } from "node:os";
import { compile, type CompileOptions } from "../driver/compile.ts";
import type { ParsedFlags } from "./args.ts";
import { report } from "./main.ts";

export async function runCompiled(options: CompileOptions, args: string[], verbose: boolean): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "lwanga-run-"));
  try {
    const exe = join(dir, basename(options.input ?? "program", extname(options.input ?? "")) || "program");
    const result = await compile({ ...options, output: exe, emit: "exe" });
    const code = report(result, verbose);
    if (code !== 0) return code;
    const child = spawnSync(exe, args, { stdio: "inherit" });
    if (child.error) {
      process.stderr.write(`error: cannot run the compiled program: ${child.error.message}\n`);
      return 4;
    }
    if (child.signal) return 128 + (constants.signals[child.signal] ?? 0);
    return child.status ?? 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runInterpreted(input: string, parsed: ParsedFlags): Promise<number> {
  const result = await compile({ ...parsed.options, input, emit: "check" });
  const code = report(result, parsed.verbose);
  if (code !== 0 || !result.program) return code;
  const { interpret } = await import("../ir/interpret/interpret.ts");
  const outcome = interpret(result.program, {
    argv: [input, ...parsed.rest],
    write: (fd: number, bytes: Uint8Array) => (fd === 2 ? process.stderr : process.stdout).write(bytes),
    // The program's reads of fd 0 come from our standard input, as they would natively.
    read: (fd: number, max: number) => {
      const buf = Buffer.alloc(max);
      try {
        return buf.subarray(0, readSync(fd, buf));
      } catch {
        return buf.subarray(0, 0);
      }
    },
  }) as { exitCode?: number; signal?: string; error?: string };
  if (outcome.error !== undefined) {
    process.stderr.write(`error: the interpreter stopped: ${outcome.error}\n`);
    return 4;
  }
  if (outcome.signal !== undefined) return 128 + (constants.signals[outcome.signal as keyof typeof constants.signals] ?? 0);
  return outcome.exitCode ?? 0;
}
