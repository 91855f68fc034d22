/**
 * Finding and running the external tools (`opt-14`, `llc-14`, `ld`). Tools
 * run through `spawnSync` (or, for `opt | llc`, `spawn` with the two
 * connected by a pipe) with argument arrays, never a shell string. A
 * missing tool is reported with the Debian/Ubuntu package that provides it.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { arch } from "node:os";

export type ToolName = "opt" | "llc" | "ld";

const CANDIDATES: Record<ToolName, string[]> = {
  opt: ["opt-14", "/usr/lib/llvm-14/bin/opt"],
  llc: ["llc-14", "/usr/lib/llvm-14/bin/llc"],
  ld: ["ld", "ld.bfd", "x86_64-linux-gnu-ld"],
};

export const PACKAGE_OF: Record<ToolName, string> = { opt: "llvm-14", llc: "llvm-14", ld: "binutils" };

/** The linker for a target: the host `ld` natively, else the cross binutils. */
export function linkerFor(target: "x86_64" | "aarch64"): { names: string[]; displayName: string; package: string } {
  const host = arch() === "arm64" ? "aarch64" : arch() === "x64" ? "x86_64" : arch();
  if (host === target) return { names: CANDIDATES.ld, displayName: "ld", package: "binutils" };
  const prefix = target === "x86_64" ? "x86_64-linux-gnu" : "aarch64-linux-gnu";
  return { names: [`${prefix}-ld`, `${prefix}-ld.bfd`], displayName: `${prefix}-ld`, package: `binutils-${prefix}` };
}

const found = new Map<string, string | null>();

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The path of a tool (by kind, or by an explicit list of names), or null when it is not installed. */
export function findTool(tool: ToolName, names: string[] = CANDIDATES[tool]): string | null {
  const key = names.join(":");
  if (found.has(key)) return found.get(key)!;
  const dirs = (process.env.PATH ?? "/usr/bin:/bin").split(delimiter).filter(Boolean);
  let result: string | null = null;
  for (const c of names) {
    if (c.includes("/")) {
      if (executable(c)) { result = c; break; }
      continue;
    }
    const hit = dirs.map((d) => join(d, c)).find(executable);
    if (hit) { result = hit; break; }
  }
  found.set(key, result);
  return result;
}

export interface ToolRun {
  ok: boolean;
  status: number | null;
  signal: string | null;
  stdout: Buffer;
  stderr: string;
  error?: string;
}

export function runTool(path: string, args: string[], input?: Buffer): ToolRun {
  // A pathological optimiser run must not hang the compiler forever.
  const timeout = Number(process.env.LWANGA_TOOL_TIMEOUT_MS) || 10 * 60 * 1000;
  const r = spawnSync(path, args, { input, maxBuffer: 1 << 30, stdio: ["pipe", "pipe", "pipe"], timeout, killSignal: "SIGKILL" });
  return {
    ok: !r.error && r.status === 0,
    status: r.status,
    signal: r.signal,
    stdout: r.stdout ?? Buffer.alloc(0),
    stderr: (r.stderr ?? Buffer.alloc(0)).toString(),
    error: r.error ? ((r.error as NodeJS.ErrnoException).code === "ETIMEDOUT" ? `timed out after ${timeout} ms` : r.error.message) : undefined,
  };
}

export interface ToolCall {
  path: string;
  args: string[];
  input?: Buffer;
}

/**
 * `first | second`, both running at once (second's start-up — loading
 * libLLVM — overlaps first's work): first gets `first.input` on stdin,
 * second reads first's stdout. Resolves when both have ended, with each
 * one's run and the time at which it ended (ms after the start).
 */
export function runPipe(first: ToolCall, second: ToolCall): Promise<{ first: ToolRun & { endMs: number }; second: ToolRun & { endMs: number } }> {
  const timeout = Number(process.env.LWANGA_TOOL_TIMEOUT_MS) || 10 * 60 * 1000;
  const t0 = performance.now();
  return new Promise((resolve) => {
    const a = spawn(first.path, first.args, { stdio: ["pipe", "pipe", "pipe"] });
    const b = spawn(second.path, second.args, { stdio: [a.stdout, "pipe", "pipe"] });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      a.kill("SIGKILL");
      b.kill("SIGKILL");
    }, timeout);
    const collect = (child: ChildProcess, stdout: boolean) => {
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      if (stdout) child.stdout!.on("data", (c: Buffer) => out.push(c));
      child.stderr!.on("data", (c: Buffer) => err.push(c));
      // Not "close": the first tool's stdout belongs to the second, so wait for its exit and the end of the
      // streams this process reads (a failed spawn emits "error" and no "exit").
      const streams = [child.stderr!, ...(stdout ? [child.stdout!] : [])].map((st) => new Promise<void>((end) => st.on("close", () => end())));
      return new Promise<ToolRun & { endMs: number }>((done) => {
        let spawnError: string | undefined;
        const finish = (status: number | null, signal: NodeJS.Signals | null) => {
          const endMs = performance.now() - t0;
          void Promise.all(streams).then(() => {
            const error = timedOut ? `timed out after ${timeout} ms` : spawnError;
            done({ ok: !error && status === 0, status, signal, error, endMs, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString() });
          });
        };
        child.on("error", (e) => {
          spawnError = e.message;
          if (child.pid === undefined) finish(null, null);
        });
        child.on("exit", finish);
      });
    };
    const ranA = collect(a, false);
    const ranB = collect(b, true);
    // The first tool may exit before reading all of its input (it failed): ignore EPIPE.
    a.stdin!.on("error", () => {});
    a.stdin!.end(first.input ?? Buffer.alloc(0));
    Promise.all([ranA, ranB]).then(([ra, rb]) => {
      clearTimeout(timer);
      resolve({ first: ra, second: rb });
    });
  });
}
