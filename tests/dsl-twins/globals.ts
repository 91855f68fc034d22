import type { u64 } from "lwanga";
import { print, printU64 } from "lwanga/std/io";

const BASE: u64 = 100;
let calls: u64 = 0;

function fib(n: u64): u64 {
  calls = calls + 1;
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}

export function main(): u64 {
  printU64(fib(15) + BASE);
  print(" ");
  printU64(calls);
  print("\n");
  return calls % 256;
}
// expect: 710 1973
// exit: 181
