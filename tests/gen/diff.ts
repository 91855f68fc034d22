/**
 * Differential testing of generated programs: one batch (several seeds'
 * programs sharing a file, to amortise compile time) is printed as `.lw` and
 * `.ts`, each compiled at -O0 and -O2 through the real driver, run natively,
 * and run in the reference interpreter on its checked IR. Every outcome
 * (stdout, exit status or signal) must equal the interpreter's on the `.lw`
 * spelling. Returns the list of disagreements (empty: all agree).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compile, formatDiagnostics, type OptLevel } from "../../driver/compile.ts";
import type { Program } from "../../ir/checked.ts";
import { interpret } from "../../ir/interpret/interpret.ts";
import { generate, type GenOptions } from "./generate.ts";
import type { GProgram } from "./model.ts";
import { printProgram, type Lang } from "./print.ts";

export interface Outcome {
  stdout: string;
  /** `exit N`, `signal SIGX`, `error ...` */
  end: string;
}

export interface DiffReport {
  /** Human-readable disagreements; empty when everything agrees. */
  problems: string[];
  /** Programs compiled and runs made, for reporting. */
  builds: number;
  runs: number;
  texts: Record<Lang, string>;
}

export interface DiffOptions {
  langs?: Lang[];
  levels?: OptLevel[];
  gen?: GenOptions;
  /** Keep going after the first problem of a batch (default false: stop early). */
  exhaustive?: boolean;
}

/** The programs of `seeds`, prefixed so they can share one file. */
export function batchPrograms(seeds: number[], gen: GenOptions = {}): GProgram[] {
  return seeds.map((seed) => generate(seed, { ...gen, prefix: seeds.length > 1 ? `s${seed}_` : "" }));
}

export function interpretProgram(program: Program): Outcome {
  const out: Buffer[] = [];
  const r = interpret(program, { argv: ["prog"], write: (fd, b) => { if (fd === 1) out.push(Buffer.from(b)); }, maxSteps: 200_000_000 });
  const end = "exitCode" in r ? `exit ${r.exitCode}` : "signal" in r ? `signal ${r.signal}` : `error ${r.error}`;
  return { stdout: Buffer.concat(out).toString("latin1"), end };
}

export function runNative(exe: string): Outcome {
  const r = spawnSync(exe, [], { timeout: 10_000, maxBuffer: 64 << 20 });
  if (r.error && (r.error as NodeJS.ErrnoException).code !== "ETIMEDOUT") return { stdout: "", end: `error ${r.error.message}` };
  const end = r.signal === "SIGTERM" && r.error ? "error timeout" : r.signal ? `signal ${r.signal}` : `exit ${r.status}`;
  return { stdout: r.stdout.toString("latin1"), end };
}

function same(a: Outcome, b: Outcome): boolean {
  return a.stdout === b.stdout && a.end === b.end;
}

function describe(o: Outcome): string {
  const lines = o.stdout.split("\n");
  return `${o.end}, stdout ${lines.length - 1} lines`;
}

/** The first differing stdout line, for messages. */
export function firstDifference(a: Outcome, b: Outcome): string {
  const la = a.stdout.split("\n");
  const lb = b.stdout.split("\n");
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return `line ${i + 1}: ${JSON.stringify(la[i] ?? "<none>")} vs ${JSON.stringify(lb[i] ?? "<none>")}`;
  }
  return a.end !== b.end ? `${a.end} vs ${b.end}` : "identical";
}

/** Compiles and runs one source text every way; returns outcomes by label, or compile problems. */
export async function runEveryWay(texts: Partial<Record<Lang, string>>, options: DiffOptions = {}): Promise<{ outcomes: Map<string, Outcome>; problems: string[]; builds: number }> {
  const levels = options.levels ?? [0, 2];
  const outcomes = new Map<string, Outcome>();
  const problems: string[] = [];
  let builds = 0;
  const dir = mkdtempSync(join(tmpdir(), "lwanga-diff-"));
  try {
    for (const [lang, text] of Object.entries(texts) as [Lang, string][]) {
      let interpreted = false;
      for (const level of levels) {
        const exe = join(dir, `gen-${lang}-O${level}`);
        const result = await compile({ source: { path: `gen.${lang}`, text }, output: exe, optLevel: level });
        builds++;
        if (!result.ok) {
          problems.push(`${lang} -O${level}: compilation failed (exit ${result.exitCode}):\n${formatDiagnostics(result).slice(0, 4000)}`);
          if (result.program && !interpreted) {
            outcomes.set(`${lang} interp`, interpretProgram(result.program));
            interpreted = true;
          }
          continue;
        }
        if (!interpreted && result.program) {
          outcomes.set(`${lang} interp`, interpretProgram(result.program));
          interpreted = true;
        }
        outcomes.set(`${lang} -O${level}`, runNative(exe));
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { outcomes, problems, builds };
}

/** Compares every outcome with the reference (the interpreter on the first language). */
export function compareOutcomes(outcomes: Map<string, Outcome>): string[] {
  const entries = [...outcomes];
  if (entries.length === 0) return [];
  const [refLabel, ref] = entries.find(([l]) => l.endsWith("interp")) ?? entries[0];
  const problems: string[] = [];
  if (ref.end.startsWith("error")) problems.push(`${refLabel}: ${ref.end}`);
  // Self-checks printed by the program (constant folding vs run-time arithmetic).
  for (const [label, o] of entries) {
    const bad = o.stdout.split("\n").filter((l) => l.startsWith("BAD "));
    if (bad.length) problems.push(`${label} self-check failed: ${bad.join("; ")}`);
  }
  for (const [label, o] of entries) {
    if (label === refLabel) continue;
    if (!same(o, ref)) problems.push(`${label} (${describe(o)}) differs from ${refLabel} (${describe(ref)}): ${firstDifference(o, ref)}`);
  }
  return problems;
}

export async function diffSeeds(seeds: number[], options: DiffOptions = {}): Promise<DiffReport> {
  const programs = batchPrograms(seeds, options.gen);
  const langs = options.langs ?? ["lw", "ts"];
  const texts = Object.fromEntries(langs.map((l) => [l, printProgram(programs, l)])) as Record<Lang, string>;
  const { outcomes, problems, builds } = await runEveryWay(texts, options);
  problems.push(...compareOutcomes(outcomes));
  return { problems, builds, runs: outcomes.size, texts };
}

/** Writes a batch's sources next to each other, for a human to look at. */
export function saveTexts(dir: string, name: string, texts: Partial<Record<Lang, string>>): void {
  for (const [lang, text] of Object.entries(texts)) writeFileSync(join(dir, `${name}.${lang}`), text);
}
