// An assembler error in the DSL points at the line inside the template literal.
import { type u64, asm, unsafe } from "lwanga";

export function main(): u64 {
  unsafe(() => asm(`
    mov rax, 1
    movz rbx, 2
  `));
  return 0;
}
// error: LW4102 7:5
