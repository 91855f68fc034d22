// TCP echo server: `echo_server PORT [COUNT]` listens on 127.0.0.1:PORT,
// prints "listening" once ready, and serves COUNT connections (default 1)
// one after another, sending back every byte it receives until the client
// closes. Exit 0 when done, 1 on a socket error, 2 on bad usage.
import type { u8, u16, u64, i64, Ptr, str, FixedArray, FdResult, Fd, CountResult } from "lwanga";
import { addressOf } from "lwanga";
import { print, eprint, read, writeAll } from "lwanga/std/io";
import { arg } from "lwanga/std/process";
import { parseU64 } from "lwanga/std/str";
import { close } from "lwanga/std/fs";
import { tcpSocket, bind, listen, accept, ipv4, reuseAddress } from "lwanga/std/net";
import { isOk } from "lwanga/std/errors";

/** Echoes one connection until the client closes it. */
function serve(client: Fd): void {
  const buf: FixedArray<u8, 4096> = [];
  while (true) {
    const n: CountResult = read(client, addressOf(buf), 4096);
    if (!isOk(n) || n == 0) break;
    writeAll(client, addressOf(buf), n as u64);
  }
}

export function main(argc: u64, argv: Ptr<str>): u64 {
  if (argc < 2 || argc > 3) {
    eprint("usage: echo_server PORT [COUNT]\n");
    return 2;
  }
  const port: i64 = parseU64(arg(argv, 1));
  if (port <= 0 || port > 65535) {
    eprint("echo_server: invalid port\n");
    return 2;
  }
  let count: i64 = 1;
  if (argc == 3) count = parseU64(arg(argv, 2));
  if (count < 0) {
    eprint("echo_server: invalid count\n");
    return 2;
  }
  const server: FdResult = tcpSocket();
  if (!isOk(server)) return 1;
  reuseAddress(server);
  if (!isOk(bind(server, ipv4(127, 0, 0, 1, port as u16)))) {
    eprint("echo_server: cannot bind\n");
    return 1;
  }
  if (!isOk(listen(server, 16))) return 1;
  print("listening\n");
  for (let i: i64 = 0; i < count; i++) {
    const client: FdResult = accept(server);
    if (!isOk(client)) return 1;
    serve(client);
    close(client);
  }
  close(server);
  return 0;
}
