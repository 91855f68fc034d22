import { print, printU64, printI64 } from "lwanga/std/io";
import { type u64, type Struct, type FixedArray, zero } from "lwanga";

interface Pair extends Struct { a: u64; b: u64; items: FixedArray<u64, 4> }

export function main(): void {
  const p: Pair = zero<Pair>();
  const n: u64 = zero<u64>();
  printU64(p.a + p.b + p.items[3] + n);
  print("\n");
}
// expect: 0
