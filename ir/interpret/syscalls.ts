/**
 * Emulated Linux x86-64 system calls: write (1), read (0), exit (60),
 * exit_group (231), getpid (39), and — because real programs allocate and
 * tidy up with them — anonymous mmap (9), munmap (11) and close (3) of the
 * standard streams. Every other number returns -ENOSYS (-38),
 * as the kernel does for an unknown call. Results are raw 64-bit patterns
 * (`-errno` on failure); a bad buffer gives -EFAULT, an fd the emulation
 * does not know gives -EBADF.
 */
import type { Memory } from "./memory.ts";
import { Trap } from "./trap.ts";

const ENOSYS = 38n;
const EFAULT = 14n;
const EBADF = 9n;
const ENODEV = 19n;
const EINVAL = 22n;
/** What getpid returns: fixed, so runs are reproducible. */
export const INTERPRETER_PID = 4242n;

export interface SyscallHost {
  write(fd: number, bytes: Uint8Array): void;
  /** Remaining stdin; `read` consumes from `stdinPos`. */
  stdin: Uint8Array;
  stdinPos: number;
  /** When given, `read(0, …)` asks it instead of `stdin` (live input: up to `max` bytes, empty at EOF). */
  read?: (fd: number, max: number) => Uint8Array;
}

function neg(errno: bigint): bigint {
  return BigInt.asUintN(64, -errno);
}

/** `args[0]` is the number; all are u64 bit patterns. Returns the u64 result. */
export function syscall(memory: Memory, host: SyscallHost, args: bigint[]): bigint {
  const nr = args[0] ?? 0n;
  const a = (i: number): bigint => args[i] ?? 0n;
  switch (nr) {
    case 0n: { // read(fd, buf, count)
      const fd = a(1), buf = a(2), count = BigInt.asIntN(64, a(3));
      if (fd !== 0n) return neg(EBADF);
      if (count < 0n) return neg(EFAULT);
      if (host.read) {
        const max = Number(count < 1n << 20n ? count : 1n << 20n);
        if (!memory.isValid(buf, BigInt(max), true)) return neg(EFAULT);
        const got = host.read(0, max).subarray(0, max);
        memory.storeBytes(buf, got);
        return BigInt(got.length);
      }
      const n = Math.min(Number(count < 1n << 40n ? count : 1n << 40n), host.stdin.length - host.stdinPos);
      if (!memory.isValid(buf, BigInt(n), true)) return neg(EFAULT);
      memory.storeBytes(buf, host.stdin.subarray(host.stdinPos, host.stdinPos + n));
      host.stdinPos += n;
      return BigInt(n);
    }
    case 1n: { // write(fd, buf, count)
      const fd = a(1), buf = a(2), count = BigInt.asIntN(64, a(3));
      if (fd !== 1n && fd !== 2n) return neg(EBADF);
      if (count < 0n || !memory.isValid(buf, count, false)) return neg(EFAULT);
      if (count > 0n) host.write(Number(fd), memory.loadBytes(buf, Number(count)));
      return count;
    }
    case 3n: return a(1) <= 2n ? 0n : neg(EBADF); // close
    case 9n: { // mmap(addr, len, prot, flags, fd, off): anonymous private/shared only
      const len = a(2), flags = a(4);
      if ((flags & 0x20n) === 0n) return neg(ENODEV);
      if (len === 0n || len > 1n << 32n) return neg(EINVAL);
      return memory.map(Number(len));
    }
    case 11n: memory.unmap(a(1), a(2)); return 0n; // munmap
    case 39n: return INTERPRETER_PID;
    case 60n: case 231n: throw Trap.exit(Number(a(1) & 0xffn));
    default: return neg(ENOSYS);
  }
}
