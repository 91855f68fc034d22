import { print, printU64, printI64 } from "lwanga/std/io";

export function main(): void {
  print("Hello, World!\n");
}
// expect: Hello, World!
