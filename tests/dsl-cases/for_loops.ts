import { print, printU64, printI64 } from "lwanga/std/io";
import type { u64 } from "lwanga";

export function main(): void {
  let sum: u64 = 0;
  for (let i: u64 = 0; i < 10; i++) {
    if (i % 2 == 0) continue;
    if (i > 7) break;
    sum += i;
  }
  printU64(sum);
  print(" ");
  let count: u64 = 0;
  for (let i: u64 = 10, j: u64 = 0; i > j; i--, j++) count++;
  printU64(count);
  print(" ");
  let n: u64 = 0;
  for (;;) {
    n += 3;
    if (n > 10) break;
  }
  printU64(n);
  print("\n");
}
// expect: 16 5 12
