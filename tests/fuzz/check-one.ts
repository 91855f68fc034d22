/**
 * Runs `checkInput` on one saved input in its own process, so an input that
 * exhausts memory or aborts Node cannot take the test runner down with it.
 * Usage: node --import tsx tests/fuzz/check-one.ts FILE LANG BUILD(0|1)
 * Prints the violations as JSON on stdout.
 */
import { readFileSync } from "node:fs";
import { checkInput } from "./check-input.ts";
import type { Lang } from "./mutate.ts";

const [file, lang, build] = process.argv.slice(2);
const violations = await checkInput({ lang: lang as Lang, bytes: readFileSync(file), how: file }, { build: build === "1" });
process.stdout.write(JSON.stringify(violations));
