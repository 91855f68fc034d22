// A naked DSL function with an ordinary statement in its body.
import { type u64, asm } from "lwanga";

function f(a: u64): u64 {
  "naked";
  asm("mov rax, rdi", "ret");
  let y: u64 = a + 1;
  return 0;
}

export function main(): u64 {
  return f(1);
}
// error: LW2043 7:3
