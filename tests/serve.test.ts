/**
 * `lwanga serve` and its native client (cli/serve.ts, cli/client/client.lw,
 * the cli/bin/lwanga wrapper): a served build, check or emit must give
 * exactly what the Node CLI gives — bytes, stdout, stderr, exit status,
 * relative paths, umask, environment — and every case the server cannot
 * take must leave the client silent with exit 250, so the wrapper runs Node.
 * Each test's server listens on its own socket ($LWANGA_SOCKET).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createConnection } from "node:net";
import { join } from "node:path";
import { ROOT, scratchPath } from "./harness.ts";

const CLIENT = join(ROOT, "dist", "lwanga-client");
const DIST = join(ROOT, "dist");
const NODE_CLI = join(ROOT, "cli", "bin", "lwanga.js");
const WRAPPER = join(ROOT, "cli", "bin", "lwanga");
const hasClient = existsSync(CLIENT);

interface Ran { stdout: string; stderr: string; status: number | null }

function ran(r: ReturnType<typeof spawnSync>): Ran {
  return { stdout: String(r.stdout), stderr: String(r.stderr), status: r.status };
}

/** The native client, straight (no fallback): exit 250 means "not served". */
function client(socket: string, args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): Ran {
  return ran(spawnSync(CLIENT, [DIST, ...args], { cwd, encoding: "utf8", env: { ...process.env, ...env, LWANGA_SOCKET: socket }, timeout: 60_000 }));
}

function nodeCli(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): Ran {
  return ran(spawnSync(process.execPath, [NODE_CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, ...env }, timeout: 60_000 }));
}

async function startServer(socket: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [NODE_CLI, "serve", "--idle", "120"], { env: { ...process.env, LWANGA_SOCKET: socket }, stdio: ["ignore", "ignore", "pipe"] });
  await new Promise<void>((ready, fail) => {
    let err = "";
    child.stderr!.on("data", (d) => { err += d; if (err.includes("listening")) ready(); });
    child.once("exit", (code) => fail(new Error(`serve exited with ${code}: ${err}`)));
  });
  return child;
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

test("without a server the client exits 250 silently and the lwanga command runs the Node CLI", { skip: !hasClient && "dist/lwanga-client was not built" }, () => {
  const socket = scratchPath("nobody.sock");
  assert.deepEqual(client(socket, ["check", join(ROOT, "examples", "hello.lw")]), { stdout: "", stderr: "", status: 250 });
  const out = scratchPath("hello-wrapper");
  const r = spawnSync(WRAPPER, ["build", join(ROOT, "examples", "hello.lw"), "-o", out], { encoding: "utf8", env: { ...process.env, LWANGA_SOCKET: socket } });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(spawnSync(out, { encoding: "utf8" }).stdout, "Hello, World!\n");
  assert.equal(spawnSync(WRAPPER, ["--version"], { encoding: "utf8" }).stdout, nodeCli(["--version"]).stdout);
});

test("served build/check/emit give what the Node CLI gives", { skip: !hasClient && "dist/lwanga-client was not built" }, async () => {
  const socket = scratchPath("serve.sock");
  const server = await startServer(socket);
  try {
    const dir = scratchPath("work");
    mkdirSync(dir);
    writeFileSync(join(dir, "bad.lw"), "fn main() -> u64 {\n    return missing;\n}\n");
    const lib = scratchPath("lib");
    mkdirSync(lib);
    writeFileSync(join(lib, "greet.lw"), 'fn greet() { unsafe { syscall(1, 1, "from LWANGA_PATH\\n", 17); } }\n');
    writeFileSync(join(dir, "uses.lw"), 'import "greet.lw";\nfn main() -> u64 { greet(); return 7; }\n');

    // A relative input and output, resolved in the client's directory.
    writeFileSync(join(dir, "hello.lw"), readFileSync(join(ROOT, "examples", "hello.lw")));
    const served = client(socket, ["build", "hello.lw", "-o", "served-hello", "-Os"], dir);
    assert.deepEqual(served, { stdout: "", stderr: "", status: 0 });
    assert.equal(nodeCli(["build", "hello.lw", "-o", "node-hello", "-Os"], dir).status, 0);
    assert.deepEqual(readFileSync(join(dir, "served-hello")), readFileSync(join(dir, "node-hello")));

    // The same answers, byte for byte, for errors, diagnostics, stdout output and the environment.
    const cases: { args: string[]; env?: NodeJS.ProcessEnv }[] = [
      { args: ["build", "bad.lw", "-o", "bad"] },
      { args: ["check", "bad.lw"] },
      { args: ["check", join(ROOT, "examples", "probe.ts")] },
      { args: ["emit", "hello.lw", "--llvm", "-O0"] },
      { args: ["emit", join(ROOT, "examples", "hello.ts"), "--ir"] },
      { args: ["build", "missing.lw"] },
      { args: ["build", "hello.lw", "--no-such-flag"] },
      { args: ["build", "uses.lw", "-o", "uses"], env: { LWANGA_PATH: lib } },
    ];
    for (const c of cases) {
      const a = client(socket, c.args, dir, c.env);
      assert.notEqual(a.status, 250, `not served: ${c.args.join(" ")}`);
      assert.deepEqual(a, nodeCli(c.args, dir, c.env), c.args.join(" "));
    }
    assert.equal(existsSync(join(dir, "bad")), false, "no output file for a failed build");
    assert.equal(spawnSync(join(dir, "uses"), { encoding: "utf8" }).stdout, "from LWANGA_PATH\n");

    // The client's umask decides the output's mode.
    const r = spawnSync("/bin/sh", ["-c", `umask 077; exec "${CLIENT}" "${DIST}" build hello.lw -o private`], { cwd: dir, env: { ...process.env, LWANGA_SOCKET: socket } });
    assert.equal(r.status, 0, String(r.stderr));
    assert.equal(statSync(join(dir, "private")).mode & 0o777, 0o700);

    // Through the wrapper, served.
    const w = spawnSync(WRAPPER, ["build", "hello.lw", "-o", "wrapped"], { cwd: dir, encoding: "utf8", env: { ...process.env, LWANGA_SOCKET: socket } });
    assert.equal(w.status, 0, w.stderr);
    assert.equal(spawnSync(join(dir, "wrapped"), { encoding: "utf8" }).stdout, "Hello, World!\n");

    // What the server does not take: other commands, another install's bundle folder.
    assert.equal(client(socket, ["run", "hello.lw"], dir).status, 250);
    assert.deepEqual(spawnSync(CLIENT, [dir, "check", "hello.lw"], { cwd: dir, encoding: "utf8", env: { ...process.env, LWANGA_SOCKET: socket } }).status, 250);

    // Garbage and requests cut short do not disturb the server.
    for (const bytes of [Buffer.from("GET / HTTP/1.0\r\n\r\n"), Buffer.from([0x4c, 0x57, 0x51, 0x31, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0x2f])]) {
      await new Promise<void>((done) => {
        const s = createConnection(socket, () => { s.write(bytes); setTimeout(() => s.destroy(), 50); });
        s.on("close", () => done());
        s.on("error", () => done());
      });
    }
    assert.equal(client(socket, ["check", "hello.lw"], dir).status, 0);

    // A second server on the same socket refuses to start.
    const second = nodeCli(["serve"], ROOT, { LWANGA_SOCKET: socket });
    assert.equal(second.status, 1);
    assert.match(second.stderr, /already listens/);
  } finally {
    await stopServer(server);
  }
  assert.equal(existsSync(socket), false, "the socket is removed on exit");
  assert.equal(client(socket, ["check", "x.lw"]).status, 250);
});
