// Hello world in the TypeScript DSL: `lwanga build examples/hello.ts -o hello`.
import { print } from "lwanga/std/io";

export function main(): void {
  print("Hello, World!\n");
}
