/**
 * Tokens of the Lwanga lexer (`lexer.ts`) as the parser sees them: the
 * preprocessor has already removed inactive lines and replaced macros, and
 * the body of every `asm { ... }` block arrives as one `asmBody` token with
 * its instruction lines. Spans are offsets into the original file text.
 */
import type { Span } from "../diagnostics/diagnostics.ts";

export type TokenKind = "ident" | "keyword" | "int" | "char" | "string" | "punct" | "asmBody" | "eof";

export interface Token {
  kind: TokenKind;
  /** Identifier, keyword or punctuation text; for literals the source text. */
  text: string;
  span: Span;
  /** `int` and `char`: the exact value. */
  value?: bigint;
  /** `string`: the UTF-8 bytes after escapes, without a NUL. */
  bytes?: Uint8Array;
  /** `asmBody`: the instruction lines (comments removed) and where each came from. */
  asmLines?: string[];
  asmLineSpans?: Span[];
  /** Set when the token came from expanding this macro (its span is the macro name's). */
  macro?: string;
}

/** Reserved words. Type names (`u8`, `ptr`, ...) are deliberately absent: they are ordinary identifiers. */
export const KEYWORDS = new Set([
  "fn", "return", "if", "else", "while", "let", "mut", "const", "struct", "packed", "naked",
  "unsafe", "asm", "syscall", "enc", "as", "import", "register",
  "for", "break", "continue", "true", "false",
]);

/** Punctuation, longest first so the lexer can match greedily. */
export const PUNCTUATION = [
  "<<=", ">>=",
  "==", "!=", "<=", ">=", "<<", ">>", "&&", "||", "->", "::", "..", "+=", "-=", "*=", "/=", "%=",
  "&=", "|=", "^=", "++", "--", "=>",
  "(", ")", "{", "}", "[", "]", ",", ";", ":", ".", "+", "-", "*", "/", "%", "&", "|", "^", "~",
  "!", "=", "<", ">", "?",
];

/** How a token is named in messages: `';'`, `'x'`, `end of file`. */
export function describeToken(t: Token): string {
  switch (t.kind) {
    case "eof": return "end of file";
    case "string": return "string literal";
    case "asmBody": return "asm code";
    case "int":
    case "char":
    case "ident":
    case "keyword":
    case "punct":
      return `'${t.text}'`;
  }
}
