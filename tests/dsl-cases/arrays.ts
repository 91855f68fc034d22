import { print, printU64, printI64 } from "lwanga/std/io";
import type { u8, u64, FixedArray } from "lwanga";

function sum(a: FixedArray<u64, 5>): u64 {
  let s: u64 = 0;
  for (let i: u64 = 0; i < 5; i++) s += a[i];
  return s;
}

export function main(): void {
  const a: FixedArray<u64, 5> = [1, 2, 3];
  printU64(sum(a));
  print(" ");
  const b: FixedArray<u64, 5> = [];
  for (let i: u64 = 0; i < 5; i++) b[i] = i * i;
  printU64(sum(b));
  print(" ");
  const c: FixedArray<u64, 5> = b;
  b[0] = 100;
  printU64(c[0]);
  print(" ");
  const grid: FixedArray<FixedArray<u8, 3>, 2> = [[1, 2, 3], [4, 5, 6]];
  printU64(grid[1][2]);
  print("\n");
}
// expect: 6 30 0 6
