// Kernel: recursive Fibonacci, fib(32), in the TypeScript DSL (twin of fib.lw).
import { type u8, type u64, type FixedArray, syscall, unsafe, addressOf } from "lwanga";

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

function fib(n: u64): u64 {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}

export function main(): u64 {
  printU64(fib(32));
  return 0;
}
// expect: 2178309
