import { print, printU64, printI64 } from "lwanga/std/io";
import type { u64 } from "lwanga";

export function main(): void {
  let i: u64 = 0;
  let sum: u64 = 0;
  while (i < 100) {
    i++;
    sum += i;
  }
  printU64(sum);
  print("\n");
}
// expect: 5050
