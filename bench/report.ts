/**
 * Rows of the benchmark and how they are printed: each row has a value, the
 * anchor it is compared with and the ratio value/anchor (below 1 is better
 * for every measure here: bytes, instructions, milliseconds, KiB). The same
 * rows go to bench/results/latest.json.
 */

export interface Row {
  section: "size" | "speed" | "latency" | "startup" | "memory";
  name: string;
  value: number | null;
  unit: string;
  anchor?: string;
  anchorValue?: number | null;
  ratio?: number | null;
  /** Why a value is missing, or what else to know about the row. */
  note?: string;
  /** Secondary figures (stage breakdown, native time, ...), kept in the JSON. */
  detail?: Record<string, unknown>;
}

const TITLES: Record<Row["section"], string> = {
  size: "Binary size (bytes; anchor: C without libc, gcc -Os, minimal linker script; for --strip-sections rows also section headers removed)",
  speed: "Generated-code speed (callgrind instructions; anchor: clang-14 -O2, same LLVM back end)",
  latency: "Compile latency (ms, median of 10 cold processes; anchor: gcc on the C twin)",
  startup: "Start-up (exec-to-exit µs, median of interleaved runs)",
  memory: "Compiler peak RSS (KiB, /usr/bin/time -v, median of the latency runs)",
};

function fmt(v: number | null | undefined, unit: string): string {
  if (v == null || !Number.isFinite(v)) return "n/a";
  if (unit === "B" || unit === "Ir" || unit === "KiB") return Math.round(v).toLocaleString("en-US");
  if (v >= 100) return v.toFixed(0);
  if (v >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

function fmtRatio(r: number | null | undefined): string {
  return r == null || !Number.isFinite(r) ? "" : `${r.toFixed(3)}×`;
}

export function renderTable(rows: Row[]): string {
  const out: string[] = [];
  for (const section of Object.keys(TITLES) as Row["section"][]) {
    const rs = rows.filter((r) => r.section === section);
    if (rs.length === 0) continue;
    out.push("", `## ${TITLES[section]}`);
    const cells = rs.map((r) => [
      r.name,
      `${fmt(r.value, r.unit)} ${r.value == null ? "" : r.unit}`.trim(),
      r.anchor ?? "",
      r.anchorValue === undefined ? "" : fmt(r.anchorValue, r.unit),
      fmtRatio(r.ratio),
      r.note ?? "",
    ]);
    const head = ["row", "value", "anchor", "anchor value", "ratio", "note"];
    const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
    const line = (c: string[]) => `| ${c.map((x, i) => (i === 1 || i === 3 || i === 4 ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join(" | ")} |`;
    out.push(line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...cells.map(line));
  }
  return out.join("\n") + "\n";
}
