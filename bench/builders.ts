/**
 * Building everything the bench compares, in its own temporary folder:
 *
 *   - C anchors from bench/c-sources.ts — no-libc at three size settings
 *     ("flags": gcc's own link with size flags; "script": the project's
 *     minimal linker script from lowering/linker-script.ts; "stripped": that
 *     plus lowering/strip-sections.ts), glibc `gcc -O2 -static`, and the
 *     no-libc kernels with `gcc -O2` and `clang-14 -O2`;
 *   - lwanga programs through the real CLI (`node cli/bin/lwanga.js build
 *     FILE -o OUT -O<n> -v`), optionally under `/usr/bin/time -v` for the
 *     peak RSS, with the `-v` stage breakdown parsed from stderr.
 *
 * A failed build is a value with a note, never an exception: the table shows
 * "n/a" and why.
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { C_PROGRAMS, cSource, type CProgram } from "./c-sources.ts";
import { run, why, type Ran } from "./proc.ts";
import { hasWritableData, linkerScript, MINIMAL_LD_FLAGS } from "../lowering/linker-script.ts";
import { stripSectionsFile } from "../lowering/strip-sections.ts";

export const ROOT = new URL("..", import.meta.url).pathname;
export const CLI = join(ROOT, "cli", "bin", "lwanga.js");
/** The `lwanga` command itself (a sh wrapper: the native client when `lwanga serve` runs, else node CLI). */
export const WRAPPER = join(ROOT, "cli", "bin", "lwanga");

/** Starts `lwanga serve` on `socket` and waits until it listens; returns a function that stops it. */
export function startServer(socket: string): () => void {
  const child = spawn(process.execPath, [CLI, "serve", "--idle", "600"], { env: { ...process.env, LWANGA_SOCKET: socket }, stdio: "ignore", detached: true });
  const until = Date.now() + 30_000;
  while (!existsSync(socket) && Date.now() < until && child.exitCode === null) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  return () => { try { process.kill(child.pid!, "SIGTERM"); } catch { /* gone */ } };
}

export interface Built {
  path: string | null;
  note?: string;
  size?: number;
}

function built(path: string, r: Ran): Built {
  if (!r.ok) return { path: null, note: why(r) };
  return { path, size: statSync(path).size };
}

/** Flags shared by every no-libc C build: no unwind tables, no libc calls, no hardening stubs. */
const NOLIBC_CFLAGS = [
  "-nostdlib", "-static", "-fno-asynchronous-unwind-tables", "-fno-ident", "-ffreestanding",
  "-fno-stack-protector", "-fcf-protection=none", "-w",
];
/** gcc recognises the strlen loop and calls libc's strlen; this keeps it a loop. */
const GCC_ONLY = ["-fno-tree-loop-distribute-patterns"];

export type CSizeLevel = "flags" | "script" | "stripped";

export class CAnchors {
  constructor(readonly dir: string, readonly clang: string | null) {}

  source(program: CProgram, nolibc: boolean, name = program.name): string {
    const path = join(this.dir, `${name}.${nolibc ? "nolibc" : "glibc"}.c`);
    writeFileSync(path, cSource(program, nolibc));
    return path;
  }

  /** Links objects with the project's minimal linker script (and optionally strips section headers). */
  linkMinimal(objects: string[], out: string, strip: boolean): Built {
    const script = `${out}.ld`;
    writeFileSync(script, linkerScript("x86_64", { writableData: objects.some((o) => hasWritableData(o)), stackHeader: !strip }));
    const r = run("ld", [...MINIMAL_LD_FLAGS, "-T", script, "-o", out, ...objects]);
    if (!r.ok) return { path: null, note: why(r) };
    if (strip) {
      const s = stripSectionsFile(out);
      if (!s.ok) return { path: null, note: s.problem };
    }
    return { path: out, size: statSync(out).size };
  }

  /** A no-libc size build (`gcc -Os`) at one of the three settings. */
  nolibcSize(name: keyof typeof C_PROGRAMS | CProgram, level: CSizeLevel): Built {
    const program = typeof name === "string" ? C_PROGRAMS[name] : name;
    const src = this.source(program, true);
    const out = join(this.dir, `c-${program.name}-${level}`);
    const cflags = ["-Os", ...NOLIBC_CFLAGS, ...GCC_ONLY, "-ffunction-sections", "-fdata-sections"];
    if (level === "flags") {
      const r = run("gcc", [...cflags, "-o", out, src, "-Wl,-n,-s,--gc-sections,-z,norelro,--build-id=none,-z,noexecstack"]);
      return built(out, r);
    }
    const obj = `${out}.o`;
    const r = run("gcc", [...cflags, "-c", "-o", obj, src]);
    if (!r.ok) return { path: null, note: why(r) };
    return this.linkMinimal([obj], out, level === "stripped");
  }

  /** What most users would ship: glibc, `gcc -O2 -static`. */
  glibc(name: keyof typeof C_PROGRAMS): Built {
    const program = C_PROGRAMS[name];
    const src = this.source(program, false);
    const out = join(this.dir, `c-${program.name}-glibc`);
    return built(out, run("gcc", ["-O2", "-static", "-w", "-o", out, src]));
  }

  /** A no-libc speed build of a kernel with `gcc -O2` or `clang-14 -O2`, linked like lwanga's output. */
  speed(name: keyof typeof C_PROGRAMS, compiler: "gcc" | "clang"): Built {
    const program = C_PROGRAMS[name];
    const src = this.source(program, true);
    const out = join(this.dir, `c-${program.name}-${compiler}-O2`);
    const cc = compiler === "gcc" ? "gcc" : this.clang;
    if (!cc) return { path: null, note: "clang-14 is not installed" };
    const obj = `${out}.o`;
    const r = run(cc, ["-O2", ...NOLIBC_CFLAGS, ...(compiler === "gcc" ? GCC_ONLY : []), "-c", "-o", obj, src]);
    if (!r.ok) return { path: null, note: why(r) };
    return this.linkMinimal([obj], out, true);
  }

  /** The gcc command that builds a no-libc C program in one process (for compile latency). */
  gccCommand(src: string, out: string, opt: "0" | "2"): string[] {
    return [`-O${opt}`, ...NOLIBC_CFLAGS, ...GCC_ONLY, "-o", out, src, "-Wl,-n,-s,--gc-sections,-z,norelro,--build-id=none,-z,noexecstack"];
  }

  copy(from: string, name: string): string {
    const to = join(this.dir, name);
    copyFileSync(from, to);
    return to;
  }
}

export interface LwangaBuild extends Built {
  /** Wall time of the CLI process, ms. */
  ms?: number;
  /** Peak RSS in KiB (only with `timeV`). */
  rssKb?: number;
  /** The `-v` stage breakdown, ms per stage. */
  stages?: Record<string, number>;
}

/**
 * Builds `input` with the CLI in a fresh process. With `timeV` the process
 * runs under `/usr/bin/time -v` (its report goes to a file, so it never
 * mixes with the compiler's stderr).
 */
export function lwangaBuild(input: string, out: string, opt: string, opts: { timeV?: string | null; extra?: string[]; timeoutMs?: number; served?: string } = {}): LwangaBuild {
  const args = ["build", input, "-o", out, `-O${opt}`, "-v", ...(opts.extra ?? [])];
  const report = `${out}.time`;
  const timeoutMs = opts.timeoutMs ?? 180_000;
  // `served`: the socket of a running `lwanga serve`, reached through the `lwanga` command users run.
  const r = opts.served
    ? run(WRAPPER, args, { timeoutMs, env: { ...process.env, LWANGA_SOCKET: opts.served } })
    : opts.timeV
      ? run(opts.timeV, ["-v", "-o", report, process.execPath, CLI, ...args], { timeoutMs })
      : run(process.execPath, [CLI, ...args], { timeoutMs });
  const stages = parseStages(r.stderr);
  if (!r.ok) return { path: null, note: why(r), ms: r.ms, stages };
  return { path: out, size: statSync(out).size, ms: r.ms, stages, rssKb: opts.timeV ? readMaxRss(report) : undefined };
}

/** Runs a command under `/usr/bin/time -v`; returns the run and the peak RSS in KiB. */
export function timed(timeV: string | null, cmd: string, args: string[], report: string): { r: Ran; rssKb?: number } {
  if (!timeV) return { r: run(cmd, args) };
  const r = run(timeV, ["-v", "-o", report, cmd, ...args]);
  return { r, rssKb: r.ok ? readMaxRss(report) : undefined };
}

function readMaxRss(report: string): number | undefined {
  try {
    const text = readFileSync(report, "utf8");
    const m = text.match(/Maximum resident set size \(kbytes\):\s*(\d+)/);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** `  parse   16.7 ms` lines of `lwanga build -v` (the total line included). */
export function parseStages(stderr: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of stderr.matchAll(/^\s+(\S.*?)\s+(\d+(?:\.\d+)?) ms$/gm)) out[m[1]] = (out[m[1]] ?? 0) + Number(m[2]);
  return out;
}
