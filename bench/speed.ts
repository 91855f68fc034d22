/**
 * Generated-code speed rows: the four kernels (tests/cases/kernels/*.lw and
 * *.ts, whose `// expect:` line is the result to print) built at -O2, and
 * their C twins built without libc by `clang-14 -O2` (the anchor: the same
 * LLVM back end) and `gcc -O2`. Each binary must print the expected result;
 * then `valgrind --tool=callgrind` counts its instructions (deterministic on
 * a noisy machine) and the best of three native runs gives a wall time.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CAnchors, Built } from "./builders.ts";
import { lwangaBuild, ROOT } from "./builders.ts";
import { ratio, run, why } from "./proc.ts";
import type { Row } from "./report.ts";

export const KERNELS = ["sieve", "fib", "fnv", "heapsort"] as const;

export function expectedOutput(kernel: string): string {
  const text = readFileSync(join(ROOT, "tests", "cases", "kernels", `${kernel}.lw`), "utf8");
  return [...text.matchAll(/^\/\/ expect: (.*)$/gm)].map((m) => m[1] + "\n").join("");
}

function callgrind(valgrind: string, path: string): { ir: number | null; note?: string } {
  const r = run(valgrind, ["--tool=callgrind", "--callgrind-out-file=/dev/null", path], { timeoutMs: 300_000 });
  const m = r.stderr.match(/Collected : (\d+)/);
  if (!r.ok || !m) return { ir: null, note: `callgrind: ${why(r)}` };
  return { ir: Number(m[1]) };
}

function nativeMs(path: string): number | null {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const r = run(path, [], { timeoutMs: 60_000 });
    if (!r.ok) return null;
    best = Math.min(best, r.ms);
  }
  return best;
}

export function speedRows(c: CAnchors, dir: string, valgrind: string | null, log: (s: string) => void): Row[] {
  const rows: Row[] = [];
  for (const k of KERNELS) {
    log(`speed: ${k}`);
    const want = expectedOutput(k);
    const subjects: { name: string; build: () => Built }[] = [
      { name: `${k} clang-14 -O2 (C)`, build: () => c.speed(k, "clang") },
      { name: `${k} gcc -O2 (C)`, build: () => c.speed(k, "gcc") },
    ];
    for (const lang of ["lw", "ts"]) {
      const src = join(ROOT, "tests", "cases", "kernels", `${k}.${lang}`);
      subjects.push({
        name: `${k}.${lang} -O2`,
        build: () => (existsSync(src) ? lwangaBuild(src, join(dir, `lw-${k}-${lang}`), "2") : { path: null, note: `${src} does not exist` }),
      });
    }
    let anchor: number | null = null;
    for (const s of subjects) {
      const b = s.build();
      const row: Row = { section: "speed", name: s.name, value: null, unit: "Ir", anchor: `${k} clang-14 -O2` };
      rows.push(row);
      if (!b.path) {
        row.note = b.note;
        continue;
      }
      const check = run(b.path, [], { timeoutMs: 60_000 });
      if (!check.ok || check.stdout !== want) {
        row.note = `wrong result: printed ${JSON.stringify(check.stdout)} (${check.ok ? "exit 0" : why(check)}), expected ${JSON.stringify(want)}`;
        continue;
      }
      const ms = nativeMs(b.path);
      if (!valgrind) {
        row.note = "valgrind is not installed";
      } else {
        const cg = callgrind(valgrind, b.path);
        row.value = cg.ir;
        if (cg.note) row.note = cg.note;
      }
      if (s.name.includes("clang")) anchor = row.value;
      row.detail = { nativeMs: ms, size: b.size };
    }
    for (const r of rows.filter((r) => r.anchor === `${k} clang-14 -O2`)) {
      r.anchorValue = anchor;
      r.ratio = ratio(r.value, anchor);
    }
  }
  return rows;
}
