/**
 * The Lwanga preprocessor, run line by line by the lexer (`lexer.ts`): it
 * takes each directive line (`#define`, `#undef`, `#if`, `#ifdef`, `#ifndef`,
 * `#elif`, `#else`, `#endif`, possibly indented) and keeps the macro table
 * and the stack of open conditionals. The lexer asks `active` before lexing a
 * line and skips inactive lines whole, so line numbers and spans stay those
 * of the original file. Macro replacement in code is done by the lexer with
 * `macros`; `#if` expressions are evaluated here over integers and names (an
 * undefined name is 0, a name defined without value is 1).
 */
import type { Diagnostics, SourceFile, Span } from "../diagnostics/diagnostics.ts";
import { LW } from "./codes.ts";
import type { Token } from "./tokens.ts";

export interface Macro {
  name: string;
  /** The replacement text as written; null for `#define NAME` without value. */
  value: string | null;
  /** The replacement lexed once at definition; null without value. */
  tokens: Token[] | null;
  /** Where it was defined; null for predefined and `-D` names. */
  span: Span | null;
}

interface Conditional {
  /** Whether the enclosing region is active. */
  parentActive: boolean;
  /** Whether lines under the current branch are active. */
  active: boolean;
  /** Whether some branch of this `#if` was already taken. */
  taken: boolean;
  sawElse: boolean;
  span: Span;
}

/** Lexes a slice of the file (or of a `-D` value) into tokens; supplied by the lexer. */
export type RangeLexer = (text: string, start: number, end: number) => Token[];

const DIRECTIVES = new Set(["define", "undef", "if", "ifdef", "ifndef", "elif", "else", "endif", "include", "pragma", "error", "warning", "elseif", "elsif"]);
const MAX_IF_DEPTH = 200;
/**
 * Steps of macro expansion allowed: tokens (or asm words) a file gets from
 * macros, and operands one `#if` evaluates. Nesting alone is no bound:
 * `#define M1 M0 + M0`, `#define M2 M1 + M1`, … doubles at each level, so
 * 40 levels would be 2^40.
 */
export const MAX_EXPANSION = 1_000_000;
export const EXPANSION_HELP = "macros whose values use other macros more than once grow exponentially with nesting";

export class Preprocessor {
  readonly macros = new Map<string, Macro>();
  /** Names an `#if` read as 0 because no macro had them; checked against the file's declarations later. */
  readonly undefinedIfNames: { name: string; span: Span }[] = [];
  private stack: Conditional[] = [];

  constructor(
    private file: SourceFile,
    private diags: Diagnostics,
    private lexRange: RangeLexer,
    options: { defines: Map<string, string>; target: "x86_64" | "aarch64" },
  ) {
    const predefined = ["PLATFORM_LINUX", "LINUX", options.target === "aarch64" ? "ARCH_ARM64" : "ARCH_X86_64"];
    for (const name of predefined) this.macros.set(name, { name, value: "1", tokens: lexRange("1", 0, 1), span: null });
    for (const [name, value] of options.defines) {
      const v = value.trim();
      this.macros.set(name, { name, value: v === "" ? null : v, tokens: v === "" ? null : lexRange(v, 0, v.length), span: null });
    }
  }

  /** Whether code lines are currently compiled. */
  get active(): boolean {
    return this.stack.length === 0 || this.stack[this.stack.length - 1].active;
  }

  /** True when `#word` at this line names a directive (asm blocks keep other `#` lines). */
  static isDirectiveWord(word: string): boolean {
    return DIRECTIVES.has(word);
  }

  private span(start: number, end: number): Span {
    return { file: this.file.id, start, end };
  }

  /**
   * Handles one directive line: `hash` is the offset of `#`, `end` the end of
   * the line (before its newline).
   */
  directive(hash: number, end: number): void {
    const text = this.file.text;
    let p = hash + 1;
    while (p < end && (text[p] === " " || text[p] === "\t")) p++;
    const wordStart = p;
    while (p < end && /[A-Za-z0-9_]/.test(text[p])) p++;
    const word = text.slice(wordStart, p);
    const wordSpan = this.span(hash, p);
    const restEnd = stripComment(text, p, end);

    switch (word) {
      case "define": return this.active ? this.define(p, restEnd, wordSpan) : undefined;
      case "undef": {
        if (!this.active) return;
        const name = readName(text, p, restEnd);
        if (!name) return this.diags.error(LW.badDefine, "expected a macro name after '#undef'", wordSpan);
        this.macros.delete(name.name);
        return;
      }
      case "ifdef":
      case "ifndef": {
        let value = false;
        if (this.active) {
          const name = readName(text, p, restEnd);
          if (!name) this.diags.error(LW.badDefine, `expected a macro name after '#${word}'`, wordSpan);
          else value = this.macros.has(name.name) === (word === "ifdef");
        }
        return this.push(value, this.span(hash, restEnd));
      }
      case "if": {
        const value = this.active ? this.evaluate(p, restEnd, wordSpan) : false;
        return this.push(value, this.span(hash, restEnd));
      }
      case "elif":
      case "elseif":
      case "elsif": {
        const top = this.stack[this.stack.length - 1];
        if (!top) return this.diags.error(LW.strayConditional, `'#${word}' without a matching '#if'`, wordSpan);
        if (word !== "elif") this.diags.error(LW.unknownDirective, `unknown directive '#${word}'`, wordSpan, "write '#elif'");
        if (top.sawElse) this.diags.error(LW.elseAfterElse, "'#elif' after '#else'", wordSpan);
        if (!top.parentActive || top.taken) {
          top.active = false;
          return;
        }
        top.active = this.evaluate(p, restEnd, wordSpan);
        top.taken = top.active;
        return;
      }
      case "else": {
        const top = this.stack[this.stack.length - 1];
        if (!top) return this.diags.error(LW.strayConditional, "'#else' without a matching '#if'", wordSpan);
        if (top.sawElse) this.diags.error(LW.elseAfterElse, "'#else' after '#else'", wordSpan);
        top.sawElse = true;
        top.active = top.parentActive && !top.taken;
        top.taken = true;
        return;
      }
      case "endif": {
        if (!this.stack.pop()) this.diags.error(LW.strayConditional, "'#endif' without a matching '#if'", wordSpan);
        return;
      }
      case "include":
        if (this.active) this.diags.error(LW.include, "'#include' is not part of Lwanga", wordSpan, 'use `import "file.lw";`');
        return;
      case "error":
        if (this.active) this.diags.error(LW.unknownDirective, `#error ${text.slice(p, restEnd).trim()}`, this.span(hash, restEnd));
        return;
      case "warning":
        if (this.active) this.diags.warning(LW.unknownDirective, `#warning ${text.slice(p, restEnd).trim()}`, this.span(hash, restEnd));
        return;
      case "pragma":
        return; // accepted and ignored, as C compilers do with unknown pragmas
      default:
        if (this.active) {
          this.diags.error(LW.unknownDirective, word ? `unknown preprocessor directive '#${word}'` : "expected a directive name after '#'", wordSpan,
            "supported: #define, #undef, #if, #ifdef, #ifndef, #elif, #else, #endif");
        }
    }
  }

  /**
   * An `#if` over a run-time name is an error: a name the `#if` read as 0
   * that the file declares as a variable, constant or function was surely
   * meant as that, which the preprocessor cannot see.
   */
  checkRuntimeNames(declared: Map<string, string>): void {
    for (const u of this.undefinedIfNames) {
      const what = declared.get(u.name);
      if (what) {
        this.diags.error(LW.badIfExpr, `'#if' cannot use the ${what} '${u.name}': the preprocessor runs before the program exists`, u.span,
          `define it for the preprocessor: '#define ${u.name} value' or '-D ${u.name}=value'`);
      }
    }
  }

  /** Reports every `#if` still open at the end of the file. */
  finish(): void {
    for (const c of this.stack) this.diags.error(LW.unterminatedIf, "unterminated conditional directive", c.span, "add '#endif'");
    this.stack = [];
  }

  private push(value: boolean, span: Span): void {
    const parentActive = this.active;
    if (this.stack.length === MAX_IF_DEPTH) {
      this.diags.error(LW.tooDeep, "conditional directives nested too deeply", span);
    }
    this.stack.push({ parentActive, active: parentActive && value, taken: value, sawElse: false, span });
  }

  private define(p: number, end: number, wordSpan: Span): void {
    const text = this.file.text;
    const name = readName(text, p, end);
    if (!name) return this.diags.error(LW.badDefine, "expected a macro name after '#define'", wordSpan);
    const nameSpan = this.span(name.start, name.end);
    if (text[name.end] === "(") {
      return this.diags.error(LW.badDefine, "function-like macros are not supported", nameSpan, "define a constant or write a function");
    }
    let vs = name.end;
    while (vs < end && /\s/.test(text[vs])) vs++;
    let ve = end;
    while (ve > vs && /\s/.test(text[ve - 1])) ve--;
    const value = vs < ve ? text.slice(vs, ve) : null;
    const old = this.macros.get(name.name);
    if (old && old.value !== value) {
      this.diags.warning(LW.macroRedefined, `macro '${name.name}' redefined`, nameSpan, undefined,
        old.span ? [{ message: "previous definition here", span: old.span }] : undefined);
    }
    const tokens = value === null ? null : this.lexRange(text, vs, ve);
    this.macros.set(name.name, { name: name.name, value, tokens, span: nameSpan });
  }

  /** Evaluates an `#if`/`#elif` expression; errors count as false. */
  private evaluate(start: number, end: number, wordSpan: Span): boolean {
    const ev = new IfEvaluator(this.file.text, this.file.id, this.diags, this.macros, wordSpan, this.undefinedIfNames);
    const v = ev.run(start, end, new Set());
    return v !== null && v !== 0n;
  }
}

/** The end of a directive line without a trailing line or block comment (quotes respected). */
function stripComment(text: string, start: number, end: number): number {
  let inString = false;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "/" && (text[i + 1] === "/" || text[i + 1] === "*")) return i;
  }
  return end;
}

function readName(text: string, p: number, end: number): { name: string; start: number; end: number } | null {
  while (p < end && (text[p] === " " || text[p] === "\t")) p++;
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(p, end));
  return m ? { name: m[0], start: p, end: p + m[0].length } : null;
}

// ---------------------------------------------------------------- #if expressions

interface PTok {
  kind: "int" | "name" | "op" | "end";
  text: string;
  value: bigint;
  start: number;
  end: number;
}

const IF_OPS = ["||", "&&", "==", "!=", "<=", ">=", "<<", ">>", "<", ">", "!", "(", ")", "+", "-", "*", "/", "%", "&", "|", "^", "~"];
const MASK = (1n << 64n) - 1n;

/**
 * Evaluates an `#if` expression by precedence climbing over `|| && | ^ & ==
 * != < > <= >= << >> + - * / %` and unary `! ~ -`, `defined NAME` and
 * `defined(NAME)`. A macro with a value is evaluated through its text.
 */
class IfEvaluator {
  private toks: PTok[] = [];
  private i = 0;
  private failed = false;
  private depth = 0;
  /** Operands evaluated so far, against MAX_EXPANSION. */
  private steps = 0;

  constructor(
    private text: string,
    private fileId: number,
    private diags: Diagnostics,
    private macros: Map<string, Macro>,
    /** Where errors go when the text is not the file's (a macro value from `-D`). */
    private fallback: Span,
    private undefinedNames: { name: string; span: Span }[],
  ) {}

  run(start: number, end: number, expanding: Set<string>, text = this.text, useSpan: Span | null = null): bigint | null {
    const saved = { toks: this.toks, i: this.i, text: this.text, fallback: this.fallback };
    this.text = text;
    if (useSpan) this.fallback = useSpan;
    this.toks = this.scan(start, end, useSpan !== null);
    this.i = 0;
    let v: bigint | null = null;
    if (!this.failed) {
      if (this.toks[0].kind === "end") this.error("expected an expression after '#if'", this.toks[0], useSpan !== null);
      else {
        v = this.binary(0, expanding, useSpan !== null);
        if (!this.failed && this.peek().kind !== "end") this.error(`unexpected '${this.peek().text}' in '#if' expression`, this.peek(), useSpan !== null);
      }
    }
    this.toks = saved.toks;
    this.i = saved.i;
    this.text = saved.text;
    this.fallback = saved.fallback;
    return this.failed ? null : v;
  }

  private spanOf(t: PTok, foreign: boolean): Span {
    return foreign ? this.fallback : { file: this.fileId, start: t.start, end: t.end };
  }

  private error(message: string, t: PTok, foreign: boolean, help?: string): void {
    if (!this.failed) this.diags.error(LW.badIfExpr, message, this.spanOf(t, foreign), help);
    this.failed = true;
  }

  private scan(start: number, end: number, foreign: boolean): PTok[] {
    const out: PTok[] = [];
    const text = this.text;
    let p = start;
    while (p < end) {
      const c = text[p];
      if (/\s/.test(c)) { p++; continue; }
      const rest = text.slice(p, end);
      let m = /^(0[xX][0-9A-Fa-f_]+|0[bB][01_]+|0[oO][0-7_]+|[0-9][0-9_]*)/.exec(rest);
      if (m) {
        const raw = m[0].replace(/_/g, "");
        const value = /^0[oO]/.test(raw) ? BigInt("0o" + raw.slice(2)) : BigInt(raw);
        out.push({ kind: "int", text: m[0], value: value & MASK, start: p, end: p + m[0].length });
        p += m[0].length;
        continue;
      }
      m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
      if (m) {
        out.push({ kind: "name", text: m[0], value: 0n, start: p, end: p + m[0].length });
        p += m[0].length;
        continue;
      }
      const op = IF_OPS.find((o) => rest.startsWith(o));
      if (op) {
        out.push({ kind: "op", text: op, value: 0n, start: p, end: p + op.length });
        p += op.length;
        continue;
      }
      const bad: PTok = { kind: "op", text: c, value: 0n, start: p, end: p + 1 };
      if (c === '"' || c === "'") this.error("'#if' needs a constant integer expression, found a literal string or character", bad, foreign);
      else this.error(`'#if' needs a constant expression; '${c}' is not allowed here`, bad, foreign,
        "only integers, macro names, parentheses and operators may appear in '#if'");
      break;
    }
    out.push({ kind: "end", text: "end of line", value: 0n, start: end, end });
    return out;
  }

  private peek(): PTok {
    return this.toks[Math.min(this.i, this.toks.length - 1)];
  }

  private static LEVELS: string[][] = [["||"], ["&&"], ["|"], ["^"], ["&"], ["==", "!="], ["<", ">", "<=", ">="], ["<<", ">>"], ["+", "-"], ["*", "/", "%"]];

  private binary(level: number, expanding: Set<string>, foreign: boolean): bigint {
    if (level >= IfEvaluator.LEVELS.length) return this.unary(expanding, foreign);
    let left = this.binary(level + 1, expanding, foreign);
    while (!this.failed) {
      const t = this.peek();
      if (t.kind !== "op" || !IfEvaluator.LEVELS[level].includes(t.text)) break;
      this.i++;
      const right = this.binary(level + 1, expanding, foreign);
      left = this.apply(t, left, right, foreign);
    }
    return left;
  }

  private apply(t: PTok, a: bigint, b: bigint, foreign: boolean): bigint {
    const bool = (x: boolean) => (x ? 1n : 0n);
    switch (t.text) {
      case "||": return bool(a !== 0n || b !== 0n);
      case "&&": return bool(a !== 0n && b !== 0n);
      case "|": return a | b;
      case "^": return a ^ b;
      case "&": return a & b;
      case "==": return bool(a === b);
      case "!=": return bool(a !== b);
      case "<": return bool(a < b);
      case ">": return bool(a > b);
      case "<=": return bool(a <= b);
      case ">=": return bool(a >= b);
      case "<<": return (a << (b & 63n)) & MASK;
      case ">>": return a >> (b & 63n);
      case "+": return (a + b) & MASK;
      case "-": return (a - b) & MASK;
      case "*": return (a * b) & MASK;
      case "/":
      case "%":
        if (b === 0n) {
          this.error("division by zero in '#if' expression", t, foreign);
          return 0n;
        }
        return t.text === "/" ? a / b : a % b;
    }
    return 0n;
  }

  private unary(expanding: Set<string>, foreign: boolean): bigint {
    const t = this.peek();
    if (this.failed) return 0n;
    if (++this.depth > 200) {
      this.error("'#if' expression nested too deeply", t, foreign);
      return 0n;
    }
    if (++this.steps > MAX_EXPANSION) {
      this.error(`'#if' expression is too large (over ${MAX_EXPANSION.toLocaleString("en")} operands with its macros expanded)`, t, foreign, EXPANSION_HELP);
      return 0n;
    }
    try {
      if (t.kind === "op" && (t.text === "!" || t.text === "~" || t.text === "-" || t.text === "+")) {
        this.i++;
        const v = this.unary(expanding, foreign);
        if (t.text === "!") return v === 0n ? 1n : 0n;
        if (t.text === "~") return ~v & MASK;
        if (t.text === "-") return -v & MASK;
        return v;
      }
      if (t.kind === "op" && t.text === "(") {
        this.i++;
        const v = this.binary(0, expanding, foreign);
        if (!this.failed && !(this.peek().kind === "op" && this.peek().text === ")")) {
          this.error(`expected ')' in '#if' expression, found '${this.peek().text}'`, this.peek(), foreign);
        }
        this.i++;
        return v;
      }
      if (t.kind === "int") {
        this.i++;
        return t.value;
      }
      if (t.kind === "name") {
        this.i++;
        if (t.text === "defined") return this.defined(foreign);
        const next = this.peek();
        if (next.kind === "op" && next.text === "(") {
          this.error(`'#if' needs a constant expression; '${t.text}(...)' is a run-time call`, t, foreign,
            "the preprocessor only knows integers and macros defined with #define or -D");
          return 0n;
        }
        const m = this.macros.get(t.text);
        if (!m) {
          this.undefinedNames.push({ name: t.text, span: this.spanOf(t, foreign) });
          return 0n;
        }
        if (m.value === null) return 1n;
        if (expanding.has(t.text)) {
          this.error(`macro '${t.text}' refers to itself`, t, foreign);
          return 0n;
        }
        const inner = new Set(expanding).add(t.text);
        const useSpan = this.spanOf(t, foreign);
        // Errors inside the value are reported at this use of the name.
        return this.run(0, m.value.length, inner, m.value, useSpan) ?? 0n;
      }
      this.error(t.kind === "end" ? "expected an operand at the end of the '#if' expression" : `expected an operand in '#if' expression, found '${t.text}'`, t, foreign);
      return 0n;
    } finally {
      this.depth--;
    }
  }

  private defined(foreign: boolean): bigint {
    let paren = false;
    if (this.peek().kind === "op" && this.peek().text === "(") {
      paren = true;
      this.i++;
    }
    const n = this.peek();
    if (n.kind !== "name") {
      this.error("expected a macro name after 'defined'", n, foreign);
      return 0n;
    }
    this.i++;
    if (paren) {
      if (!(this.peek().kind === "op" && this.peek().text === ")")) this.error("expected ')' after 'defined(NAME'", this.peek(), foreign);
      this.i++;
    }
    return this.macros.has(n.text) ? 1n : 0n;
  }
}
