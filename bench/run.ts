/**
 * `npm run bench`: builds everything it compares in one run, in a private
 * temporary folder, and prints one table per measure plus
 * bench/results/latest.json:
 *
 *   size     examples in .lw and .ts vs their C twins without libc (and glibc)
 *   speed    four kernels, callgrind instruction counts vs clang-14 -O2 and gcc -O2
 *   latency  `lwanga build` wall time (10 cold processes) vs gcc on the C twin
 *   memory   the compiler's peak RSS for those builds
 *   startup  exec-to-exit time of the hello binaries vs C with and without libc
 *
 * Missing tools (clang-14, valgrind, /usr/bin/time) are installed with
 * apt-get when possible, and the bench says so; otherwise their rows show
 * "n/a". Options: `--only size,speed,...` runs some sections;
 * `--startup-runs N` (default 2000); `--keep` keeps the temporary folder.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { CAnchors, lwangaBuild, ROOT } from "./builders.ts";
import { latencyRows } from "./latency.ts";
import { ensureTool, run, which, why } from "./proc.ts";
import { renderTable, type Row } from "./report.ts";
import { sizeRows } from "./sizes.ts";
import { speedRows } from "./speed.ts";
import { startupRows } from "./startup.ts";

const SECTIONS = ["size", "speed", "latency", "startup"] as const;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const t0 = performance.now();
  const log = (s: string) => process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(3)}s] ${s}\n`);
  const only = new Set((option("--only") ?? SECTIONS.join(",")).split(","));
  const startupRuns = Number(option("--startup-runs") ?? 2000);
  const keep = process.argv.includes("--keep");

  for (const t of ["gcc", "ld", "readelf"]) {
    if (!which(t)) {
      process.stderr.write(`bench: '${t}' is required (apt-get install gcc binutils)\n`);
      return 1;
    }
  }
  const clang = only.has("speed") ? ensureTool("clang-14", "clang-14", log) : which("clang-14");
  const valgrind = only.has("speed") ? ensureTool("valgrind", "valgrind", log) : which("valgrind");
  const timeV = only.has("latency") ? ensureTool("/usr/bin/time", "time", log) : which("/usr/bin/time");

  // Measure the sources as they are now: rebuild the CLI bundle the `lwanga` entry prefers.
  const bundler = join(ROOT, "cli", "build.mjs");
  if (existsSync(bundler)) {
    log("bundling the CLI (node cli/build.mjs)");
    const b = run(process.execPath, [bundler], { cwd: ROOT });
    if (!b.ok) log(`bundling failed (${why(b)}): the CLI runs its TypeScript sources through tsx`);
  }

  const dir = mkdtempSync(join(tmpdir(), "lwanga-bench-"));
  const c = new CAnchors(dir, clang);
  const rows: Row[] = [];
  try {
    let sizeAnchors: ReturnType<typeof sizeRows>["anchors"] = {};
    if (only.has("size")) {
      const s = sizeRows(c, dir, log);
      sizeAnchors = s.anchors;
      rows.push(...s.rows);
    }
    if (only.has("speed")) rows.push(...speedRows(c, dir, valgrind, log));
    if (only.has("latency")) rows.push(...latencyRows(c, dir, timeV, log));
    if (only.has("startup")) {
      const glibc = c.glibc("hello");
      const nolibc = sizeAnchors.hello ?? c.nolibcSize("hello", "stripped");
      // Minimised like the anchor: section headers removed.
      const lw = lwangaBuild(join(ROOT, "examples", "hello.lw"), join(dir, "su-hello-lw"), "2", { extra: ["--strip-sections"] });
      const ts = lwangaBuild(join(ROOT, "examples", "hello.ts"), join(dir, "su-hello-ts"), "2", { extra: ["--strip-sections"] });
      rows.push(...startupRows(dir, [
        { name: "C hello glibc gcc -O2 -static", path: glibc.path, note: glibc.note },
        { name: "C hello no-libc (stripped)", path: nolibc.path, note: nolibc.note },
        { name: "hello.lw -O2 --strip-sections", path: lw.path, note: lw.note },
        { name: "hello.ts -O2 --strip-sections", path: ts.path, note: ts.note },
      ], startupRuns, log));
    }
  } finally {
    if (keep) log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }

  const table = renderTable(rows);
  process.stdout.write(table);
  const results = join(ROOT, "bench", "results");
  mkdirSync(results, { recursive: true });
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version };
  writeFileSync(join(results, "latest.json"), JSON.stringify({ date: new Date().toISOString(), machine, seconds: Math.round((performance.now() - t0) / 1000), rows }, null, 2) + "\n");
  log(`done; rows in bench/results/latest.json`);
  return 0;
}

process.exitCode = await main();
