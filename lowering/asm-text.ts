/**
 * Turns the asm text of a checked `AsmStmt` into an LLVM inline-asm
 * template and its string literal.
 *
 * Template rules (LLVM): `$N` is operand N, `$$` a literal `$`, `${:uid}` a
 * number unique to each emitted copy of the asm. Source rules (LANGUAGE.md):
 * in an extended block `$N` and `%N` below the operand count are operands,
 * `$$` and `%%` are literal `$` and `%`; labels defined in the block are
 * local to it (renamed with `${:uid}`, so inlining or unrolling cannot
 * duplicate a symbol); in a plain block, names of variables in
 * `namedLocals` become memory operands of the variable's own size.
 */

export interface TemplateOptions {
  extended: boolean;
  operandCount: number;
  syntax: "intel" | "att";
  /** Plain block: variable name → operand index and size in bytes (0 for aggregates). */
  named: Map<string, { index: number; size: number }>;
  /** Names of functions (and a naked function's globals) → their symbols. */
  symbols?: Map<string, string>;
}

const PTR_SIZE: Record<number, string> = { 1: "byte", 2: "word", 4: "dword", 8: "qword" };

export function asmTemplate(lines: string[], o: TemplateOptions): string {
  const labels = new Set<string>();
  for (const line of lines) {
    const m = /^\s*([A-Za-z_.][\w.$]*)\s*:/.exec(line);
    if (m) labels.add(m[1]);
  }
  return lines.map((line) => convertLine(line, labels, o)).join("\n");
}

function convertLine(line: string, labels: Set<string>, o: TemplateOptions): string {
  let out = "";
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === '"') {
      // String literal of a directive: copied verbatim, `$` escaped. LLVM's
      // Intel-dialect printer drops `$$`, so there `$` becomes the octal escape.
      let j = i + 1;
      while (j < line.length && line[j] !== '"') j += line[j] === "\\" ? 2 : 1;
      out += line.slice(i, j + 1).replace(/\$/g, o.syntax === "intel" ? "\\044" : "$$$$");
      i = j + 1;
      continue;
    }
    if (c === "$" || (c === "%" && o.extended)) {
      const next = line[i + 1];
      if (next === c) {
        out += c === "$" ? "$$" : "%";
        i += 2;
        continue;
      }
      const num = /^[0-9]+/.exec(line.slice(i + 1));
      if (o.extended && num && Number(num[0]) < o.operandCount && !/[\w]/.test(line[i + 1 + num[0].length] ?? "")) {
        out += `\${${num[0]}}`;
        i += 1 + num[0].length;
        continue;
      }
      out += c === "$" ? "$$" : c;
      i += 1;
      continue;
    }
    if (/[A-Za-z_.]/.test(c) && !/[\w.$%]/.test(line[i - 1] ?? "")) {
      const word = /^[A-Za-z_.][\w.$]*/.exec(line.slice(i))![0];
      if (labels.has(word)) {
        out += `.Llw\${:uid}_${word.replace(/\$/g, "_")}`;
      } else if (o.symbols?.has(word) && !(!o.extended && o.named.has(word))) {
        out += o.symbols.get(word)!.replace(/\$/g, "$$$$");
      } else if (!o.extended && o.named.has(word)) {
        const { index, size } = o.named.get(word)!;
        out += o.syntax === "intel" && PTR_SIZE[size] ? `${PTR_SIZE[size]} ptr \${${index}}` : `\${${index}}`;
      } else {
        out += word.replace(/\$/g, "$$$$");
      }
      i += word.length;
      continue;
    }
    out += c;
    i += 1;
  }
  return out;
}

/** An LLVM IR string literal body: `"` `\` and control or non-ASCII bytes as `\XX`. */
export function llvmString(text: string): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    if (byte < 0x20 || byte >= 0x7f || byte === 0x22 || byte === 0x5c) out += "\\" + byte.toString(16).toUpperCase().padStart(2, "0");
    else out += String.fromCharCode(byte);
  }
  return out;
}
