/**
 * Runs every fixture under tests/cases/ (`.lw`, `.lwanga` and `.ts`) through
 * the real pipeline and checks its inline expectations (see harness.ts).
 * Fixtures of one area share a folder: tests/cases/<area>/<name>.lw.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { join, relative } from "node:path";
import { caseFixtures, ROOT, runFixture } from "./harness.ts";

for (const path of caseFixtures()) {
  test(relative(join(ROOT, "tests", "cases"), path), { concurrency: false }, async () => {
    const problems = await runFixture(path);
    assert.deepEqual(problems, [], problems.join("\n"));
  });
}
