/**
 * Expressions and types of Lwanga, parsed from the token cursor (`parser.ts`)
 * into syntax IR (`ir/syntax.ts`). Precedence, loosest first, exactly as in
 * LANGUAGE.md: `||` · `&&` and `as` (one level, so `x + y as u32` is
 * `(x + y) as u32`) · `|` · `^` · `&` · `== !=` · `< > <= >=` · `<< >>` ·
 * `+ -` · `* / %` · unary `- ! ~ * &` · postfix call, index, field.
 * If-expressions, `enc`, `syscall`, struct literals (not in a condition
 * without parentheses), array literals and repeats are primaries.
 */
import type { Span } from "../diagnostics/diagnostics.ts";
import type { BinaryOp, Expr, Stmt, TypeExpr } from "../ir/syntax.ts";
import { LW } from "./codes.ts";
import type { Parser } from "./parser.ts";
import { parseBranchBlock, parseIfChain, ifChainToExpr } from "./parse-stmt.ts";
import { describeToken } from "./tokens.ts";

/** Binary operators tighter than `&&`/`as`, one array per level, loosest first. */
const LEVELS: BinaryOp[][] = [["|"], ["^"], ["&"], ["==", "!="], ["<", ">", "<=", ">="], ["<<", ">>"], ["+", "-"], ["*", "/", "%"]];
const LEVEL_OF = new Map<string, number>();
LEVELS.forEach((ops, i) => ops.forEach((op) => LEVEL_OF.set(op, i)));

function binaryLevel(p: Parser): number {
  const t = p.tok;
  if (t.kind !== "punct") return -1;
  if (t.text === "--") return LEVEL_OF.get("-")!;
  return LEVEL_OF.get(t.text) ?? -1;
}

function join(a: Span, b: Span): Span {
  return { file: a.file, start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** A full expression. */
export function parseExpr(p: Parser): Expr {
  if (!p.enter()) return p.errorExpr();
  try {
    let left = parseAndAs(p);
    while (p.at("||")) {
      p.advance();
      const right = parseAndAs(p);
      left = { kind: "binary", op: "||", left, right, span: join(left.span, right.span) };
    }
    if (p.at("?")) return ternary(p, left);
    return left;
  } finally {
    p.leave();
  }
}

/** `c ? a : b` is not Lwanga; parse it to recover and say what to write. */
function ternary(p: Parser, cond: Expr): Expr {
  const q = p.advance();
  p.report(LW.ternary, "the '?:' operator is not part of Lwanga", q.span, "write 'if c { a } else { b }'");
  const then = parseExpr(p);
  p.expect(":", "in conditional expression");
  const otherwise = parseExpr(p);
  return { kind: "conditional", cond, then, else: otherwise, span: join(cond.span, otherwise.span) };
}

/** The `&&` / `as` level: both left-associative, so `a && b as u8` is `(a && b) as u8`. */
function parseAndAs(p: Parser): Expr {
  let left = parseBinary(p, 0);
  while (true) {
    if (p.at("&&")) {
      p.advance();
      const right = parseBinary(p, 0);
      left = { kind: "binary", op: "&&", left, right, span: join(left.span, right.span) };
    } else if (p.at("as")) {
      p.advance();
      const type = parseType(p);
      left = { kind: "cast", operand: left, type, span: join(left.span, type.span) };
      // A tighter operator after the type continues with the cast as its left operand:
      // `(p as u64 + 8) as ptr` and `x as u8 == 1` read as LANGUAGE.md promises.
      if (binaryLevel(p) >= 0) left = continueBinary(p, left, 0);
    } else {
      return left;
    }
  }
}

/** Precedence climbing over `LEVELS[min..]`. */
function parseBinary(p: Parser, min: number): Expr {
  return continueBinary(p, parseUnary(p), min);
}

function continueBinary(p: Parser, left: Expr, min: number): Expr {
  while (true) {
    if (p.at("++") || p.at("--")) {
      // `x++;` / `x--;` end a statement: the statement parser makes them `x += 1`.
      const next = p.peek();
      if (p.at(";", next) || p.at(")", next) || p.at("}", next)) return left;
      if (p.at("++")) {
        p.error(LW.increment, "'++' is not an operator in Lwanga", p.tok.span, "write 'x += 1;' as a statement");
        return left;
      }
    }
    const level = binaryLevel(p);
    if (level < min) return left;
    if (p.at("--")) p.splitToken();
    const op = p.advance().text as BinaryOp;
    let right = parseUnary(p);
    while (binaryLevel(p) > level) right = continueBinary(p, right, level + 1);
    left = { kind: "binary", op, left, right, span: join(left.span, right.span) };
  }
}

/** Unary `- ! ~ * &`, then postfix operators. */
export function parseUnary(p: Parser): Expr {
  if (!p.enter()) return p.errorExpr();
  try {
    const t = p.tok;
    if (p.at("&&") || p.at("--")) p.splitToken();
    if (p.at("++")) {
      p.error(LW.increment, "'++' is not an operator in Lwanga", t.span, "write 'x += 1;' as a statement");
      p.advance();
      return parseUnary(p);
    }
    if (p.at("-") || p.at("!") || p.at("~")) {
      const op = p.advance().text as "-" | "!" | "~";
      const operand = parseUnary(p);
      return { kind: "unary", op, operand, span: join(t.span, operand.span) };
    }
    if (p.at("*")) {
      p.advance();
      const operand = parseUnary(p);
      return { kind: "deref", operand, span: join(t.span, operand.span) };
    }
    if (p.at("&")) {
      p.advance();
      const operand = parseUnary(p);
      return { kind: "addressOf", operand, span: join(t.span, operand.span) };
    }
    return parsePostfix(p, parsePrimary(p));
  } finally {
    p.leave();
  }
}

function parsePostfix(p: Parser, e: Expr): Expr {
  while (true) {
    if (p.at("(")) {
      const args = parseList(p, "(", ")", "argument");
      e = { kind: "call", callee: e, args, span: p.spanFrom(e.span) };
    } else if (p.at("[")) {
      p.advance();
      const index = withStructs(p, () => parseExpr(p));
      if (p.panicking) p.recoverTo("]");
      else p.expect("]", "after index");
      e = { kind: "index", base: e, index, span: p.spanFrom(e.span) };
    } else if (p.at(".")) {
      p.advance();
      const f = p.tok;
      if (f.kind === "ident" || f.kind === "keyword") {
        p.advance();
        e = { kind: "field", base: e, field: f.text, fieldSpan: f.span, span: p.spanFrom(e.span) };
      } else {
        p.error(LW.expectedToken, `expected field name after '.', found ${describeToken(f)}`, f.span);
        return e;
      }
    } else {
      return e;
    }
  }
}

/** Runs `f` with struct literals allowed again (inside brackets and parentheses). */
export function withStructs<T>(p: Parser, f: () => T): T {
  const saved = p.noStruct;
  p.noStruct = false;
  try {
    return f();
  } finally {
    p.noStruct = saved;
  }
}

/** `open a, b, c, close` with an optional trailing comma. */
function parseList(p: Parser, open: string, close: string, what: string): Expr[] {
  p.expect(open);
  const out: Expr[] = [];
  withStructs(p, () => {
    while (!p.at(close) && !p.atEof()) {
      const before = p.position;
      out.push(parseExpr(p));
      if (p.panicking || p.position === before) break;
      if (!p.eat(",")) {
        if (!p.at(close)) p.error(LW.expectedToken, `expected ',' or '${close}' after ${what}, found ${describeToken(p.tok)}`);
        break;
      }
    }
  });
  if (!p.panicking) p.expect(close, `to close the ${what} list`);
  else p.recoverTo(close as ")");
  return out;
}

function parsePrimary(p: Parser): Expr {
  const t = p.tok;
  switch (t.kind) {
    case "int":
      p.advance();
      return { kind: "int", value: t.value ?? 0n, char: false, text: t.text, span: t.span };
    case "char":
      p.advance();
      return { kind: "int", value: t.value ?? 0n, char: true, text: t.text, span: t.span };
    case "string":
      p.advance();
      return { kind: "string", bytes: t.bytes ?? new Uint8Array(), span: t.span };
    case "ident":
      return parseNameOrStruct(p);
    case "keyword":
      switch (t.text) {
        case "true":
        case "false":
          p.advance();
          return { kind: "bool", value: t.text === "true", span: t.span };
        case "if": {
          const chain = parseIfChain(p, true);
          return ifChainToExpr(p, chain);
        }
        case "enc":
          return parseEnc(p);
        case "syscall":
          return parseSyscall(p);
        case "unsafe": {
          if (!p.at("{", p.peek())) break;
          p.advance();
          const b = parseBranchBlock(p, true);
          return { kind: "blockExpr", body: b.body, result: b.tail, unsafe: true, span: p.spanFrom(t) };
        }
      }
      break;
    case "punct":
      if (t.text === "(") {
        p.advance();
        const inner = withStructs(p, () => parseExpr(p));
        if (p.panicking) p.recoverTo(")");
        else p.expect(")", "to close the parenthesis");
        return inner;
      }
      if (t.text === "[") return parseArrayLiteral(p);
      break;
    case "asmBody":
    case "eof":
      break;
  }
  p.error(LW.expectedExpr, `expected expression, found ${describeToken(t)}`, t.span);
  return p.errorExpr(t.span);
}

function parseNameOrStruct(p: Parser): Expr {
  const t = p.advance();
  if (p.at("::")) {
    let last = t;
    while (p.at("::") && p.peek().kind === "ident") {
      p.advance();
      last = p.advance();
    }
    p.report(LW.pathSeparator, `'::' paths are not supported ('${p.file.text.slice(t.span.start, last.span.end)}')`, p.spanFrom(t),
      `all top-level names share one namespace: write '${last.text}'`);
    return { kind: "name", name: last.text, span: last.span };
  }
  const next = p.peek();
  if (!p.noStruct && p.at("{") && (p.at("}", next) || (next.kind === "ident" && p.at(":", p.peek(2))))) return parseStructLiteral(p, t);
  return { kind: "name", name: t.text, span: t.span };
}

function parseStructLiteral(p: Parser, name: { text: string; span: Span }): Expr {
  p.advance(); // {
  const fields: { name: string; value: Expr; span: Span }[] = [];
  const seen = new Set<string>();
  withStructs(p, () => {
    while (!p.at("}") && !p.atEof()) {
      const f = p.expectIdent("field name");
      if (!f) break;
      p.expect(":", `after field name '${f.text}'`);
      const value = parseExpr(p);
      if (seen.has(f.text)) p.report(LW.duplicateField, `field '${f.text}' given twice`, f.span);
      seen.add(f.text);
      fields.push({ name: f.text, value, span: p.spanFrom(f) });
      if (p.panicking) break;
      if (!p.eat(",")) {
        if (!p.at("}")) p.error(LW.expectedToken, `expected ',' or '}' after struct field, found ${describeToken(p.tok)}`);
        break;
      }
    }
  });
  if (!p.panicking) p.expect("}", "to close the struct literal");
  else p.recoverTo("}");
  return { kind: "structLit", name: name.text, nameSpan: name.span, fields, span: p.spanFrom(name.span) };
}

/** `[a, b, c]` or `[value; count]`; mixing the two is an error. */
function parseArrayLiteral(p: Parser): Expr {
  const open = p.advance();
  return withStructs(p, () => {
    if (p.eat("]")) return { kind: "arrayLit", elements: [], span: p.spanFrom(open) } as Expr;
    const first = parseExpr(p);
    const mixed = "an array literal is either a list '[a, b]' or a repeat '[v; n]', not both";
    if (p.eat(";")) {
      const count = parseExpr(p);
      if (p.at(",") && !p.at("]", p.peek())) {
        p.report(LW.mixedArrayLit, mixed, p.tok.span, "write '[v; n]' alone, or list every element");
        while (p.eat(",") && !p.at("]")) parseExpr(p);
      } else {
        p.eat(",");
      }
      if (!p.panicking) p.expect("]", "to close the array repeat");
      else p.recoverTo("]");
      return { kind: "arrayRepeat", value: first, count, span: p.spanFrom(open) } as Expr;
    }
    const elements = [first];
    while (p.eat(",")) {
      if (p.at("]")) break;
      const before = p.position;
      elements.push(parseExpr(p));
      if (p.panicking || p.position === before) break;
    }
    if (p.at(";") && !p.panicking) {
      p.report(LW.mixedArrayLit, mixed, p.tok.span, "write '[v; n]' alone, or list every element");
      p.advance();
      parseExpr(p);
    }
    if (!p.panicking) {
      if (!p.at("]")) p.error(LW.expectedToken, `expected ',' or ']' in array literal, found ${describeToken(p.tok)}`);
      else p.advance();
    }
    if (p.panicking) p.recoverTo("]");
    return { kind: "arrayLit", elements, span: p.spanFrom(open) } as Expr;
  });
}

/** `enc "text"` or `enc { "text" }` (several strings inside braces are joined). */
function parseEnc(p: Parser): Expr {
  const kw = p.advance();
  const parts: Uint8Array[] = [];
  const braced = p.eat("{");
  do {
    if (p.tok.kind !== "string") {
      p.error(LW.expectedToken, `expected string literal after 'enc', found ${describeToken(p.tok)}`, p.tok.span, 'write enc "text" or enc { "text" }');
      break;
    }
    parts.push(p.advance().bytes ?? new Uint8Array());
  } while (braced && p.tok.kind === "string");
  if (braced && !p.panicking) p.expect("}", "to close 'enc { ... }'");
  const total = parts.reduce((n, b) => n + b.length, 0);
  const bytes = new Uint8Array(total);
  let o = 0;
  for (const b of parts) {
    bytes.set(b, o);
    o += b.length;
  }
  return { kind: "enc", bytes, span: p.spanFrom(kw) };
}

function parseSyscall(p: Parser): Expr {
  const kw = p.advance();
  if (!p.at("(")) {
    p.error(LW.expectedToken, `expected '(' after 'syscall', found ${describeToken(p.tok)}`, p.tok.span, "write syscall(number, args...)");
    return p.errorExpr(kw.span);
  }
  const args = parseList(p, "(", ")", "syscall argument");
  const span = p.spanFrom(kw);
  if (args.length === 0) p.report(LW.syscallArgs, "syscall needs a system call number", span, "write syscall(60, 0) for exit(0)");
  else if (args.length > 7) p.report(LW.syscallArgs, `a system call takes at most 6 arguments, found ${args.length - 1}`, args[7].span);
  return { kind: "syscall", args, span };
}

// ---------------------------------------------------------------- types

/** `u64`, a struct name, `*T`, `[T; N]`, `fn(T, U) -> R`, `register`. */
export function parseType(p: Parser): TypeExpr {
  if (!p.enter()) return p.errorType();
  try {
    const t = p.tok;
    if (t.kind === "ident") {
      p.advance();
      if (p.at("::")) {
        while (p.at("::") && p.peek().kind === "ident") {
          p.advance();
          p.advance();
        }
        p.report(LW.pathSeparator, "'::' paths are not supported", p.spanFrom(t), "all top-level names share one namespace");
      }
      return { kind: "named", name: t.text, span: t.span };
    }
    if (p.at("register")) {
      p.advance();
      return { kind: "named", name: "register", span: t.span };
    }
    if (p.at("*") || p.at("&") || p.at("&&")) {
      if (p.at("&&")) p.splitToken();
      if (p.at("&")) p.report(LW.referenceType, "reference types '&T' are not part of Lwanga", t.span, "use a pointer type '*T'");
      p.advance();
      if (p.at("mut") || p.at("const")) p.advance(); // `*mut T` / `*const T` from Rust habits
      const to = parseType(p);
      return { kind: "pointer", to, span: p.spanFrom(t) };
    }
    if (p.at("[")) {
      p.advance();
      const elem = parseType(p);
      if (!p.eat(";")) {
        p.error(LW.expectedToken, `expected ';' in array type, found ${describeToken(p.tok)}`, p.tok.span, "array types give their length: [T; N]");
        if (p.at("]")) p.advance();
        return { kind: "array", elem, length: p.errorExpr(), span: p.spanFrom(t) };
      }
      const length = withStructs(p, () => parseExpr(p));
      p.expect("]", "to close the array type");
      return { kind: "array", elem, length, span: p.spanFrom(t) };
    }
    if (p.at("fn")) {
      p.advance();
      p.expect("(", "after 'fn' in a function type");
      const params: TypeExpr[] = [];
      while (!p.at(")") && !p.atEof() && !p.panicking) {
        // Allow `fn(a: T)` with parameter names, as in declarations.
        if (p.tok.kind === "ident" && p.at(":", p.peek())) {
          p.advance();
          p.advance();
        }
        params.push(parseType(p));
        if (!p.eat(",")) break;
      }
      if (!p.panicking) p.expect(")", "to close the parameter types");
      let result: TypeExpr | null = null;
      if (p.eat("->")) result = parseType(p);
      return { kind: "fn", params, result, span: p.spanFrom(t) };
    }
    p.error(LW.expectedType, `expected type, found ${describeToken(t)}`, t.span);
    return p.errorType(t.span);
  } finally {
    p.leave();
  }
}

/** Statement helper re-exported for the statement parser: an expression used as a condition. */
export function parseCondition(p: Parser): Expr {
  const saved = p.noStruct;
  p.noStruct = true;
  try {
    if (p.at("{")) {
      p.error(LW.expectedExpr, "expected condition, found '{'", p.tok.span);
      return p.errorExpr();
    }
    return parseExpr(p);
  } finally {
    p.noStruct = saved;
  }
}

export type { Stmt };
