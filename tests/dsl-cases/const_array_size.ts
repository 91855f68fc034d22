import { print, printU64, printI64 } from "lwanga/std/io";
import type { u8, u64, FixedArray } from "lwanga";

const SIZE = 6;

export function main(): void {
  const a: FixedArray<u8, typeof SIZE> = [];
  for (let i: u64 = 0; i < SIZE; i++) a[i] = (i + 1) as u8;
  let s: u64 = 0;
  for (let i: u64 = 0; i < SIZE; i++) s += a[i];
  printU64(s);
  print("\n");
}
// expect: 21
