// cat: `cat [FILE...]` copies each file (or standard input when there is
// none) to standard output. Exit 0 on success, 1 if a file cannot be read.
import type { bool, u8, u64, Ptr, str, FixedArray, Fd, FdResult, CountResult } from "lwanga";
import { addressOf } from "lwanga";
import { eprint, read, writeAll } from "lwanga/std/io";
import { arg } from "lwanga/std/process";
import { open, close, O_RDONLY } from "lwanga/std/fs";
import { isOk } from "lwanga/std/errors";

/** Copies `fd` to standard output; false on a read or write error. */
function copy(fd: Fd): bool {
  const buf: FixedArray<u8, 65536> = [];
  while (true) {
    const n: CountResult = read(fd, addressOf(buf), 65536);
    if (!isOk(n)) return false;
    if (n == 0) return true;
    if (!isOk(writeAll(1, addressOf(buf), n as u64))) return false;
  }
}

export function main(argc: u64, argv: Ptr<str>): u64 {
  if (argc < 2) return copy(0) ? 0 : 1;
  let status: u64 = 0;
  for (let i: u64 = 1; i < argc; i++) {
    const path: str = arg(argv, i);
    const fd: FdResult = open(path, O_RDONLY);
    if (!isOk(fd)) {
      eprint("cat: cannot open ");
      eprint(path);
      eprint("\n");
      status = 1;
      continue;
    }
    if (!copy(fd)) status = 1;
    close(fd);
  }
  return status;
}
