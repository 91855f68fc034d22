/**
 * Front-end fuzzing in `npm test`: 2,000 mutated and random inputs of both
 * languages (tests/fuzz/mutate.ts) through the driver's check entry, and
 * every 100th through a full -O2 build; each must end with exit 0 or 1 and,
 * for 1, an error with a valid location — never an exception, an internal
 * error, a >10 s run or a stray output file (tests/fuzz/check-input.ts).
 * Deep nesting and the saved inputs in tests/regressions/*.input are
 * separate, named tests.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkInput, checkInputIsolated, type Violation } from "./fuzz/check-input.ts";
import { corpus, makeInput, type Lang } from "./fuzz/mutate.ts";
import { REGRESSIONS_DIR } from "./gen/regression.ts";

const INPUTS = Number(process.env.LWANGA_FUZZ_INPUTS ?? 2000);
const SEED = 20240601;

/**
 * Symptoms already reported to their owners: they go to a `todo` test (so
 * the suite stays green) until fixed; then remove them here.
 */
const KNOWN: { re: RegExp; owner: string }[] = [
];
const knownSeen: string[] = [];

test(`front-end fuzz: ${INPUTS} inputs through check (every 100th through build)`, async (t) => {
  const bases = corpus();
  const found: string[] = [];
  const known: string[] = [];
  for (let i = 0; i < INPUTS; i++) {
    const input = makeInput(bases, SEED, i);
    // No timing assertion here (a loaded machine is slow); `npm run fuzz` reports slow inputs.
    const violations: Violation[] = await checkInput(input, { build: i % 100 === 0, slowMs: Infinity });
    for (const v of violations) {
      const line = `#${i} ${v.kind}: ${v.message.split("\n")[0].slice(0, 200)} [${input.how}]`;
      (KNOWN.some((k) => k.re.test(v.message)) ? known : found).push(line);
    }
  }
  knownSeen.push(...known);
  if (known.length) t.diagnostic(`known open problems (${known.length}):\n${known.slice(0, 10).join("\n")}`);
  assert.deepEqual(found, [], found.slice(0, 20).join("\n"));
});

test("front-end fuzz: known open problems are gone", { todo: KNOWN.length > 0 ? KNOWN.map((k) => k.owner).join("; ") : false }, () => {
  assert.deepEqual(knownSeen, [], knownSeen.slice(0, 20).join("\n"));
});

function nested(lang: Lang, kind: string, depth: number): Uint8Array {
  const lw = lang === "lw";
  const head = lw ? "fn main() -> u64 {\n" : `import { type u64 } from "lwanga";\nexport function main(): u64 {\n`;
  let body: string;
  switch (kind) {
    case "parens": body = `return ${"(".repeat(depth)}1${")".repeat(depth)};\n`; break;
    case "blocks": body = `${"{".repeat(depth)}${"}".repeat(depth)}\nreturn 0;\n`; break;
    case "ifs": body = `${(lw ? "if true { " : "if (true) { ").repeat(depth)}${"} ".repeat(depth)}\nreturn 0;\n`; break;
    default: body = `return ${"-".repeat(depth)}1;\n`; break;
  }
  return new TextEncoder().encode(head + body + "}\n");
}

// Deep nesting must end in a diagnostic (a depth limit is fine), never a stack overflow.
for (const lang of ["lw", "ts"] as Lang[]) {
  for (const kind of ["parens", "blocks", "ifs", "unary"]) {
    for (const depth of [1000, 20000]) {
      test(`deep nesting: ${lang} ${kind} x${depth}`, async () => {
        const v = await checkInput({ lang, bytes: nested(lang, kind, depth), how: `${kind} ${depth}` }, { build: depth === 1000, slowMs: Infinity });
        assert.deepEqual(v, [], v.map((x) => `${x.kind}: ${x.message.slice(0, 300)}`).join("\n"));
      });
    }
  }
}

// Inputs saved by `npm run fuzz` (tests/regressions/<name>.<lang>.input plus a .why note).
const saved = existsSync(REGRESSIONS_DIR) ? readdirSync(REGRESSIONS_DIR).filter((f) => f.endsWith(".input")).sort() : [];
for (const name of saved) {
  const path = join(REGRESSIONS_DIR, name);
  const why = existsSync(path.replace(/\.input$/, ".why")) ? readFileSync(path.replace(/\.input$/, ".why"), "utf8") : "";
  const todo = why.match(/^known-failing: (.*)$/m)?.[1];
  const lang: Lang = name.endsWith(".ts.input") ? "ts" : "lw";
  test(`fuzz regression ${name}`, todo ? { todo } : {}, async () => {
    // In a child process: some saved inputs once crashed the whole compiler process.
    const v = checkInputIsolated(path, lang, true);
    assert.deepEqual(v, [], v.map((x) => `${x.kind}: ${x.message.slice(0, 300)}`).join("\n"));
  });
}

// Found by `npm run fuzz -- --front` (a .ts with 100000-character identifiers): every error
// echoes its whole source line, so thousands of errors on one long line exceed V8's
// maximum string length while rendering. Generated here rather than stored (89 KB).
test("thousands of errors on one long line render without throwing", async () => {
  const line = Array.from({ length: 4500 }, (_, i) => `let a${i}: u64 = y; `).join("");
  const bytes = new TextEncoder().encode(`fn main() -> u64 {\n    ${line}\n    return 0;\n}\n`);
  const v = await checkInput({ lang: "lw", bytes, how: "4500 errors on one line" }, { build: false, slowMs: Infinity });
  assert.deepEqual(v, [], v.map((x) => `${x.kind}: ${x.message.slice(0, 300)}`).join("\n"));
});
