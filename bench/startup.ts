/**
 * Start-up rows: exec-to-exit time of the hello binaries. Spawning from
 * Node costs more than the programs themselves, so a small C harness (built
 * by the bench with glibc) does the measuring: for each of `runs` rounds it
 * runs every binary once, in a fresh random order (interleaved, so drift and
 * noise hit all alike, and no binary always runs after the same one), each with `posix_spawn` + `waitpid` and stdout on
 * /dev/null, timed with CLOCK_MONOTONIC; one warm-up round is not counted.
 * It prints the median and the 10th/90th percentiles in nanoseconds.
 * Ratios are to the glibc static C hello and to the no-libc C hello.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { run, ratio, why } from "./proc.ts";
import type { Row } from "./report.ts";

const HARNESS = String.raw`
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
extern char **environ;
static int cmp(const void *a, const void *b) { long x = *(const long *)a, y = *(const long *)b; return (x > y) - (x < y); }
int main(int argc, char **argv) {
  int n = atoi(argv[1]), m = argc - 2;
  long *t = malloc(sizeof(long) * (size_t)n * (size_t)m);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  int order[64];
  unsigned long seed = 88172645463325252UL;
  for (int i = 0; i < m; i++) order[i] = i;
  for (int r = -1; r < n; r++) {
    /* A fresh random order every round: no binary always follows the same one. */
    for (int i = m - 1; i > 0; i--) {
      seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17;
      int j = (int)(seed % (unsigned long)(i + 1)), x = order[i];
      order[i] = order[j]; order[j] = x;
    }
    for (int i = 0; i < m; i++) {
      int b = order[i];
      char *av[] = { argv[2 + b], NULL };
      struct timespec t0, t1;
      pid_t pid;
      int st;
      clock_gettime(CLOCK_MONOTONIC, &t0);
      if (posix_spawn(&pid, argv[2 + b], &fa, NULL, av, environ) != 0) { fprintf(stderr, "cannot run %s\n", argv[2 + b]); return 2; }
      waitpid(pid, &st, 0);
      clock_gettime(CLOCK_MONOTONIC, &t1);
      if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) { fprintf(stderr, "%s failed\n", argv[2 + b]); return 3; }
      if (r >= 0) t[(long)b * n + r] = (t1.tv_sec - t0.tv_sec) * 1000000000L + (t1.tv_nsec - t0.tv_nsec);
    }
  }
  for (int b = 0; b < m; b++) {
    long *x = t + (long)b * n;
    qsort(x, n, sizeof(long), cmp);
    printf("%ld %ld %ld\n", x[n / 2], x[n / 10], x[n * 9 / 10]);
  }
  return 0;
}
`;

export interface StartupSubject {
  name: string;
  path: string | null;
  note?: string;
}

/** `subjects[0]` must be the glibc C hello and `subjects[1]` the no-libc C hello (the two anchors). */
export function startupRows(dir: string, subjects: StartupSubject[], runs: number, log: (s: string) => void): Row[] {
  log(`startup: ${runs} interleaved runs of ${subjects.length} binaries`);
  const src = join(dir, "spawnbench.c");
  const exe = join(dir, "spawnbench");
  writeFileSync(src, HARNESS);
  const cc = run("gcc", ["-O2", "-o", exe, src]);
  const present = subjects.filter((s) => s.path);
  let results = new Map<string, [number, number, number]>();
  let failure: string | undefined;
  if (!cc.ok) failure = `harness: ${why(cc)}`;
  else {
    const r = run(exe, [String(runs), ...present.map((s) => s.path!)], { timeoutMs: 300_000 });
    if (!r.ok) failure = `harness: ${why(r)}`;
    else {
      const lines = r.stdout.trim().split("\n");
      results = new Map(present.map((s, i) => [s.name, lines[i].split(" ").map(Number) as [number, number, number]]));
    }
  }
  const us = (name: string) => { const v = results.get(name); return v ? v[0] / 1000 : null; };
  const glibc = us(subjects[0].name);
  const nolibc = us(subjects[1].name);
  const rows: Row[] = [];
  for (const s of subjects) {
    const v = results.get(s.name);
    const value = us(s.name);
    const vsGlibc = ratio(value, glibc);
    rows.push({
      section: "startup", name: s.name, value, unit: "µs", anchor: subjects[1].name, anchorValue: nolibc, ratio: ratio(value, nolibc),
      note: s.note ?? failure ?? (v ? `p10 ${(v[1] / 1000).toFixed(1)}, p90 ${(v[2] / 1000).toFixed(1)}; ${vsGlibc?.toFixed(3)}× glibc static` : undefined),
      detail: v ? { p10us: v[1] / 1000, p90us: v[2] / 1000, vsGlibc } : undefined,
    });
  }
  return rows;
}
