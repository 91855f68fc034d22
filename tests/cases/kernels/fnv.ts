// Kernel: FNV-1a 64 over a 64 MiB buffer filled by a 64-bit LCG, in the
// TypeScript DSL (twin of fnv.lw): u64 words read back as bytes.
import { print, printU64 } from "lwanga/std/io";
import { type u8, type u64, type ptr, type FixedArray, unsafe, addressOf, load } from "lwanga";

const WORDS: u64 = 8388608;
let words: FixedArray<u64, 8388608> = [];


export function main(): u64 {
  let x: u64 = 1;
  for (let i: u64 = 0; i < WORDS; i = i + 1) {
    x = x * 6364136223846793005 + 1442695040888963407;
    words[i] = x;
  }
  const p: ptr = addressOf(words);
  let h: u64 = 0xcbf29ce484222325;
  for (let i: u64 = 0; i < WORDS * 8; i = i + 1) {
    const b: u8 = unsafe(() => load<u8>(p, i));
    h = (h ^ (b as u64)) * 0x100000001b3;
  }
  printU64(h);
  print("\n");
  return 0;
}
// expect: 4411123073315780744
