/**
 * Differential test, part b: generated programs (tests/gen/) with seeds
 * 151..300, 15 per compiled file, each file printed as .lw and .ts,
 * built at -O0 and -O2, run, and compared with the reference interpreter.
 * Parts a and b together cover 300 seeds and run in parallel under npm test.
 * LWANGA_DIFF_SEEDS overrides the count (per part).
 */
import { seedRangeTests } from "./gen/seed-tests.ts";

seedRangeTests(151, Number(process.env.LWANGA_DIFF_SEEDS ?? 150), 15);
