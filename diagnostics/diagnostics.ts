/**
 * Diagnostics as data. Every stage pushes `Diagnostic` records into a shared
 * `Diagnostics` collector instead of throwing; `render.ts` turns them into the
 * rustc-style text the CLI prints. Spans are byte offsets into a source file
 * registered in the `SourceMap`; line and column are computed only when needed.
 *
 * Code ranges (see `codes.ts`): LW1xxx `.lw` syntax and preprocessor,
 * LW2xxx checker, LW3xxx DSL subset, LW4xxx lowering/toolchain, LW5xxx driver
 * (files, imports).
 */

/** A byte range `[start, end)` in the file with id `file` (see SourceMap). */
export interface Span {
  file: number;
  start: number;
  end: number;
}

export type Severity = "error" | "warning";

export interface Note {
  message: string;
  span?: Span;
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  span?: Span;
  /** One line of advice printed as `help: ...` (e.g. "did you mean 'x'?"). */
  help?: string;
  notes?: Note[];
}

export interface SourceFile {
  id: number;
  /** Path as given or resolved; shown in diagnostics. */
  path: string;
  text: string;
  /** Byte offset of the start of each line (filled lazily). */
  lineStarts?: number[];
}

/** All source files of one compilation; file ids index into `files`. */
export class SourceMap {
  readonly files: SourceFile[] = [];

  add(path: string, text: string): SourceFile {
    const file: SourceFile = { id: this.files.length, path, text };
    this.files.push(file);
    return file;
  }

  get(id: number): SourceFile {
    return this.files[id];
  }

  /** 1-based line and column (column counted in UTF-16 units of the text). */
  lineCol(file: number, offset: number): { line: number; col: number } {
    const f = this.files[file];
    if (!f) return { line: 1, col: 1 };
    if (!f.lineStarts) {
      const starts = [0];
      for (let i = 0; i < f.text.length; i++) if (f.text.charCodeAt(i) === 10) starts.push(i + 1);
      f.lineStarts = starts;
    }
    const starts = f.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo] + 1 };
  }

  /** The text of 1-based line `line` of `file`, without its newline. */
  lineText(file: number, line: number): string {
    const f = this.files[file];
    if (!f) return "";
    this.lineCol(file, 0);
    const starts = f.lineStarts!;
    const start = starts[line - 1] ?? f.text.length;
    const end = line < starts.length ? starts[line] - 1 : f.text.length;
    return f.text.slice(start, end).replace(/\r$/, "");
  }
}

/** Collects diagnostics; drops an exact repeat (same code and span). */
export class Diagnostics {
  readonly items: Diagnostic[] = [];
  private seen = new Set<string>();

  add(d: Diagnostic): void {
    const key = `${d.code}:${d.span?.file}:${d.span?.start}:${d.span?.end}:${d.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(d);
  }

  error(code: string, message: string, span?: Span, help?: string, notes?: Note[]): void {
    this.add({ code, severity: "error", message, span, help, notes });
  }

  warning(code: string, message: string, span?: Span, help?: string, notes?: Note[]): void {
    this.add({ code, severity: "warning", message, span, help, notes });
  }

  hasErrors(): boolean {
    return this.items.some((d) => d.severity === "error");
  }

  get errorCount(): number {
    return this.items.filter((d) => d.severity === "error").length;
  }
}

/** Joins two spans of the same file into one covering both. */
export function joinSpans(a: Span, b: Span): Span {
  if (a.file !== b.file) return a;
  return { file: a.file, start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** Edit distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = new Array(b.length + 1).fill(0).map((_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** The closest candidate to `name` if it is close enough to be a likely typo. */
export function suggestName(name: string, candidates: Iterable<string>): string | undefined {
  // Edit distance is quadratic: typos in very long names are not worth seconds of work.
  if (name.length > 64) return undefined;
  const limit = Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of candidates) {
    if (c === name || Math.abs(c.length - name.length) > limit) continue;
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestDist) {
      bestDist = d;
      best = c;
    }
  }
  // Replacing every letter of a short name is not a typo ('q' is no misspelling of 'x').
  return bestDist <= limit && bestDist < name.length ? best : undefined;
}
