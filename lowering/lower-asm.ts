/**
 * Inline assembly statements. Not lowered yet: reported as unsupported
 * (LW4101) so the build fails cleanly instead of producing wrong code.
 */
import type { FunctionContext } from "./function-context.ts";
import type { AsmStmt } from "../ir/checked.ts";
import { unsupported } from "./codes.ts";

export function lowerAsm(fx: FunctionContext, s: AsmStmt): void {
  fx.m.diagnostics.push(unsupported("inline assembly", s.span));
}
