import type { u64, Ptr, str } from "lwanga";
import { print, printU64 } from "lwanga/std/io";
import { arg } from "lwanga/std/process";

export function main(argc: u64, argv: Ptr<str>): u64 {
  printU64(argc);
  for (let i: u64 = 1; i < argc; i++) {
    print(" ");
    print(arg(argv, i));
  }
  print("\n");
  return argc;
}
// args: alpha beta
// expect: 3 alpha beta
// exit: 3
