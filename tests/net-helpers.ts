/**
 * Loopback helpers for tests that run real network programs: a port nothing
 * listens on, a client that sends a payload and reads the echo, waiting for
 * a server's first output, and running a program without blocking the
 * event loop (so the test's own server keeps serving).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createConnection, createServer, type AddressInfo } from "node:net";

/** A port nothing listens on: bind one, then close it. */
export async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** Connects to 127.0.0.1:port, sends `payload`, closes its side and returns everything read back. */
export function echoThrough(port: number, payload: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const sock = createConnection({ port, host: "127.0.0.1" }, () => sock.end(payload));
    let got = "";
    sock.on("data", (d) => (got += d.toString()));
    sock.on("end", () => resolve(got));
    sock.on("error", reject);
  });
}

/** Resolves at the child's first stdout output (a server saying it listens); rejects if it exits first. */
export function firstOutput(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`server exited early with ${code}`)));
  });
}

/** The child's exit code, once it has exited. */
export function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise<number | null>((r) => (child.exitCode !== null ? r(child.exitCode) : child.once("exit", r)));
}

/** Runs a program without blocking the event loop. */
export function runAsync(exe: string, args: string[]): Promise<{ stdout: string; status: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(exe, args);
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ stdout, status }));
  });
}
