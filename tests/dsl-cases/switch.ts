import { print, printU64, printI64 } from "lwanga/std/io";
import type { u64 } from "lwanga";

function name(n: u64): u64 {
  let r: u64 = 0;
  switch (n) {
    case 0:
      r = 10;
      break;
    case 1:
    case 2:
      r = 20;
      break;
    case 3:
      r = 30;
    case 4:
      r += 1;
      break;
    default:
      r = 99;
  }
  return r;
}

export function main(): void {
  for (let i: u64 = 0; i < 6; i++) {
    printU64(name(i));
    print(" ");
  }
  print("\n");
}
// expect: 10 20 20 31 1 99 
