/**
 * Finding and running the external tools (`opt-14`, `llc-14`, `ld`). Tools
 * run through `spawnSync` with argument arrays, never a shell string. A
 * missing tool is reported with the Debian/Ubuntu package that provides it.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

export type ToolName = "opt" | "llc" | "ld";

const CANDIDATES: Record<ToolName, string[]> = {
  opt: ["opt-14", "/usr/lib/llvm-14/bin/opt"],
  llc: ["llc-14", "/usr/lib/llvm-14/bin/llc"],
  ld: ["ld", "ld.bfd", "x86_64-linux-gnu-ld"],
};

export const PACKAGE_OF: Record<ToolName, string> = { opt: "llvm-14", llc: "llvm-14", ld: "binutils" };

const found = new Map<ToolName, string | null>();

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The path of a tool, or null when it is not installed. */
export function findTool(tool: ToolName): string | null {
  if (found.has(tool)) return found.get(tool)!;
  const dirs = (process.env.PATH ?? "/usr/bin:/bin").split(delimiter).filter(Boolean);
  let result: string | null = null;
  for (const c of CANDIDATES[tool]) {
    if (c.includes("/")) {
      if (executable(c)) { result = c; break; }
      continue;
    }
    const hit = dirs.map((d) => join(d, c)).find(executable);
    if (hit) { result = hit; break; }
  }
  found.set(tool, result);
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
  const r = spawnSync(path, args, { input, maxBuffer: 1 << 30, stdio: ["pipe", "pipe", "pipe"] });
  return {
    ok: !r.error && r.status === 0,
    status: r.status,
    signal: r.signal,
    stdout: r.stdout ?? Buffer.alloc(0),
    stderr: (r.stderr ?? Buffer.alloc(0)).toString(),
    error: r.error?.message,
  };
}
