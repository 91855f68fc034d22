/**
 * Entry point of lowering: checked IR (ir/checked.ts) to a verified LLVM
 * module, runtime linked in.
 *
 *   lower(program, { target, debug }) → { ok, context, module, diagnostics }
 *
 * Order: declare functions (types only), create globals (zero first, real
 * initialisers once every function and global exists, since initialisers
 * may point at each other), lower bodies, add the entry (start.ts: a plain
 * `_start` in the runtime text, or `__lw_start` behind the naked one;
 * nothing when the program has its own `_start`), link the textual
 * runtime and snippets, then `verifyModule`. A verifier failure, or IR that
 * breaks the checker's guarantees, is an internal compiler error (LW4001,
 * exit 4), never a crash; the module must then not be written anywhere.
 */
import llvm from "./llvm.ts";
import { ModuleContext } from "./module-context.ts";
import { TARGETS, type TargetName } from "./target.ts";
import { runtimeText } from "./runtime.ts";
import { linkText } from "./link.ts";
import { lowerFunction } from "./lower-function.ts";
import { buildStart, startText } from "./start.ts";
import { internalError, unsupported } from "./codes.ts";
import { defineNaked } from "./lower-asm.ts";
import { DebugInfo, type SourceLookup } from "./debug-info.ts";
import type { Func, Program } from "../ir/checked.ts";
import type { Diagnostic, Span } from "../diagnostics/diagnostics.ts";

export interface LowerOptions {
  target: TargetName;
  /** DWARF line tables (functions and statements to source lines). */
  debug: boolean;
  /** The driver's SourceMap, for line numbers and file names of `-g`. */
  sources?: SourceLookup;
  /** Seed for encrypted-string keys (random when absent). */
  seed?: bigint;
  /** Static PIE: the entry relocates the executable first (see runtime.ts). */
  pic?: boolean;
  /** Module name shown in textual IR (defaults to "lwanga"). */
  moduleName?: string;
  /** opt will run (-O1 and up): `alwaysinline` helpers cost no extra process (see FunctionContext.setBytes). */
  optimize?: boolean;
}

export interface LowerResult {
  ok: boolean;
  context: llvm.LLVMContext;
  module: llvm.Module;
  diagnostics: Diagnostic[];
  /** The module calls `alwaysinline` asm helpers: run the always-inliner even at -O0. */
  needsInlining: boolean;
  /** Source line of each asm `!srcloc` cookie (cookie N is entry N - 1), for assembler errors. */
  asmLines: Span[];
  /** The asm text of each entry of `asmLines`. */
  asmTexts: string[];
}

export function lower(program: Program, options: LowerOptions): LowerResult {
  const context = new llvm.LLVMContext();
  const m = new ModuleContext(context, TARGETS[options.target], options.moduleName ?? "lwanga");
  const fail = (): LowerResult => ({ ok: false, context, module: m.module, diagnostics: m.diagnostics, needsInlining: false, asmLines: m.asmLines, asmTexts: m.asmTexts });
  if (options.seed !== undefined) m.setSeed(options.seed);
  m.optimize = options.optimize ?? false;
  let start: { text: string; plain: boolean } | null = null;
  try {
    if (options.debug) {
      const mainFile = (program.main ?? program.userStart ?? program.functions[0])?.span.file ?? 0;
      m.debug = new DebugInfo(m.module, context, options.sources, mainFile, false);
    }
    // The entry is runtime text that calls main (external then), except with -g (see start.ts).
    if (!program.userStart && program.main && !options.debug) start = startText(m.target, program.main, options.pic ?? false);
    declareFunctions(m, program, start ? program.main : null);
    declareGlobals(m, program);
    for (const f of program.functions) {
      if (f.naked) continue;
      lowerFunction(m, f);
    }
    if (!program.userStart) {
      if (!program.main) {
        m.diagnostics.push(internalError("program has neither main nor _start"));
        return fail();
      }
      if (!start) buildStart(m, program.main);
    }
    m.debug?.finish();
  } catch (err) {
    if (process.env.LWANGA_DEBUG) console.error(err);
    m.diagnostics.push(internalError(`lowering failed: ${err instanceof Error ? err.message : String(err)}`, m.currentSpan));
    return fail();
  }
  if (m.diagnostics.some((d) => d.severity === "error")) return fail();

  const text = runtimeText(m.target, { userStart: program.userStart !== null, snippets: m.snippets, pic: options.pic, start: start ?? undefined, metadataBase: m.metadataCount });
  if (!linkText(m.module, context, text)) {
    m.diagnostics.push(internalError("linking the runtime into the module failed"));
    return fail();
  }
  // verifyModule returns true when the module is broken (details go to stderr).
  if (llvm.verifyModule(m.module)) {
    m.diagnostics.push(internalError("LLVM's verifier rejected the generated module (details above on stderr)"));
    return fail();
  }
  return { ok: true, context, module: m.module, diagnostics: m.diagnostics, needsInlining: m.needsInlining, asmLines: m.asmLines, asmTexts: m.asmTexts };
}

/** `externalMain`: main is called from the runtime text, which cannot name an internal function. */
function declareFunctions(m: ModuleContext, program: Program, externalMain: Func | null): void {
  const L = llvm.GlobalValue.LinkageTypes;
  for (const f of program.functions) {
    const type = m.types.function(f.params.map((p) => p.type), f.result);
    if (f.naked) {
      const fn = defineNaked(m, f);
      if (fn) m.funcs.set(f, fn);
      continue;
    }
    // Internal: opt may inline, specialise and drop them; the entry calls main from inside the module.
    // Named from asm text: keep the symbol and the signature (opt must not drop or rewrite it).
    const fn = llvm.Function.Create(type, f.asmReferenced || f === externalMain ? L.ExternalLinkage : L.InternalLinkage, f.symbol, m.module);
    fn.setDoesNotThrow();
    m.funcs.set(f, fn);
  }
}

function declareGlobals(m: ModuleContext, program: Program): void {
  const L = llvm.GlobalValue.LinkageTypes;
  for (const g of program.globals) {
    const type = m.types.memory(g.type);
    const gv = new llvm.GlobalVariable(m.module, type, !g.mutable, g.asmReferenced ? L.ExternalLinkage : L.InternalLinkage, llvm.Constant.getNullValue(type), g.symbol);
    m.globals.set(g, gv);
  }
  for (const g of program.globals) {
    const init = m.consts.init(g.type, g.init, m);
    if (!init) {
      m.diagnostics.push(unsupported(`the initialiser of global '${g.name}' (a pointer inside a packed struct)`, g.span));
      continue;
    }
    m.global(g).setInitializer(init);
  }
}
