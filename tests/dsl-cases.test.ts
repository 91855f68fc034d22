/**
 * End to end: every DSL program in tests/dsl-cases/ (helper modules in
 * `lib/` excepted) is compiled by the real pipeline at the optimisation
 * levels it names and run; its inline expectations (`// expect:`, `// exit:`,
 * `// args:`, `// stdin:`, `// signal:`; see harness.ts) must hold.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, runFixture } from "./harness.ts";

const DIR = join(ROOT, "tests", "dsl-cases");

for (const name of readdirSync(DIR).filter((n) => n.endsWith(".ts")).sort()) {
  test(`dsl program ${name}`, { concurrency: false }, async () => {
    const problems = await runFixture(join(DIR, name));
    assert.deepEqual(problems, [], problems.join("\n"));
  });
}
