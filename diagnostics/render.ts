/**
 * Renders diagnostics in the rustc style shared by both languages:
 *
 *   error[LW2003]: undefined identifier 'xz'
 *    --> prog.lw:4:9
 *     |
 *   4 |     let y: u64 = xz + 1;
 *     |                  ^^
 *     = help: did you mean 'x'?
 */
import type { Diagnostic, SourceMap } from "./diagnostics.ts";

export function renderDiagnostic(d: Diagnostic, sources: SourceMap): string {
  const out: string[] = [`${d.severity}[${d.code}]: ${d.message}`];
  if (d.span && sources.get(d.span.file)) {
    const file = sources.get(d.span.file);
    const { line, col } = sources.lineCol(d.span.file, d.span.start);
    const end = sources.lineCol(d.span.file, Math.max(d.span.start, d.span.end - 1));
    const gutter = " ".repeat(String(line).length);
    const text = sources.lineText(d.span.file, line);
    const width = end.line === line ? Math.max(1, end.col - col + 1) : Math.max(1, text.length - col + 1);
    const shown = lineWindow(text, col);
    out.push(`${gutter}--> ${file.path}:${line}:${col}`);
    out.push(`${gutter} |`);
    out.push(`${line} | ${shown.text.replace(/\t/g, " ")}`);
    out.push(`${gutter} | ${" ".repeat(shown.caret)}${"^".repeat(Math.max(1, Math.min(width, shown.text.length - shown.caret)))}`);
    for (const n of d.notes ?? []) out.push(`${gutter} = note: ${n.message}${noteLocation(n.span, sources)}`);
    if (d.help) out.push(`${gutter} = help: ${d.help}`);
  } else {
    for (const n of d.notes ?? []) out.push(`  = note: ${n.message}${noteLocation(n.span, sources)}`);
    if (d.help) out.push(`  = help: ${d.help}`);
  }
  return out.join("\n");
}

/** Long lines are echoed as a window around the column, so thousands of errors on one huge line stay small. */
const WINDOW = 120;

function lineWindow(text: string, col: number): { text: string; caret: number } {
  if (text.length <= WINDOW) return { text, caret: col - 1 };
  const start = Math.max(0, Math.min(col - 1 - WINDOW / 2, text.length - WINDOW));
  const end = Math.min(text.length, start + WINDOW);
  const prefix = start > 0 ? "..." : "";
  return { text: prefix + text.slice(start, end) + (end < text.length ? "..." : ""), caret: col - 1 - start + prefix.length };
}

function noteLocation(span: Diagnostic["span"], sources: SourceMap): string {
  if (!span || !sources.get(span.file)) return "";
  const { line, col } = sources.lineCol(span.file, span.start);
  return ` (${sources.get(span.file).path}:${line}:${col})`;
}

/** All diagnostics, errors and warnings, followed by a summary line. */
export function renderAll(items: Diagnostic[], sources: SourceMap): string {
  if (items.length === 0) return "";
  const parts = items.map((d) => renderDiagnostic(d, sources));
  const errors = items.filter((d) => d.severity === "error").length;
  if (errors > 0) parts.push(`error: could not compile due to ${errors} previous error${errors === 1 ? "" : "s"}`);
  return parts.join("\n\n") + "\n";
}
