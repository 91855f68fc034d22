/**
 * The bench compares like with like only if each C twin computes what the
 * Lwanga program computes. Checked here on small sizes: the generated
 * compile-latency program (.lw vs its C twin) and the C kernels against the
 * `// expect:` lines of tests/cases/kernels/ (which the fixtures check for
 * the .lw and .ts versions). Also the table renderer's ratio column.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createServer, type AddressInfo } from "node:net";
import { build, buildSource, ROOT, runExe, scratchPath } from "./harness.ts";
import { closedPort, runAsync } from "./net-helpers.ts";
import { C_PROGRAMS, cSource, type CProgram } from "../bench/c-sources.ts";
import { generatedC, generatedLw } from "../bench/gen-program.ts";
import { renderTable } from "../bench/report.ts";
import { expectedOutput } from "../bench/speed.ts";

const hasGcc = spawnSync("gcc", ["--version"]).status === 0;

function gccRun(program: CProgram): string {
  return runExe(gccBuild(program)).stdout;
}

function gccBuild(program: CProgram): string {
  const src = scratchPath(`${program.name}.c`);
  writeFileSync(src, cSource(program, true));
  const exe = scratchPath(program.name);
  const cc = spawnSync("gcc", ["-O1", "-nostdlib", "-static", "-ffreestanding", "-fno-stack-protector", "-fcf-protection=none",
    "-fno-tree-loop-distribute-patterns", "-w", "-o", exe, src, "-Wl,-z,noexecstack"], { encoding: "utf8" });
  assert.equal(cc.status, 0, cc.stderr);
  return exe;
}

test("the generated latency program prints what its C twin prints", { skip: !hasGcc && "gcc is not installed" }, async () => {
  const lw = generatedLw(300);
  assert.ok(lw.split("\n").length >= 250);
  const { result, exe, messages } = await buildSource(lw, "gen.lw", { optLevel: 0 });
  assert.ok(result.ok, messages);
  const mine = runExe(exe).stdout;
  assert.match(mine, /^\d+\n$/);
  assert.equal(mine, gccRun(generatedC(300)));
});

test("the C kernels print the results the .lw/.ts fixtures expect", { skip: !hasGcc && "gcc is not installed" }, () => {
  for (const k of ["sieve", "fib", "fnv", "heapsort"] as const) {
    assert.equal(gccRun(C_PROGRAMS[k]), expectedOutput(k), k);
  }
});

test("each example and its C twin (the size anchors) answer the same arguments the same way", { skip: !hasGcc && "gcc is not installed" }, async () => {
  const file = scratchPath("twin-input.txt");
  writeFileSync(file, "first line\nsecond\n");
  const listener = createServer((s) => s.end());
  await new Promise<void>((r) => listener.listen(0, "127.0.0.1", r));
  const open = String((listener.address() as AddressInfo).port);
  const closed = String(await closedPort());
  const cases: Record<string, string[][]> = {
    "cat.lw": [[], [file], ["/does/not/exist"], [file, file]],
    "cat.ts": [[file], ["/does/not/exist"], [file, "/does/not/exist", file]],
    "probe.lw": [[], ["x"], ["70000"], [open], [closed]],
    "probe.ts": [[], ["127.0.0.1"], ["1.2.3", "80"], ["127.0.0.1", "0"], ["127.0.0.1", open], ["127.0.0.1", closed]],
    "echo_server.lw": [[], ["x"], ["1", "2"]],
    "echo_server.ts": [[], ["x"], ["80", "-3"], ["1", "2", "3"]],
  };
  try {
    for (const [example, argvs] of Object.entries(cases)) {
      const [name, lang] = example.split(".");
      const twin = C_PROGRAMS[(lang === "ts" && `${name}_ts` in C_PROGRAMS ? `${name}_ts` : name) as keyof typeof C_PROGRAMS];
      const mine = await build({ input: join(ROOT, "examples", example), optLevel: "s", name: `twin-${example}`, stripSections: true });
      assert.ok(mine.result.ok, mine.messages);
      const theirs = gccBuild(twin);
      for (const args of argvs) {
        // Asynchronously: the test's own listener must keep accepting while a probe connects.
        const [a, b] = await Promise.all([runAsync(mine.exe, args), runAsync(theirs, args)]);
        assert.deepEqual(a, b, `${example} vs ${twin.name}.c with ${JSON.stringify(args)}`);
      }
      // Standard input (cat.ts with no file): the same bytes come out.
      if (example === "cat.ts") assert.equal(runExe(mine.exe, [], "piped\n").stdout, runExe(theirs, [], "piped\n").stdout);
    }
  } finally {
    listener.close();
  }
});

test("the table shows each value with its anchor and ratio, and n/a for a missing one", () => {
  const text = renderTable([
    { section: "size", name: "hello.lw -O2", value: 240, unit: "B", anchor: "C hello", anchorValue: 200, ratio: 1.2 },
    { section: "size", name: "hello.ts -O2", value: null, unit: "B", anchor: "C hello", anchorValue: 200, note: "missing" },
  ]);
  assert.match(text, /\| hello\.lw -O2 \|\s+240 B \| C hello \|\s+200 \| 1\.200× \|/);
  assert.match(text, /\| hello\.ts -O2 \|\s+n\/a \|.*missing/);
});
