/**
 * Command-line flags shared by `lwanga` and `lwangac`, parsed into
 * `CompileOptions`. Unknown or malformed flags are usage errors (exit 2).
 */
import type { CompileOptions, OptLevel, Target } from "../driver/compile.ts";

export class UsageError extends Error {}

export interface ParsedFlags {
  options: CompileOptions;
  inputs: string[];
  verbose: boolean;
  /** Arguments after `--` (for `run`). */
  rest: string[];
  /** Flags a command may accept beyond the compile options, by name. */
  extra: Set<string>;
}

/** Flags taking no value that some commands accept (checked by the command). */
const EXTRA_FLAGS = new Set(["--interp", "--jit", "--emit-llvm", "--emit-asm", "--emit-ir", "--strip-sections"]);

export function parseFlags(argv: string[]): ParsedFlags {
  const options: CompileOptions = {};
  const defines: Record<string, string> = {};
  const parsed: ParsedFlags = { options, inputs: [], verbose: false, rest: [], extra: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (flag: string): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (arg === "--") {
      parsed.rest = argv.slice(i + 1);
      break;
    } else if (arg === "-o" || arg === "--output") {
      options.output = value(arg);
    } else if (/^-O[0-3s]$/.test(arg)) {
      options.optLevel = parseOpt(arg.slice(2));
    } else if (arg === "-O") {
      options.optLevel = parseOpt(value(arg));
    } else if (arg === "-v" || arg === "--verbose") {
      parsed.verbose = true;
    } else if (arg === "-g") {
      options.debug = true;
    } else if (arg === "--pic") {
      options.pic = true;
    } else if (arg === "--target" || arg.startsWith("--target=")) {
      options.target = parseTarget(arg.includes("=") ? arg.slice(9) : value(arg));
    } else if (arg === "--seed" || arg.startsWith("--seed=")) {
      const v = arg.includes("=") ? arg.slice(7) : value(arg);
      if (!/^\d+$/.test(v)) throw new UsageError(`--seed takes a non-negative integer, not '${v}'`);
      options.seed = BigInt(v);
    } else if (arg === "-D" || (arg.startsWith("-D") && arg.length > 2)) {
      const def = arg === "-D" ? value(arg) : arg.slice(2);
      const m = def.match(/^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/);
      if (!m) throw new UsageError(`-D takes NAME or NAME=VALUE, not '${def}'`);
      defines[m[1]] = m[2] ?? "1";
    } else if (arg === "-I" || arg.startsWith("-I")) {
      const dir = arg === "-I" ? value(arg) : arg.slice(2);
      options.searchPath = [...(options.searchPath ?? []), dir];
    } else if (EXTRA_FLAGS.has(arg)) {
      parsed.extra.add(arg);
    } else if (arg.startsWith("-") && arg !== "-") {
      throw new UsageError(`unknown option '${arg}'`);
    } else {
      parsed.inputs.push(arg);
    }
  }
  if (Object.keys(defines).length > 0) options.defines = defines;
  if (options.seed === undefined && process.env.SOURCE_DATE_EPOCH && /^\d+$/.test(process.env.SOURCE_DATE_EPOCH)) {
    options.seed = BigInt(process.env.SOURCE_DATE_EPOCH);
  }
  return parsed;
}

function parseOpt(v: string): OptLevel {
  if (v === "s" || v === "z") return "s";
  if (/^[0-3]$/.test(v)) return Number(v) as OptLevel;
  throw new UsageError(`unknown optimisation level '-O${v}' (use -O0, -O1, -O2, -O3 or -Os)`);
}

function parseTarget(t: string): Target {
  if (/^(x86_64|x86-64|amd64)(-.*)?$/.test(t)) return "x86_64";
  if (/^(aarch64|arm64)(-.*)?$/.test(t)) return "aarch64";
  throw new UsageError(`unsupported target '${t}' (supported: x86_64-linux-gnu, aarch64-linux-gnu)`);
}

/** Rejects command-specific flags a command does not take. */
export function allowOnly(parsed: ParsedFlags, command: string, allowed: string[]): void {
  for (const f of parsed.extra) {
    if (!allowed.includes(f)) throw new UsageError(`'${f}' is not an option of '${command}'`);
  }
}
