/**
 * Diagnostic codes of lowering and the toolchain (LW4xxx). Lowering never
 * reports mistakes in the user's program (the checker does); these codes say
 * that the compiler itself or the external tools failed, or that a construct
 * the checker accepted is not supported by this backend yet.
 *
 * | code   | exit | meaning |
 * |--------|------|---------|
 * | LW4001 | 4 | internal compiler error: LLVM's verifier rejected the module, or lowering met IR that breaks the checked-IR guarantees |
 * | LW4002 | 4 | a required tool (opt-14, llc-14, ld) is not installed |
 * | LW4003 | 4 | a tool (opt, llc, ld) failed; its stderr is in the notes |
 * | LW4004 | 4 | the output file could not be written |
 * | LW4005 | 4 | the linked executable has a writable and executable segment, or a dynamic section |
 * | LW4101 | 1 | a construct this backend does not lower yet (named in the message) |
 * | LW4102 | 1 | the assembler rejected a line of an asm block (reported at that source line) |
 * | LW4103 | 1 | an asm block names a symbol nothing defines (the linker's undefined reference, at the asm line) |
 */
import type { Diagnostic, Span } from "../diagnostics/diagnostics.ts";

export const LW_INTERNAL = "LW4001";
export const LW_TOOL_MISSING = "LW4002";
export const LW_TOOL_FAILED = "LW4003";
export const LW_OUTPUT = "LW4004";
export const LW_BAD_ELF = "LW4005";
export const LW_UNSUPPORTED = "LW4101";
export const LW_ASM_REJECTED = "LW4102";
export const LW_ASM_UNDEFINED = "LW4103";

export function internalError(message: string, span?: Span): Diagnostic {
  return {
    code: LW_INTERNAL,
    severity: "error",
    message: `internal compiler error: ${message}`,
    span,
    help: "this is a bug in the compiler, not in your program; please report it with the source that triggers it",
  };
}

export function unsupported(what: string, span?: Span): Diagnostic {
  return { code: LW_UNSUPPORTED, severity: "error", message: `${what} is not supported by the LLVM backend yet`, span };
}

/** Exit code for a failed build: 1 when only the user's program is at fault (unsupported construct, rejected asm), else 4. */
export function exitCodeFor(diagnostics: Diagnostic[]): 1 | 4 {
  const errors = diagnostics.filter((d) => d.severity === "error");
  return errors.length > 0 && errors.every((d) => d.code === LW_UNSUPPORTED || d.code === LW_ASM_REJECTED || d.code === LW_ASM_UNDEFINED) ? 1 : 4;
}
