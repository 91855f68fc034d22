/**
 * Every file in tests/regressions/ is a permanent test: built at -O0 and -O2
 * and run natively against its inline expectations (the fixture harness),
 * and run in the reference interpreter against the same expectations. A
 * file marked `// known-failing: <symptom>` is a `todo` until its bug is
 * fixed (then remove the line).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compile, formatDiagnostics } from "../driver/compile.ts";
import { interpretProgram } from "./gen/diff.ts";
import { knownFailing, REGRESSIONS_DIR } from "./gen/regression.ts";
import { readExpectations, runFixture } from "./harness.ts";

const files = existsSync(REGRESSIONS_DIR) ? readdirSync(REGRESSIONS_DIR).filter((f) => /\.(lw|ts)$/.test(f)).sort() : [];

for (const name of files) {
  const path = join(REGRESSIONS_DIR, name);
  const text = readFileSync(path, "utf8");
  const todo = knownFailing(text);
  test(`regression ${name}`, todo ? { todo } : {}, async () => {
    const problems = await runFixture(path);
    const e = readExpectations(text);
    if (e.errors.length === 0) {
      const checked = await compile({ input: path, emit: "check" });
      if (!checked.program) problems.push(`check failed:\n${formatDiagnostics(checked)}`);
      else {
        const o = interpretProgram(checked.program);
        const expectedOut = e.stdout.length > 0 ? e.stdout.join("\n") + "\n" : "";
        if (o.stdout !== expectedOut) problems.push(`interpreter stdout ${JSON.stringify(o.stdout)}, expected ${JSON.stringify(expectedOut)}`);
        const want = e.signal ? `signal ${e.signal}` : `exit ${e.exit}`;
        if (o.end !== want) problems.push(`interpreter ended with ${o.end}, expected ${want}`);
      }
    }
    assert.deepEqual(problems, [], problems.join("\n"));
  });
}
