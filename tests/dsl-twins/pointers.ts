import { type u8, type u32, type u64, type Ptr, type FixedArray, addressOf, deref, unsafe } from "lwanga";
import { print, printU64 } from "lwanga/std/io";

export function main(): void {
  const a: FixedArray<u32, 4> = [5, 6, 7, 8];
  const p: Ptr<u32> = addressOf(a[1]);
  printU64(unsafe(() => deref(p + 2)));
  print(" ");
  let total: u64 = 0;
  for (let i: u64 = 0; i < 4; i = i + 1) total = total + a[i];
  printU64(total);
  print("\n");
}
// expect: 8 26
