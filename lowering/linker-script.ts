/**
 * Minimal GNU `ld` linker scripts for static executables without libc, and
 * the `ld` flags that go with them. The script takes the target and whether
 * the program has writable data, and produces:
 *
 *   - one R+X `PT_LOAD` segment that holds the ELF header, the program
 *     headers, `.text` and `.rodata` (no page padding with `ld -n`);
 *   - an R+W `PT_LOAD` segment for `.data`/`.bss` only when the program has
 *     writable data, at the same offset within a page as in the file (so the
 *     file needs no padding) but on its own page, so no page is both
 *     writable and executable;
 *   - a `PT_GNU_STACK` header with R+W flags: the stack is not executable
 *     (left out for `--strip-sections`, see `stackHeader`);
 *   - nothing else: `.comment`, `.note*` and `.eh_frame*` are discarded.
 *
 * With ld's default script and `-n`, `.data`/`.bss` would share the text
 * segment, which then becomes writable and executable; with this script a
 * hello world is 64 (ELF header) + 2 × 56 (program headers) + code bytes,
 * plus the section-header table that `strip-sections.ts` can remove.
 *
 * `hasWritableData(object)` reads an ELF64 relocatable object's section
 * headers to tell whether the RW segment is needed.
 */
import { readFileSync } from "node:fs";

export interface LinkerScriptOptions {
  /** Whether the program has `.data`/`.bss` (default true: the RW segment is emitted). */
  writableData?: boolean;
  /**
   * Static PIE (`--pic`): linked at 0, with the dynamic table (only
   * relative relocations, applied by the program's own `_start`) in the RW
   * segment and a `PT_DYNAMIC` header; the RW segment is always present.
   */
  pie?: boolean;
  /**
   * Emit `PT_GNU_STACK` (default true). Without it a 64-bit x86-64 or arm64
   * process still gets a non-executable stack and no READ_IMPLIES_EXEC
   * (Linux 5.8 and later: "missing PT_GNU_STACK" means exec-none on
   * x86-64 with NX, and arm64 never sets it), so `--strip-sections`, which
   * asks for the smallest file the kernel runs the same way, saves its 56
   * bytes; older x86-64 kernels would make readable memory executable.
   */
  stackHeader?: boolean;
}

/** Extra `ld` flags for a static PIE: no interpreter, and no relocation may patch the code segment. */
export const PIE_LD_FLAGS: readonly string[] = ["-pie", "--no-dynamic-linker", "-z", "text", "--hash-style=gnu"];

/** The flags to pass to `ld` with `-T <script>` (static, no page alignment, no symbols, no build id). */
export const MINIMAL_LD_FLAGS: readonly string[] = [
  "-static", "-nostdlib", "-n", "-s", "--gc-sections", "-z", "norelro", "--build-id=none", "-z", "noexecstack",
];

export function linkerScript(target: "x86_64" | "aarch64", options: LinkerScriptOptions = {}): string {
  const pie = options.pie ?? false;
  const base = pie ? "0" : "0x400000";
  // The largest page the kernel may use on the target: the RW segment must not share one with code.
  const page = target === "x86_64" ? "0x1000" : "0x10000";
  const data = pie || (options.writableData ?? true);
  const lines = [
    "ENTRY(_start)",
    "PHDRS {",
    "  text PT_LOAD FILEHDR PHDRS FLAGS(5);",
    ...(data ? ["  data PT_LOAD FLAGS(6);"] : []),
    ...(pie ? ["  dynamic PT_DYNAMIC FLAGS(6);"] : []),
    ...(options.stackHeader ?? true ? ["  stack PT_GNU_STACK FLAGS(6);"] : []),
    "}",
    "SECTIONS {",
    `  . = ${base} + SIZEOF_HEADERS;`,
    // One output section for code and constants: one section header less before stripping.
    "  .text : { *(.text.unlikely .text.unlikely.*) *(.text .text.*) *(.rodata .rodata.*) } :text",
    ...(pie
      ? [
        "  .dynsym : { *(.dynsym) } :text",
        "  .dynstr : { *(.dynstr) } :text",
        "  .gnu.hash : { *(.gnu.hash) } :text",
        "  .rela.dyn : { *(.rela.*) } :text",
      ]
      : []),
    ...(data
      ? [
        `  . = ALIGN(${page}) + (. & (${page} - 1));`,
        ...(pie
          ? [
            "  .dynamic : { *(.dynamic) } :data :dynamic",
            "  .got : { *(.got) *(.got.plt) *(.igot.plt) } :data",
            "  .data.rel.ro : { *(.data.rel.ro .data.rel.ro.*) } :data",
          ]
          : []),
        "  .data : { *(.data .data.*) } :data",
        "  .bss : { *(.bss .bss.*) *(COMMON) } :data",
      ]
      : []),
    "  /DISCARD/ : { *(.comment) *(.note .note.*) *(.eh_frame .eh_frame_hdr) *(.interp) }",
    "}",
    "",
  ];
  return lines.join("\n");
}

const SHF_WRITE = 0x1n;
const SHF_ALLOC = 0x2n;

/**
 * True when an ELF64 little-endian object (a path or its bytes) has a
 * non-empty section that is allocated and writable (`.data`, `.bss`, ...),
 * so the program needs the RW segment. Anything unreadable counts as true:
 * the two-segment script is always safe, only a little larger.
 */
export function hasWritableData(object: string | Uint8Array): boolean {
  let buf: Buffer;
  try {
    buf = typeof object === "string" ? readFileSync(object) : Buffer.from(object.buffer, object.byteOffset, object.byteLength);
  } catch {
    return true;
  }
  if (buf.length < 64 || buf.readUInt32BE(0) !== 0x7f454c46 || buf[4] !== 2 || buf[5] !== 1) return true;
  const shoff = Number(buf.readBigUInt64LE(40));
  const shentsize = buf.readUInt16LE(58);
  const shnum = buf.readUInt16LE(60);
  if (shentsize !== 64 || shoff + shnum * 64 > buf.length) return true;
  for (let i = 0; i < shnum; i++) {
    const at = shoff + i * 64;
    const flags = buf.readBigUInt64LE(at + 8);
    const size = buf.readBigUInt64LE(at + 32);
    // PROGBITS (.data) and NOBITS (.bss) alike need the RW segment.
    if (size > 0n && (flags & SHF_ALLOC) && (flags & SHF_WRITE)) return true;
  }
  return false;
}
