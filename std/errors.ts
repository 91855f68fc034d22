/**
 * Errors as values. Linux syscalls return -errno (-4095..-1) on failure; the
 * std wrappers return the brands `FdResult`, `CountResult` and `SysResult`
 * (declared in "lwanga"), and `isOk(r)` narrows them for tsc: after
 * `if (!isOk(fd)) return 1;` the variable is an `Fd`, and before that check
 * tsc refuses to pass it where an `Fd` is expected. To the compiler all of
 * them are plain `i64`.
 */
import type { bool, i64, u64, Fd, FdResult, Count, CountResult, SysResult, Status, Errno } from "lwanga";

/** True when `r` is a success value, not -errno. Narrows the result's brand. */
export function isOk(r: FdResult): r is Fd;
export function isOk(r: CountResult): r is Count;
export function isOk(r: SysResult): r is Status;
export function isOk(r: i64): bool {
  return r >= 0 || r < -4095;
}

/** True when `r` is -errno. */
export function isErr(r: i64): bool {
  return r < 0 && r >= -4095;
}

/** The error number of a failed result (`ENOENT` is 2); 0 when `r` succeeded. */
export function errnoOf(r: i64): Errno {
  if (isErr(r)) return (0 - r) as u64;
  return 0;
}

export const EPERM: Errno = 1;
export const ENOENT: Errno = 2;
export const EINTR: Errno = 4;
export const EBADF: Errno = 9;
export const EAGAIN: Errno = 11;
export const EACCES: Errno = 13;
export const EEXIST: Errno = 17;
export const EINVAL: Errno = 22;
export const EADDRINUSE: Errno = 98;
export const ECONNREFUSED: Errno = 111;
