/**
 * Entry point of the Lwanga front end: `parseLw` preprocesses, lexes and
 * parses one `.lw`/`.lwanga` file into syntax IR (`ir/syntax.ts`) — its
 * declarations plus the `import "x.lw";` paths with their spans, which the
 * driver resolves. It never throws on bad input: every problem becomes a
 * diagnostic (codes in `codes.ts`) and the parser recovers at `;`, `}` and
 * top-level keywords to report further independent errors.
 *
 * This file parses declarations (`fn`, `unsafe fn`, `naked fn`, `const`,
 * top-level `let mut` globals, `struct`, `packed struct`, `import`); the
 * statement and expression parsers are in `parse-stmt.ts` and
 * `parse-expr.ts`, the token cursor and recovery in `parser.ts`.
 */
import { Diagnostics, type SourceFile, type Span } from "../diagnostics/diagnostics.ts";
import type { Decl, FileResult, FnDecl, Param, StructDecl, TypeExpr } from "../ir/syntax.ts";
import { LW } from "./codes.ts";
import { lexFile } from "./lexer.ts";
import { parseType } from "./parse-expr.ts";
import { parseBlock, parseConst, parseLet } from "./parse-stmt.ts";
import { Parser } from "./parser.ts";
import { describeToken } from "./tokens.ts";

export interface LwOptions {
  /** `-D NAME` (value "") and `-D NAME=VALUE`. */
  defines: Map<string, string>;
  target: "x86_64" | "aarch64";
}

/** More errors than this from one file are noise: the rest are dropped with one note. */
const MAX_ERRORS_PER_FILE = 100;

export function parseLw(file: SourceFile, diags: Diagnostics, options: LwOptions): FileResult {
  const local = new Diagnostics();
  const result = parseInto(file, local, options);
  let errors = 0;
  let warnings = 0;
  for (const d of local.items) {
    if (d.severity === "error" ? ++errors > MAX_ERRORS_PER_FILE : ++warnings > MAX_ERRORS_PER_FILE) continue;
    diags.add(d);
  }
  if (errors > MAX_ERRORS_PER_FILE) {
    diags.error(LW.tooManyErrors, `too many syntax errors in ${file.path}; ${errors - MAX_ERRORS_PER_FILE} more not shown`,
      { file: file.id, start: file.text.length, end: file.text.length });
  }
  return result;
}

function parseInto(file: SourceFile, diags: Diagnostics, options: LwOptions): FileResult {
  const tokens = lexFile(file, diags, options);
  const runaway = diags.items.some((d) => d.code === LW.unterminatedString || d.code === LW.unterminatedComment || d.code === LW.unterminatedAsm);
  const p = new Parser(file, diags, tokens, runaway);
  const result: FileResult = { decls: [], imports: [] };
  while (!p.atEof()) {
    const before = p.position;
    parseItem(p, result);
    if (p.position === before) {
      if (!p.panicking) p.error(LW.expectedItem, `expected item, found ${describeToken(p.tok)}`);
      p.advance();
    }
    if (p.panicking) p.syncTopLevel();
  }
  return result;
}

function parseItem(p: Parser, out: FileResult): void {
  const t = p.tok;
  if (p.eat(";")) return; // a stray `;` after a declaration is harmless
  if (t.kind === "keyword") {
    switch (t.text) {
      case "import": return parseImport(p, out);
      case "fn":
      case "unsafe":
      case "naked": {
        const fn = parseFn(p);
        if (fn) out.decls.push(fn);
        return;
      }
      case "struct":
      case "packed": {
        const s = parseStruct(p);
        if (s) out.decls.push(s);
        return;
      }
      case "const": {
        const c = parseConst(p);
        out.decls.push({ kind: "const", name: c.name, nameSpan: c.nameSpan, type: c.type, init: c.init, span: c.span });
        return;
      }
      case "let": {
        const l = parseLet(p, true);
        if (l.kind !== "let") return;
        if (l.register) p.report(LW.badRegister, "register variables exist only inside functions", l.nameSpan);
        if (!l.type) return;
        out.decls.push({ kind: "global", name: l.name, nameSpan: l.nameSpan, type: l.type, init: l.init, mutable: l.mutable, span: l.span });
        return;
      }
    }
  }
  if (t.kind === "ident" && t.text === "type" && p.peek().kind === "ident" && p.at("=", p.peek(2))) {
    p.error(LW.typeAlias, "type aliases ('type X = T;') are not part of Lwanga", p.span(t.span.start, p.peek().span.end),
      "write the type itself where it is used, or declare a struct");
    return;
  }
  if (t.kind === "punct" && t.text === "}") {
    p.error(LW.expectedItem, "unexpected '}' at the top level", t.span, "this closes nothing; is there an extra '}'?");
    return;
  }
  p.error(LW.expectedItem, `expected item (fn, struct, const, let mut, import), found ${describeToken(t)}`, t.span,
    t.kind === "keyword" && ["if", "while", "for", "return"].includes(t.text) ? "statements belong inside a function body" : undefined);
}

function parseImport(p: Parser, out: FileResult): void {
  const kw = p.advance();
  const path = p.tok;
  if (path.kind !== "string") {
    p.error(LW.expectedToken, `expected a file name string after 'import', found ${describeToken(path)}`, path.span, 'write import "file.lw";');
    return;
  }
  p.advance();
  out.imports.push({ path: new TextDecoder().decode(path.bytes), span: path.span });
  p.expect(";", "after import");
  void kw;
}

/** `[unsafe] [naked] fn name(a: T, ...) [-> R] { body }`, modifiers in either order. */
function parseFn(p: Parser): FnDecl | null {
  const start = p.tok;
  let unsafe = false;
  let naked = false;
  while (p.at("unsafe") || p.at("naked")) {
    if (p.advance().text === "unsafe") unsafe = true;
    else naked = true;
  }
  if (!p.expect("fn", unsafe || naked ? "after function modifiers" : undefined)) return null;
  const name = p.expectIdent("function name");
  if (!name) return null;
  const params: Param[] = [];
  if (!p.expect("(", `after function name '${name.text}'`)) return null;
  while (!p.at(")") && !p.atEof()) {
    if (p.at("mut")) p.advance(); // `mut` parameters change nothing in the IR; accept the habit
    const pn = p.expectIdent("parameter name");
    if (!pn) return null;
    let type: TypeExpr;
    if (!p.eat(":")) {
      p.error(LW.expectedToken, `expected ':' and a type after parameter '${pn.text}', found ${describeToken(p.tok)}`, p.tok.span,
        `write '${pn.text}: u64'`);
      return null;
    }
    type = parseType(p);
    if (p.panicking) return null;
    params.push({ name: pn.text, type, span: p.spanFrom(pn) });
    if (!p.eat(",")) break;
  }
  if (!p.expect(")", "after the parameters")) return null;
  let result: TypeExpr | null = null;
  if (p.eat("->")) result = parseType(p);
  else if (p.at(":")) {
    p.report(LW.expectedToken, "the result type is written after '->'", p.tok.span, `write 'fn ${name.text}(...) -> T'`);
    p.advance();
    result = parseType(p);
  }
  if (p.panicking) return null;
  const body = parseBlock(p, false, "function body");
  return { kind: "fn", name: name.text, nameSpan: name.span, params, result, body, unsafe, naked, span: p.spanFrom(start) };
}

/** `[packed] struct Name { a: T, b: U, }`. */
function parseStruct(p: Parser): StructDecl | null {
  const start = p.tok;
  const packed = p.eat("packed");
  if (!p.expect("struct", packed ? "after 'packed'" : undefined)) return null;
  const name = p.expectIdent("struct name");
  if (!name) return null;
  if (!p.expect("{", `after struct name '${name.text}'`)) return null;
  const fields: StructDecl["fields"] = [];
  const seen = new Map<string, Span>();
  while (!p.at("}") && !p.atEof()) {
    const f = p.expectIdent("field name");
    if (!f) return null;
    if (!p.expect(":", `after field name '${f.text}'`)) return null;
    const type = parseType(p);
    if (p.panicking) return null;
    const prev = seen.get(f.text);
    if (prev) p.diags.error(LW.duplicateField, `field '${f.text}' declared twice in struct '${name.text}'`, f.span, undefined,
      [{ message: "first declared here", span: prev }]);
    seen.set(f.text, f.span);
    fields.push({ name: f.text, type, span: p.spanFrom(f) });
    if (p.at(";")) {
      p.report(LW.expectedToken, "struct fields are separated by ',', found ';'", p.tok.span, "replace ';' with ','");
      p.advance();
      continue;
    }
    if (!p.eat(",")) break;
  }
  if (!p.expect("}", "to close the struct", "separate fields with ','")) return null;
  return { kind: "struct", name: name.text, nameSpan: name.span, packed, fields, span: p.spanFrom(start) };
}

export type { Decl };
