import { print, printU64, printI64 } from "lwanga/std/io";
import type { u64, u8 } from "lwanga";

function seven(): u64 {
  return 7;
}

export function main(): void {
  const a = seven();
  const b = a * 6;
  let c = b;
  c += 1;
  printU64(c);
  print("\n");
}
// expect: 43
