/**
 * Binary-size rows: hello, probe, cat and echo server in `.lw` and `.ts`
 * (examples/), at -O2 and -Os, each as built by default (anchor: the C twin
 * with the minimal linker script) and with `--strip-sections` (anchor: the
 * C twin with section headers removed too), next to the C twins without
 * libc at the three size settings (flags only, minimal linker script,
 * section headers removed) and with glibc (`gcc -O2 -static`). Every binary is
 * also run once (hello must print its greeting; the others are started
 * without arguments and must exit normally) and checked to have
 * no segment both writable and executable.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CAnchors, Built } from "./builders.ts";
import { lwangaBuild, ROOT } from "./builders.ts";
import { C_PROGRAMS } from "./c-sources.ts";
import { ratio, run } from "./proc.ts";
import type { Row } from "./report.ts";

export const SIZE_PROGRAMS = ["hello", "probe", "cat", "echo_server"] as const;

const PF_X = 1;
const PF_W = 2;

/** Null when the binary runs as expected and is W^X; otherwise what is wrong. */
export function checkBinary(path: string, program: string): string | null {
  const buf = readFileSync(path);
  const phoff = Number(buf.readBigUInt64LE(32));
  const phnum = buf.readUInt16LE(56);
  for (let i = 0; i < phnum; i++) {
    const flags = buf.readUInt32LE(phoff + i * 56 + 4);
    if ((flags & PF_W) && (flags & PF_X)) return "has a writable+executable segment";
  }
  const r = run(path, [], { timeoutMs: 5_000 });
  if (r.signal) return `killed by ${r.signal}`;
  if (program === "hello") return r.ok && r.stdout === "Hello, World!\n" ? null : `printed ${JSON.stringify(r.stdout)}, exit ${r.status}`;
  // Without arguments the others print their usage (or, for a cat, copy the empty stdin): any exit status will do.
  return r.status === null ? "did not exit" : null;
}

export function sizeRows(c: CAnchors, dir: string, log: (s: string) => void): { rows: Row[]; anchors: Record<string, Built> } {
  const rows: Row[] = [];
  const anchors: Record<string, Built> = {};
  for (const p of SIZE_PROGRAMS) {
    log(`size: ${p}`);
    const glibc = c.glibc(p);
    // The .ts examples do more than the .lw ones (probe.ts parses a host, ...): those have twins of their own.
    const twins = (lang: "lw" | "ts") => (lang === "ts" && `${p}_ts` in C_PROGRAMS ? `${p}_ts` : p) as keyof typeof C_PROGRAMS;
    const twinRows = new Map<string, { script: Built; stripped: Built }>();
    for (const twin of new Set([twins("lw"), twins("ts")])) {
      const flags = c.nolibcSize(twin, "flags");
      const script = c.nolibcSize(twin, "script");
      const stripped = c.nolibcSize(twin, "stripped");
      twinRows.set(twin, { script, stripped });
      const cRow = (name: string, b: Built): Row => {
        const problem = b.path ? checkBinary(b.path, p) : null;
        return {
          section: "size", name, value: b.size ?? null, unit: "B", anchor: `C ${twin} no-libc stripped`, anchorValue: stripped.size ?? null,
          ratio: ratio(b.size, stripped.size ?? null), note: b.note ?? problem ?? undefined,
        };
      };
      rows.push(cRow(`C ${twin} no-libc gcc -Os, ld flags only`, flags));
      rows.push(cRow(`C ${twin} no-libc gcc -Os, minimal linker script`, script));
      rows.push({ ...cRow(`C ${twin} no-libc gcc -Os, script + strip-sections`, stripped), ratio: stripped.size ? 1 : null });
      if (twin === p) {
        anchors[p] = stripped;
        rows.push(cRow(`C ${p} glibc gcc -O2 -static`, glibc));
      }
    }
    for (const lang of ["lw", "ts"] as const) {
      const twin = twins(lang);
      const { script, stripped } = twinRows.get(twin)!;
      // lwanga's default output keeps its section headers, like the C "script" build; with
      // --strip-sections it is the minimised binary, compared with the stripped C anchor.
      const variants = [
        { suffix: "", extra: [], anchorName: `C ${twin} no-libc script`, anchor: script.size ?? null },
        { suffix: " --strip-sections", extra: ["--strip-sections"], anchorName: `C ${twin} no-libc stripped`, anchor: stripped.size ?? null },
      ];
      const src = join(ROOT, "examples", `${p}.${lang}`);
      for (const opt of ["2", "s"]) {
        for (const v of variants) {
          const name = `${p}.${lang} -O${opt}${v.suffix}`;
          if (!existsSync(src)) {
            rows.push({ section: "size", name, value: null, unit: "B", anchor: v.anchorName, anchorValue: v.anchor, note: `examples/${p}.${lang} does not exist` });
            continue;
          }
          const b = lwangaBuild(src, join(dir, `lw-${p}-${lang}-O${opt}${v.extra.join("")}`), opt, { extra: v.extra });
          const problem = b.path ? checkBinary(b.path, p) : null;
          rows.push({
            section: "size", name, value: b.size ?? null, unit: "B", anchor: v.anchorName, anchorValue: v.anchor,
            ratio: ratio(b.size, v.anchor), note: b.note ?? problem ?? undefined,
          });
        }
      }
    }
  }
  return { rows, anchors };
}
