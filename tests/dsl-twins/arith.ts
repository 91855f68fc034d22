import type { u8, u16, u32, u64, i8, i64 } from "lwanga";
import { print, printU64, printI64 } from "lwanga/std/io";

export function main(): u64 {
  const a: u8 = 250;
  const b: u8 = 10;
  printU64(a + b);
  print(" ");
  const n: i64 = -17;
  printI64(n / 5);
  print(" ");
  printI64(n % 5);
  print(" ");
  printI64(n >> 1);
  print(" ");
  printU64((n >>> 59) as u64);
  print(" ");
  const big: u64 = 0xDEAD_BEEF_CAFE;
  printU64(big as u16);
  print(" ");
  printI64((a as i8) as i64);
  print(" ");
  const w: u32 = 7;
  printU64((w * 3 + 1) << 2);
  print("\n");
  return (n & 0xff) as u64;
}
// expect: 4 -3 -2 -9 31 51966 -6 88
// exit: 239
