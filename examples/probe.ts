// TCP connect probe: `probe HOST PORT` (e.g. `probe 127.0.0.1 8080`).
// Prints whether something listens there; exit 0 if it does, 1 if not, 2 on
// bad usage. The typed wrappers make the seed probe's bug (a 36-byte
// message written with a hand-counted length of 37) impossible: `print`
// takes a `str` and measures it.
import type { u16, u32, u64, i64, Ptr, str, FdResult, SysResult } from "lwanga";
import { print, eprint } from "lwanga/std/io";
import { arg } from "lwanga/std/process";
import { parseU64 } from "lwanga/std/str";
import { close } from "lwanga/std/fs";
import { tcpSocket, connect, parseIpv4, sockaddr } from "lwanga/std/net";
import { isOk } from "lwanga/std/errors";

export function main(argc: u64, argv: Ptr<str>): u64 {
  if (argc != 3) {
    eprint("usage: probe HOST PORT\n");
    return 2;
  }
  const host: i64 = parseIpv4(arg(argv, 1));
  const port: i64 = parseU64(arg(argv, 2));
  if (host < 0) {
    eprint("probe: invalid IPv4 address\n");
    return 2;
  }
  if (port <= 0 || port > 65535) {
    eprint("probe: invalid port\n");
    return 2;
  }
  const fd: FdResult = tcpSocket();
  if (!isOk(fd)) {
    eprint("probe: cannot create a socket\n");
    return 2;
  }
  const status: SysResult = connect(fd, sockaddr(host as u32, port as u16));
  close(fd);
  if (isOk(status)) {
    print("Probe: Success (Service Reachable)\n");
    return 0;
  }
  print("Probe: Failed (Service Unreachable)\n");
  return 1;
}
