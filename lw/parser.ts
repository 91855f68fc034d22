/**
 * The parser's cursor over the token list of one file (`lexer.ts`), shared by
 * the declaration, statement and expression parsers. It reports syntax
 * errors in the rustc style (`expected ';' after statement, found 'x'`) and
 * implements panic-mode recovery: after the first error of a construct
 * further errors are suppressed until a statement or declaration boundary
 * is reached (`syncStatement`, `syncTopLevel`), so one mistake gives one
 * message and a file can still report several independent mistakes. It also
 * bounds nesting depth so hostile input cannot overflow the JS stack.
 */
import type { Diagnostics, SourceFile, Span } from "../diagnostics/diagnostics.ts";
import type { Expr, TypeExpr } from "../ir/syntax.ts";
import { LW } from "./codes.ts";
import { describeToken, type Token } from "./tokens.ts";

/** Deepest nesting of blocks, parentheses, unary operators and types accepted. */
export const MAX_DEPTH = 256;

/** Keywords that start a top-level declaration; a block never swallows them. */
export const TOP_LEVEL_STARTS = new Set(["fn", "struct", "packed", "naked", "import"]);
const STATEMENT_STARTS = new Set(["let", "if", "while", "for", "return", "unsafe", "asm", "const", "break", "continue"]);

export class Parser {
  private i = 0;
  /** Set after an error; cleared at the next synchronisation point. */
  panicking = false;
  /** True while parsing an `if`/`while` condition without parentheses: `Name {` opens the body there. */
  noStruct = false;
  private depth = 0;
  private reportedTooDeep = false;
  /** End offset of the last consumed token. */
  lastEnd = 0;

  constructor(
    readonly file: SourceFile,
    readonly diags: Diagnostics,
    private toks: Token[],
    /** The lexer reported a literal or comment running to the end of the file. */
    private lexerRanToEof = false,
  ) {}

  get tok(): Token {
    return this.toks[this.i];
  }

  /** The token `n` places ahead (the `eof` token past the end). */
  peek(n = 1): Token {
    return this.toks[Math.min(this.i + n, this.toks.length - 1)];
  }

  get position(): number {
    return this.i;
  }

  /** Whether the current token is punctuation or a keyword with this text. */
  at(text: string, t: Token = this.tok): boolean {
    return (t.kind === "punct" || t.kind === "keyword") && t.text === text;
  }

  atIdent(text?: string, t: Token = this.tok): boolean {
    return t.kind === "ident" && (text === undefined || t.text === text);
  }

  atEof(): boolean {
    return this.tok.kind === "eof";
  }

  advance(): Token {
    const t = this.tok;
    if (t.kind !== "eof") {
      this.i++;
      this.lastEnd = t.span.end;
    }
    return t;
  }

  eat(text: string): boolean {
    if (!this.at(text)) return false;
    this.advance();
    return true;
  }

  /**
   * Splits a two-character operator token into two one-character tokens so
   * `&&x` reads as `& &x` and `a--b` as `a - -b`.
   */
  splitToken(): void {
    const t = this.tok;
    const first: Token = { ...t, text: t.text[0], span: t.macro ? t.span : { ...t.span, end: t.span.start + 1 } };
    const second: Token = { ...t, text: t.text.slice(1), span: t.macro ? t.span : { ...t.span, start: t.span.start + 1 } };
    if (this.i === 0) {
      this.toks.splice(0, 1, first, second);
      return;
    }
    // Reuse the slot of the already consumed previous token: a splice would make `- - - ...` quadratic.
    this.i--;
    this.toks[this.i] = first;
    this.toks[this.i + 1] = second;
  }

  span(start: number, end: number): Span {
    return { file: this.file.id, start, end: Math.max(start, end) };
  }

  /** From the start of `from` to the end of the last consumed token. */
  spanFrom(from: Span | Token): Span {
    const s = "span" in from ? from.span : from;
    return this.span(s.start, this.lastEnd);
  }

  /** Reports a syntax error and enters panic mode (nothing is reported while panicking). */
  error(code: string, message: string, span: Span = this.tok.span, help?: string, notes?: { message: string; span?: Span }[]): void {
    if (this.panicking) return;
    // After an unterminated string, comment or asm block the file ends early; "expected '}'" there adds nothing.
    if (this.lexerRanToEof && this.atEof()) {
      this.panicking = true;
      return;
    }
    this.diags.error(code, message, span, help, notes);
    this.panicking = true;
  }

  /** Reports an error that does not disturb the parse (the construct was understood). */
  report(code: string, message: string, span: Span, help?: string): void {
    if (this.panicking) return;
    this.diags.error(code, message, span, help);
  }

  /** `expected ';' after statement, found 'x'`. Consumes the token when it is there. */
  expect(text: string, after?: string, help?: string): boolean {
    if (this.eat(text)) return true;
    this.error(LW.expectedToken, `expected '${text}'${after ? ` ${after}` : ""}, found ${describeToken(this.tok)}`, this.tok.span, help);
    return false;
  }

  /** An identifier, or null after reporting `expected <what>, found ...`. */
  expectIdent(what: string): Token | null {
    if (this.tok.kind === "ident") return this.advance();
    const next = this.peek();
    if (this.tok.kind === "keyword" && (this.at(":", next) || this.at("=", next) || this.at("(", next) || this.at(",", next) || this.at(";", next))) {
      // `let fn: u64` — clearly meant as a name: say so and go on with it.
      this.report(LW.expectedToken, `expected ${what}, found keyword '${this.tok.text}'`, this.tok.span, `'${this.tok.text}' is reserved; choose another name`);
      return this.advance();
    }
    const found = this.tok.kind === "keyword" ? `keyword '${this.tok.text}'` : describeToken(this.tok);
    this.error(LW.expectedToken, `expected ${what}, found ${found}`, this.tok.span,
      this.tok.kind === "keyword" ? `'${this.tok.text}' is reserved; choose another name` : undefined);
    return null;
  }

  /** Enters one nesting level; false (after one report) when too deep. */
  enter(): boolean {
    if (this.depth >= MAX_DEPTH) {
      if (!this.reportedTooDeep) {
        this.reportedTooDeep = true;
        this.diags.error(LW.tooDeep, `nesting deeper than ${MAX_DEPTH} levels`, this.tok.span, "split the expression or block into smaller pieces");
      }
      this.panicking = true;
      return false;
    }
    this.depth++;
    return true;
  }

  leave(): void {
    this.depth--;
  }

  errorExpr(span: Span = this.tok.span): Expr {
    return { kind: "int", value: 0n, char: false, text: "<error>", span };
  }

  errorType(span: Span = this.tok.span): TypeExpr {
    return { kind: "named", name: "<error>", span };
  }

  /**
   * After an error inside brackets: skips to the `close` that matches the
   * already consumed opener and consumes it, so the statement around can go
   * on. Stops early (not consuming) at a `;` or a mismatched closer outside
   * nested brackets. Panic mode stays on.
   */
  recoverTo(close: ")" | "]" | "}"): void {
    const stack: string[] = [];
    const pairs: Record<string, string> = { "(": ")", "[": "]", "{": "}" };
    while (!this.atEof()) {
      const t = this.tok;
      if (t.kind === "punct") {
        if (stack.length === 0) {
          if (t.text === close) {
            this.advance();
            return;
          }
          if (t.text === ";" || t.text === ")" || t.text === "]" || t.text === "}") return;
        }
        if (t.text in pairs) stack.push(pairs[t.text]);
        else if (stack.length > 0 && t.text === stack[stack.length - 1]) stack.pop();
      }
      this.advance();
    }
  }

  /**
   * After an error inside a statement: skips to the end of the statement
   * (past `;`), or to a `}` closing the enclosing block, or to a token that
   * starts a statement or declaration, skipping nested `{ ... }` whole.
   */
  syncStatement(): void {
    let depth = 0;
    while (!this.atEof()) {
      const t = this.tok;
      if (depth === 0) {
        if (this.at(";")) {
          this.advance();
          break;
        }
        if (this.at("}")) break;
        if (t.kind === "keyword" && (STATEMENT_STARTS.has(t.text) || TOP_LEVEL_STARTS.has(t.text))) break;
      }
      if (this.at("{")) depth++;
      else if (this.at("}")) depth--;
      this.advance();
    }
    this.panicking = false;
  }

  /** After an error in a declaration: skips to the next token that starts a declaration at brace depth 0. */
  syncTopLevel(): void {
    let depth = 0;
    while (!this.atEof()) {
      const t = this.tok;
      if (depth === 0 && t.kind === "keyword" && (TOP_LEVEL_STARTS.has(t.text) || t.text === "const" || t.text === "let" ||
        (t.text === "unsafe" && (this.at("fn", this.peek()) || this.at("naked", this.peek()))))) break;
      if (this.at("{")) depth++;
      else if (this.at("}")) depth = Math.max(0, depth - 1);
      this.advance();
    }
    this.panicking = false;
  }
}
