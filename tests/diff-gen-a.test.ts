/**
 * Differential test, part a: generated programs (tests/gen/) with seeds
 * 1..150, 15 per compiled file, each file printed as .lw and .ts,
 * built at -O0 and -O2, run, and compared with the reference interpreter.
 * Parts a and b together cover 300 seeds and run in parallel under npm test.
 * LWANGA_DIFF_SEEDS overrides the count (per part).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { diffSeeds } from "./gen/diff.ts";
import { seedRangeTests } from "./gen/seed-tests.ts";

seedRangeTests(1, Number(process.env.LWANGA_DIFF_SEEDS ?? 150), 15);

// Seeds the long campaigns (npm run fuzz) stopped at, kept as permanent checks.
// 104773, 106852: a `<<` whose count ends in `>> (…)` is type arguments to TypeScript; tests/gen/print.ts spells it `<< 0 + (…)`.
test("generated programs found by fuzz campaigns (104773, 106852) agree with the interpreter", async () => {
  const r = await diffSeeds([104773, 106852]);
  assert.deepEqual(r.problems, [], r.problems.join("\n"));
});
