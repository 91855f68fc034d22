import { print, printU64, printI64 } from "lwanga/std/io";
import type { u8, u16, u32, u64, i8, i64 } from "lwanga";

export function main(): void {
  const m: i64 = -1;
  printU64(m as u8);
  print(" ");
  const b: u8 = 200;
  printI64(b as i8);
  print(" ");
  const s: i8 = -5;
  printI64(s as i64);
  print(" ");
  printU64(s as u16);
  print(" ");
  const big: u64 = 0x1_0000_0001;
  printU64(big as u32);
  print(" ");
  printU64(<u8>big);
  print("\n");
}
// expect: 255 -56 -5 65531 1 1
