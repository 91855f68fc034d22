/**
 * Shared test helpers: compile a file or source string through the real
 * pipeline into a private temp folder, run the executable, and read inline
 * expectations from fixture comments:
 *
 *   // expect: hello          one line of expected stdout (in order)
 *   // exit: 3                expected exit status (default 0)
 *   // signal: SIGFPE         expected terminating signal
 *   // args: a b c            arguments passed to the program
 *   // stdin: text            standard input (\n escapes allowed)
 *   // opt: 0 2               optimisation levels to build at (default 0 2)
 *   // flags: -D NAME=1       extra compile flags (only -D is understood here)
 *   // error: LW2003 4:9      expected diagnostic (code line:col); the build must fail
 *   // warning: LW2101 3:5    expected warning (the build must still succeed)
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compile, formatDiagnostics, type CompileOptions, type CompileResult, type OptLevel } from "../driver/compile.ts";

export const ROOT = new URL("..", import.meta.url).pathname;

let scratch: string | undefined;
let counter = 0;

/** A fresh path in this process's scratch folder (removed at exit). */
export function scratchPath(name: string): string {
  if (!scratch) {
    scratch = mkdtempSync(join(tmpdir(), "lwanga-test-"));
    process.on("exit", () => rmSync(scratch!, { recursive: true, force: true }));
  }
  return join(scratch, `${counter++}-${name}`);
}

/** Every fixture below `dir` (`.lw`, `.lwanga`, `.ts`), sorted; folders named `lib` hold imported helpers, not fixtures. */
export function caseFixtures(dir = join(ROOT, "tests", "cases")): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== "lib") out.push(...caseFixtures(path));
    } else if (/\.(lw|lwanga|ts)$/.test(name)) out.push(path);
  }
  return out;
}

export interface Built {
  result: CompileResult;
  exe: string;
  /** Rendered diagnostics, for assertion messages. */
  messages: string;
}

export async function build(options: CompileOptions & { name?: string }): Promise<Built> {
  const exe = options.output ?? scratchPath(options.name ?? "prog");
  const result = await compile({ ...options, output: exe });
  return { result, exe, messages: formatDiagnostics(result) };
}

/** Compiles source text given as a string (`path` sets the language: .lw or .ts). */
export function buildSource(text: string, path = "test.lw", options: CompileOptions = {}): Promise<Built> {
  return build({ ...options, source: { path, text } });
}

export interface RunResult {
  stdout: string;
  stderr: string;
  status: number | null;
  signal: NodeJS.Signals | null;
}

export function runExe(exe: string, args: string[] = [], input?: string | Uint8Array): RunResult {
  const r: SpawnSyncReturns<Buffer> = spawnSync(exe, args, { input, timeout: 10_000 });
  if (r.error) throw r.error;
  return { stdout: r.stdout.toString("utf8"), stderr: r.stderr.toString("utf8"), status: r.status, signal: r.signal };
}

export interface Expectations {
  stdout: string[];
  exit: number;
  signal: string | null;
  args: string[];
  stdin: string | undefined;
  opts: OptLevel[];
  defines: Record<string, string>;
  errors: { code: string; line: number; col: number }[];
  warnings: { code: string; line: number; col: number }[];
}

export function readExpectations(text: string): Expectations {
  const e: Expectations = { stdout: [], exit: 0, signal: null, args: [], stdin: undefined, opts: [0, 2], defines: {}, errors: [], warnings: [] };
  for (const m of text.matchAll(/\/\/ (expect|exit|signal|args|stdin|opt|flags|error|warning):(.*)$/gm)) {
    const [, key, raw] = m;
    const value = raw.startsWith(" ") ? raw.slice(1) : raw;
    switch (key) {
      case "expect": e.stdout.push(value); break;
      case "exit": e.exit = Number(value.trim()); break;
      case "signal": e.signal = value.trim(); break;
      case "args": e.args = value.trim().split(/\s+/).filter(Boolean); break;
      case "stdin": e.stdin = value.replace(/\\n/g, "\n"); break;
      case "opt": e.opts = value.trim().split(/\s+/).map((o) => (o === "s" ? "s" : Number(o)) as OptLevel); break;
      case "flags": {
        for (const d of value.matchAll(/-D\s*([A-Za-z_]\w*)(?:=(\S*))?/g)) e.defines[d[1]] = d[2] ?? "1";
        break;
      }
      case "error":
      case "warning": {
        const d = value.trim().match(/^(LW\d{4})\s+(\d+):(\d+)/);
        if (!d) throw new Error(`bad expectation '${m[0]}'`);
        (key === "error" ? e.errors : e.warnings).push({ code: d[1], line: Number(d[2]), col: Number(d[3]) });
        break;
      }
    }
  }
  return e;
}

/** The diagnostics of a result as `CODE line:col` strings, for comparing with expectations. */
export function diagnosticLocations(result: CompileResult, severity: "error" | "warning"): string[] {
  return result.diagnostics
    .filter((d) => d.severity === severity)
    .map((d) => {
      if (!d.span) return `${d.code} ?:?`;
      const { line, col } = result.sources.lineCol(d.span.file, d.span.start);
      return `${d.code} ${line}:${col}`;
    });
}

/** Runs one fixture file at each of its optimisation levels and returns a list of problems (empty: pass). */
export async function runFixture(path: string): Promise<string[]> {
  const text = readFileSync(path, "utf8");
  const e = readExpectations(text);
  const problems: string[] = [];
  const levels: OptLevel[] = e.errors.length > 0 ? [0] : e.opts;
  for (const opt of levels) {
    const exe = scratchPath("fixture");
    const { result, messages } = await build({ input: path, output: exe, optLevel: opt, defines: e.defines });
    if (e.errors.length > 0) {
      const got = diagnosticLocations(result, "error");
      for (const want of e.errors) {
        const w = `${want.code} ${want.line}:${want.col}`;
        if (!got.includes(w)) problems.push(`expected error ${w}, got [${got.join(", ")}]\n${messages}`);
      }
      if (result.exitCode !== 1) problems.push(`expected exit code 1 from the compiler, got ${result.exitCode}\n${messages}`);
      if (existsSync(exe)) problems.push("an output file was written although compilation failed");
      if (/\n\s+at .*\(.*:\d+:\d+\)/.test(messages)) problems.push(`diagnostics contain a stack trace:\n${messages}`);
      continue;
    }
    if (!result.ok) {
      problems.push(`-O${opt}: compilation failed (exit ${result.exitCode}):\n${messages}`);
      continue;
    }
    const gotWarnings = diagnosticLocations(result, "warning");
    for (const want of e.warnings) {
      const w = `${want.code} ${want.line}:${want.col}`;
      if (!gotWarnings.includes(w)) problems.push(`expected warning ${w}, got [${gotWarnings.join(", ")}]`);
    }
    const run = runExe(exe, e.args, e.stdin);
    const expectedOut = e.stdout.length > 0 ? e.stdout.join("\n") + "\n" : "";
    if (run.stdout !== expectedOut) problems.push(`-O${opt}: stdout ${JSON.stringify(run.stdout)}, expected ${JSON.stringify(expectedOut)}`);
    if (e.signal) {
      if (run.signal !== e.signal) problems.push(`-O${opt}: expected signal ${e.signal}, got status ${run.status} signal ${run.signal}`);
    } else if (run.status !== e.exit) {
      problems.push(`-O${opt}: exit status ${run.status}${run.signal ? ` (signal ${run.signal})` : ""}, expected ${e.exit}`);
    }
  }
  return problems;
}
