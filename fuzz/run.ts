/**
 * `npm run fuzz -- [--programs N] [--front N] [--seed S] [--batch B] [--jobs J] [--no-reduce] [--build-every K]`
 *
 * Program fuzzing: N generated programs (seeds S.., B per compiled file)
 * differential-tested (.lw/.ts, -O0/-O2, native vs the reference
 * interpreter); each problem is reduced and written to tests/regressions/.
 * Front-end fuzzing: N mutated/random inputs through check and build (see
 * front.ts). J worker processes share the work (default: the CPU count).
 * Prints counts, findings and timings; exits 1 if anything was found.
 */
import { fork } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { REGRESSIONS_DIR } from "../tests/gen/regression.ts";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { fuzzBatch, type Finding } from "./programs.ts";
import { fuzzFrontEnd, type FrontFinding } from "./front.ts";

interface Args {
  programs: number;
  front: number;
  seed: number;
  batch: number;
  jobs: number;
  reduce: boolean;
  /** Front-end inputs: one in `buildEvery` also goes through a full build. */
  buildEvery: number;
  /** Internal: this process is worker `shard` of `shards`. */
  shard: number | null;
  shards: number;
  /** Internal: resume the shard's program batches at this batch index. */
  batchFrom: number;
  /** Internal: resume the shard's front-end inputs at this index, programs already done. */
  frontFrom: number;
  state: string | null;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { programs: 0, front: 0, seed: 1, batch: 8, jobs: availableParallelism(), reduce: true, buildEvery: 25, shard: null, shards: 1, batchFrom: -1, frontFrom: -1, state: null };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i + 1];
    switch (argv[i]) {
      case "--programs": a.programs = Number(v); i++; break;
      case "--front": a.front = Number(v); i++; break;
      case "--seed": a.seed = Number(v); i++; break;
      case "--batch": a.batch = Math.max(1, Number(v)); i++; break;
      case "--jobs": a.jobs = Math.max(1, Number(v)); i++; break;
      case "--no-reduce": a.reduce = false; break;
      case "--build-every": a.buildEvery = Math.max(1, Number(v)); i++; break;
      case "--shard": a.shard = Number(v); i++; break;
      case "--shards": a.shards = Number(v); i++; break;
      case "--batch-from": a.batchFrom = Number(v); i++; break;
      case "--front-from": a.frontFrom = Number(v); i++; break;
      case "--state": a.state = v; i++; break;
      default:
        process.stderr.write(`unknown argument '${argv[i]}'\nusage: npm run fuzz -- [--programs N] [--front N] [--seed S] [--batch B] [--jobs J] [--no-reduce] [--build-every K]\n`);
        process.exit(2);
    }
  }
  if (a.programs === 0 && a.front === 0) a.programs = 100;
  return a;
}

interface WorkerResult {
  programs: number;
  builds: number;
  runs: number;
  front: number;
  findings: Finding[];
  frontFindings: FrontFinding[];
  /** Set when the worker stopped early to be replaced by a fresh one starting at this batch. */
  resumeBatch?: number;
}

/**
 * Each build leaves native LLVM memory behind that the addon never frees
 * (about 1.3 MB a program), so a worker hands over to a fresh process once
 * its resident size passes this; a long campaign would otherwise exhaust
 * the machine. LWANGA_FUZZ_RECYCLE_MB overrides it (MiB).
 */
const RECYCLE_RSS = Number(process.env.LWANGA_FUZZ_RECYCLE_MB ?? 1536) * 1024 ** 2;

async function work(a: Args, shard: number): Promise<WorkerResult> {
  const log = (s: string): void => { process.stderr.write(`[${shard}] ${s}\n`); };
  const r: WorkerResult = { programs: 0, builds: 0, runs: 0, front: 0, findings: [], frontFindings: [] };
  // Program seeds: batches dealt round-robin to shards.
  const batches = a.frontFrom >= 0 ? 0 : Math.ceil(a.programs / a.batch);
  for (let b = a.batchFrom >= 0 ? a.batchFrom : shard; b < batches; b += a.shards) {
    const first = a.seed + b * a.batch;
    const seeds = Array.from({ length: Math.min(a.batch, a.programs - b * a.batch) }, (_, i) => first + i);
    const out = await fuzzBatch(seeds, { reduce: a.reduce, log });
    r.programs += seeds.length;
    r.builds += out.builds;
    r.runs += out.runs;
    r.findings.push(...out.findings);
    if (Math.floor(b / a.shards) % 10 === 0) log(`batch ${b + 1} of ${batches}: ${r.programs} programs here, ${r.findings.length} findings`);
    if (process.memoryUsage().rss > RECYCLE_RSS && b + a.shards < batches) return { ...r, resumeBatch: b + a.shards };
  }
  if (a.front > 0) {
    const per = Math.ceil(a.front / a.shards);
    const count = Math.max(0, Math.min(per, a.front - shard * per));
    const out = await fuzzFrontEnd({
      count, seed: a.seed * 1_000_003 + shard * per, start: Math.max(0, a.frontFrom), buildEvery: a.buildEvery, log, stateFile: a.state ?? undefined,
    });
    r.front += out.inputs;
    r.frontFindings.push(...out.findings);
  }
  return r;
}

const EMPTY: WorkerResult = { programs: 0, builds: 0, runs: 0, front: 0, findings: [], frontFindings: [] };

function merge(x: WorkerResult, y: WorkerResult): WorkerResult {
  return {
    programs: x.programs + y.programs, builds: x.builds + y.builds, runs: x.runs + y.runs, front: x.front + y.front,
    findings: [...x.findings, ...y.findings], frontFindings: [...x.frontFindings, ...y.frontFindings],
  };
}

/**
 * Runs one worker process (2 GiB heap), and a fresh one each time a worker
 * hands over (RECYCLE_RSS); when a worker dies on a front-end input
 * (out of memory, a native abort), saves that input to tests/regressions/
 * as a crash finding and starts a new worker after it.
 */
async function runShard(self: string, a: Args, shard: number, shards: number, state: string): Promise<WorkerResult> {
  let total = EMPTY;
  let from = -1;
  let batchFrom = -1;
  for (let restarts = 0; restarts <= 20;) {
    const args = [...process.argv.slice(2), "--shard", String(shard), "--shards", String(shards), "--state", state];
    if (from >= 0) args.push("--front-from", String(from));
    else if (batchFrom >= 0) args.push("--batch-from", String(batchFrom));
    rmSync(state, { force: true });
    const outcome = await new Promise<{ result: WorkerResult | null; code: number | null; signal: string | null }>((resolve) => {
      const child = fork(self, args, { execArgv: ["--max-old-space-size=2048", "--import", "tsx"] });
      let result: WorkerResult | null = null;
      child.on("message", (m) => { result = m as WorkerResult; });
      child.on("exit", (code, signal) => resolve({ result, code, signal }));
    });
    const result: WorkerResult | null = outcome.result;
    if (result?.resumeBatch !== undefined) {
      batchFrom = result.resumeBatch;
      total = merge(total, result);
      process.stderr.write(`[${shard}] fresh worker from batch ${batchFrom + 1} (${total.programs} programs done by this shard)\n`);
      continue;
    }
    if (result) return merge(total, result);
    restarts++;
    const finding: FrontFinding = { kind: "crash", message: `worker ${shard} died (exit ${outcome.code}, signal ${outcome.signal})` };
    total = merge(total, { ...EMPTY, frontFindings: [finding] });
    if (!existsSync(state)) return total; // died outside the front-end inputs
    const { i, how, lang, dir } = JSON.parse(readFileSync(state, "utf8")) as { i: number; how: string; lang: string; dir: string };
    rmSync(dir, { recursive: true, force: true }); // the dead worker's scratch folder
    finding.message += ` on front-end input ${i}: ${how}`;
    if (!existsSync(REGRESSIONS_DIR)) mkdirSync(REGRESSIONS_DIR, { recursive: true });
    const file = join(REGRESSIONS_DIR, `front-crash-${a.seed}-${shard}-${i}.${lang}.input`);
    copyFileSync(`${state}.input`, file);
    writeFileSync(file.replace(/\.input$/, ".why"), `known-failing: crash: the compiler process died (${outcome.signal ?? `exit ${outcome.code}`}; a 2 GiB heap)\nmade by: ${how}\n`);
    finding.file = file;
    process.stderr.write(`[${shard}] crash on input ${i} (${how}); saved ${file}; resuming\n`);
    from = i + 1;
  }
  return total;
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  if (a.shard !== null) {
    const r = await work(a, a.shard);
    process.send!(r);
    return;
  }
  const t0 = performance.now();
  const self = fileURLToPath(import.meta.url);
  const jobs = Math.max(1, a.jobs);
  const stateDir = mkdtempSync(join(tmpdir(), "lwanga-fuzz-state-"));
  const results = await Promise.all(Array.from({ length: jobs }, (_, shard) => runShard(self, a, shard, jobs, join(stateDir, `shard-${shard}.json`))));
  rmSync(stateDir, { recursive: true, force: true });
  const total = results.reduce(merge, EMPTY);
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`programs: ${total.programs} (${total.builds} builds, ${total.runs} runs compared), findings: ${total.findings.length}`);
  for (const f of total.findings) console.log(`  seed ${f.seed}: ${f.problem.split("\n")[0]}${f.file ? `\n    -> ${f.file}` : ""}`);
  console.log(`front-end inputs: ${total.front}, findings: ${total.frontFindings.length}`);
  for (const f of total.frontFindings) console.log(`  ${f.kind}: ${f.message}${f.file ? `\n    -> ${f.file}` : ""}`);
  console.log(`time: ${secs} s with ${jobs} worker(s)`);
  process.exitCode = total.findings.length + total.frontFindings.length > 0 ? 1 : 0;
}

await main();
