import { print, printU64, printI64 } from "lwanga/std/io";
import type { u64, u8 } from "lwanga";

export function main(): void {
  const a: u64 = 0b1100;
  const b: u64 = 0b1010;
  printU64(a & b);
  print(" ");
  printU64(a | b);
  print(" ");
  printU64(a ^ b);
  print(" ");
  const c: u8 = 0x0f;
  printU64(~c);
  print("\n");
}
// expect: 8 14 6 240
