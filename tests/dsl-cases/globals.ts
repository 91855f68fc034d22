import { print, printU64, printI64 } from "lwanga/std/io";
import type { u64 } from "lwanga";

const LIMIT: u64 = 3;
const STEP = 10;
let counter: u64 = 0;
let total: u64 = 1000;

function bump(): void {
  counter += 1;
  total -= STEP;
}

export function main(): void {
  for (let i: u64 = 0; i < LIMIT; i++) bump();
  printU64(counter);
  print(" ");
  printU64(total);
  print("\n");
}
// expect: 3 970
