/**
 * The Lwanga examples, built at -O2 and run against real things: a loopback
 * listener for the probe, a real client for the echo server, real files for
 * cat. Also checks the binaries are static, libc-free and small.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { join } from "node:path";
import { build, ROOT, runExe, scratchPath } from "./harness.ts";
import { closedPort, echoThrough, exitCode, firstOutput, runAsync } from "./net-helpers.ts";

const example = (name: string) => join(ROOT, "examples", name);

async function buildExample(name: string): Promise<string> {
  const { result, exe, messages } = await build({ input: example(name), optLevel: 2, name });
  assert.equal(result.exitCode, 0, messages);
  return exe;
}


test("hello.lw prints and exits 0; static, no dynamic section, under 1 KiB", async () => {
  const exe = await buildExample("hello.lw");
  const r = runExe(exe);
  assert.equal(r.stdout, "Hello, World!\n");
  assert.equal(r.status, 0);
  const size = statSync(exe).size;
  assert.ok(size < 1024, `hello is ${size} bytes`);
  const headers = spawnSync("readelf", ["-lW", exe]).stdout.toString();
  assert.doesNotMatch(headers, /DYNAMIC|INTERP/);
  for (const line of headers.split("\n").filter((l) => /^\s+LOAD/.test(l))) {
    const flags = line.trim().split(/\s+/).slice(6, -1).join("");
    assert.ok(!(flags.includes("W") && flags.includes("E")), `writable+executable segment: ${line}`);
  }
});

test("probe.lw: success against a real listener, failure against a closed port", async () => {
  const exe = await buildExample("probe.lw");
  const server = createServer((sock) => sock.end());
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  try {
    const ok = await runAsync(exe, [String(port)]);
    assert.equal(ok.stdout, "Probe: Success (Service Reachable)\n");
    assert.equal(ok.status, 0);
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
  const bad = runExe(exe, [String(await closedPort())]);
  assert.equal(bad.stdout, "Probe: Failed (Service Unreachable)\n");
  assert.equal(bad.status, 1);
  const usage = runExe(exe, []);
  assert.equal(usage.status, 2);
  assert.equal(runExe(exe, ["notaport"]).status, 2);
});

test("echo_server.lw echoes what a real client sends", async () => {
  const exe = await buildExample("echo_server.lw");
  const port = await closedPort();
  const child = spawn(exe, [String(port)]);
  try {
    await firstOutput(child);
    const payload = "ping over loopback\n".repeat(200);
    const echoed = await echoThrough(port, payload);
    assert.equal(echoed, payload);
    const code = await exitCode(child);
    assert.equal(code, 0);
  } finally {
    child.kill();
  }
});

test("cat.lw copies a real file; a missing file is an error with exit 1", async () => {
  const exe = await buildExample("cat.lw");
  const file = scratchPath("input.txt");
  const content = Array.from({ length: 3000 }, (_, i) => `line ${i}\n`).join("");
  writeFileSync(file, content);
  const r = runExe(exe, [file]);
  assert.equal(r.status, 0);
  assert.equal(r.stdout, readFileSync(file, "utf8"));
  const missing = runExe(exe, [file + ".missing"]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /cat: cannot open .*missing/);
});

test("shapes.lw: structs, arrays and function pointers together", async () => {
  const exe = await buildExample("shapes.lw");
  const r = runExe(exe);
  assert.equal(r.stdout, "12\n15\n49\n76\n");
  assert.equal(r.status, 0);
});

