/**
 * The Lwanga lexer: turns the text of one file into tokens (`tokens.ts`) for
 * the parser, running the preprocessor (`preprocess.ts`) as it goes. At the
 * start of every line it hands directive lines to the preprocessor and skips
 * lines of inactive `#if` regions; identifiers naming a macro with a value
 * are replaced by the value's tokens, which take the span of the name. All
 * spans are offsets into the original text, so lines keep their numbers.
 *
 * The body of `asm { ... }` is not tokenised: it is cut into instruction
 * lines (comments removed, string-literal lines decoded) and delivered as one
 * `asmBody` token, followed by the ordinary tokens of an operand list that
 * starts inside the braces (`: "=r"(x)`) or by the closing `}`.
 */
import { Diagnostics, type SourceFile, type Span } from "../diagnostics/diagnostics.ts";
import { LW } from "./codes.ts";
import { EXPANSION_HELP, MAX_EXPANSION, Preprocessor, type Macro } from "./preprocess.ts";
import { KEYWORDS, PUNCTUATION, type Token } from "./tokens.ts";

const MAX_U64 = (1n << 64n) - 1n;

/** Punctuation grouped by first character, longest first, so matching is one lookup and a few compares. */
const PUNCT_BY_FIRST = new Map<string, string[]>();
for (const p of PUNCTUATION) {
  const list = PUNCT_BY_FIRST.get(p[0]) ?? [];
  list.push(p);
  PUNCT_BY_FIRST.set(p[0], list);
}

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}
const MAX_MACRO_DEPTH = 64;
const utf8 = new TextEncoder();
const utf8Decode = new TextDecoder();

export interface LexOptions {
  defines: Map<string, string>;
  target: "x86_64" | "aarch64";
}

/** Preprocesses and lexes a whole file. The last token is always `eof`. */
export function lexFile(file: SourceFile, diags: Diagnostics, options: LexOptions): Token[] {
  const rangeLexer = (text: string, start: number, end: number): Token[] => {
    if (text === file.text) return new Lexer(text, file.id, diags, start, end, null).run();
    // A `-D` value: its text is not in the file, so its errors are reported without a position in it.
    const scratch = new Diagnostics();
    const toks = new Lexer(text, file.id, scratch, start, end, null).run();
    for (const d of scratch.items) diags.add({ ...d, message: `in a -D value: ${d.message}`, span: { file: file.id, start: 0, end: 0 } });
    return toks.filter((t) => t.kind !== "eof");
  };
  const pp = new Preprocessor(file, diags, (t, s, e) => rangeLexer(t, s, e).filter((x) => x.kind !== "eof"), options);
  const tokens = new Lexer(file.text, file.id, diags, 0, file.text.length, pp).run();
  pp.finish();
  if (pp.undefinedIfNames.length > 0) pp.checkRuntimeNames(declaredNames(tokens));
  return tokens;
}

/** Names the file declares, by what follows `let`, `mut`, `register`, `const`, `fn`; for `#if` diagnostics. */
function declaredNames(tokens: Token[]): Map<string, string> {
  const out = new Map<string, string>();
  const kinds: Record<string, string> = { let: "variable", mut: "variable", register: "variable", const: "constant", fn: "function" };
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1];
    if (tokens[i].kind === "ident" && prev.kind === "keyword" && prev.text in kinds && !out.has(tokens[i].text)) out.set(tokens[i].text, kinds[prev.text]);
  }
  return out;
}

export class Lexer {
  private pos: number;
  private tokens: Token[] = [];
  private lineStart: boolean;
  /** What is left of MAX_EXPANSION for this file's macro tokens and asm words; below zero once spent (reported once). */
  private expansionLeft = MAX_EXPANSION;

  constructor(
    private text: string,
    private fileId: number,
    private diags: Diagnostics,
    start: number,
    private end: number,
    /** Null when lexing a macro value: no directives, no expansion. */
    private pp: Preprocessor | null,
  ) {
    this.pos = start;
    this.lineStart = pp !== null;
  }

  private span(start: number, end: number): Span {
    return { file: this.fileId, start, end };
  }

  private eol(p: number): number {
    const i = this.text.indexOf("\n", p);
    return i < 0 || i > this.end ? this.end : i;
  }

  /**
   * At the start of a line: runs a directive line or skips an inactive line.
   * Returns true when the line was consumed.
   */
  private handleLineStart(asmOnly: boolean): boolean {
    const pp = this.pp!;
    let q = this.pos;
    while (q < this.end && (this.text[q] === " " || this.text[q] === "\t" || this.text[q] === "\r")) q++;
    if (this.text[q] === "#") {
      const word = /^#\s*([A-Za-z]*)/.exec(this.text.slice(q, q + 40))?.[1] ?? "";
      // Inside asm, `# ...` lines that are no directive are assembler text.
      if (!asmOnly || Preprocessor.isDirectiveWord(word)) {
        const e = this.eol(q);
        pp.directive(q, e);
        this.pos = e;
        return true;
      }
    }
    if (!pp.active) {
      this.pos = this.eol(q);
      return true;
    }
    return false;
  }

  run(): Token[] {
    const text = this.text;
    while (this.pos < this.end) {
      if (this.lineStart) {
        this.lineStart = false;
        if (this.handleLineStart(false)) continue;
      }
      const start = this.pos;
      const c = text[start];
      if (c === "\n") {
        this.pos++;
        this.lineStart = this.pp !== null;
        continue;
      }
      if (c === " " || c === "\t" || c === "\r" || c === "\f" || c === "\v") {
        this.pos++;
        continue;
      }
      if (c === "/" && text[start + 1] === "/") {
        this.pos = this.eol(start);
        continue;
      }
      if (c === "/" && text[start + 1] === "*") {
        this.skipBlockComment();
        continue;
      }
      const code = text.charCodeAt(start);
      if (isIdentStart(code)) {
        this.word();
        continue;
      }
      if (code >= 48 && code <= 57) {
        this.number();
        continue;
      }
      if (c === '"') {
        const s = this.string(start);
        this.push({ kind: "string", text: text.slice(start, s.end), span: this.span(start, s.end), bytes: s.bytes });
        this.pos = s.end;
        continue;
      }
      if (c === "'") {
        this.charLiteral();
        continue;
      }
      const punct = PUNCT_BY_FIRST.get(c)?.find((p) => text.startsWith(p, start) && start + p.length <= this.end);
      if (punct) {
        this.pos = start + punct.length;
        this.push({ kind: "punct", text: punct, span: this.span(start, this.pos) });
        const prev = this.tokens[this.tokens.length - 2];
        if (punct === "{" && prev && prev.kind === "keyword" && prev.text === "asm" && !prev.macro && this.pp) this.asmBody();
        continue;
      }
      this.unexpected();
    }
    this.push({ kind: "eof", text: "", span: this.span(this.end, this.end) });
    return this.tokens;
  }

  private push(t: Token): void {
    this.tokens.push(t);
  }

  private unexpected(): void {
    const start = this.pos;
    let p = start;
    // One error for a run of bad characters.
    while (p < this.end && !/[\sA-Za-z0-9_"'\/]/.test(this.text[p]) && !PUNCTUATION.some((x) => this.text.startsWith(x, p))) {
      p += (this.text.codePointAt(p) ?? 0) > 0xffff ? 2 : 1;
    }
    if (p === start) p = start + 1;
    const bad = this.text.slice(start, p);
    const first = String.fromCodePoint(bad.codePointAt(0) ?? 0);
    const help = first === "#" ? "preprocessor directives must start a line" : first === "@" || first === "$" ? undefined : undefined;
    this.diags.error(LW.unexpectedChar, `unexpected character '${first}'${bad.length > first.length ? ` (and ${[...bad].length - 1} more)` : ""}`, this.span(start, p), help);
    this.pos = p;
  }

  private skipBlockComment(): void {
    const close = this.text.indexOf("*/", this.pos + 2);
    if (close < 0 || close + 2 > this.end) {
      this.diags.error(LW.unterminatedComment, "unterminated block comment", this.span(this.pos, this.pos + 2), "add '*/' to close it");
      this.pos = this.end;
      return;
    }
    this.pos = close + 2;
  }

  private word(): void {
    const start = this.pos;
    let p = start + 1;
    while (p < this.end && isIdentPart(this.text.charCodeAt(p))) p++;
    this.pos = p;
    const w = this.text.slice(start, p);
    const span = this.span(start, p);
    const macro = this.pp?.macros.get(w);
    if (macro && macro.tokens) {
      this.expand(macro, span, new Set());
      return;
    }
    this.push({ kind: KEYWORDS.has(w) ? "keyword" : "ident", text: w, span });
  }

  /** Pushes a macro's tokens with the span of its use; nested macros expand, except one already being expanded. */
  private expand(macro: Macro, span: Span, expanding: Set<string>): void {
    if (expanding.size >= MAX_MACRO_DEPTH) {
      this.diags.error(LW.badDefine, `macro expansion of '${macro.name}' nested too deeply`, span);
      return;
    }
    expanding.add(macro.name);
    for (const t of macro.tokens!) {
      if (!this.spendExpansion(span)) return;
      const inner = (t.kind === "ident" || t.kind === "keyword") && !expanding.has(t.text) ? this.pp!.macros.get(t.text) : undefined;
      if (inner && inner.tokens) this.expand(inner, span, new Set(expanding));
      else this.push({ ...t, span, macro: t.macro ?? macro.name });
    }
  }

  /** Takes one step of the file's expansion budget for the macro used at `span`; false (with one error per file) once it is spent. */
  private spendExpansion(span: Span): boolean {
    if (--this.expansionLeft >= 0) return true;
    if (this.expansionLeft === -1) {
      const name = this.text.slice(span.start, span.end);
      this.diags.error(LW.badDefine, `macro expansion of '${name}' is too large (over ${MAX_EXPANSION.toLocaleString("en")} tokens in this file)`, span, EXPANSION_HELP);
    }
    return false;
  }

  private number(): void {
    const text = this.text;
    const start = this.pos;
    let p = start;
    while (p < this.end && isIdentPart(text.charCodeAt(p))) p++;
    if (text[p] === "." && /[0-9]/.test(text[p + 1] ?? "") && /^[0-9_]+$/.test(text.slice(start, p))) {
      p++;
      while (p < this.end && /[A-Za-z0-9_]/.test(text[p])) p++;
      this.pos = p;
      this.diags.error(LW.floatLiteral, "floating-point literals are not supported", this.span(start, p), "Lwanga has only integer types");
      this.push({ kind: "int", text: text.slice(start, p), span: this.span(start, p), value: 0n });
      return;
    }
    this.pos = p;
    const raw = text.slice(start, p);
    const span = this.span(start, p);
    let base = 10;
    let digitsStart = 0;
    const prefix = raw.slice(0, 2).toLowerCase();
    if (prefix === "0x") [base, digitsStart] = [16, 2];
    else if (prefix === "0b") [base, digitsStart] = [2, 2];
    else if (prefix === "0o") [base, digitsStart] = [8, 2];
    const baseName = { 16: "hexadecimal", 2: "binary", 8: "octal", 10: "decimal" }[base as 16 | 2 | 8 | 10];
    const digitRe = { 16: /[0-9A-Fa-f]/, 2: /[01]/, 8: /[0-7]/, 10: /[0-9]/ }[base as 16 | 2 | 8 | 10];
    let digits = "";
    for (let i = digitsStart; i < raw.length; i++) {
      const ch = raw[i];
      if (ch === "_") continue;
      if (!digitRe.test(ch)) {
        const at = this.span(start + i, start + i + 1);
        if (/[A-Za-z]/.test(ch) && /^[iu](8|16|32|64)$/.test(raw.slice(i))) {
          this.diags.error(LW.badInt, `integer literals take no type suffix ('${raw.slice(i)}')`, this.span(start + i, p),
            `write '${raw.slice(0, i)} as ${raw.slice(i)}'`);
        } else {
          this.diags.error(LW.badInt, `invalid digit '${ch}' in ${baseName} literal`, at);
        }
        this.push({ kind: "int", text: raw, span, value: 0n });
        return;
      }
      digits += ch;
    }
    if (digits === "") {
      this.diags.error(LW.badInt, `expected ${baseName} digits after '${raw.slice(0, 2)}'`, span);
      this.push({ kind: "int", text: raw, span, value: 0n });
      return;
    }
    const value = base === 10 ? BigInt(digits) : BigInt((base === 16 ? "0x" : base === 2 ? "0b" : "0o") + digits);
    if (value > MAX_U64) {
      this.diags.error(LW.intTooLarge, `integer literal '${raw}' is too large`, span, "the largest integer is 18446744073709551615 (0xFFFF_FFFF_FFFF_FFFF)");
      this.push({ kind: "int", text: raw, span, value: 0n });
      return;
    }
    if (base === 10 && digits.length > 1 && digits[0] === "0") {
      const stripped = digits.replace(/^0+/, "") || "0";
      const help = /^[0-7]+$/.test(digits) ? `this is decimal ${stripped}; for octal write '0o${stripped}'` : `write '${stripped}'`;
      this.diags.warning(LW.leadingZero, `decimal literal '${raw}' has a leading zero`, span, help);
    }
    this.push({ kind: "int", text: raw, span, value });
  }

  /**
   * Reads one escape at `p` (the backslash). Returns the byte(s) and the end;
   * reports unknown escapes and keeps going.
   */
  private escape(p: number, quote: string): { bytes: number[]; end: number } {
    const text = this.text;
    const c = text[p + 1];
    const simple: Record<string, number> = { n: 10, r: 13, t: 9, "\\": 92, '"': 34, "'": 39, "0": 0 };
    if (c !== undefined && c in simple && !(c === "0" && /[0-9]/.test(text[p + 2] ?? ""))) return { bytes: [simple[c]], end: p + 2 };
    if (c === "0" || (c !== undefined && c >= "1" && c <= "7")) {
      // `\012`: C octal escapes would silently mean something else here.
      this.diags.error(LW.badEscape, "octal escapes are not supported", this.span(p, p + 2), "write '\\xHH' (e.g. '\\x0a'), or '\\0' for NUL");
      return { bytes: [], end: p + 2 };
    }
    if (c === "x") {
      const hex = text.slice(p + 2, p + 4);
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) return { bytes: [parseInt(hex, 16)], end: p + 4 };
      this.diags.error(LW.badEscape, "'\\x' must be followed by exactly two hex digits", this.span(p, Math.min(p + 4, this.end)), "write e.g. '\\x1b'");
      return { bytes: [], end: p + 2 };
    }
    if (c === undefined || c === "\n") {
      this.diags.error(LW.badEscape, "a backslash at the end of a line is not an escape", this.span(p, p + 1), "write '\\\\' for a backslash");
      return { bytes: [], end: p + 1 };
    }
    const len = (text.codePointAt(p + 1) ?? 0) > 0xffff ? 2 : 1;
    this.diags.error(LW.badEscape, `unknown escape '\\${text.slice(p + 1, p + 1 + len)}' in ${quote === '"' ? "string" : "character"} literal`,
      this.span(p, p + 1 + len), "the escapes are \\n \\r \\t \\\\ \\\" \\' \\0 and \\xHH");
    return { bytes: [], end: p + 1 + len };
  }

  /** Reads a string literal at `start` (the quote); multi-line strings keep their raw newlines. */
  string(start: number): { bytes: Uint8Array; end: number } {
    const text = this.text;
    const out: number[] = [];
    let p = start + 1;
    let chunk = p;
    const flush = (to: number) => {
      if (to > chunk) for (const b of utf8.encode(text.slice(chunk, to))) out.push(b);
    };
    while (true) {
      if (p >= this.end) {
        flush(p);
        this.diags.error(LW.unterminatedString, "unterminated string literal", this.span(start, start + 1), "add the closing '\"'");
        return { bytes: Uint8Array.from(out), end: this.end };
      }
      const c = text[p];
      if (c === '"') {
        flush(p);
        return { bytes: Uint8Array.from(out), end: p + 1 };
      }
      if (c === "\\") {
        flush(p);
        const e = this.escape(p, '"');
        out.push(...e.bytes);
        p = e.end;
        chunk = p;
        continue;
      }
      p++;
    }
  }

  private charLiteral(): void {
    const text = this.text;
    const start = this.pos;
    let p = start + 1;
    let bytes: number[] = [];
    if (text[p] === "\\") {
      const e = this.escape(p, "'");
      bytes = e.bytes;
      p = e.end;
    } else if (text[p] !== "'" && text[p] !== "\n" && p < this.end) {
      const cp = text.codePointAt(p) ?? 0;
      const s = String.fromCodePoint(cp);
      bytes = [...utf8.encode(s)];
      p += s.length;
    }
    if (text[p] !== "'") {
      // Find a closing quote on the same line to tell "too long" from "unterminated".
      const lineEnd = this.eol(p);
      const close = text.indexOf("'", p);
      if (close >= 0 && close < lineEnd) {
        this.pos = close + 1;
        this.diags.error(LW.badChar, "character literal must hold exactly one character", this.span(start, this.pos), 'use a string literal "..." for text');
      } else {
        this.pos = p;
        this.diags.error(LW.badChar, "unterminated character literal", this.span(start, start + 1), "add the closing \"'\"");
      }
      this.push({ kind: "char", text: text.slice(start, this.pos), span: this.span(start, this.pos), value: 0n });
      return;
    }
    this.pos = p + 1;
    const span = this.span(start, this.pos);
    if (p === start + 1) {
      this.diags.error(LW.badChar, "empty character literal", span, "write '\\0' for a NUL byte");
    } else if (bytes.length > 1) {
      this.diags.error(LW.badChar, `character literal ${text.slice(start, this.pos)} is ${bytes.length} bytes in UTF-8; a character literal is one byte (u8)`, span,
        'use a string literal "..." for non-ASCII text');
    }
    this.push({ kind: "char", text: text.slice(start, this.pos), span, value: BigInt(bytes.length === 1 ? bytes[0] : 0) });
  }

  /**
   * Cuts the body of an `asm {` block (the `{` was just pushed) into lines
   * and pushes one `asmBody` token; stops before the closing `}` or before an
   * operand-list `:` inside the braces.
   */
  private asmBody(): void {
    const text = this.text;
    const open = this.tokens[this.tokens.length - 1];
    const bodyStart = this.pos;
    const lines: string[] = [];
    const lineSpans: Span[] = [];
    let raw = "";
    let rawStart = -1;
    let rawEnd = -1;
    let other = false; // the line has text outside string literals
    let strings: { text: string; span: Span }[] = [];
    const flush = () => {
      if (strings.length > 0 && !other) {
        for (const s of strings) {
          for (const piece of s.text.split("\n")) {
            const t = piece.trim();
            if (t) {
              lines.push(t);
              lineSpans.push(s.span);
            }
          }
        }
      } else if (raw.trim()) {
        lines.push(raw.trim());
        lineSpans.push(this.span(rawStart, rawEnd));
      }
      raw = "";
      rawStart = rawEnd = -1;
      other = false;
      strings = [];
    };
    const addRaw = (from: number, to: number, isString: boolean) => {
      const piece = text.slice(from, to);
      raw += piece;
      if (piece.trim()) {
        if (rawStart < 0) rawStart = from;
        rawEnd = to;
        if (!isString) other = true;
      }
    };
    const finish = (end: number) => {
      flush();
      this.push({ kind: "asmBody", text: text.slice(bodyStart, end), span: this.span(bodyStart, end), asmLines: lines, asmLineSpans: lineSpans });
      this.pos = end;
    };
    let depth = 0;
    let lineStart = false;
    let p = bodyStart;
    while (true) {
      if (p >= this.end) {
        this.diags.error(LW.unterminatedAsm, "unterminated asm block", open.span, "add '}' to close the asm block");
        return finish(p);
      }
      if (lineStart) {
        lineStart = false;
        this.pos = p;
        if (this.handleLineStart(true)) {
          p = this.pos;
          continue;
        }
      }
      const c = text[p];
      if (c === "\n") {
        flush();
        p++;
        lineStart = true;
      } else if (c === "/" && text[p + 1] === "/") {
        p = this.eol(p);
      } else if (c === "/" && text[p + 1] === "*") {
        const close = text.indexOf("*/", p + 2);
        if (close < 0) {
          this.diags.error(LW.unterminatedComment, "unterminated block comment", this.span(p, p + 2), "add '*/' to close it");
          p = this.end;
          continue;
        }
        if (text.slice(p, close).includes("\n")) flush();
        else raw += " ";
        p = close + 2;
      } else if (c === '"') {
        const s = this.string(p);
        strings.push({ text: utf8Decode.decode(s.bytes), span: this.span(p, s.end) });
        addRaw(p, s.end, true);
        p = s.end;
      } else if (c === "{") {
        depth++;
        addRaw(p, p + 1, false);
        p++;
      } else if (c === "}") {
        if (depth === 0) return finish(p);
        depth--;
        addRaw(p, p + 1, false);
        p++;
      } else if (c === ":" && depth === 0 && this.isOperandColon(p, raw)) {
        return finish(p);
      } else if (isIdentStart(text.charCodeAt(p)) && !/[\w.$%]/.test(text[p - 1] ?? "")) {
        // A word: a macro with a value is replaced here too (`mov rax, SYS_EXIT`).
        let q = p + 1;
        while (q < this.end && isIdentPart(text.charCodeAt(q))) q++;
        const value = this.asmMacro(text.slice(p, q), this.span(p, q));
        if (value === null) {
          addRaw(p, q, false);
        } else {
          raw += value;
          if (rawStart < 0) rawStart = p;
          rawEnd = q;
          other = true;
        }
        p = q;
      } else {
        addRaw(p, p + 1, false);
        p++;
      }
    }
  }

  /**
   * The replacement text of macro `word` inside asm, or null when it is not
   * one with a value. Nested macros expand, except one already being
   * expanded (as in C, so `#define X X + 1` stays `X + 1`).
   */
  private asmMacro(word: string, span: Span, expanding: ReadonlySet<string> = new Set()): string | null {
    const m = this.pp?.macros.get(word);
    if (!m || m.value === null || expanding.has(word) || expanding.size >= MAX_MACRO_DEPTH) return null;
    if (!this.spendExpansion(span)) return "";
    const inner = new Set(expanding).add(word);
    return m.value.replace(/[A-Za-z_]\w*/g, (w) => this.asmMacro(w, span, inner) ?? w);
  }

  /**
   * An operand list starts at a `:` that follows white space (or starts its
   * line) and is followed by a constraint string or another `:`; a label's
   * `name:` never has a space before its colon.
   */
  private isOperandColon(p: number, lineSoFar: string): boolean {
    if (lineSoFar !== "" && !/\s$/.test(lineSoFar)) return false;
    let q = p + 1;
    while (q < this.end && /\s/.test(this.text[q])) q++;
    return this.text[q] === '"' || this.text[q] === ":";
  }
}
