import type { u64 } from "lwanga";

export const MAGIC: u64 = 21;

export function triple(x: u64): u64 {
  return x * 3;
}
