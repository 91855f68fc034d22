import { print, printU64, printI64 } from "lwanga/std/io";
import type { u64 } from "lwanga";

export function main(): void {
  let n: u64 = 0;
  do {
    n += 10;
  } while (n < 5);
  printU64(n);
  print(" ");
  let k: u64 = 3;
  do {
    k--;
  } while (k > 0);
  printU64(k);
  print("\n");
}
// expect: 10 0
