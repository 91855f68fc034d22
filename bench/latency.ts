/**
 * Compile-latency and compiler-memory rows: `lwanga build` of hello.lw,
 * hello.ts, probe.ts and a generated 2,000-line `.lw` program at -O0 and
 * -O2, each as 10 cold processes (a fresh `node` every time) under
 * `/usr/bin/time -v`; the median wall time, the median of each `-v` stage
 * and the median peak RSS. The anchor is gcc building the C twin without
 * libc in one process (compile + link) at the same level, measured the
 * same way in the same run. Each build is measured a second way too: through
 * the `lwanga` command (cli/bin/lwanga) while `lwanga serve` runs, i.e. the
 * native client and a resident compiler (cli/serve.ts).
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { C_PROGRAMS, type CProgram } from "./c-sources.ts";
import type { CAnchors } from "./builders.ts";
import { lwangaBuild, ROOT, startServer, timed } from "./builders.ts";
import { generatedC, generatedLw } from "./gen-program.ts";
import { median, ratio, run, why } from "./proc.ts";
import type { Row } from "./report.ts";

const RUNS = 10;

export function latencyRows(c: CAnchors, dir: string, timeV: string | null, log: (s: string) => void): Row[] {
  const genLw = join(dir, "gen2000.lw");
  writeFileSync(genLw, generatedLw(2000));
  const genC = generatedC(2000);
  const inputs: { name: string; path: string; twin: CProgram }[] = [
    { name: "hello.lw", path: join(ROOT, "examples", "hello.lw"), twin: C_PROGRAMS.hello },
    { name: "hello.ts", path: join(ROOT, "examples", "hello.ts"), twin: C_PROGRAMS.hello },
    { name: "probe.ts", path: join(ROOT, "examples", "probe.ts"), twin: C_PROGRAMS.probe },
    { name: "gen2000.lw", path: genLw, twin: genC },
  ];

  const gccCache = new Map<string, { ms: number | null; rss: number | null; note?: string }>();
  const gcc = (twin: CProgram, opt: "0" | "2") => {
    const key = `${twin.name}-${opt}`;
    const hit = gccCache.get(key);
    if (hit) return hit;
    const src = c.source(twin, true);
    const out = join(dir, `gcc-${key}`);
    const ms: number[] = [];
    const rss: number[] = [];
    let note: string | undefined;
    for (let i = 0; i < RUNS; i++) {
      const t = timed(timeV, "gcc", c.gccCommand(src, out, opt), `${out}.time`);
      if (!t.r.ok) { note = `gcc: ${why(t.r)}`; break; }
      ms.push(t.r.ms);
      if (t.rssKb) rss.push(t.rssKb);
    }
    const result = { ms: note ? null : median(ms), rss: rss.length ? median(rss) : null, note };
    gccCache.set(key, result);
    return result;
  };

  const rows: Row[] = [];
  const memory: Row[] = [];
  const socket = join(dir, "serve.sock");
  const stopServer = startServer(socket);
  try {
    for (const input of inputs) {
      for (const opt of ["0", "2"] as const) {
        const name = `build ${input.name} -O${opt}`;
        log(`latency: ${name}`);
        const anchorName = `gcc -O${opt} ${input.twin.name}.c`;
        const g = gcc(input.twin, opt);
        if (!existsSync(input.path)) {
          rows.push({ section: "latency", name, value: null, unit: "ms", anchor: anchorName, anchorValue: g.ms, note: `${input.path} does not exist` });
          continue;
        }
        const out = join(dir, `lat-${input.name}-O${opt}`);
        const ms: number[] = [];
        const rss: number[] = [];
        const stages = new Map<string, number[]>();
        let note: string | undefined;
        for (let i = 0; i < RUNS; i++) {
          const b = lwangaBuild(input.path, out, opt, { timeV });
          if (!b.path) { note = b.note; break; }
          ms.push(b.ms!);
          if (b.rssKb) rss.push(b.rssKb);
          for (const [s, v] of Object.entries(b.stages ?? {})) stages.set(s, [...(stages.get(s) ?? []), v]);
        }
        // The generated program must compute what its C twin computes.
        if (!note && input.name.startsWith("gen")) {
          const mine = run(out, []);
          const theirs = run(join(dir, `gcc-${input.twin.name}-${opt}`), []);
          if (mine.stdout !== theirs.stdout) note = `prints ${JSON.stringify(mine.stdout)}, the C twin ${JSON.stringify(theirs.stdout)}`;
        }
        const value = note ? null : median(ms);
        const stageMedians = Object.fromEntries([...stages].map(([s, v]) => [s, Math.round(median(v) * 10) / 10]));
        // What the stages do not cover: starting node, loading the CLI's modules through tsx, exiting.
        const startup = value != null && stageMedians.total != null ? Math.round(value - stageMedians.total) : null;
        const breakdown = [
          ...(startup != null ? [`process ${startup}`] : []),
          ...Object.entries(stageMedians).filter(([s]) => s !== "total").map(([s, v]) => `${s.trim()} ${v}`),
        ].join(", ");
        rows.push({
          section: "latency", name, value, unit: "ms", anchor: anchorName, anchorValue: g.ms, ratio: ratio(value, g.ms),
          note: note ?? g.note ?? breakdown, detail: { stages: stageMedians, runs: ms.map((x) => Math.round(x)) },
        });
        // The same build through the `lwanga` command while `lwanga serve` runs (no Node start-up).
        if (!note) {
          const served: number[] = [];
          let servedNote: string | undefined;
          for (let i = 0; i < RUNS; i++) {
            const b = lwangaBuild(input.path, `${out}-served`, opt, { served: socket });
            if (!b.path) { servedNote = b.note; break; }
            served.push(b.ms!);
          }
          const sv = servedNote ? null : median(served);
          rows.push({
            section: "latency", name: `${name} (lwanga serve)`, value: sv, unit: "ms", anchor: anchorName, anchorValue: g.ms, ratio: ratio(sv, g.ms),
            note: servedNote ?? `the lwanga command's native client, a resident compiler${minNote(served)}`, detail: { runs: served.map((x) => Math.round(x)) },
          });
        }
        const r = rss.length ? median(rss) : null;
        memory.push({
          section: "memory", name, value: r, unit: "KiB", anchor: anchorName, anchorValue: g.rss, ratio: ratio(r, g.rss),
          note: note ?? (timeV ? undefined : "/usr/bin/time is not installed"),
        });
      }
    }
  } finally {
    stopServer();
  }
  return [...rows, ...memory];
}

function minNote(runs: number[]): string {
  return runs.length ? ` (min ${Math.round(Math.min(...runs))} ms)` : "";
}
