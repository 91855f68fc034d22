/**
 * Process helpers for the bench: run a command with an argument array and a
 * timeout (a hung compiler or program becomes a failed row, never a hung
 * bench), find tools on PATH, install missing Debian packages with apt-get,
 * and small statistics.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

export interface Ran {
  ok: boolean;
  status: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  /** Wall time of the whole spawn, in milliseconds. */
  ms: number;
  timedOut: boolean;
}

export function run(cmd: string, args: string[], opts: { timeoutMs?: number; input?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}): Ran {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, {
    input: opts.input,
    cwd: opts.cwd,
    env: opts.env,
    timeout: opts.timeoutMs ?? 120_000,
    killSignal: "SIGKILL",
    maxBuffer: 64 << 20,
    stdio: ["pipe", "pipe", "pipe"],
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT";
  return {
    ok: !r.error && r.status === 0,
    status: r.status,
    signal: r.signal,
    stdout: r.stdout?.toString() ?? "",
    stderr: (r.stderr?.toString() ?? "") + (r.error && !timedOut ? `\n${r.error.message}` : ""),
    ms,
    timedOut,
  };
}

/** A one-line reason for a failed run, for the table's note column. */
export function why(r: Ran): string {
  if (r.timedOut) return "timed out";
  if (r.signal) return `killed by ${r.signal}`;
  const line = r.stderr.split("\n").map((l) => l.trim()).find((l) => /error|fail|cannot|not found/i.test(l)) ?? r.stderr.trim().split("\n")[0] ?? "";
  return `exit ${r.status}${line ? `: ${line.slice(0, 100)}` : ""}`;
}

export function which(name: string): string | null {
  if (name.includes("/")) return executable(name) ? name : null;
  for (const dir of (process.env.PATH ?? "/usr/bin:/bin").split(delimiter)) {
    const p = join(dir, name);
    if (dir && executable(p)) return p;
  }
  return null;
}

function executable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

let aptUpdated = false;

/**
 * Makes sure `tool` exists, installing Debian `pkg` with apt-get when it is
 * missing (the bench runs as root on the project's machines). Says what it
 * does on stderr. Returns the tool's path, or null if it is still missing.
 */
export function ensureTool(tool: string, pkg: string, log: (s: string) => void): string | null {
  const found = which(tool);
  if (found) return found;
  if (!which("apt-get")) {
    log(`${tool} is missing and apt-get is not available: rows that need it are skipped`);
    return null;
  }
  log(`${tool} is missing: installing the Debian package '${pkg}' with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (!aptUpdated) {
    run("apt-get", ["update", "-qq"], { timeoutMs: 300_000, env });
    aptUpdated = true;
  }
  const r = run("apt-get", ["install", "-y", "-qq", pkg], { timeoutMs: 600_000, env });
  if (!r.ok) log(`apt-get install ${pkg} failed (${why(r)}): rows that need ${tool} are skipped`);
  return which(tool);
}

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** `a / b`, or null when either side is missing. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return a / b;
}
