/**
 * Parses textual IR (the runtime and generated snippets) and links it into
 * the main module. The addon parses only files, so the text goes to a file
 * in a private temporary directory. A failed parse would crash the process
 * (null module), so the text must be valid by construction: it is produced
 * only by `runtime.ts` and the snippet generators.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import llvm from "./llvm.ts";

/** Links `text` into `dest`; returns false if the linker reported an error. */
export function linkText(dest: llvm.Module, context: llvm.LLVMContext, text: string): boolean {
  const dir = mkdtempSync(join(tmpdir(), "lwanga-ll-"));
  try {
    const file = join(dir, "runtime.ll");
    writeFileSync(file, text);
    const src = llvm.parseIRFile(file, new llvm.SMDiagnostic(), context);
    // linkModules returns true on error; `src` is freed either way.
    return !llvm.Linker.linkModules(dest, src);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
