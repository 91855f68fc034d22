// Kernel: sieve of Eratosthenes counting the primes below 20,000,000 in a
// static u8 array, in the TypeScript DSL (twin of sieve.lw).
import { type u8, type u64, type FixedArray, syscall, unsafe, addressOf } from "lwanga";

const N: u64 = 20000000;
let composite: FixedArray<u8, 20000000> = [];

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
  let count: u64 = 0;
  for (let i: u64 = 2; i < N; i = i + 1) {
    if (composite[i] == 0) {
      count = count + 1;
      for (let j: u64 = i * i; j < N; j = j + i) {
        composite[j] = 1;
      }
    }
  }
  printU64(count);
  return 0;
}
// expect: 1270607
