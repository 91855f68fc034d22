/**
 * IPv4 TCP sockets: socket, connect, bind, listen, accept, and a
 * `SockaddrIn` built from four octets and a port, with the byte order
 * handled here (ports and addresses are given in host order).
 */
import { type u8, type u16, type u32, type u64, type i64, type str, type Fd, type FdResult, type SysResult, type Struct, syscall, unsafe, addressOf, sizeof, load, ARCH_ARM64 } from "lwanga";

/** `struct sockaddr_in` of <netinet/in.h>: 16 bytes. */
export interface SockaddrIn extends Struct {
  family: u16;
  /** Network byte order. */
  port: u16;
  /** Network byte order. */
  addr: u32;
  zero: u64;
}

export const AF_INET: u64 = 2;
export const SOCK_STREAM: u64 = 1;
export const SOL_SOCKET: u64 = 1;
export const SO_REUSEADDR: u64 = 2;

/** A 16-bit value in network byte order. */
export function htons(x: u16): u16 {
  return ((x & 0xff) << 8) | (x >> 8);
}

/** The address a.b.c.d, port `port` (host order). */
export function ipv4(a: u8, b: u8, c: u8, d: u8, port: u16): SockaddrIn {
  const addr: u32 = (a as u32) | ((b as u32) << 8) | ((c as u32) << 16) | ((d as u32) << 24);
  return { family: 2, port: htons(port), addr: addr, zero: 0 };
}

/**
 * Parses dotted-quad text ("127.0.0.1") into an address in network byte
 * order (as stored in `SockaddrIn.addr`), or -1 when it is not one.
 */
export function parseIpv4(s: str): i64 {
  let addr: u32 = 0;
  let part: u32 = 0;
  let digits: u32 = 0;
  let parts: u32 = 0;
  let i: u64 = 0;
  while (true) {
    const c: u8 = unsafe(() => load<u8>(s, i));
    if (c >= 48 && c <= 57) {
      part = part * 10 + (c - 48);
      digits++;
      if (part > 255 || digits > 3) return -1;
    } else if (c == 46 || c == 0) {
      if (digits == 0 || parts == 4) return -1;
      addr = addr | (part << (parts * 8));
      parts++;
      part = 0;
      digits = 0;
      if (c == 0) break;
    } else {
      return -1;
    }
    i++;
  }
  if (parts != 4) return -1;
  return addr as i64;
}

/** An address from `parseIpv4` (network order) and a port (host order). */
export function sockaddr(addr: u32, port: u16): SockaddrIn {
  return { family: 2, port: htons(port), addr: addr, zero: 0 };
}

/** A new TCP socket. */
export function tcpSocket(): FdResult {
  return unsafe(() => syscall(ARCH_ARM64 ? 198 : 41, AF_INET, SOCK_STREAM, 0));
}

export function connect(fd: Fd, addr: SockaddrIn): SysResult {
  return unsafe(() => syscall(ARCH_ARM64 ? 203 : 42, fd, addressOf(addr), sizeof<SockaddrIn>()));
}

export function bind(fd: Fd, addr: SockaddrIn): SysResult {
  return unsafe(() => syscall(ARCH_ARM64 ? 200 : 49, fd, addressOf(addr), sizeof<SockaddrIn>()));
}

export function listen(fd: Fd, backlog: u64): SysResult {
  return unsafe(() => syscall(ARCH_ARM64 ? 201 : 50, fd, backlog));
}

/** Waits for a connection; the new connection's descriptor. */
export function accept(fd: Fd): FdResult {
  return unsafe(() => syscall(ARCH_ARM64 ? 202 : 43, fd, 0, 0));
}

/** SO_REUSEADDR, so a server can restart on a port in TIME_WAIT. */
export function reuseAddress(fd: Fd): SysResult {
  let one: u32 = 1;
  return unsafe(() => syscall(ARCH_ARM64 ? 208 : 54, fd, SOL_SOCKET, SO_REUSEADDR, addressOf(one), 4));
}
