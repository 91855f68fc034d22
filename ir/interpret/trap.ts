/**
 * How a run ends early: a JS exception carrying the interpreter's result
 * (exit by syscall, a signal such as SIGFPE/SIGSEGV, or an interpreter
 * error such as the step or recursion limit). Thrown anywhere in the
 * evaluator, caught once by `interpret`.
 */

export type Signal = "SIGFPE" | "SIGSEGV" | "SIGILL" | "SIGBUS" | "SIGABRT";

export type InterpretResult =
  | { exitCode: number }
  | { signal: Signal }
  | { error: string };

export class Trap {
  private constructor(readonly result: InterpretResult) {}

  static exit(code: number): Trap {
    return new Trap({ exitCode: code & 0xff });
  }

  static signal(signal: Signal): Trap {
    return new Trap({ signal });
  }

  static error(message: string): Trap {
    return new Trap({ error: message });
  }
}
