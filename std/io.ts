/**
 * Reading and writing file descriptors, and printing. `print` and `write`
 * take a `str` and find its length themselves, so a message can never be
 * written with a wrong hand-counted length (the bug of the seed TCP probe,
 * which wrote a 36-byte message with length 37).
 */
import { type u8, type u64, type i64, type ptr, type str, type Fd, type CountResult, type FixedArray, syscall, unsafe, addressOf, ARCH_ARM64 } from "lwanga";
import { strlen } from "./str.ts";

export const STDIN: Fd = 0;
export const STDOUT: Fd = 1;
export const STDERR: Fd = 2;

/** read(2): up to `len` bytes into `buf`; 0 at end of file. */
export function read(fd: Fd, buf: ptr, len: u64): CountResult {
  return unsafe(() => syscall(ARCH_ARM64 ? 63 : 0, fd, buf, len));
}

/** write(2) of `len` bytes at `buf`. */
export function writeBytes(fd: Fd, buf: ptr, len: u64): CountResult {
  return unsafe(() => syscall(ARCH_ARM64 ? 64 : 1, fd, buf, len));
}

/** Writes all of `s` (its length is computed, never passed by hand). */
export function write(fd: Fd, s: str): CountResult {
  return unsafe(() => syscall(ARCH_ARM64 ? 64 : 1, fd, s, strlen(s)));
}

/** Writes all `len` bytes at `buf`, retrying short writes; the last result. */
export function writeAll(fd: Fd, buf: ptr, len: u64): CountResult {
  let done: u64 = 0;
  while (done < len) {
    const n: i64 = unsafe(() => syscall(ARCH_ARM64 ? 64 : 1, fd, buf + done, len - done));
    if (n <= 0) return n;
    done += n as u64;
  }
  return done as i64;
}

/** Prints `s` on standard output. */
export function print(s: str): void {
  write(1, s);
}

/** Prints `s` on standard error. */
export function eprint(s: str): void {
  write(2, s);
}

/** Prints `n` in decimal on `fd`. */
export function writeU64(fd: Fd, n: u64): void {
  const buf: FixedArray<u8, 20> = [];
  let i: u64 = 20;
  let v: u64 = n;
  do {
    i--;
    buf[i] = (v % 10 + 48) as u8;
    v = v / 10;
  } while (v != 0);
  writeBytes(fd, addressOf(buf[i]), 20 - i);
}

/** Prints `n` in decimal on standard output. */
export function printU64(n: u64): void {
  writeU64(1, n);
}

/** Prints a signed `n` in decimal on standard output. */
export function printI64(n: i64): void {
  if (n < 0) {
    print("-");
    printU64((0 - n) as u64);
  } else {
    printU64(n as u64);
  }
}
