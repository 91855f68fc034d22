/**
 * Per-module lowering state shared by all functions: the LLVM module and
 * builder, type and constant factories, the LLVM objects of the program's
 * functions and globals, lazily declared runtime helpers and intrinsics, the
 * textual snippets to link in, and the diagnostics collected so far.
 */
import { randomBytes } from "node:crypto";
import llvm from "./llvm.ts";
import { LlvmTypes } from "./llvm-types.ts";
import { Constants, type Resolver } from "./constants.ts";
import type { TargetInfo } from "./target.ts";
import type { Func, Global } from "../ir/checked.ts";
import type { Diagnostic } from "../diagnostics/diagnostics.ts";
import type { DebugInfo } from "./debug-info.ts";

export class ModuleContext implements Resolver {
  readonly module: llvm.Module;
  readonly types: LlvmTypes;
  readonly consts: Constants;
  readonly funcs = new Map<Func, llvm.Function>();
  readonly globals = new Map<Global, llvm.GlobalVariable>();
  readonly diagnostics: Diagnostic[] = [];
  /** Textual IR definitions linked in with the runtime (asm helpers, naked functions). */
  readonly snippets: string[] = [];
  /**
   * Source lines of asm text, indexed by srcloc cookie - 1: every inline-asm
   * call carries `!srcloc` with one cookie per template line, and llc names
   * the cookie of a line the assembler rejects (see asm-errors.ts).
   */
  readonly asmLines: import("../diagnostics/diagnostics.ts").Span[] = [];
  /** The text of each entry of `asmLines` (to find which line names an undefined symbol). */
  readonly asmTexts: string[] = [];
  private srclocCount = 0;
  /** The statement being lowered, for internal-error reports. */
  currentSpan: import("../diagnostics/diagnostics.ts").Span | undefined;
  /** Line-table builder when compiling with `-g`. */
  debug: DebugInfo | null = null;
  /** Snippets with `alwaysinline` asm were added: even -O0 must run the always-inliner. */
  needsInlining = false;
  /** opt will run: see LowerOptions.optimize. */
  optimize = false;
  private declared = new Map<string, llvm.Function>();
  private intrinsics = new Map<string, llvm.Function>();
  private counter = 0;
  /** SplitMix64 state when keys must be reproducible (a seed was given). */
  private seedState: bigint | null = null;

  constructor(readonly context: llvm.LLVMContext, readonly target: TargetInfo, moduleName: string) {
    this.module = new llvm.Module(moduleName, context);
    // Before any instruction: alignment is fixed when an instruction is created.
    this.module.setDataLayout(target.dataLayout);
    this.module.setTargetTriple(target.triple);
    this.types = new LlvmTypes(context, target.dataLayout);
    this.consts = new Constants(this.module, this.types);
  }

  func(f: Func): llvm.Function {
    const fn = this.funcs.get(f);
    if (!fn) throw new Error(`function ${f.name} was not declared`);
    return fn;
  }

  global(g: Global): llvm.GlobalVariable {
    const gv = this.globals.get(g);
    if (!gv) throw new Error(`global ${g.name} was not declared`);
    return gv;
  }

  /** Makes `randomBytes` deterministic (reproducible builds). */
  setSeed(seed: bigint): void {
    this.seedState = BigInt.asUintN(64, seed);
  }

  /** Key bytes for encrypted strings: random per build, or from the seed. */
  randomBytes(n: number): Uint8Array {
    if (this.seedState === null) return new Uint8Array(randomBytes(n));
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 8) {
      this.seedState = BigInt.asUintN(64, this.seedState + 0x9e3779b97f4a7c15n);
      let z = this.seedState;
      z = BigInt.asUintN(64, (z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n);
      z = BigInt.asUintN(64, (z ^ (z >> 27n)) * 0x94d049bb133111ebn);
      z = z ^ (z >> 31n);
      for (let k = 0; k < 8 && i + k < n; k++) out[i + k] = Number((z >> BigInt(8 * k)) & 0xffn);
    }
    return out;
  }

  /**
   * `!srcloc` metadata for the asm of `s`: returns the metadata reference
   * for the call and the definition line for the snippet text. LLVM counts
   * the `.intel_syntax` line it prepends in Intel dialect, hence the pad.
   */
  srcloc(s: import("../ir/checked.ts").AsmStmt, intel: boolean): { ref: string; def: string } {
    const cookies: number[] = intel ? [0] : [];
    s.lines.forEach((_, k) => {
      this.asmLines.push(s.lineSpans?.[k] ?? s.span);
      this.asmTexts.push(s.lines[k]);
      cookies.push(this.asmLines.length);
    });
    const id = this.srclocCount++;
    return { ref: `!srcloc !${id}`, def: `!${id} = !{${cookies.map((c) => `i64 ${c}`).join(", ")}}` };
  }

  /** How many numbered metadata nodes (`!0`…) the snippets define. */
  get metadataCount(): number {
    return this.srclocCount;
  }

  /** A unique suffix for generated symbol names. */
  fresh(): number {
    return this.counter++;
  }

  /** Declares (once) an external function defined by the runtime text or a snippet. */
  declare(name: string, type: llvm.FunctionType): llvm.Function {
    let fn = this.declared.get(name);
    if (!fn) {
      fn = llvm.Function.Create(type, llvm.GlobalValue.LinkageTypes.ExternalLinkage, name, this.module);
      fn.setDoesNotThrow();
      this.declared.set(name, fn);
    }
    return fn;
  }

  hasDeclared(name: string): boolean {
    return this.declared.has(name);
  }

  /** `i64 @__sysN(i64 nr, i64 a1, ..., i64 aN)`. */
  syscallStub(argCount: number): llvm.Function {
    const i64 = this.types.i64;
    const type = llvm.FunctionType.get(i64, Array.from({ length: argCount + 1 }, () => i64 as llvm.Type), false);
    return this.declare(`__sys${argCount}`, type);
  }

  divZero(): llvm.Function {
    return this.declare("__lw_divzero", llvm.FunctionType.get(this.types.void, false));
  }

  /** `i8* @__lw_opaque(i8*)`: returns its argument through an empty asm, hiding it from the optimiser. */
  opaque(): llvm.Function {
    const p = this.types.i8ptr;
    const existed = this.declared.has("__lw_opaque");
    const fn = this.declare("__lw_opaque", llvm.FunctionType.get(p, [p], false));
    if (!existed) {
      this.snippets.push([
        "define linkonce_odr i8* @__lw_opaque(i8* %p) alwaysinline nounwind {",
        '  %r = call i8* asm sideeffect "", "=r,0"(i8* %p)',
        "  ret i8* %r",
        "}",
        "",
      ].join("\n"));
    }
    return fn;
  }

  /**
   * `void @__lw_zero(i8* p, i64 n)` (x86-64): `rep stosb`, n zero bytes at
   * p, inlined where it is called (only when opt runs: `optimize`).
   */
  zero(): llvm.Function {
    const existed = this.declared.has("__lw_zero");
    const fn = this.declare("__lw_zero", llvm.FunctionType.get(this.types.void, [this.types.i8ptr, this.types.i64], false));
    if (!existed) {
      this.snippets.push([
        // What it touches is declared, so values in other memory stay in registers across it.
        "define linkonce_odr void @__lw_zero(i8* nocapture writeonly %p, i64 %n) alwaysinline argmemonly nofree nosync nounwind willreturn {",
        '  %r = call { i8*, i64 } asm sideeffect "rep stosb", "={di},={cx},0,1,{al},~{memory}"(i8* %p, i64 %n, i8 0)',
        "  ret void",
        "}",
        "",
      ].join("\n"));
    }
    return fn;
  }

  trap(): llvm.Function {
    return this.intrinsic("trap", llvm.Intrinsic.trap, []);
  }

  memcpy(): llvm.Function {
    const p = this.types.i8ptr;
    return this.intrinsic("memcpy", llvm.Intrinsic.memcpy, [p, p, this.types.i64]);
  }

  memmove(): llvm.Function {
    const p = this.types.i8ptr;
    return this.intrinsic("memmove", llvm.Intrinsic.memmove, [p, p, this.types.i64]);
  }

  memset(): llvm.Function {
    return this.intrinsic("memset", llvm.Intrinsic.memset, [this.types.i8ptr, this.types.i64]);
  }

  private intrinsic(key: string, id: number, overloads: llvm.Type[]): llvm.Function {
    let fn = this.intrinsics.get(key);
    if (!fn) {
      fn = llvm.Intrinsic.getDeclaration(this.module, id, overloads);
      this.intrinsics.set(key, fn);
    }
    return fn;
  }
}
