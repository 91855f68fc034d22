import { print, printU64, printI64 } from "lwanga/std/io";
import { type u64, type i64, syscall, unsafe } from "lwanga";

export function main(): void {
  const r: i64 = unsafe(() => {
    const a: i64 = syscall(39);
    const b: i64 = syscall(39);
    return a - b;
  });
  printI64(r);
  print("\n");
  let w: i64 = 0;
  unsafe(() => {
    w = syscall(1, 1, "inside\n", 7);
  });
  printI64(w);
  print("\n");
}
// expect: 0
// expect: inside
// expect: 7
