/**
 * The reference interpreter: runs a checked `Program` (ir/checked.ts) with
 * the exact semantics lowering must produce — BigInt integer arithmetic at
 * each width, flat little-endian memory with the real struct layout,
 * emulated syscalls — and reports how the process would end: an exit status
 * (low 8 bits), a signal, or an interpreter error (step or recursion limit,
 * something it cannot run such as inline asm). It is the oracle of the
 * differential tests and the engine behind `lwanga run --interp FILE`.
 *
 * Entry: `interpret(program, { argv, stdin, write, maxSteps })`. Output goes
 * through `write(fd, bytes)` as it happens, so a program that later traps
 * has still written what it wrote.
 */
import type { Program } from "../checked.ts";
import { Image } from "./image.ts";
import { Machine } from "./machine.ts";
import { Trap, type InterpretResult } from "./trap.ts";

export type { InterpretResult, Signal } from "./trap.ts";

export interface InterpretOptions {
  /** argv[0] first, as the kernel passes it. */
  argv: string[];
  stdin?: Uint8Array;
  /**
   * Live standard input instead of `stdin`: returns up to `max` bytes of fd
   * `fd` (empty at end of file). For `lwanga run --interp`, e.g.
   * `(fd, max) => { const b = Buffer.alloc(max); return b.subarray(0, readSync(fd, b)); }`.
   */
  read?(fd: number, max: number): Uint8Array;
  write(fd: number, bytes: Uint8Array): void;
  /** Statements, loop iterations and calls executed before giving up (default 1e9). */
  maxSteps?: number;
  /** Nested calls before giving up (default 5000). */
  maxDepth?: number;
  /** Bytes of stack (default 8 MiB, as Linux). */
  stackSize?: number;
}

export function interpret(program: Program, options: InterpretOptions): InterpretResult {
  try {
    const main = program.main;
    if (!main) {
      return { error: program.userStart ? "a program with its own naked _start cannot be interpreted" : "the program has no main function" };
    }
    const image = new Image(program, options.stackSize ?? 8 * 1024 * 1024);
    const argvAddress = image.pushArgv(options.argv);
    const machine = new Machine(
      image,
      { write: options.write, stdin: options.stdin ?? new Uint8Array(0), stdinPos: 0, read: options.read?.bind(options) },
      { maxSteps: options.maxSteps ?? 1e9, maxDepth: options.maxDepth ?? 5000 },
    );
    // main() or main(argc, argv): argc/argv are passed as the bits of their declared types.
    const args = main.params.map((p, i) => {
      const v = i === 0 ? BigInt(options.argv.length) : i === 1 ? argvAddress : 0n;
      return p.type.kind === "int" ? BigInt.asUintN(p.type.bits, v) : v;
    });
    const result = machine.call(main, args);
    if (typeof result === "bigint") return { exitCode: Number(result & 0xffn) };
    return { exitCode: 0 };
  } catch (e) {
    if (e instanceof Trap) return e.result;
    if (e instanceof RangeError && /call stack/i.test(e.message)) return { error: "interpreter stack overflow (recursion too deep)" };
    return { error: `interpreter failure: ${e instanceof Error ? e.message : String(e)}` };
  }
}
