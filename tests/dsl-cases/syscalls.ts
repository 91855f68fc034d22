import { print, printU64, printI64 } from "lwanga/std/io";
import { type i64, syscall, unsafe } from "lwanga";
import { getpid } from "lwanga/std/process";

export function main(): void {
  const pid: i64 = getpid();
  print(pid > 0 ? "pid ok\n" : "pid bad\n");
  const n: i64 = unsafe(() => syscall(1, 1, "raw\n", 4));
  printI64(n);
  print("\n");
}
// expect: pid ok
// expect: raw
// expect: 4
