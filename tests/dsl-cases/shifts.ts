import { print, printU64, printI64 } from "lwanga/std/io";
import type { i64, u64, u8 } from "lwanga";

export function main(): void {
  const a: i64 = -16;
  printI64(a >> 2);
  print(" ");
  printU64((a >>> 60) as u64);
  print(" ");
  const b: u64 = 1;
  printU64(b << 40);
  print(" ");
  const c: u8 = 0x81;
  printU64(c >> 1);
  print(" ");
  printU64(c << 1);
  print("\n");
}
// expect: -4 15 1099511627776 64 2
