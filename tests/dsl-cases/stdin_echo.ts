import { type u8, type u64, type FixedArray, type CountResult, addressOf } from "lwanga";
import { read, writeBytes } from "lwanga/std/io";
import { isOk } from "lwanga/std/errors";

export function main(): u64 {
  const buf: FixedArray<u8, 64> = [];
  const n: CountResult = read(0, addressOf(buf), 64);
  if (!isOk(n)) return 1;
  writeBytes(1, addressOf(buf), n as u64);
  return 0;
}
// stdin: piped text\n
// expect: piped text
