// Inline asm in the DSL: a plain block naming locals, a template literal
// with a label, the extended form with outputs, inputs and clobbers.
import { type u64, asm, unsafe } from "lwanga";
import { print, printU64 } from "lwanga/std/io";

function show(v: u64): void {
  printU64(v);
  print("\n");
}

function triangle(n: u64): u64 {
  let r: u64 = 0;
  unsafe(() => asm(`
    mov rcx, n     // loop counter
    xor rax, rax
  again:
    add rax, rcx
    loop again
    mov r, rax
  `));
  return r;
}

export function main(): u64 {
  let a: u64 = 0;
  let b: u64 = 40;
  unsafe(() => asm("movq $1, $0", "addq $$2, $0", { outputs: [["=r", a]], inputs: [["r", b]], clobbers: ["cc"] }));
  show(a);
  let acc: u64 = 5;
  unsafe(() => {
    asm("add %0, %1", { outputs: [["+r", acc]], inputs: [["r", a]], clobbers: ["cc"] });
  });
  show(acc);
  show(triangle(4) + triangle(100));
  let t: u64 = 0;
  unsafe(() => asm("rdtsc", "shl rdx, 32", "or rax, rdx", "mov t, rax"));
  show(t > 0 ? 1 : 0);
  return 0;
}
// opt: 0 2
// expect: 42
// expect: 47
// expect: 5060
// expect: 1
