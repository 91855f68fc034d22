/**
 * Statements of Lwanga, parsed into syntax IR (`ir/syntax.ts`): `let` (with
 * register variables), block `const`, assignment and compound assignment,
 * `if`/`else if`/`else` (with or without parentheses), `while`, C-style `for`
 * (desugared to a block holding the init and a `loop` with its update),
 * `break`, `continue`, `return`, `unsafe` and plain blocks, `asm` blocks in
 * every form, and expression statements. Blocks used as values (branches of
 * an if-expression) end in an expression without `;`.
 */
import type { Span } from "../diagnostics/diagnostics.ts";
import type { AsmOperand, AsmStmt, BinaryOp, Block, Expr, Stmt, TypeExpr } from "../ir/syntax.ts";
import { LW } from "./codes.ts";
import { parseCondition, parseExpr, parseType, withStructs } from "./parse-expr.ts";
import { TOP_LEVEL_STARTS, type Parser } from "./parser.ts";
import { describeToken, type Token } from "./tokens.ts";

const COMPOUND: Record<string, BinaryOp> = {
  "+=": "+", "-=": "-", "*=": "*", "/=": "/", "%=": "%", "&=": "&", "|=": "|", "^=": "^", "<<=": "<<", ">>=": ">>",
};

/** A parsed `{ ... }`: its statements and, in value position, the final expression without `;`. */
export interface BranchBlock {
  body: Stmt[];
  tail: Expr | null;
  span: Span;
}

/** `{ stmts }` as a statement block. A missing `{` gives an empty block (its contents are skipped by recovery). */
export function parseBlock(p: Parser, unsafe: boolean, what = "block"): Block {
  const b = parseBranchBlock(p, false, what);
  return { kind: "block", body: b.body, unsafe, span: b.span };
}

/** `{ stmts [tail] }`; `allowTail` lets the last expression stand without `;`. */
export function parseBranchBlock(p: Parser, allowTail: boolean, what = "block"): BranchBlock {
  const open = p.tok;
  if (!p.at("{")) {
    p.error(LW.expectedToken, `expected '{' to open the ${what}, found ${describeToken(open)}`, open.span);
    return { body: [], tail: null, span: open.span };
  }
  if (!p.enter()) return { body: [], tail: null, span: open.span };
  try {
    p.advance();
    const items = parseBlockItems(p, allowTail);
    if (!p.at("}")) {
      const t = p.tok;
      const declaration = t.kind === "keyword" && TOP_LEVEL_STARTS.has(t.text);
      p.error(declaration ? LW.itemInBlock : LW.expectedToken, `expected '}' to close the ${what}, found ${describeToken(t)}`, t.span,
        declaration ? `'${t.text}' declarations belong at the top level; is a '}' missing above?` : undefined,
        [{ message: "the block opens here", span: open.span }]);
    } else {
      p.advance();
    }
    return { body: items.body, tail: items.tail, span: p.spanFrom(open) };
  } finally {
    p.leave();
  }
}

/** Statements up to the closing `}` (not consumed), end of file, or a top-level keyword. */
function parseBlockItems(p: Parser, allowTail: boolean): { body: Stmt[]; tail: Expr | null } {
  const body: Stmt[] = [];
  let tail: Expr | null = null;
  while (!p.at("}") && !p.atEof()) {
    if (p.tok.kind === "keyword" && TOP_LEVEL_STARTS.has(p.tok.text) && !(p.at("fn") && p.at("(", p.peek()))) break;
    if (p.eat(";")) continue; // empty statement
    if (tail) {
      // An expression without ';' followed by more statements.
      p.error(LW.expectedToken, `expected ';' after expression, found ${describeToken(p.tok)}`, p.span(tail.span.end, tail.span.end));
      body.push({ kind: "expr", expr: tail, span: tail.span });
      tail = null;
    }
    const before = p.position;
    const r = parseStatement(p, allowTail);
    if (r && "tail" in r) tail = r.tail;
    else if (r) body.push(r);
    if (p.position === before) {
      if (!p.panicking) p.error(LW.expectedToken, `unexpected ${describeToken(p.tok)}`, p.tok.span);
      // A `{` is left for the recovery below, which skips the whole `{ ... }` group.
      if (!p.at("{")) p.advance();
    }
    if (p.panicking) p.syncStatement();
  }
  return { body, tail };
}

/** One statement; in value position `{ tail }` is returned for a final expression without `;`. */
export function parseStatement(p: Parser, allowTail: boolean): Stmt | { tail: Expr } | null {
  const t = p.tok;
  if (t.kind === "keyword") {
    switch (t.text) {
      case "let": return parseLet(p, false);
      case "const": return parseConst(p);
      case "if": {
        const chain = parseIfChain(p, false);
        if (allowTail && p.at("}") && chainHasValues(chain)) return { tail: ifChainToExpr(p, chain) };
        return ifChainToStmt(p, chain);
      }
      case "while": {
        p.advance();
        const cond = parseCondition(p);
        const body = parseBlock(p, false, "loop body");
        return { kind: "loop", cond, body, update: [], checkFirst: true, label: null, span: p.spanFrom(t) };
      }
      case "for": return parseFor(p);
      case "break":
      case "continue": {
        p.advance();
        p.expect(";", `after '${t.text}'`);
        return { kind: t.text, label: null, span: p.spanFrom(t) };
      }
      case "return": {
        p.advance();
        const value = p.at(";") || p.at("}") ? null : parseExpr(p);
        p.expect(";", "after return statement");
        return { kind: "return", value, span: p.spanFrom(t) };
      }
      case "unsafe":
        if (p.at("{", p.peek())) {
          p.advance();
          const b = parseBlock(p, true, "unsafe block");
          return { ...b, span: p.spanFrom(t) };
        }
        break;
      case "asm": return parseAsm(p);
    }
  }
  if (p.at("{")) return parseBlock(p, false);
  const foreign = foreignStatement(p);
  if (foreign) return foreign;
  return parseSimpleStatement(p, allowTail, true);
}

/** Recognises statements from other languages that are not Lwanga, reports them and skips them. */
function foreignStatement(p: Parser): Stmt | null {
  const t = p.tok;
  if (t.kind !== "ident") return null;
  const next = p.peek();
  if (t.text === "type" && next.kind === "ident" && p.at("=", p.peek(2))) {
    p.error(LW.typeAlias, "type aliases ('type X = T;') are not part of Lwanga", p.span(t.span.start, next.span.end), "write the type itself where it is used");
    return null;
  }
  if ((t.text === "var" || t.text === "auto") && next.kind === "ident") {
    p.error(LW.foreignKeyword, `'${t.text}' is not a Lwanga keyword`, t.span, `declare variables with 'let name: T = value;'`);
    return null;
  }
  if ((t.text === "loop" || t.text === "do") && p.at("{", next)) {
    p.error(LW.foreignKeyword, `'${t.text}' is not a Lwanga keyword`, t.span, "write 'while 1 { ... }' and 'break;'");
    return null;
  }
  if (t.text === "elif" || (t.text === "elseif")) {
    p.error(LW.foreignKeyword, `'${t.text}' is not a Lwanga keyword`, t.span, "write 'else if'");
    return null;
  }
  return null;
}

/**
 * An assignment, compound assignment, `x++`/`x--`, or expression statement;
 * `needSemi` false for the step of a `for`.
 */
function parseSimpleStatement(p: Parser, allowTail: boolean, needSemi: boolean): Stmt | { tail: Expr } {
  const start = p.tok;
  const e = parseExpr(p);
  let stmt: Stmt;
  if (p.at("=") || p.tok.text in COMPOUND && p.tok.kind === "punct") {
    const opTok = p.advance();
    const value = parseExpr(p);
    checkTarget(p, e);
    stmt = { kind: "assign", target: e, op: opTok.text === "=" ? null : COMPOUND[opTok.text], value, span: p.spanFrom(start) };
  } else if (p.at("++") || p.at("--")) {
    const opTok = p.advance();
    checkTarget(p, e);
    const one: Expr = { kind: "int", value: 1n, char: false, text: "1", span: opTok.span };
    stmt = { kind: "assign", target: e, op: opTok.text === "++" ? "+" : "-", value: one, span: p.spanFrom(start) };
  } else {
    if (allowTail && p.at("}") && !p.panicking) return { tail: e };
    stmt = { kind: "expr", expr: e, span: p.spanFrom(start) };
  }
  if (needSemi && !p.panicking) {
    if (p.at("=") && stmt.kind === "assign") {
      p.error(LW.expectedToken, "chained assignment is not supported", p.tok.span, "assign each variable in its own statement");
    } else {
      p.expect(";", stmt.kind === "assign" ? "after assignment" : "after expression");
    }
  }
  stmt.span = p.spanFrom(start);
  return stmt;
}

/** Only a variable, `*p`, `a[i]` or `s.f` can be assigned. */
function checkTarget(p: Parser, target: Expr): void {
  switch (target.kind) {
    case "name":
    case "deref":
    case "index":
    case "field":
      return;
    default:
      if (target.kind === "int" && target.text === "<error>") return;
      p.report(LW.badAssignTarget, "invalid left-hand side of assignment", target.span, "assign to a variable, '*p', 'a[i]' or 's.f'");
  }
}

/**
 * `let [mut] [register] name[: T] [= init];`. Register variables:
 * `let register rax: u64` or `let rax: register` both set `register: "rax"`
 * (the second with type `u64`).
 * At top level (`topLevel`) the same shape is a global.
 */
export function parseLet(p: Parser, topLevel: boolean): Stmt {
  const kw = p.advance();
  let mutable = false;
  let register = false;
  while (p.at("mut") || p.at("register")) {
    const m = p.advance();
    if (m.text === "mut") mutable = true;
    else register = true;
  }
  if (register && p.tok.kind !== "ident") {
    p.error(LW.badRegister, `expected a register name after 'let register', found ${describeToken(p.tok)}`, p.tok.span,
      "write 'let register rax: u64 = 42;'");
  }
  const name = p.expectIdent(register ? "register name" : "variable name");
  if (!name) {
    return { kind: "let", name: "<error>", nameSpan: p.tok.span, type: null, init: null, mutable, register: null, span: p.spanFrom(kw) };
  }
  let type: TypeExpr | null = null;
  if (p.eat(":")) type = parseType(p);
  else if (!p.panicking) {
    const help = p.at("=") ? `write 'let ${mutable ? "mut " : ""}${name.text}: u64 = ...;' with the type you need` : `write 'let ${name.text}: u64;'`;
    if (p.at("=") || p.at(";")) p.report(LW.letWithoutType, `missing type for '${name.text}'; Lwanga does not infer variable types`, name.span, help);
    else p.error(LW.expectedToken, `expected ':' and a type after '${name.text}', found ${describeToken(p.tok)}`, p.tok.span);
  }
  let init: Expr | null = null;
  if (!p.panicking && p.eat("=")) init = parseExpr(p);
  if (!p.panicking) p.expect(";", "after let statement");
  // `let rax: register` is `let register rax: u64`: the register field names the register and
  // the variable gets the register's natural type, so both spellings give the same IR.
  const isRegisterType = type?.kind === "named" && type.name === "register";
  if (isRegisterType) type = { kind: "named", name: "u64", span: type!.span };
  return {
    kind: "let", name: name.text, nameSpan: name.span, type, init, mutable,
    register: register || isRegisterType ? name.text : null, span: p.spanFrom(kw),
  };
}

/** `const NAME: T = init;` (block-level here; `parse.ts` builds the top-level declaration from it). */
export function parseConst(p: Parser): Stmt & { kind: "const" } {
  const kw = p.advance();
  const name = p.expectIdent("constant name");
  if (!name) return { kind: "const", name: "<error>", nameSpan: p.tok.span, type: null, init: p.errorExpr(), span: p.spanFrom(kw) };
  let type: TypeExpr | null = null;
  if (p.eat(":")) type = parseType(p);
  else if (!p.panicking) p.report(LW.letWithoutType, `missing type for constant '${name.text}'`, name.span, `write 'const ${name.text}: u64 = ...;'`);
  let init: Expr = p.errorExpr();
  if (!p.panicking) {
    if (p.expect("=", `after the type of constant '${name.text}'`, "a constant needs a value")) init = parseExpr(p);
  }
  if (!p.panicking) p.expect(";", "after constant declaration");
  return { kind: "const", name: name.text, nameSpan: name.span, type, init, span: p.spanFrom(kw) };
}

// ---------------------------------------------------------------- if / for

export interface IfChain {
  start: Token;
  branches: { cond: Expr; block: BranchBlock; start: Span }[];
  otherwise: BranchBlock | null;
}

/**
 * `if c {..} else if c {..} else {..}` as a flat list (so long chains do not
 * recurse); branches may end in a value (`allowTail` of the blocks).
 */
export function parseIfChain(p: Parser, _asExpr: boolean): IfChain {
  const start = p.tok;
  const chain: IfChain = { start, branches: [], otherwise: null };
  let kw: Token = start;
  while (true) {
    p.advance(); // if
    const cond = parseCondition(p);
    const block = parseBranchBlock(p, true, "if body");
    chain.branches.push({ cond, block, start: kw.span });
    if (!p.at("else")) break;
    const elseTok = p.advance();
    if (p.at("if")) {
      kw = p.tok;
      continue;
    }
    chain.otherwise = parseBranchBlock(p, true, "else body");
    if (chain.otherwise.span === elseTok.span) break;
    break;
  }
  return chain;
}

function chainHasValues(chain: IfChain): boolean {
  return chain.otherwise !== null && chain.otherwise.tail !== null && chain.branches.every((b) => b.block.tail !== null);
}

/** A branch's value-less statements; a stray tail (`if c { f() }`) is an error: statements end in ';'. */
function branchToBlock(p: Parser, b: BranchBlock): Block {
  const body = [...b.body];
  if (b.tail) {
    p.report(LW.expectedToken, "expected ';' after expression, found '}'", p.span(b.tail.span.end, b.tail.span.end),
      "add ';' (an if without values is a statement)");
    body.push({ kind: "expr", expr: b.tail, span: b.tail.span });
  }
  return { kind: "block", body, unsafe: false, span: b.span };
}

export function ifChainToStmt(p: Parser, chain: IfChain): Stmt {
  let otherwise: Block | null = chain.otherwise ? branchToBlock(p, chain.otherwise) : null;
  let node: Stmt | null = null;
  for (let i = chain.branches.length - 1; i >= 0; i--) {
    const b = chain.branches[i];
    const end = otherwise ? otherwise.span.end : b.block.span.end;
    node = { kind: "if", cond: b.cond, then: branchToBlock(p, b.block), else: otherwise, span: p.span(b.start.start, end) };
    if (i > 0) otherwise = { kind: "block", body: [node], unsafe: false, span: node.span };
  }
  return node!;
}

/** The chain as a `conditional` expression whose branches are `blockExpr`s. */
export function ifChainToExpr(p: Parser, chain: IfChain): Expr {
  const value = (b: BranchBlock): Expr => {
    if (!b.tail) p.report(LW.ifExprShape, "this branch of an if-expression has no value", b.span, "end the branch with an expression without ';'");
    return { kind: "blockExpr", body: b.body, result: b.tail, unsafe: false, span: b.span };
  };
  let otherwise: Expr;
  if (chain.otherwise) otherwise = value(chain.otherwise);
  else {
    const last = chain.branches[chain.branches.length - 1];
    p.report(LW.ifExprShape, "an if used as a value needs an 'else' branch", p.span(chain.start.span.start, last.block.span.end),
      "add 'else { value }'");
    otherwise = p.errorExpr(last.block.span);
  }
  for (let i = chain.branches.length - 1; i >= 0; i--) {
    const b = chain.branches[i];
    otherwise = { kind: "conditional", cond: b.cond, then: value(b.block), else: otherwise, span: p.span(b.start.start, otherwise.span.end) };
  }
  return otherwise;
}

/** `for (init; cond; step) { }` → `{ init; loop(cond) { body } update step }`. */
function parseFor(p: Parser): Stmt {
  const kw = p.advance();
  if (p.tok.kind === "ident" && p.atIdent("in", p.peek())) {
    const v = p.tok.text;
    p.error(LW.forIn, "'for ... in' loops are not part of Lwanga", p.spanFrom(kw),
      `write 'for (let mut ${v}: u64 = 0; ${v} < n; ${v} += 1) { ... }'`);
    while (!p.at("{") && !p.atEof() && !p.at(";") && !p.at("}")) p.advance();
    p.panicking = false;
    const body = p.at("{") ? parseBlock(p, false, "loop body") : { kind: "block" as const, body: [], unsafe: false, span: p.tok.span };
    return { kind: "loop", cond: null, body, update: [], checkFirst: true, label: null, span: p.spanFrom(kw) };
  }
  const paren = p.eat("(");
  const parts = (): { init: Stmt | null; cond: Expr | null; step: Stmt | null } => {
    let init: Stmt | null = null;
    if (!p.eat(";")) {
      if (p.at("let")) init = parseLet(p, false);
      else init = parseSimpleStatement(p, false, true) as Stmt;
    }
    let cond: Expr | null = null;
    if (!p.panicking && !p.at(";")) cond = paren ? parseExpr(p) : parseCondition(p);
    if (!p.panicking) p.expect(";", "after the loop condition");
    let step: Stmt | null = null;
    if (!p.panicking && !p.at(paren ? ")" : "{")) step = paren ? parseSimpleStatement(p, false, false) as Stmt : noStruct(p, () => parseSimpleStatement(p, false, false) as Stmt);
    return { init, cond, step };
  };
  const { init, cond, step } = paren ? withStructs(p, parts) : parts();
  if (paren && !p.panicking) p.expect(")", "to close the for header");
  const body = parseBlock(p, false, "loop body");
  const loop: Stmt = { kind: "loop", cond, body, update: step ? [step] : [], checkFirst: true, label: null, span: p.spanFrom(kw) };
  return { kind: "block", body: init ? [init, loop] : [loop], unsafe: false, span: p.spanFrom(kw) };
}

function noStruct<T>(p: Parser, f: () => T): T {
  const saved = p.noStruct;
  p.noStruct = true;
  try {
    return f();
  } finally {
    p.noStruct = saved;
  }
}

// ---------------------------------------------------------------- asm

/**
 * `asm { lines }`, `asm { lines : outs : ins : clobbers }` and
 * `asm { lines } : outs : ins : clobbers;`. The lexer delivers the lines as
 * one `asmBody` token.
 */
function parseAsm(p: Parser): AsmStmt {
  const kw = p.advance();
  const stmt: AsmStmt = { kind: "asm", lines: [], outputs: [], inputs: [], clobbers: [], extended: false, span: kw.span };
  if (!p.expect("{", "after 'asm'", "write asm { instructions }")) return stmt;
  if (p.tok.kind === "asmBody") {
    const body = p.advance();
    stmt.lines = body.asmLines ?? [];
    stmt.lineSpans = body.asmLineSpans ?? [];
  }
  if (p.at(":") || p.at("::")) parseAsmOperands(p, stmt, "}");
  if (!p.panicking) p.expect("}", "to close the asm block");
  if (!stmt.extended && (p.at(":") || p.at("::"))) {
    parseAsmOperands(p, stmt, ";");
    if (!p.panicking) p.expect(";", "after the asm operand lists");
  } else {
    p.eat(";");
  }
  stmt.span = p.spanFrom(kw);
  return stmt;
}

function parseAsmOperands(p: Parser, stmt: AsmStmt, end: string): void {
  stmt.extended = true;
  let section = -1;
  while ((p.at(":") || p.at("::")) && !p.panicking) {
    section += p.advance().text.length;
    if (section > 2) {
      p.error(LW.badAsmOperand, "an asm block has at most three operand lists (outputs : inputs : clobbers)", p.spanFrom(p.tok));
      return;
    }
    while (!p.at(":") && !p.at("::") && !p.at(end) && !p.at("}") && !p.atEof()) {
      const t = p.tok;
      if (t.kind !== "string") {
        p.error(LW.badAsmOperand, `expected ${section === 2 ? "clobber" : "constraint"} string in asm operand list, found ${describeToken(t)}`, t.span,
          section === 2 ? 'write clobbers as strings: "rax", "memory"' : 'write operands as "constraint"(expression), e.g. "=r"(out)');
        return;
      }
      p.advance();
      const text = new TextDecoder().decode(t.bytes);
      if (section === 2) stmt.clobbers.push(text);
      else {
        if (!p.expect("(", `after asm constraint "${text}"`, 'write "constraint"(expression)')) return;
        const expr = withStructs(p, () => parseExpr(p));
        if (!p.expect(")", "after asm operand")) return;
        const op: AsmOperand = { constraint: text, expr, span: p.spanFrom(t) };
        (section === 0 ? stmt.outputs : stmt.inputs).push(op);
      }
      if (!p.eat(",")) break;
    }
  }
}
