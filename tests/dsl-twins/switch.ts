import type { u64 } from "lwanga";
import { print, printU64 } from "lwanga/std/io";

function classify(n: u64): u64 {
  let r: u64 = 0;
  switch (n % 5) {
    case 0:
      r = 1;
      break;
    case 1:
    case 2:
      r = 2;
      break;
    default:
      r = 3;
  }
  return r;
}

export function main(): void {
  let s: u64 = 0;
  for (let i: u64 = 0; i < 20; i = i + 1) s = s * 3 % 1000003 + classify(i);
  printU64(s);
  print("\n");
}
// expect: 345869
