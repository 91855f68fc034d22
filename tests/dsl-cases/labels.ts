import { print, printU64, printI64 } from "lwanga/std/io";
import type { u64 } from "lwanga";

export function main(): void {
  let hits: u64 = 0;
  outer: for (let i: u64 = 0; i < 5; i++) {
    for (let j: u64 = 0; j < 5; j++) {
      if (j == 3) continue outer;
      if (i == 3) break outer;
      hits++;
    }
  }
  printU64(hits);
  print(" ");
  let w: u64 = 0;
  loop: while (true) {
    do {
      w++;
      if (w == 4) break loop;
    } while (true);
  }
  printU64(w);
  print("\n");
}
// expect: 9 4
