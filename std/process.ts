/**
 * The process: exit, its id, and command-line arguments. `main(argc: u64,
 * argv: Ptr<str>)` receives the arguments; `arg(argv, i)` reads one.
 */
import { type u64, type i64, type str, type Ptr, syscall, unsafe, load, ARCH_ARM64 } from "lwanga";

/** Ends the process with status `code` (its low 8 bits). */
export function exit(code: i64): never {
  unsafe(() => syscall(ARCH_ARM64 ? 94 : 231, code));
  while (true) {}
}

/** The process id. */
export function getpid(): i64 {
  return unsafe(() => syscall(ARCH_ARM64 ? 172 : 39));
}

/** Argument `i` of `argv` (0 is the program name); check `i < argc` first. */
export function arg(argv: Ptr<str>, i: u64): str {
  return unsafe(() => load<str>(argv, i * 8));
}
