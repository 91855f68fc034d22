/**
 * The compiler's own sources type-check under `strict` (tsconfig.json), so
 * the contracts between stages (ir/syntax.ts, ir/checked.ts) are enforced.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./harness.ts";

test("tsc --noEmit -p tsconfig.json passes", () => {
  const tsc = join(ROOT, "node_modules", ".bin", "tsc");
  const r = spawnSync(tsc, ["--noEmit", "-p", join(ROOT, "tsconfig.json")], { encoding: "utf8", timeout: 300_000 });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
