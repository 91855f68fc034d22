import { print, printU64, printI64 } from "lwanga/std/io";
import type { u64 } from "lwanga";
import { triple, MAGIC } from "./lib/util.ts";

export function main(): void {
  printU64(triple(MAGIC));
  print("\n");
}
// expect: 63
