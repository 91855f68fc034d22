/**
 * Program fuzzing: runs generated batches through `diffSeeds`, and for each
 * batch with a problem finds the seed that shows it, delta-reduces that
 * program against the one failing configuration, and writes the result to
 * tests/regressions/ as a known-failing test (with the interpreter's
 * behaviour as the expectation).
 */
import type { OptLevel } from "../driver/compile.ts";
import { batchPrograms, compareOutcomes, diffSeeds, runEveryWay } from "../tests/gen/diff.ts";
import type { GProgram } from "../tests/gen/model.ts";
import { printProgram, type Lang } from "../tests/gen/print.ts";
import { reduce } from "../tests/gen/reduce.ts";
import { writeRegression } from "../tests/gen/regression.ts";
import { interpretProgram } from "../tests/gen/diff.ts";
import { compile } from "../driver/compile.ts";

export interface Finding {
  seed: number;
  problem: string;
  file?: string;
}

/** The labels a problem line talks about, e.g. "lw -O2", "ts interp". */
function labelsOf(problem: string): { langs: Lang[]; levels: OptLevel[]; signature: string } {
  const langs = new Set<Lang>();
  const levels = new Set<OptLevel>();
  for (const m of problem.matchAll(/\b(lw|ts) (?:-O(\d)|interp)/g)) {
    langs.add(m[1] as Lang);
    if (m[2] !== undefined) levels.add(Number(m[2]) as OptLevel);
  }
  const kind = /compilation failed/.test(problem) ? "compile" : /differs/.test(problem) ? "differs" : "other";
  const first = problem.match(/^(\S+ \S+)/)?.[1] ?? "";
  // A compile failure keeps its diagnostic code, so a reduction that merely breaks the program is not "the same".
  const code = kind === "compile" ? problem.match(/error\[(LW\d+)\]/)?.[1] ?? "" : "";
  return { langs: [...langs], levels: [...levels], signature: `${kind}:${first}:${code}` };
}

/** Does `p` still show a problem with the same signature (same kind, same first label)? */
async function stillFails(p: GProgram, langs: Lang[], levels: OptLevel[], signature: string): Promise<boolean> {
  const texts = Object.fromEntries(langs.map((l) => [l, printProgram(p, l)]));
  const { outcomes, problems } = await runEveryWay(texts, { levels: levels.length ? levels : [0] });
  // A candidate whose reference run fails (e.g. recursion made unbounded) proves nothing.
  for (const [label, o] of outcomes) if (label.endsWith("interp") && o.end.startsWith("error")) return false;
  const all = [...problems, ...compareOutcomes(outcomes)];
  // Reductions that break the program (dangling names) are compile errors of the other kind.
  return all.some((x) => labelsOf(x).signature === signature);
}

export async function fuzzBatch(seeds: number[], options: { reduce: boolean; log: (s: string) => void }): Promise<{ findings: Finding[]; builds: number; runs: number }> {
  const report = await diffSeeds(seeds);
  let builds = report.builds;
  const findings: Finding[] = [];
  if (report.problems.length === 0) return { findings, builds, runs: report.runs };
  options.log(`batch ${seeds[0]}..${seeds[seeds.length - 1]}: ${report.problems.length} problem(s), first: ${report.problems[0].split("\n")[0].slice(0, 200)}`);
  // Find the seeds that fail on their own.
  for (const seed of seeds.length > 1 ? seeds : [seeds[0]]) {
    const single = seeds.length > 1 ? await diffSeeds([seed]) : report;
    builds += single.builds;
    if (single.problems.length === 0) continue;
    const problem = single.problems[0];
    const { langs, levels, signature } = labelsOf(problem);
    options.log(`  seed ${seed}: ${problem.split("\n")[0]}`);
    const finding: Finding = { seed, problem };
    findings.push(finding);
    if (!options.reduce) continue;
    const [program] = batchPrograms([seed]);
    const useLangs: Lang[] = langs.length ? langs : ["lw"];
    const { program: small, stats } = await reduce(program, (p) => stillFails(p, useLangs.includes("lw") ? useLangs : ["lw", ...useLangs], levels, signature), 250);
    options.log(`  reduced in ${stats.tries} tries (${stats.accepted} accepted)`);
    // The expectation is the interpreter's behaviour on the Lwanga spelling.
    const lang: Lang = useLangs.includes("ts") && !useLangs.includes("lw") ? "ts" : useLangs[0];
    const text = printProgram(small, lang);
    const checked = await compile({ source: { path: `r.${lang}`, text }, emit: "check" });
    const expected = checked.program ? interpretProgram(checked.program) : { stdout: "", end: "exit 0" };
    finding.file = writeRegression(`gen-seed-${seed}`, lang, text, expected, [
      `Found by npm run fuzz (seed ${seed}), delta-reduced.`,
      `Symptom: ${problem.split("\n")[0].slice(0, 300)}`,
      `known-failing: ${problem.split("\n")[0].slice(0, 200)}`,
    ]);
    options.log(`  wrote ${finding.file}`);
  }
  // Nothing fails on its own: a batch-only or transient problem (e.g. a run timing out on a starved machine).
  if (findings.length === 0) options.log("  no seed of the batch fails on its own: not kept (transient, e.g. a timeout under load?)");
  return { findings, builds, runs: report.runs };
}
