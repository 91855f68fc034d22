import { print, printU64, printI64 } from "lwanga/std/io";
import { type u8, type u32, type u64, type ptr, type Ptr, type FixedArray, addressOf, deref, load, store, unsafe } from "lwanga";

export function main(): void {
  let x: u64 = 5;
  const p: Ptr<u64> = addressOf(x);
  unsafe(() => {
    store(p, 41);
  });
  x += 1;
  printU64(unsafe(() => deref(p)));
  print(" ");
  const buf: FixedArray<u8, 8> = [];
  const b: ptr = addressOf(buf);
  unsafe(() => {
    store<u32>(b, 0x01020304, 4);
    store<u8>(b, 9);
  });
  printU64(buf[0]);
  print(" ");
  printU64(buf[4]);
  print(" ");
  printU64(buf[7]);
  print(" ");
  printU64(unsafe(() => load<u32>(b, 4)));
  print("\n");
}
// expect: 42 9 4 1 16909060
