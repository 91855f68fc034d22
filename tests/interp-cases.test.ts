/**
 * Interpreter against the fixtures: every program under tests/cases/ that
 * is expected to compile is checked (`compile` with emit "check") and run in
 * the reference interpreter; its stdout, exit status or signal must match
 * the fixture's inline expectations, exactly as the native build must.
 * Programs the interpreter cannot run (inline asm, naked functions) are
 * skipped with a note.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { compile, formatDiagnostics } from "../driver/compile.ts";
import { interpret } from "../ir/interpret/interpret.ts";
import { caseFixtures, readExpectations, ROOT } from "./harness.ts";

const casesDir = join(ROOT, "tests", "cases");
for (const path of caseFixtures(casesDir)) {
  const text = readFileSync(path, "utf8");
  const e = readExpectations(text);
  if (e.errors.length > 0) continue;
  test(`interp ${relative(casesDir, path)}`, async (t) => {
    const result = await compile({ input: path, emit: "check", defines: e.defines });
    assert.equal(result.exitCode, 0, formatDiagnostics(result));
    assert.ok(result.program);
    const out: Buffer[] = [];
    const outcome = interpret(result.program, {
      argv: [path, ...e.args],
      stdin: e.stdin === undefined ? undefined : new TextEncoder().encode(e.stdin),
      write: (fd, b) => { if (fd === 1) out.push(Buffer.from(b)); },
      maxSteps: 1_000_000,
    });
    // Inline asm cannot be interpreted; benchmark-sized kernels take too long here.
    if ("error" in outcome && /assembly|asm|naked|_start|step limit/.test(outcome.error)) {
      t.skip(outcome.error);
      return;
    }
    const stdout = Buffer.concat(out).toString("utf8");
    const expectedOut = e.stdout.length > 0 ? e.stdout.join("\n") + "\n" : "";
    assert.equal(stdout, expectedOut);
    if (e.signal) assert.deepEqual(outcome, { signal: e.signal });
    else assert.deepEqual(outcome, { exitCode: e.exit });
  });
}
