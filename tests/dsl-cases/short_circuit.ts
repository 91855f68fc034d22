import { print, printU64, printI64 } from "lwanga/std/io";
import type { u64, bool } from "lwanga";

let calls: u64 = 0;

function touch(v: bool): bool {
  calls += 1;
  return v;
}

export function main(): void {
  if (touch(false) && touch(true)) print("bad");
  if (touch(true) || touch(true)) print("ok ");
  const both: bool = touch(true) && touch(false);
  print(both ? "T " : "F ");
  printU64(calls);
  print("\n");
}
// expect: ok F 4
