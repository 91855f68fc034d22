// Naked functions in the DSL: the directive "naked" first; parameters stay
// in rdi, rsi, rdx, the asm returns itself. A naked `_start` replaces the entry.
import { type u64, asm } from "lwanga";

function add3(a: u64, b: u64, c: u64): u64 {
  "naked";
  asm(
    "lea rax, [rdi + rsi]",
    "add rax, rdx",
    "ret",
  );
  return 0;
}

function twice(x: u64): u64 {
  return add3(x, x, 0);
}

export function _start(): void {
  "naked";
  asm(`
    mov edi, 20
    call twice
    lea rdi, [rax + 2]
    mov eax, 60
    syscall
  `);
}
// opt: 0 2
// exit: 42
