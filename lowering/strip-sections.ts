/**
 * The `--strip-sections` post-pass: takes a linked static ELF64 executable
 * and produces the same program without its section-header table. The
 * kernel loads an executable from its program headers only; section headers
 * (and `.shstrtab`, `.symtab`, `.comment`, ... which only they reference)
 * exist for linkers and debuggers. So the pass clears `e_shoff`, `e_shnum`,
 * `e_shentsize` and `e_shstrndx` and truncates the file after the last byte
 * that the ELF header, the program-header table or a segment's file image
 * covers. Nothing is moved, so every segment keeps its offset and address
 * and the program runs as before.
 *
 * Input that is not an ELF64 executable this pass understands is reported
 * as a problem (a string) and left untouched; the pass never throws on it.
 */
import { chmodSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

const EHDR_SIZE = 64;
const PHDR_SIZE = 56;
const ET_EXEC = 2;
const ET_DYN = 3;

export type StripOutcome =
  | { ok: true; bytes: Buffer; before: number; after: number }
  | { ok: false; problem: string };

/** Returns `image` without section headers, or the reason it cannot. Does not modify `image`. */
export function stripSectionHeaders(image: Uint8Array): StripOutcome {
  const buf = Buffer.from(image.buffer, image.byteOffset, image.byteLength);
  if (buf.length < EHDR_SIZE || buf.readUInt32BE(0) !== 0x7f454c46) return { ok: false, problem: "not an ELF file" };
  if (buf[4] !== 2) return { ok: false, problem: "not a 64-bit ELF file" };
  if (buf[5] !== 1) return { ok: false, problem: "not a little-endian ELF file" };
  const type = buf.readUInt16LE(16);
  if (type !== ET_EXEC && type !== ET_DYN) return { ok: false, problem: "not an executable (ELF type is neither EXEC nor DYN)" };
  const phoff = buf.readBigUInt64LE(32);
  const phentsize = buf.readUInt16LE(54);
  const phnum = buf.readUInt16LE(56);
  if (phnum === 0) return { ok: false, problem: "no program headers: nothing would load" };
  if (phentsize !== PHDR_SIZE) return { ok: false, problem: `unexpected program-header size ${phentsize}` };
  if (phnum === 0xffff) return { ok: false, problem: "extended program-header count (PN_XNUM) lives in a section header" };
  const tableEnd = phoff + BigInt(phnum * PHDR_SIZE);
  if (tableEnd > BigInt(buf.length)) return { ok: false, problem: "program-header table runs past the end of the file" };

  // The file must keep the ELF header, the program-header table and every segment's file image.
  let keep = tableEnd > BigInt(EHDR_SIZE) ? tableEnd : BigInt(EHDR_SIZE);
  for (let i = 0; i < phnum; i++) {
    const at = Number(phoff) + i * PHDR_SIZE;
    const offset = buf.readBigUInt64LE(at + 8);
    const fileSize = buf.readBigUInt64LE(at + 32);
    if (fileSize === 0n) continue;
    const end = offset + fileSize;
    if (end > BigInt(buf.length)) return { ok: false, problem: `segment ${i} runs past the end of the file` };
    if (end > keep) keep = end;
  }

  const out = Buffer.from(buf.subarray(0, Number(keep)));
  out.writeBigUInt64LE(0n, 40); // e_shoff
  out.writeUInt16LE(0, 58); // e_shentsize
  out.writeUInt16LE(0, 60); // e_shnum
  out.writeUInt16LE(0, 62); // e_shstrndx (SHN_UNDEF)
  return { ok: true, bytes: out, before: buf.length, after: out.length };
}

export type StripFileOutcome =
  | { ok: true; before: number; after: number }
  | { ok: false; problem: string };

/**
 * Strips the executable at `path` in place: the new image goes to a temporary
 * file in the same folder, gets the original mode, and replaces the original
 * by rename, so `path` is never left half-written.
 */
export function stripSectionsFile(path: string): StripFileOutcome {
  let image: Buffer;
  let mode: number;
  try {
    image = readFileSync(path);
    mode = statSync(path).mode & 0o7777;
  } catch (e) {
    return { ok: false, problem: `cannot read '${path}': ${(e as Error).message}` };
  }
  const r = stripSectionHeaders(image);
  if (!r.ok) return r;
  const tmp = join(dirname(path), `.${basename(path)}.strip-${process.pid}`);
  try {
    writeFileSync(tmp, r.bytes, { mode });
    chmodSync(tmp, mode); // writeFileSync's mode is filtered by the umask
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    return { ok: false, problem: `cannot rewrite '${path}': ${(e as Error).message}` };
  }
  return { ok: true, before: r.before, after: r.after };
}
