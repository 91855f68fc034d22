// Kernel: recursive Fibonacci, fib(32), in the TypeScript DSL (twin of fib.lw).
import { print, printU64 } from "lwanga/std/io";
import { type u64 } from "lwanga";

function fib(n: u64): u64 {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}

export function main(): u64 {
  printU64(fib(32));
  print("\n");
  return 0;
}
// expect: 2178309
