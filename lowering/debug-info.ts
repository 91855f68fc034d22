/**
 * DWARF line tables for `-g`: a compile unit, a file per source file, a
 * `DISubprogram` per lowered function, and a current location set before
 * each statement (every call in a function with a subprogram must carry a
 * location, or the verifier fails). Spans become line/column through the
 * driver's `SourceMap`; without one, every location is line 1.
 */
import { basename, dirname, resolve } from "node:path";
import llvm from "./llvm.ts";
import type { Span } from "../diagnostics/diagnostics.ts";
import type { Type } from "../ir/types.ts";

/** What debug info needs from the driver's SourceMap. */
export interface SourceLookup {
  lineCol(file: number, offset: number): { line: number; col: number };
  get(file: number): { path: string } | undefined;
}

export class DebugInfo {
  private readonly builder: llvm.DIBuilder;
  private readonly files = new Map<number, llvm.DIFile>();
  private readonly unitFile: llvm.DIFile;
  private readonly subprograms: llvm.DISubprogram[] = [];

  constructor(private readonly module: llvm.Module, private readonly context: llvm.LLVMContext,
    private readonly sources: SourceLookup | undefined, mainFile: number, optimized: boolean) {
    this.builder = new llvm.DIBuilder(module);
    this.unitFile = this.file(mainFile);
    this.builder.createCompileUnit(llvm.dwarf.SourceLanguage.DW_LANG_C, this.unitFile, "lwanga", optimized, "", 0);
    module.addModuleFlag(llvm.Module.ModFlagBehavior.Warning, "Debug Info Version", llvm.LLVMConstants.DEBUG_METADATA_VERSION);
    module.addModuleFlag(llvm.Module.ModFlagBehavior.Warning, "Dwarf Version", 4);
  }

  private file(id: number): llvm.DIFile {
    let f = this.files.get(id);
    if (!f) {
      const path = resolve(this.sources?.get(id)?.path ?? "program");
      f = this.builder.createFile(basename(path), dirname(path));
      this.files.set(id, f);
    }
    return f;
  }

  position(span: Span): { line: number; col: number } {
    if (!this.sources?.get(span.file)) return { line: 1, col: 1 };
    return this.sources.lineCol(span.file, span.start);
  }

  /** Creates and attaches the subprogram of `fn`. */
  subprogram(fn: llvm.Function, name: string, symbol: string, span: Span): llvm.DISubprogram {
    const file = this.file(span.file);
    const { line } = this.position(span);
    const type = this.builder.createSubroutineType(this.builder.getOrCreateTypeArray([]));
    // No linkage name: debuggers then show and find the source name (`break add`,
    // `add (a=1)`); the ELF symbol `lw.add` still names it too.
    void symbol;
    const sp = this.builder.createFunction(file, name, "", file, line, type, line,
      llvm.DINode.DIFlags.FlagPrototyped, llvm.DISubprogram.DISPFlags.SPFlagDefinition);
    fn.setSubprogram(sp);
    this.subprograms.push(sp);
    return sp;
  }

  location(span: Span, scope: llvm.DISubprogram): llvm.DILocation {
    const { line, col } = this.position(span);
    return llvm.DILocation.get(this.context, line, col, scope);
  }

  private basicTypes = new Map<string, llvm.DIBasicType>();

  /** A DWARF base type for scalar `t` (ints, bool, pointers), or null for aggregates. */
  private basicType(t: Type): llvm.DIBasicType | null {
    const enc = llvm.dwarf.TypeKind;
    let key: string;
    let bits: number;
    let encoding: number;
    switch (t.kind) {
      case "int": key = `${t.signed ? "i" : "u"}${t.bits}`; bits = t.bits; encoding = t.signed ? enc.DW_ATE_signed : enc.DW_ATE_unsigned; break;
      case "bool": key = "bool"; bits = 8; encoding = enc.DW_ATE_boolean; break;
      case "ptr": case "str": case "fn": key = t.kind === "str" ? "str" : "ptr"; bits = 64; encoding = enc.DW_ATE_address; break;
      default: return null;
    }
    let bt = this.basicTypes.get(key);
    if (!bt) {
      bt = this.builder.createBasicType(key, bits, encoding);
      this.basicTypes.set(key, bt);
    }
    return bt;
  }

  /** Describes local `name` stored at `slot` (scalars only), so debuggers can print it. */
  declareLocal(slot: llvm.Value, name: string, t: Type, span: Span, scope: llvm.DISubprogram, block: llvm.BasicBlock, argNo: number | null): void {
    const type = this.basicType(t);
    if (!type) return;
    const file = this.file(span.file);
    const { line } = this.position(span);
    const variable = argNo !== null
      ? this.builder.createParameterVariable(scope, name, argNo, file, line, type, true)
      : this.builder.createAutoVariable(scope, name, file, line, type, true);
    this.builder.insertDeclare(slot, variable, this.builder.createExpression(), this.location(span, scope), block);
  }

  finish(): void {
    for (const sp of this.subprograms) this.builder.finalizeSubprogram(sp);
    this.builder.finalize();
  }
}
