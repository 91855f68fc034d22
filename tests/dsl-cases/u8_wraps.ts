import { print, printU64, printI64 } from "lwanga/std/io";
import type { u8, u16, u64 } from "lwanga";

export function main(): void {
  const a: u8 = 200;
  const b: u8 = 100;
  const c: u8 = a + b;
  printU64(c);
  print("\n");
  const d: u16 = 65535;
  const e: u16 = d + 2;
  printU64(e);
  print("\n");
  const f: u8 = 3;
  const g: u8 = f - 4;
  printU64(g);
  print("\n");
}
// expect: 44
// expect: 1
// expect: 255
