import type { u64 } from "lwanga";

function div(a: u64, b: u64): u64 {
  return a / b;
}

export function main(): u64 {
  return div(10, 0);
}
// signal: SIGFPE
