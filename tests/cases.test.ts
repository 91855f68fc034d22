/**
 * Runs every fixture under tests/cases/ (`.lw`, `.lwanga` and `.ts`) through
 * the real pipeline and checks its inline expectations (see harness.ts).
 * Fixtures of one area share a folder: tests/cases/<area>/<name>.lw.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { ROOT, runFixture } from "./harness.ts";

function fixtures(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      // Helper modules imported by fixtures live in folders named `lib`.
      if (name !== "lib") out.push(...fixtures(path));
    } else if (/\.(lw|lwanga|ts)$/.test(name)) out.push(path);
  }
  return out;
}

const all = fixtures(join(ROOT, "tests", "cases"));
for (const path of all) {
  test(relative(join(ROOT, "tests", "cases"), path), { concurrency: false }, async () => {
    const problems = await runFixture(path);
    assert.deepEqual(problems, [], problems.join("\n"));
  });
}
