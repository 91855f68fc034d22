import { print, printU64, printI64 } from "lwanga/std/io";
import type { u64 } from "lwanga";

function fib(n: u64): u64 {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}

function isEven(n: u64): bool {
  return n == 0 ? true : isOdd(n - 1);
}

function isOdd(n: u64): bool {
  return n == 0 ? false : isEven(n - 1);
}

export function main(): void {
  printU64(fib(20));
  print(isEven(10) ? " even" : " odd");
  print("\n");
}

import type { bool } from "lwanga";
// expect: 6765 even
