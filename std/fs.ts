/**
 * Files: open and close with typed flags (`OpenFlags`, combined with `|`),
 * results as values (`FdResult`: check with `isOk` before using the fd).
 */
import { type u32, type str, type Fd, type FdResult, type SysResult, type OpenFlags, syscall, unsafe, ARCH_ARM64 } from "lwanga";

export const O_RDONLY: OpenFlags = 0;
export const O_WRONLY: OpenFlags = 1;
export const O_RDWR: OpenFlags = 2;
export const O_CREAT: OpenFlags = 0o100;
export const O_EXCL: OpenFlags = 0o200;
export const O_TRUNC: OpenFlags = 0o1000;
export const O_APPEND: OpenFlags = 0o2000;
export const O_CLOEXEC: OpenFlags = 0o2000000;

/** open(2) without creating: `open("/etc/hosts", O_RDONLY)`. */
export function open(path: str, flags: OpenFlags): FdResult {
  return unsafe(() => (ARCH_ARM64 ? syscall(56, -100, path, flags, 0) : syscall(2, path, flags, 0)));
}

/** open(2) with a creation mode: `openMode("out.txt", O_WRONLY | O_CREAT | O_TRUNC, 0o644)`. */
export function openMode(path: str, flags: OpenFlags, mode: u32): FdResult {
  return unsafe(() => (ARCH_ARM64 ? syscall(56, -100, path, flags, mode) : syscall(2, path, flags, mode)));
}

/** close(2). */
export function close(fd: Fd): SysResult {
  return unsafe(() => syscall(ARCH_ARM64 ? 57 : 3, fd));
}
