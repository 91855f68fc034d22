// Kernel: FNV-1a 64 over a 64 MiB buffer filled by a 64-bit LCG, in the
// TypeScript DSL (twin of fnv.lw): u64 words read back as bytes.
import { type u8, type u64, type ptr, type FixedArray, syscall, unsafe, addressOf, load } from "lwanga";

const WORDS: u64 = 8388608;
let words: FixedArray<u64, 8388608> = [];

function printU64(v: u64): void {
  const buf: FixedArray<u8, 21> = [];
  let i: u64 = 20;
  buf[20] = 10;
  let x: u64 = v;
  if (x == 0) {
    i = i - 1;
    buf[i] = 48;
  }
  while (x > 0) {
    i = i - 1;
    buf[i] = (48 + x % 10) as u8;
    x = x / 10;
  }
  unsafe(() => syscall(1, 1, addressOf(buf[i]), 21 - i));
}

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
  return 0;
}
// expect: 4411123073315780744
