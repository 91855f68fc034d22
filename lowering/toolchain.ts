/**
 * The build pipeline after checking: lower → verify → bitcode in a private
 * temporary directory → `opt-14 -O<n>` → `llc-14 -O<n>` → `ld` → an
 * executable written atomically (temporary file next to the output, chmod
 * 755, rename). On any failure no output file is created and an existing
 * one is left untouched.
 *
 *   buildExecutable(program, options) → { ok, diagnostics, exitCode, text? }
 *   buildExecutablePiped(program, options) → the same, as a promise, with
 *     opt and llc running at once connected by a pipe (what the driver uses)
 *
 * `stripSections` removes the section-header table afterwards (not with -g).
 *
 * `-Os` means size: every function gets `minsize optsize` (size-attributes.ts,
 * through the printed text, which opt then reads from its stdin), `opt -Oz`,
 * `llc -O2`.
 *
 * `emit`: "exe" links; "obj" stops after llc; "asm" runs llc with
 * -filetype=asm; "llvm" gives the textual IR (optimised by `opt -S` unless
 * -O0). For "llvm" and "asm" the text is always returned in `text` and also
 * written to `output` when it is a non-empty path other than "-".
 * Exit codes: 0 ok, 1 unsupported construct (LW4101), 4 compiler or toolchain
 * failure (LW40xx).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import llvm from "./llvm.ts";
import { lower } from "./lower.ts";
import { findTool, linkerFor, runPipe, runTool, PACKAGE_OF, type ToolCall, type ToolName, type ToolRun } from "./tools.ts";
import { elfProblems } from "./elf.ts";
import { linkerScript, hasWritableData, MINIMAL_LD_FLAGS, PIE_LD_FLAGS } from "./linker-script.ts";
import { stripSectionHeaders } from "./strip-sections.ts";
import { addSizeAttributes } from "./size-attributes.ts";
import { asmDiagnostics, crashingAsmLineDiagnostics, undefinedSymbolDiagnostics } from "./asm-errors.ts";
import { exitCodeFor, LW_BAD_ELF, LW_OUTPUT, LW_TOOL_FAILED, LW_TOOL_MISSING } from "./codes.ts";
import { writeFileAtomic } from "../driver/write.ts";
import type { Program } from "../ir/checked.ts";
import type { Diagnostic, Span } from "../diagnostics/diagnostics.ts";
import type { TargetName } from "./target.ts";
import type { SourceLookup } from "./debug-info.ts";

export type OptLevel = 0 | 1 | 2 | 3 | "s";

export interface BuildOptions {
  optLevel: OptLevel;
  /** Output path; "" or "-" means none (only meaningful for "llvm" and "asm"). */
  output: string;
  emit: "exe" | "obj" | "llvm" | "asm";
  target: TargetName;
  debug: boolean;
  /** Position-independent code (llc -relocation-model=pic); the executable stays static. */
  pic: boolean;
  /**
   * Remove the section-header table after linking (strip-sections.ts): the
   * kernel never reads it, but without it `objdump`, `readelf -S` and
   * debuggers see no sections; and link without `PT_GNU_STACK` (see
   * linker-script.ts `stackHeader`). Ignored with `debug`, whose DWARF lives in sections.
   */
  stripSections?: boolean;
  /** Seed for encrypted-string keys (random when absent): the same seed gives the same binary. */
  seed?: bigint;
  /** Called once per stage with its duration in milliseconds. */
  verbose?: (stage: string, ms: number) => void;
  /** The driver's SourceMap: file names and line numbers for `-g`. */
  sources?: SourceLookup;
}

export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  exitCode: 0 | 1 | 4;
  text?: string;
}

/** Code generation, the one step that may run its two tools at once: `opt` (when present) piped into `llc`. */
interface CodegenRequest {
  opt: ToolCall | null;
  llc: ToolCall;
}

interface CodegenRuns {
  /** Absent when opt was not run. */
  opt?: ToolRun;
  /** Absent when opt failed and llc was not run (or its result means nothing). */
  llc?: ToolRun;
}

/** Builds with the tools run one after the other (spawnSync). */
export function buildExecutable(program: Program, options: BuildOptions): BuildResult {
  const steps = buildSteps(program, options);
  let step = steps.next();
  while (!step.done) step = steps.next(runCodegenInTurn(step.value, options.verbose));
  return step.value;
}

/**
 * Builds like `buildExecutable`, with `opt` and `llc` running at once,
 * connected by a pipe: llc's start-up overlaps opt's work. The driver uses this.
 */
export async function buildExecutablePiped(program: Program, options: BuildOptions): Promise<BuildResult> {
  const steps = buildSteps(program, options);
  let step = steps.next();
  while (!step.done) step = steps.next(await runCodegenPiped(step.value, options.verbose));
  return step.value;
}

function runCodegenInTurn(request: CodegenRequest, verbose: BuildOptions["verbose"]): CodegenRuns {
  const timedRun = (stage: string, call: ToolCall): ToolRun => {
    const t0 = performance.now();
    try {
      return runTool(call.path, call.args, call.input);
    } finally {
      verbose?.(stage, performance.now() - t0);
    }
  };
  if (!request.opt) return { llc: timedRun("llc", request.llc) };
  const opt = timedRun("opt", request.opt);
  if (!opt.ok) return { opt };
  return { opt, llc: timedRun("llc", { ...request.llc, input: opt.stdout }) };
}

async function runCodegenPiped(request: CodegenRequest, verbose: BuildOptions["verbose"]): Promise<CodegenRuns> {
  if (!request.opt) return runCodegenInTurn(request, verbose);
  const { first, second } = await runPipe(request.opt, request.llc);
  // Stages as in turn: opt until it ended, llc from then on (its start-up is hidden in opt's time).
  verbose?.("opt", first.endMs);
  verbose?.("llc", Math.max(0, second.endMs - first.endMs));
  return first.ok ? { opt: first, llc: second } : { opt: first };
}

function* buildSteps(program: Program, options: BuildOptions): Generator<CodegenRequest, BuildResult, CodegenRuns> {
  const diagnostics: Diagnostic[] = [];
  const fail = (): BuildResult => ({ ok: false, diagnostics, exitCode: exitCodeFor(diagnostics) });
  const timed = <T>(stage: string, f: () => T): T => {
    const t0 = performance.now();
    try {
      return f();
    } finally {
      options.verbose?.(stage, performance.now() - t0);
    }
  };

  const lowered = timed("lower", () => lower(program, { target: options.target, debug: options.debug, sources: options.sources, seed: options.seed, pic: options.pic, optimize: options.optLevel !== 0 }));
  diagnostics.push(...lowered.diagnostics);
  if (!lowered.ok) return fail();

  // -Os means size: opt -Oz over functions marked `minsize optsize` (see size-attributes.ts), llc -O2.
  const optLevel = options.optLevel === "s" ? "z" : String(options.optLevel);
  // At -O0 opt is skipped, unless asm helpers must still be inlined into their callers.
  const needOpt = options.optLevel !== 0 || lowered.needsInlining;
  // opt needs the CPU to cost loops as clang does (without it, fnv-style loops stay un-unrolled: 1.6x clang's instructions).
  const cpu = options.target === "x86_64" ? ["-mcpu=x86-64"] : [];
  const optArgs = options.optLevel === 0 ? ["-passes=always-inline"] : [`-O${optLevel}`, ...cpu];
  // The attributes exist only in text: at -Os opt reads the edited textual IR from its stdin instead of the bitcode file.
  const sizeText = options.optLevel === "s" ? timed("attributes", () => Buffer.from(addSizeAttributes(lowered.module.print()))) : null;
  const wantsFile = options.output !== "" && options.output !== "-";

  if (options.emit === "llvm" && !needOpt) {
    const text = lowered.module.print();
    if (wantsFile && !writeAtomic(options.output, Buffer.from(text), 0o644, diagnostics)) return fail();
    return { ok: true, diagnostics, exitCode: 0, text };
  }

  const tools: Partial<Record<ToolName, string>> = {};
  const needed: ToolName[] = [];
  if (needOpt) needed.push("opt");
  if (options.emit !== "llvm") needed.push("llc");
  if (options.emit === "exe") needed.push("ld");
  for (const t of needed) {
    const linker = t === "ld" ? linkerFor(options.target) : null;
    const path = linker ? findTool(t, linker.names) : findTool(t);
    const pkg = linker ? linker.package : PACKAGE_OF[t];
    if (!path) {
      diagnostics.push({
        code: LW_TOOL_MISSING, severity: "error",
        message: `the tool '${linker ? linker.displayName : `${t}-14`}' was not found`,
        help: `install the package '${pkg}' (e.g. apt-get install ${pkg})`,
      });
    } else tools[t] = path;
  }
  if (diagnostics.some((d) => d.severity === "error")) return fail();

  const dir = mkdtempSync(join(tmpdir(), "lwanga-"));
  try {
    const bc = join(dir, "program.bc");
    if (!sizeText) timed("bitcode", () => llvm.WriteBitcodeToFile(lowered.module, bc));
    const optCall = (extra: string[]): ToolCall => ({ path: tools.opt!, args: [...optArgs, ...extra, sizeText ? "-" : bc, "-o", "-"], input: sizeText ?? undefined });

    if (options.emit === "llvm") {
      const call = optCall(["-S"]);
      const r = timed("opt", () => runTool(call.path, call.args, call.input));
      if (!toolOk("opt", r, diagnostics)) return fail();
      const text = r.stdout.toString();
      if (wantsFile && !writeAtomic(options.output, r.stdout, 0o644, diagnostics)) return fail();
      return { ok: true, diagnostics, exitCode: 0, text };
    }

    const llcArgs = [
      `-O${options.optLevel === "s" ? 2 : options.optLevel}`,
      `-filetype=${options.emit === "asm" ? "asm" : "obj"}`,
      "-function-sections", "-data-sections",
      `-relocation-model=${options.pic ? "pic" : "static"}`,
      "-o", "-",
      // Without opt, llc reads the bitcode file itself; after opt, its stdin.
      needOpt ? "-" : bc,
    ];
    const runs = yield { opt: needOpt ? optCall([]) : null, llc: { path: tools.llc!, args: llcArgs } };
    if (runs.opt && !toolOk("opt", runs.opt, diagnostics)) return fail();
    const llc = runs.llc!;
    if (!llc.ok) {
      // The assembler rejected inline asm: the user's mistake, at the asm line.
      const asm = asmDiagnostics(llc.stderr, lowered.asmLines)
        ?? (llc.signal && lowered.asmTexts.length > 0 ? crashingAsmLineDiagnostics(lowered.asmLines, lowered.asmTexts, options.target) : null);
      if (asm) {
        diagnostics.push(...asm);
        return fail();
      }
    }
    if (!toolOk("llc", llc, diagnostics)) return fail();

    if (options.emit === "asm") {
      const text = llc.stdout.toString();
      if (wantsFile && !writeAtomic(options.output, llc.stdout, 0o644, diagnostics)) return fail();
      return { ok: true, diagnostics, exitCode: 0, text };
    }
    if (!wantsFile) {
      diagnostics.push({ code: LW_OUTPUT, severity: "error", message: "no output file given" });
      return fail();
    }
    if (options.emit === "obj") {
      return writeAtomic(options.output, llc.stdout, 0o644, diagnostics) ? { ok: true, diagnostics, exitCode: 0 } : fail();
    }

    const obj = join(dir, "program.o");
    writeFileSync(obj, llc.stdout);
    const linked = timed("ld", () => link(tools.ld!, obj, dir, options, diagnostics, lowered));
    if (!linked) return fail();
    return timed("write", () => writeAtomic(options.output, readFileSync(linked), 0o755, diagnostics))
      ? { ok: true, diagnostics, exitCode: 0 }
      : fail();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Links the object into `dir/a.out` with the minimal linker script (an RW
 * segment only when the object has writable data), checks that the result
 * is static and W^X, and with `stripSections` (never with debug info) drops
 * the section-header table, which the kernel never reads.
 */
function link(ld: string, obj: string, dir: string, options: BuildOptions, diagnostics: Diagnostic[], lowered: { asmLines: Span[]; asmTexts: string[] }): string | null {
  const out = join(dir, "a.out");
  const script = join(dir, "lwanga.ld");
  const strip = options.stripSections && !options.debug;
  writeFileSync(script, linkerScript(options.target, { writableData: hasWritableData(obj), pie: options.pic, stackHeader: !strip }));
  const flags = [...MINIMAL_LD_FLAGS.filter((f) => !(options.debug && f === "-s")), ...(options.pic ? PIE_LD_FLAGS : [])];
  const r = runTool(ld, [...flags, "-T", script, "-o", out, obj]);
  if (!r.ok) {
    // A word in asm that nothing defines: the user's mistake, at the asm line.
    const asm = undefinedSymbolDiagnostics(r.stderr, lowered.asmLines, lowered.asmTexts);
    if (asm) {
      diagnostics.push(...asm);
      return null;
    }
  }
  if (!toolOk("ld", r, diagnostics)) return null;
  const problems = elfProblems(out, { pie: options.pic });
  if (problems.length > 0) {
    diagnostics.push({ code: LW_BAD_ELF, severity: "error", message: `the linked executable is unsafe: ${problems.join("; ")}` });
    return null;
  }
  if (strip) {
    const stripped = stripSectionHeaders(readFileSync(out));
    if (stripped.ok) writeFileSync(out, stripped.bytes);
  }
  return out;
}

function toolOk(tool: ToolName, r: ReturnType<typeof runTool>, diagnostics: Diagnostic[]): boolean {
  if (r.ok) return true;
  const how = r.error ?? (r.signal ? `killed by ${r.signal}` : `exit status ${r.status}`);
  const stderr = r.stderr.trim();
  diagnostics.push({
    code: LW_TOOL_FAILED, severity: "error",
    message: `${tool} failed (${how})`,
    notes: stderr ? stderr.split("\n").slice(0, 20).map((line) => ({ message: line })) : undefined,
    help: stderr.includes("<inline asm>")
      ? "the assembler rejected an asm block (see the notes)"
      : tool === "ld" ? undefined : "this is probably a bug in the compiler; please report it",
  });
  return false;
}

/** driver/write.ts `writeFileAtomic`, with a failure as a diagnostic. */
function writeAtomic(path: string, data: Buffer, mode: number, diagnostics: Diagnostic[]): boolean {
  try {
    writeFileAtomic(path, data, mode);
    return true;
  } catch (err) {
    diagnostics.push({ code: LW_OUTPUT, severity: "error", message: `cannot write '${path}': ${(err as Error).message}` });
    return false;
  }
}
