import { print, printU64, printI64 } from "lwanga/std/io";
import { type u32, type u64, type Ptr, type FixedArray, addressOf, deref, unsafe } from "lwanga";

export function main(): void {
  const a: FixedArray<u32, 4> = [10, 20, 30, 40];
  const p: Ptr<u32> = addressOf(a[0]);
  const q: Ptr<u32> = p + 2;
  printU64(unsafe(() => deref(q)));
  print(" ");
  printU64(unsafe(() => deref(q + 1)));
  print(" ");
  printU64(((q as u64) - (p as u64)));
  print("\n");
}
// expect: 30 40 8
