import { print, printU64, printI64 } from "lwanga/std/io";
import type { u64, i64 } from "lwanga";

export function main(): void {
  let x: u64 = 100;
  x += 5;
  x -= 3;
  x *= 2;
  x /= 4;
  x %= 7;
  printU64(x);
  print(" ");
  let y: u64 = 0xF0;
  y &= 0x3C;
  y |= 0x01;
  y ^= 0xFF;
  y <<= 2;
  y >>= 1;
  printU64(y);
  print(" ");
  let z: i64 = -64;
  z >>>= 58;
  printI64(z);
  print(" ");
  let k: u64 = 5;
  k++;
  ++k;
  k--;
  printU64(k);
  print("\n");
}
// expect: 2 412 63 6
