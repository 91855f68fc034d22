import { print, printU64, printI64 } from "lwanga/std/io";
import type { u64 } from "lwanga";

export function main(): void {
  const a: u64 = 0xff;
  const b: u64 = 0b1111_0000;
  const c: u64 = 0o755;
  const d: u64 = 1_000_000;
  const e: u64 = 0XAB;
  printU64(a);
  print(" ");
  printU64(b);
  print(" ");
  printU64(c);
  print(" ");
  printU64(d);
  print(" ");
  printU64(e);
  print("\n");
}
// expect: 255 240 493 1000000 171
