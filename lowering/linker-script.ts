/**
 * The linker script used when a program has writable data. With `ld -n` and
 * the default script, `.data`/`.bss` share the text segment, which becomes
 * writable and executable. This script puts text and read-only data in an
 * R+X segment and data in an R+W segment at the same page offset (no file
 * padding), plus a non-executable stack. Programs without writable data are
 * linked without it (one segment less: hello world stays at 512 bytes).
 */
export function linkerScript(target: "x86_64" | "aarch64"): string {
  const base = target === "x86_64" ? "0x400000" : "0x400000";
  const page = target === "x86_64" ? "0x1000" : "0x10000";
  return `ENTRY(_start)
PHDRS {
  text PT_LOAD FILEHDR PHDRS FLAGS(5);
  data PT_LOAD FLAGS(6);
  stack PT_GNU_STACK FLAGS(6);
}
SECTIONS {
  . = ${base} + SIZEOF_HEADERS;
  .text : { *(.text .text.*) } :text
  .rodata : { *(.rodata .rodata.*) } :text
  . = ALIGN(${page}) + (. & (${page} - 1));
  .data : { *(.data .data.*) } :data
  .bss : { *(.bss .bss.*) *(COMMON) } :data
  /DISCARD/ : { *(.comment) *(.note .note.*) *(.eh_frame .eh_frame_hdr) }
}
`;
}
