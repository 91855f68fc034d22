/**
 * The front-end robustness property for one input: through the driver's
 * check (and, when asked, build) entry, the compiler must end with exit
 * code 0 or 1; for 1 it must report at least one error with a valid
 * location (a known file, 0 <= start <= end <= its length); it must never
 * throw, report an internal error or toolchain failure (exit 4: verifier
 * failures land there), take over 10 s, or leave an output file behind
 * when the build fails. Returns the violations (empty: fine).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compile, formatDiagnostics, type CompileResult } from "../../driver/compile.ts";
import type { FuzzInput } from "./mutate.ts";

export interface Violation {
  kind: "exception" | "exit-code" | "no-diagnostic" | "bad-location" | "slow" | "output-left" | "internal";
  message: string;
}

function checkResult(r: CompileResult, stage: string): Violation[] {
  const out: Violation[] = [];
  // The CLI prints every diagnostic: rendering must cope with whatever the input was.
  try {
    formatDiagnostics(r);
  } catch (e) {
    out.push({ kind: "exception", message: `${stage}: rendering diagnostics threw: ${(e as Error)?.stack?.slice(0, 600) ?? String(e)}` });
  }
  if (r.exitCode !== 0 && r.exitCode !== 1) {
    out.push({ kind: r.exitCode === 4 ? "internal" : "exit-code", message: `${stage}: exit ${r.exitCode}: ${formatDiagnostics(r).slice(0, 600)}` });
    return out;
  }
  if (r.exitCode === 1) {
    const errors = r.diagnostics.filter((d) => d.severity === "error");
    if (errors.length === 0) out.push({ kind: "no-diagnostic", message: `${stage}: exit 1 without an error diagnostic` });
    const located = errors.filter((d) => {
      if (!d.span) return false;
      const f = r.sources.files[d.span.file];
      return !!f && d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= f.text.length;
    });
    if (errors.length > 0 && located.length === 0) {
      const d = errors[0];
      out.push({ kind: "bad-location", message: `${stage}: no error has a valid location; first: ${d.code} ${d.message} span ${JSON.stringify(d.span)}` });
    }
  }
  return out;
}

/** Runs one input through check (and build when `build`); returns violations. */
export async function checkInput(input: FuzzInput, options: { build: boolean; dir?: string; slowMs?: number }): Promise<Violation[]> {
  const slowMs = options.slowMs ?? 10_000;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), "lwanga-fuzz-"));
  const owned = options.dir === undefined;
  const violations: Violation[] = [];
  try {
    const src = join(dir, `input.${input.lang}`);
    writeFileSync(src, input.bytes);
    const stages: ("check" | "build")[] = options.build ? ["check", "build"] : ["check"];
    const outDir = join(dir, "out");
    mkdirSync(outDir, { recursive: true });
    for (const stage of stages) {
      const out = join(outDir, "prog");
      const t0 = performance.now();
      let r: CompileResult;
      try {
        r = await compile({ input: src, emit: stage === "check" ? "check" : "exe", output: stage === "build" ? out : undefined, optLevel: 2 });
      } catch (e) {
        violations.push({ kind: "exception", message: `${stage}: ${(e as Error)?.stack?.slice(0, 800) ?? String(e)}` });
        continue;
      }
      const ms = performance.now() - t0;
      if (ms > slowMs) violations.push({ kind: "slow", message: `${stage} took ${(ms / 1000).toFixed(1)} s` });
      violations.push(...checkResult(r, stage));
      if (stage === "build") {
        if (r.exitCode !== 0 && existsSync(out)) violations.push({ kind: "output-left", message: `build failed (exit ${r.exitCode}) but ${out} exists` });
        const stray = readdirSync(outDir).filter((f) => f !== "prog");
        if (stray.length) violations.push({ kind: "output-left", message: `files left in the output folder: ${stray.join(", ")}` });
        rmSync(outDir, { recursive: true, force: true });
      }
      if (r.exitCode !== 0) break;
    }
  } finally {
    if (owned) rmSync(dir, { recursive: true, force: true });
  }
  return violations;
}

/**
 * `checkInput` in a child process with a 1 GiB heap and a 120 s limit: a
 * crash (signal, out of memory) or a hang is reported as a violation
 * instead of killing the caller. For saved regression inputs.
 */
export function checkInputIsolated(file: string, lang: "lw" | "ts", build: boolean): Violation[] {
  const script = new URL("./check-one.ts", import.meta.url).pathname;
  const r = spawnSync(process.execPath, ["--max-old-space-size=1024", "--import", "tsx", script, file, lang, build ? "1" : "0"], {
    timeout: 120_000, maxBuffer: 16 << 20, encoding: "utf8",
  });
  if (r.status === 0) {
    try {
      return JSON.parse(r.stdout) as Violation[];
    } catch {
      // fall through: unreadable output is a crash too
    }
  }
  const how = r.error ? String(r.error.message) : r.signal ? `signal ${r.signal}` : `exit ${r.status}`;
  const why = /heap out of memory/.test(r.stderr ?? "") ? " (JavaScript heap out of memory)" : "";
  return [{ kind: "exception", message: `the compiler process died: ${how}${why}` }];
}
