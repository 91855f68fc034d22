import { print, printU64, printI64 } from "lwanga/std/io";
import type { u64 } from "lwanga";

function max(a: u64, b: u64): u64 {
  return a > b ? a : b;
}

export function main(): void {
  printU64(max(3, 9));
  print(" ");
  printU64(max(12, 9));
  print(" ");
  const x: u64 = 5;
  printU64(x % 2 == 0 ? 100 : x < 3 ? 200 : 300);
  print("\n");
}
// expect: 9 12 300
