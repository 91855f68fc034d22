import { print, printU64, printI64 } from "lwanga/std/io";
import type { i64, i32 } from "lwanga";

export function main(): void {
  const a: i64 = -7;
  const b: i64 = 2;
  printI64(a / b);
  print(" ");
  printI64(a % b);
  print(" ");
  printI64(a * b);
  print(" ");
  printI64(-a);
  print("\n");
  const c: i32 = -2147483648;
  const d: i32 = c - 1;
  printI64(d);
  print("\n");
}
// expect: -3 -1 -14 7
// expect: 2147483647
