/**
 * Registers node:test cases for a range of generator seeds: each batch is one
 * compiled file, printed as .lw and .ts, built at -O0 and -O2, run, and
 * compared with the reference interpreter (diff.ts). Shared by the diff-gen
 * test parts, which npm test runs in parallel.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { diffSeeds } from "./diff.ts";

export function seedRangeTests(first: number, count: number, batch: number): void {
  for (let start = first; start < first + count; start += batch) {
    const seeds = Array.from({ length: Math.min(batch, first + count - start) }, (_, i) => start + i);
    test(`generated programs, seeds ${seeds[0]}..${seeds[seeds.length - 1]}: .lw/.ts x -O0/-O2 agree with the interpreter`, async () => {
      const r = await diffSeeds(seeds);
      assert.deepEqual(r.problems, [], `${r.problems.join("\n")}\nreproduce: npm run fuzz -- --programs ${seeds.length} --seed ${seeds[0]} --batch 1`);
    });
  }
}
