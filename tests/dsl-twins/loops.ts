import type { u64 } from "lwanga";
import { print, printU64 } from "lwanga/std/io";

export function main(): void {
  let sum: u64 = 0;
  let i: u64 = 0;
  while (i < 10) {
    i = i + 1;
    if (i == 3) continue;
    if (i == 8) break;
    sum = sum + i;
  }
  printU64(sum);
  print(" ");
  let prod: u64 = 1;
  for (let j: u64 = 1; j <= 5; j = j + 1) prod = prod * j;
  printU64(prod);
  print(" ");
  let count: u64 = 0;
  for (let a: u64 = 0; a < 4; a = a + 1) {
    for (let b: u64 = 0; b < 4; b = b + 1) {
      if (b > a) break;
      if (b == 1) continue;
      count = count + 1;
    }
  }
  printU64(count);
  print("\n");
}
// expect: 25 120 7
