/**
 * Reads the program headers of a 64-bit little-endian ELF file, to check
 * what the linker produced: no segment both writable and executable, no
 * dynamic section or interpreter (a static, self-contained executable).
 */
import { readFileSync } from "node:fs";

export interface Segment {
  type: number;
  flags: number;
  offset: number;
  vaddr: number;
  fileSize: number;
  memSize: number;
}

export const PT_LOAD = 1;
export const PT_DYNAMIC = 2;
export const PT_INTERP = 3;
const PF_X = 1;
const PF_W = 2;

export function readSegments(path: string): Segment[] | null {
  const buf = readFileSync(path);
  if (buf.length < 64 || buf.readUInt32BE(0) !== 0x7f454c46 || buf[4] !== 2 || buf[5] !== 1) return null;
  const phoff = Number(buf.readBigUInt64LE(32));
  const phentsize = buf.readUInt16LE(54);
  const phnum = buf.readUInt16LE(56);
  const out: Segment[] = [];
  for (let i = 0; i < phnum; i++) {
    const at = phoff + i * phentsize;
    if (at + 56 > buf.length) return null;
    out.push({
      type: buf.readUInt32LE(at),
      flags: buf.readUInt32LE(at + 4),
      offset: Number(buf.readBigUInt64LE(at + 8)),
      vaddr: Number(buf.readBigUInt64LE(at + 16)),
      fileSize: Number(buf.readBigUInt64LE(at + 32)),
      memSize: Number(buf.readBigUInt64LE(at + 40)),
    });
  }
  return out;
}

/**
 * Problems with a linked executable, empty when it is static and W^X. A
 * static PIE (`pie`) keeps a dynamic section (its own relative
 * relocations) but still has no interpreter.
 */
export function elfProblems(path: string, options: { pie?: boolean } = {}): string[] {
  const segs = readSegments(path);
  if (!segs) return ["not a 64-bit little-endian ELF file"];
  const problems: string[] = [];
  if (segs.some((s) => s.type === PT_LOAD && (s.flags & PF_W) && (s.flags & PF_X))) problems.push("a segment is both writable and executable");
  if (!options.pie && segs.some((s) => s.type === PT_DYNAMIC)) problems.push("it has a dynamic section");
  if (segs.some((s) => s.type === PT_INTERP)) problems.push("it requests an interpreter");
  return problems;
}
