/**
 * Finding and running the external tools (`opt-14`, `llc-14`, `ld`). Tools
 * run through `spawnSync` with argument arrays, never a shell string. A
 * missing tool is reported with the Debian/Ubuntu package that provides it.
 */
import { spawnSync } from "node:child_process";
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
