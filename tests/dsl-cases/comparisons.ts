import { print, printU64, printI64 } from "lwanga/std/io";
import type { u64, i64, bool } from "lwanga";

function show(b: bool): void {
  print(b ? "T" : "F");
}

export function main(): void {
  const a: u64 = 3;
  const b: u64 = 5;
  const n: i64 = -1;
  show(a < b);
  show(a <= b);
  show(a > b);
  show(a >= b);
  show(a === 3);
  show(a !== 3);
  show(a == b);
  show(a != b);
  show(n < 0);
  show(!(a < b));
  print("\n");
}
// expect: TTFFTFFTTF
