/**
 * Front-end fuzzing: `count` inputs made by tests/fuzz/mutate.ts go through
 * tests/fuzz/check-input.ts (check always, a full -O2 build for one input
 * in `buildEvery`). Each violating input is saved under
 * tests/regressions/front-<kind>-<n>.<lang> with a `known-failing` line so
 * it becomes a permanent test (tests/fuzz-front.test.ts). An input found slow
 * (over 10 s) is tried again and kept only when it is slow again.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkInput } from "../tests/fuzz/check-input.ts";
import { corpus, makeInput } from "../tests/fuzz/mutate.ts";
import { REGRESSIONS_DIR } from "../tests/gen/regression.ts";

export interface FrontFinding {
  kind: string;
  message: string;
  file?: string;
}

export interface FrontOptions {
  count: number;
  seed: number;
  /** First input index (to resume after a crash). */
  start?: number;
  buildEvery?: number;
  log: (s: string) => void;
  save?: boolean;
  /**
   * Before each input, `{ i, how, lang }` is written to this file and the
   * input's bytes to `<stateFile>.input`, so the parent can save the input
   * that killed the process (out of memory, native abort) and resume after it.
   */
  stateFile?: string;
}

export async function fuzzFrontEnd(options: FrontOptions): Promise<{ inputs: number; findings: FrontFinding[] }> {
  const bases = corpus();
  const findings: FrontFinding[] = [];
  const seenKinds = new Map<string, number>();
  const dir = mkdtempSync(join(tmpdir(), "lwanga-fuzz-front-"));
  const buildEvery = options.buildEvery ?? 25;
  options.log(`front: ${options.count} inputs from seed ${options.seed}; the running one is named in ${join(dir, "current.txt")}`);
  try {
    for (let i = options.start ?? 0; i < options.count; i++) {
      const input = makeInput(bases, options.seed, i);
      // Say what runs, so a crash of the whole process can be traced to its input.
      writeFileSync(join(dir, "current.txt"), input.how);
      if (options.stateFile) {
        writeFileSync(`${options.stateFile}.input`, input.bytes);
        writeFileSync(options.stateFile, JSON.stringify({ i, how: input.how, lang: input.lang, dir }));
      }
      const build = i % buildEvery === 0;
      let violations = await checkInput(input, { build, dir });
      // Slowness is wall-clock time: on a machine starved by other work, look again before keeping it.
      const slow = violations.find((v) => v.kind === "slow");
      if (slow && !(await checkInput(input, { build, dir })).some((v) => v.kind === "slow")) {
        options.log(`front ${i}: ${slow.message} once, not again: not kept (a starved machine?) [${input.how}]`);
        violations = violations.filter((v) => v.kind !== "slow");
      }
      for (const v of violations) {
        const key = `${v.kind}:${v.message.split("\n")[0].replace(/\d+/g, "N").slice(0, 120)}`;
        const n = (seenKinds.get(key) ?? 0) + 1;
        seenKinds.set(key, n);
        if (n > 1) continue; // one example per distinct symptom
        const finding: FrontFinding = { kind: v.kind, message: `${v.message.split("\n")[0].slice(0, 300)} [${input.how}]` };
        if (options.save !== false && input.bytes.length < 200_000) {
          if (!existsSync(REGRESSIONS_DIR)) mkdirSync(REGRESSIONS_DIR, { recursive: true });
          let file = join(REGRESSIONS_DIR, `front-${v.kind}-${options.seed}-${i}.${input.lang}.input`);
          writeFileSync(file, input.bytes);
          writeFileSync(file.replace(/\.input$/, ".why"), `known-failing: ${v.kind}: ${v.message.split("\n")[0].slice(0, 300)}\nmade by: ${input.how}\n`);
          finding.file = file;
        }
        findings.push(finding);
        options.log(`front ${i}: ${finding.kind}: ${finding.message}`);
      }
      if (i > 0 && i % 500 === 0) options.log(`front: ${i} inputs, ${findings.length} findings`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { inputs: options.count - (options.start ?? 0), findings };
}
