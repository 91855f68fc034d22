/**
 * Where the CLI's output goes: the process's stdout/stderr, or — while
 * `lwanga serve` answers a request (serve.ts) — frames to the client that
 * asked. Requests are served one at a time, so one current sink suffices.
 */
export interface Io {
  out(text: string | Uint8Array): void;
  err(text: string | Uint8Array): void;
}

const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

let current: Io = processIo;

/** The CLI writes through this. */
export const io: Io = {
  out: (text) => current.out(text),
  err: (text) => current.err(text),
};

/** Runs `fn` with the CLI's output going to `sink`. */
export async function withIo<T>(sink: Io, fn: () => Promise<T>): Promise<T> {
  const previous = current;
  current = sink;
  try {
    return await fn();
  } finally {
    current = previous;
  }
}
