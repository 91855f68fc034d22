import { print, printU64, printI64 } from "lwanga/std/io";
import { strlen } from "lwanga/std/str";

export function main(): void {
  printU64(strlen("héllo"));
  print(" ");
  printU64(strlen(""));
  print(" ");
  printU64(strlen("日本"));
  print("\n");
  print("héllo wörld\n");
}
// expect: 6 0 6
// expect: héllo wörld
