/**
 * `lwanga serve`: a resident compiler. It keeps Node, the bundle, the LLVM
 * addon and (once used) the TypeScript parser loaded, and answers
 * `build`/`check`/`emit` requests from the native client
 * (cli/client/client.lw, run by the cli/bin/lwanga wrapper) on a Unix
 * socket, so a build costs the compile itself, not Node's start-up.
 *
 * The socket is `$LWANGA_SOCKET` or `/tmp/lwanga-UID.sock`, mode 0600;
 * the client talks only to a socket owned by its own user. Each request
 * carries the client's bundle folder, current directory, umask and
 * environment; the server answers "not mine" (the client then runs the Node
 * CLI) when the folder is not its own or its bundle changed on disk since it
 * started (and then exits, so the next `serve` is the new compiler).
 * Requests run one at a time, each in the client's directory, umask and
 * environment, with the CLI's output (cli/io.ts) framed back to the client.
 * The server exits after `--idle SECONDS` without requests (default 1800),
 * on SIGINT/SIGTERM, or when its memory passes 1.5 GiB.
 */
import { existsSync, lstatSync, statSync, unlinkSync, chmodSync } from "node:fs";
import { createConnection, createServer, type Socket } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { io, withIo } from "./io.ts";
import { main } from "./main.ts";
import { UsageError } from "./args.ts";

const MAGIC = 0x3151574c; // "LWQ1"
const FRAME_OUT = 1;
const FRAME_ERR = 2;
const FRAME_EXIT = 3;
const FRAME_NOT_MINE = 4;
const SERVED = new Set(["build", "check", "emit"]);
const MAX_RSS = 1.5 * 1024 ** 3;

export function socketPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.LWANGA_SOCKET || `/tmp/lwanga-${process.getuid?.() ?? 0}.sock`;
}

interface Request {
  distDir: string;
  cwd: string;
  umask: number;
  args: string[];
  env: Record<string, string>;
}

/** Parses a complete request from `buf`, or returns null when more bytes are needed. */
export function parseRequest(buf: Buffer): Request | null | "bad" {
  if (buf.length < 16) return null;
  if (buf.readUInt32LE(0) !== MAGIC) return "bad";
  const umask = buf.readUInt32LE(4);
  const nargs = buf.readUInt32LE(8);
  const nenv = buf.readUInt32LE(12);
  const strings: string[] = [];
  let at = 16;
  while (strings.length < 2 + nargs + nenv) {
    const end = buf.indexOf(0, at);
    if (end < 0) return null;
    strings.push(buf.toString("utf8", at, end));
    at = end + 1;
  }
  const env: Record<string, string> = {};
  for (const e of strings.slice(2 + nargs)) {
    const eq = e.indexOf("=");
    if (eq > 0) env[e.slice(0, eq)] = e.slice(eq + 1);
  }
  return { distDir: strings[0], cwd: strings[1], umask, args: strings.slice(2, 2 + nargs), env };
}

function frame(kind: number, payload: Uint8Array | number = 0): Buffer {
  const bytes = typeof payload === "number" ? Buffer.alloc(0) : Buffer.from(payload);
  const header = Buffer.alloc(5);
  header[0] = kind;
  header.writeUInt32LE(typeof payload === "number" ? payload : bytes.length, 1);
  return Buffer.concat([header, bytes]);
}

/** Size and time of the bundle's entry: a rebuilt compiler must not be served by this process. */
function stamp(distDir: string): string {
  try {
    const s = statSync(resolve(distDir, "cli.mjs"));
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return "missing";
  }
}

/** True when something answers on `path` (another server is running). */
function answers(path: string): Promise<boolean> {
  return new Promise((done) => {
    const s = createConnection(path);
    s.once("connect", () => { s.destroy(); done(true); });
    s.once("error", () => done(false));
  });
}

export async function serve(argv: string[]): Promise<number> {
  let idleSeconds = 1800;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--idle" && /^\d+$/.test(argv[i + 1] ?? "")) idleSeconds = Number(argv[++i]);
    else throw new UsageError(`'serve' takes only --idle SECONDS (got '${argv[i]}')`);
  }
  const here = dirname(fileURLToPath(import.meta.url));
  if (!existsSync(resolve(here, "cli.mjs"))) {
    io.err("error: 'lwanga serve' runs from the bundle: run 'npm run build' first\n");
    return 2;
  }
  const started = stamp(here);
  const path = socketPath();
  if (existsSync(path)) {
    if (lstatSync(path).uid !== process.getuid?.()) {
      io.err(`error: ${path} belongs to another user\n`);
      return 1;
    }
    if (await answers(path)) {
      io.err(`error: a compile server already listens on ${path}\n`);
      return 1;
    }
    unlinkSync(path); // left by a server that died
  }
  // Load LLVM and warm the compiler before the first request (the parser for .ts loads on first use).
  await import("../lowering/toolchain.ts");

  let queue: Promise<void> = Promise.resolve();
  let idle: NodeJS.Timeout | null = null;
  const server = createServer((socket) => {
    let buf = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      buf = Buffer.concat([buf, chunk]);
      const req = parseRequest(buf);
      if (req === null) return;
      socket.off("data", onData);
      if (req === "bad") { socket.destroy(); return; }
      queue = queue.then(() => answer(socket, req));
    };
    socket.on("data", onData);
    socket.on("error", () => socket.destroy());
  });

  const stop = (): void => {
    if (idle) clearTimeout(idle);
    server.close();
    try { unlinkSync(path); } catch { /* already gone */ }
  };
  const resetIdle = (): void => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(stop, idleSeconds * 1000);
    idle.unref();
  };

  async function answer(socket: Socket, req: Request): Promise<void> {
    resetIdle();
    if (resolve(req.distDir) !== here || stamp(here) !== started || !SERVED.has(req.args[0] ?? "")) {
      socket.end(frame(FRAME_NOT_MINE));
      if (stamp(here) !== started) stop();
      return;
    }
    const savedEnv = process.env;
    const savedCwd = process.cwd();
    const savedMask = process.umask();
    let status = 4;
    try {
      process.chdir(req.cwd);
      process.umask(req.umask & 0o777);
      process.env = req.env;
      status = await withIo({
        out: (t) => void socket.write(frame(FRAME_OUT, typeof t === "string" ? Buffer.from(t) : t)),
        err: (t) => void socket.write(frame(FRAME_ERR, typeof t === "string" ? Buffer.from(t) : t)),
      }, () => main(req.args));
    } catch (e) {
      socket.write(frame(FRAME_ERR, Buffer.from(`error: internal compiler error: ${e instanceof Error ? e.message : String(e)}\n`)));
    } finally {
      process.env = savedEnv;
      process.umask(savedMask);
      try { process.chdir(savedCwd); } catch { /* the server's own folder went away */ }
    }
    socket.end(frame(FRAME_EXIT, status));
    if (process.memoryUsage().rss > MAX_RSS) stop();
  }

  await new Promise<void>((ready, fail) => {
    server.once("error", fail);
    server.listen(path, () => ready());
  });
  chmodSync(path, 0o600);
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  resetIdle();
  io.err(`lwanga serve: listening on ${path}\n`);
  await new Promise<void>((closed) => server.once("close", () => closed()));
  return 0;
}
