/**
 * The TypeScript examples, built at -O2 from examples/*.ts and run against
 * real things: a loopback listener for the probe, a real client for the echo
 * server, real files and stdin for cat. Each binary must be static and small.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { join } from "node:path";
import { build, ROOT, runExe, scratchPath } from "./harness.ts";
import { closedPort, echoThrough, exitCode, firstOutput, runAsync } from "./net-helpers.ts";

async function buildExample(name: string): Promise<string> {
  const { result, exe, messages } = await build({ input: join(ROOT, "examples", name), optLevel: 2, name });
  assert.equal(result.exitCode, 0, messages);
  const headers = spawnSync("readelf", ["-lW", exe]).stdout.toString();
  assert.doesNotMatch(headers, /DYNAMIC|INTERP/, `${name} is not static`);
  assert.ok(statSync(exe).size < 8192, `${name} is ${statSync(exe).size} bytes`);
  return exe;
}



test("hello.ts prints and exits 0, under 1 KiB", async () => {
  const exe = await buildExample("hello.ts");
  const r = runExe(exe);
  assert.equal(r.stdout, "Hello, World!\n");
  assert.equal(r.status, 0);
  assert.ok(statSync(exe).size < 1024);
});

test("probe.ts HOST PORT: success against a real listener, failure against a closed port, usage errors", async () => {
  const exe = await buildExample("probe.ts");
  const server = createServer((sock) => sock.end());
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  try {
    const ok = await runAsync(exe, ["127.0.0.1", String(port)]);
    // The full 35-byte message and nothing more: no hand-counted lengths.
    assert.equal(ok.stdout, "Probe: Success (Service Reachable)\n");
    assert.equal(ok.status, 0);
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
  const bad = runExe(exe, ["127.0.0.1", String(await closedPort())]);
  assert.equal(bad.stdout, "Probe: Failed (Service Unreachable)\n");
  assert.equal(bad.status, 1);
  assert.equal(runExe(exe, []).status, 2);
  assert.equal(runExe(exe, ["127.0.0.1", "notaport"]).status, 2);
  assert.equal(runExe(exe, ["127.0.0.256", "80"]).status, 2);
  assert.equal(runExe(exe, ["127.0.0", "80"]).status, 2);
});

test("echo_server.ts echoes what real clients send, COUNT connections", async () => {
  const exe = await buildExample("echo_server.ts");
  const port = await closedPort();
  const child = spawn(exe, [String(port), "2"]);
  try {
    await firstOutput(child);
    for (const payload of ["ping over loopback\n".repeat(500), "second client"]) {
      const echoed = await echoThrough(port, payload);
      assert.equal(echoed, payload);
    }
    const code = await exitCode(child);
    assert.equal(code, 0);
  } finally {
    child.kill();
  }
  assert.equal(runExe(exe, ["0"]).status, 2);
});

test("cat.ts copies real files and stdin; a missing file is an error with exit 1", async () => {
  const exe = await buildExample("cat.ts");
  const a = scratchPath("a.txt");
  const b = scratchPath("b.txt");
  writeFileSync(a, Array.from({ length: 20000 }, (_, i) => `line ${i}\n`).join(""));
  writeFileSync(b, "tail\n");
  const r = runExe(exe, [a, b]);
  assert.equal(r.status, 0);
  assert.equal(r.stdout, readFileSync(a, "utf8") + "tail\n");
  const stdin = runExe(exe, [], "from stdin\n");
  assert.equal(stdin.stdout, "from stdin\n");
  const missing = runExe(exe, [a + ".missing", b]);
  assert.equal(missing.status, 1);
  assert.equal(missing.stdout, "tail\n");
  assert.match(missing.stderr, /cat: cannot open .*missing/);
});
