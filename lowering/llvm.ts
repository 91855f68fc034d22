/**
 * The single import point of the llvm-bindings addon (CommonJS), so the rest
 * of lowering imports `llvm` from here. Everything that touches the addon
 * must respect shared/LOWERING.md: never pass null or undefined where an
 * object is expected, build 64-bit constants through `constants.ts`, and keep
 * pointer element types consistent (see `llvm-types.ts`).
 */
import llvm from "llvm-bindings";

export default llvm;
export type { llvm };
