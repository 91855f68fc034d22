/**
 * The programmatic API: `import { compile } from "lwanga"`.
 * The CLI (cli/) is a thin layer over these.
 */
export { compile, formatDiagnostics } from "./driver/compile.ts";
export type { CompileOptions, CompileResult, Emit, OptLevel, Target, StageTiming } from "./driver/compile.ts";
export type { Diagnostic, Span } from "./diagnostics/diagnostics.ts";
export { renderDiagnostic, renderAll } from "./diagnostics/render.ts";
