import type { u64 } from "lwanga";

export function main(): u64 {
  return 42;
}
// exit: 42
