// Kernel: sieve of Eratosthenes counting the primes below 20,000,000 in a
// static u8 array, in the TypeScript DSL (twin of sieve.lw).
import { print, printU64 } from "lwanga/std/io";
import { type u8, type u64, type FixedArray } from "lwanga";

const N: u64 = 20000000;
let composite: FixedArray<u8, 20000000> = [];


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
  print("\n");
  return 0;
}
// expect: 1270607
