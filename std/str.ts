/**
 * NUL-terminated strings (`str`): length, equality, and parsing decimal
 * numbers (for command-line arguments).
 */
import { type bool, type i64, type u8, type u64, type str, load, unsafe } from "lwanga";

/** Length of `s` in bytes, without the terminating NUL. */
export function strlen(s: str): u64 {
  let n: u64 = 0;
  while (unsafe(() => load<u8>(s, n)) != 0) n++;
  return n;
}

/** True when `a` and `b` hold the same bytes. */
export function streq(a: str, b: str): bool {
  let i: u64 = 0;
  while (true) {
    const x: u8 = unsafe(() => load<u8>(a, i));
    const y: u8 = unsafe(() => load<u8>(b, i));
    if (x != y) return false;
    if (x == 0) return true;
    i++;
  }
}

/** The decimal number in `s` (digits only), or -1 when `s` is empty, has another character or overflows. */
export function parseU64(s: str): i64 {
  let value: u64 = 0;
  let i: u64 = 0;
  while (true) {
    const c: u8 = unsafe(() => load<u8>(s, i));
    if (c == 0) break;
    if (c < 48 || c > 57) return -1;
    if (value > 922337203685477580) return -1;
    value = value * 10 + (c - 48);
    i++;
  }
  if (i == 0) return -1;
  return value as i64;
}
