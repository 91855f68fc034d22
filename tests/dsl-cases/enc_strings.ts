import { print, printU64, printI64 } from "lwanga/std/io";
import { type str, enc } from "lwanga";

export function main(): void {
  const s: str = enc("secret message\n");
  print(s);
}
// expect: secret message
