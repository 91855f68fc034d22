// `enc` of something that is not a string literal, in the DSL.
import { type u64, type str, enc } from "lwanga";

export function main(): u64 {
  const s: str = "x";
  const t: str = enc(s);
  return 0;
}
// error: LW3019 6:22
