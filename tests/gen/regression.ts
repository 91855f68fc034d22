/**
 * Regression files: a minimised program that once showed a bug, stored in
 * tests/regressions/ with its expected behaviour as fixture comments (the
 * harness format: `// expect:` lines, `// exit:` or `// signal:`) and, while
 * the bug is open, a `// known-failing: <symptom>` line that makes its test
 * a node:test `todo` so the suite stays green. Writes and runs them.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Outcome } from "./diff.ts";

export const REGRESSIONS_DIR = new URL("../regressions/", import.meta.url).pathname;

/** The fixture comments that make `expected` the required behaviour. */
export function expectationComments(expected: Outcome): string {
  const lines = expected.stdout.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const out = lines.map((l) => `// expect: ${l}`);
  if (expected.end.startsWith("signal ")) out.push(`// signal: ${expected.end.slice(7)}`);
  else if (expected.end.startsWith("exit ")) out.push(`// exit: ${expected.end.slice(5)}`);
  return out.join("\n");
}

/** Writes a regression file and returns its path; never overwrites an existing one. */
export function writeRegression(name: string, lang: "lw" | "ts", program: string, expected: Outcome, header: string[]): string {
  if (!existsSync(REGRESSIONS_DIR)) mkdirSync(REGRESSIONS_DIR, { recursive: true });
  let path = join(REGRESSIONS_DIR, `${name}.${lang}`);
  for (let i = 2; existsSync(path); i++) path = join(REGRESSIONS_DIR, `${name}-${i}.${lang}`);
  const text = `${header.map((h) => `// ${h}`).join("\n")}\n${program}${expectationComments(expected)}\n`;
  writeFileSync(path, text);
  return path;
}

/** `// known-failing: why` in a regression file, or null. */
export function knownFailing(text: string): string | null {
  const m = text.match(/^\/\/ known-failing: (.*)$/m);
  return m ? m[1] : null;
}
