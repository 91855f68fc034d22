/**
 * Same semantics as `.lw`: each program in tests/dsl-twins/ exists as NAME.ts
 * (DSL, using lwanga/std) and NAME.lw (Lwanga). Both are compiled by the real
 * pipeline and run; their stdout and exit status must be identical, and
 * must match the `// expect:` / `// exit:` lines of the .ts file.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, build, readExpectations, runExe } from "./harness.ts";

const DIR = join(ROOT, "tests", "dsl-twins");

for (const name of readdirSync(DIR).filter((n) => n.endsWith(".ts")).sort()) {
  const base = name.slice(0, -3);
  test(`twin ${base}: .ts and .lw give the same output`, { concurrency: false }, async () => {
    const outputs = [];
    for (const ext of [".ts", ".lw"]) {
      const b = await build({ input: join(DIR, base + ext), optLevel: 2, name: base });
      assert.equal(b.result.ok, true, `${base}${ext}:\n${b.messages}`);
      const r = runExe(b.exe);
      outputs.push({ stdout: r.stdout, status: r.status });
    }
    assert.deepEqual(outputs[0], outputs[1], "the .ts and .lw versions differ");
    const e = readExpectations(readFileSync(join(DIR, name), "utf8"));
    assert.equal(outputs[0].stdout, e.stdout.join("\n") + "\n");
    assert.equal(outputs[0].status, e.exit);
  });
}
