import { print, printU64, printI64 } from "lwanga/std/io";
import type { FdResult, u64 } from "lwanga";
import { open, close, O_RDONLY } from "lwanga/std/fs";
import { isOk, isErr, errnoOf, ENOENT } from "lwanga/std/errors";

export function main(): u64 {
  const bad: FdResult = open("/nonexistent/file", O_RDONLY);
  if (isOk(bad)) return 1;
  print(isErr(bad) ? "error " : "? ");
  printU64(errnoOf(bad));
  print(errnoOf(bad) == ENOENT ? " ENOENT\n" : " other\n");
  const good: FdResult = open("/proc/self/stat", O_RDONLY);
  if (!isOk(good)) return 2;
  print(isOk(close(good)) ? "closed\n" : "close failed\n");
  return 0;
}
// expect: error 2 ENOENT
// expect: closed
