/**
 * TypeScript statements inside functions -> `Stmt` of the syntax IR.
 * `for(;;)` becomes a block holding the initialiser and a `loop` with its
 * update, `do...while` a loop with `checkFirst: false`, labels go on the
 * loop or switch they name, `i++` and `x op= y` are assignments with `op`,
 * `const` with a literal initialiser is an IR `const` (usable in
 * `FixedArray<T, typeof N>`) and any other `const` an immutable `let`.
 * `unsafe(() => { ... })` as a statement is an unsafe block.
 */
import type { ts } from "ts-morph";
import type { Block, Expr, Span, Stmt, TypeExpr } from "../../ir/syntax.ts";
import { error, spanOfNode, type Ctx } from "./context.ts";
import { DSL } from "./codes.ts";
import { compoundOpOf, isAssignmentOperator, readExpr, targetType } from "./expr.ts";
import { readType } from "./types.ts";
import { isZeroCall, readStore, readUnsafe } from "./builtins.ts";
import { readAsm } from "./asm.ts";

const SCALAR_NAMES = new Set(["u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "bool", "ptr", "str"]);

export function readStatements(ctx: Ctx, stmts: readonly ts.Statement[]): Stmt[] {
  const out: Stmt[] = [];
  for (const s of stmts) out.push(...readStmt(ctx, s));
  return out;
}

/** A statement as a block with its own scope (bodies of if/loops). */
export function readBlock(ctx: Ctx, node: ts.Statement): Block {
  const T = ctx.ts;
  ctx.scopes.push(new Map());
  const body = T.isBlock(node) ? readStatements(ctx, node.statements) : readStmt(ctx, node);
  ctx.scopes.pop();
  return { kind: "block", body, unsafe: false, span: spanOfNode(ctx, node) };
}

function readStmt(ctx: Ctx, node: ts.Statement, label: string | null = null): Stmt[] {
  const T = ctx.ts;
  const span = spanOfNode(ctx, node);
  if (label !== null && !(T.isIterationStatement(node, false) || T.isSwitchStatement(node))) {
    error(ctx, DSL.badStmt, "a label is only allowed on a loop or a switch", node, "put the label on the loop that `break label` or `continue label` should leave");
  }
  if (T.isBlock(node)) return [readBlock(ctx, node)];
  if (T.isVariableStatement(node)) return readLocalVariables(ctx, node);
  if (T.isExpressionStatement(node)) return readExprStatement(ctx, node.expression);
  if (T.isIfStatement(node)) {
    return [{
      kind: "if",
      cond: readExpr(ctx, node.expression),
      then: readBlock(ctx, node.thenStatement),
      else: node.elseStatement ? readBlock(ctx, node.elseStatement) : null,
      span,
    }];
  }
  if (T.isWhileStatement(node)) {
    return [{ kind: "loop", cond: readExpr(ctx, node.expression), body: readBlock(ctx, node.statement), update: [], checkFirst: true, label, span }];
  }
  if (T.isDoStatement(node)) {
    const body = readBlock(ctx, node.statement);
    return [{ kind: "loop", cond: readExpr(ctx, node.expression), body, update: [], checkFirst: false, label, span }];
  }
  if (T.isForStatement(node)) return [readFor(ctx, node, label)];
  if (T.isLabeledStatement(node)) return readStmt(ctx, node.statement, node.label.text);
  if (T.isBreakStatement(node) || T.isContinueStatement(node)) {
    return [{ kind: T.isBreakStatement(node) ? "break" : "continue", label: node.label?.text ?? null, span }];
  }
  if (T.isReturnStatement(node)) {
    if (ctx.unsafeDepth > 0) {
      error(ctx, DSL.returnInUnsafe, "'return' inside unsafe(() => { ... }) would only leave the arrow function", node,
        "make `return value;` the last statement of the unsafe block and return its result: `const r = unsafe(() => { ...; return v; }); if (...) return r;`");
      return [];
    }
    return [{ kind: "return", value: node.expression ? readExpr(ctx, node.expression, ctx.result ?? null) : null, span }];
  }
  if (T.isSwitchStatement(node)) return [readSwitch(ctx, node, label)];
  if (T.isEmptyStatement(node)) return [];
  if (T.isFunctionDeclaration(node)) {
    error(ctx, DSL.closure, "a function declared inside another function (a closure) is not supported", node.name ?? node, "move the function to the top level of the file and pass what it needs as parameters");
    return [];
  }
  if (T.isClassDeclaration(node)) {
    error(ctx, DSL.classDecl, "classes are not supported", node.name ?? node, "declare a struct at top level: `interface Name extends Struct { ... }`");
    return [];
  }
  if (T.isThrowStatement(node)) {
    error(ctx, DSL.exceptions, "'throw' is not supported: errors are values", node, "return an error value (a negative errno, see \"lwanga/std/errors\") or exit with a status");
    return [];
  }
  if (T.isTryStatement(node)) {
    error(ctx, DSL.exceptions, "try/catch is not supported: errors are values", node.getFirstToken(ctx.sf) ?? node, "check results with isOk()/isErr() from \"lwanga/std/errors\"");
    const out: Stmt[] = [readBlock(ctx, node.tryBlock)];
    return out;
  }
  if (T.isForOfStatement(node) || T.isForInStatement(node)) {
    error(ctx, DSL.badStmt, `'for...${T.isForOfStatement(node) ? "of" : "in"}' is not supported`, node.getFirstToken(ctx.sf) ?? node, "write `for (let i: u64 = 0; i < n; i++) { ... }`");
    return [];
  }
  if (T.isWithStatement(node) || T.isDebuggerStatement(node)) {
    error(ctx, DSL.badStmt, `'${node.getFirstToken(ctx.sf)?.getText(ctx.sf)}' is not supported`, node, "remove it");
    return [];
  }
  if (T.isEnumDeclaration(node) || T.isTypeAliasDeclaration(node) || T.isInterfaceDeclaration(node) || T.isModuleDeclaration(node)) {
    error(ctx, DSL.badStmt, "type, interface, enum and namespace declarations are only allowed at the top level", node, "move the declaration to the top level of the file");
    return [];
  }
  if (T.isImportDeclaration(node) || T.isExportDeclaration(node) || T.isExportAssignment(node)) return [];
  error(ctx, DSL.badStmt, "this statement is not supported in the DSL", node, "use let/const, if, while, do...while, for(;;), switch, break, continue, return and calls");
  return [];
}

/** True for an initialiser built only from integer literals and operators: such a `const` folds at compile time. */
function isLiteralConst(ctx: Ctx, e: ts.Expression): boolean {
  const T = ctx.ts;
  if (T.isParenthesizedExpression(e)) return isLiteralConst(ctx, e.expression);
  if (T.isNumericLiteral(e) || T.isBigIntLiteral(e)) return true;
  if (T.isPrefixUnaryExpression(e)) return e.operator !== T.SyntaxKind.PlusPlusToken && e.operator !== T.SyntaxKind.MinusMinusToken && isLiteralConst(ctx, e.operand);
  if (T.isBinaryExpression(e)) return !isAssignmentOperator(ctx, e.operatorToken.kind) && isLiteralConst(ctx, e.left) && isLiteralConst(ctx, e.right);
  if (T.isAsExpression(e)) return isLiteralConst(ctx, e.expression);
  return false;
}

function declKind(ctx: Ctx, list: ts.VariableDeclarationList): "let" | "const" | null {
  const F = ctx.ts.NodeFlags;
  if (list.flags & F.Const) return "const";
  if (list.flags & F.Let) return "let";
  return null;
}

/** One `let`/`const` declarator -> its name, type and initialiser, or null after an error. */
export function readDeclarator(ctx: Ctx, d: ts.VariableDeclaration): { name: string; nameSpan: Span; type: TypeExpr | null; init: Expr | null; zeroInit: boolean } | null {
  const T = ctx.ts;
  if (!T.isIdentifier(d.name)) {
    error(ctx, DSL.badVariable, "destructuring is not supported", d.name, "declare one variable per name: `const a: u64 = s.a;`");
    return null;
  }
  if (d.exclamationToken) error(ctx, DSL.badVariable, "the definite-assignment '!' is not supported", d, "remove the '!'; a variable may be assigned later");
  let type = d.type ? readType(ctx, d.type) : null;
  let init: Expr | null = null;
  let zeroInit = false;
  if (d.initializer) {
    if (isZeroCall(ctx, d.initializer)) {
      const call = d.initializer as ts.CallExpression;
      const ty = call.typeArguments?.[0] ? readType(ctx, call.typeArguments[0]) : type;
      type = type ?? ty;
      // Aggregates without initialiser are zero-filled; scalars get a literal zero.
      if (ty && (ty.kind === "array" || (ty.kind === "named" && !SCALAR_NAMES.has(ty.name)))) {
        zeroInit = true;
      } else init = readExpr(ctx, d.initializer, type);
    } else if (T.isArrayLiteralExpression(d.initializer) && d.initializer.elements.length === 0 && type?.kind === "array") {
      // `= []` is an all-zero array: leave it to the zero fill of an
      // uninitialised aggregate rather than a literal of N zero elements.
      zeroInit = true;
    } else init = readExpr(ctx, d.initializer, type);
  }
  return { name: d.name.text, nameSpan: spanOfNode(ctx, d.name), type, init, zeroInit };
}

function readLocalVariables(ctx: Ctx, node: ts.VariableStatement): Stmt[] {
  return readDeclarationList(ctx, node.declarationList, spanOfNode(ctx, node));
}

function readDeclarationList(ctx: Ctx, list: ts.VariableDeclarationList, stmtSpan: Span): Stmt[] {
  const kind = declKind(ctx, list);
  if (kind === null) {
    error(ctx, DSL.badStmt, "'var' (or 'using') declarations are not supported", list.getFirstToken(ctx.sf) ?? list, "use `let` or `const`");
  }
  const out: Stmt[] = [];
  for (const d of list.declarations) {
    const r = readDeclarator(ctx, d);
    if (!r) continue;
    const span = list.declarations.length === 1 ? stmtSpan : spanOfNode(ctx, d);
    ctx.scopes[ctx.scopes.length - 1].set(r.name, r.type);
    if (kind === "const" && r.init && d.initializer && isLiteralConst(ctx, d.initializer)) {
      out.push({ kind: "const", name: r.name, nameSpan: r.nameSpan, type: r.type, init: r.init, span });
    } else {
      if (kind === "const" && !r.init && !r.zeroInit) {
        error(ctx, DSL.badVariable, `const '${r.name}' needs an initialiser`, d, `write \`const ${r.name}: u64 = ...;\` or use \`let\``);
      }
      // A TypeScript `const` only forbids rebinding: elements and fields of a
      // const array or struct may be assigned, so such a local is mutable.
      const aggregate = r.type !== null && (r.type.kind === "array" || (r.type.kind === "named" && !SCALAR_NAMES.has(r.type.name)));
      out.push({ kind: "let", name: r.name, nameSpan: r.nameSpan, type: r.type, init: r.init, mutable: kind !== "const" || aggregate, register: null, span });
    }
  }
  return out;
}

const ONE = (span: Span): Expr => ({ kind: "int", value: 1n, char: false, text: "1", span });

/** An expression used as a statement: assignments, `++`/`--`, comma lists, unsafe blocks, store, calls. */
export function readExprStatement(ctx: Ctx, e: ts.Expression): Stmt[] {
  const T = ctx.ts;
  const K = T.SyntaxKind;
  const span = spanOfNode(ctx, e);
  while (T.isParenthesizedExpression(e)) e = e.expression;
  if (T.isBinaryExpression(e)) {
    const kind = e.operatorToken.kind;
    if (kind === K.CommaToken) return [...readExprStatement(ctx, e.left), ...readExprStatement(ctx, e.right)];
    if (kind === K.EqualsToken) {
      if (T.isObjectLiteralExpression(e.left) || T.isArrayLiteralExpression(e.left)) {
        error(ctx, DSL.badVariable, "destructuring assignment is not supported", e.left, "assign each variable on its own");
        return [];
      }
      return [{ kind: "assign", target: readExpr(ctx, e.left), op: null, value: readExpr(ctx, e.right, targetType(ctx, e.left)), span }];
    }
    if (isAssignmentOperator(ctx, kind)) {
      const op = compoundOpOf(ctx, kind);
      if (!op) {
        error(ctx, DSL.badExpr, `the operator '${e.operatorToken.getText(ctx.sf)}' is not supported`, e.operatorToken,
          kind === K.AsteriskAsteriskEqualsToken ? "multiply in a loop" : "write it with `if`: values are never null");
        return [];
      }
      return [{ kind: "assign", target: readExpr(ctx, e.left), op, value: readExpr(ctx, e.right), span }];
    }
  }
  if ((T.isPrefixUnaryExpression(e) || T.isPostfixUnaryExpression(e)) && (e.operator === K.PlusPlusToken || e.operator === K.MinusMinusToken)) {
    return [{ kind: "assign", target: readExpr(ctx, e.operand), op: e.operator === K.PlusPlusToken ? "+" : "-", value: ONE(span), span }];
  }
  if (T.isCallExpression(e) && T.isIdentifier(e.expression)) {
    const builtin = ctx.builtins.get(e.expression.text);
    if (builtin === "store") return [readStore(ctx, e)];
    if (builtin === "asm") return [readAsm(ctx, e)];
    if (builtin === "unsafe") {
      const fn = e.arguments[0];
      const blockWithoutValue = fn && (T.isArrowFunction(fn) || T.isFunctionExpression(fn)) && T.isBlock(fn.body) && e.arguments.length === 1 &&
        !fn.body.statements.some((s) => T.isReturnStatement(s) && s.expression);
      if (blockWithoutValue) {
        const body = fn.body as ts.Block;
        ctx.scopes.push(new Map());
        ctx.unsafeDepth++;
        const last = body.statements[body.statements.length - 1];
        const stmts = last && T.isReturnStatement(last) ? body.statements.slice(0, -1) : body.statements;
        const inner = readStatements(ctx, stmts);
        ctx.unsafeDepth--;
        ctx.scopes.pop();
        return [{ kind: "block", body: inner, unsafe: true, span }];
      }
      return [{ kind: "expr", expr: readUnsafe(ctx, e, null), span }];
    }
  }
  return [{ kind: "expr", expr: readExpr(ctx, e), span }];
}

function readFor(ctx: Ctx, node: ts.ForStatement, label: string | null): Stmt {
  const T = ctx.ts;
  const span = spanOfNode(ctx, node);
  ctx.scopes.push(new Map());
  const init: Stmt[] = [];
  if (node.initializer) {
    if (T.isVariableDeclarationList(node.initializer)) init.push(...readDeclarationList(ctx, node.initializer, spanOfNode(ctx, node.initializer)));
    else init.push(...readExprStatement(ctx, node.initializer));
  }
  const cond = node.condition ? readExpr(ctx, node.condition) : null;
  const update = node.incrementor ? readExprStatement(ctx, node.incrementor) : [];
  const body = readBlock(ctx, node.statement);
  ctx.scopes.pop();
  const loop: Stmt = { kind: "loop", cond, body, update, checkFirst: true, label, span };
  return { kind: "block", body: [...init, loop], unsafe: false, span };
}

function readSwitch(ctx: Ctx, node: ts.SwitchStatement, label: string | null): Stmt {
  const T = ctx.ts;
  const span = spanOfNode(ctx, node);
  const value = readExpr(ctx, node.expression);
  const cases: { values: Expr[]; body: Stmt[]; span: Span }[] = [];
  let defaultIndex: number | null = null;
  let pending: Expr[] = [];
  ctx.scopes.push(new Map());
  const clauses = node.caseBlock.clauses;
  clauses.forEach((clause, i) => {
    const cspan = spanOfNode(ctx, clause);
    if (T.isDefaultClause(clause)) {
      if (pending.length > 0) {
        cases.push({ values: pending, body: [], span: cspan });
        pending = [];
      }
      defaultIndex = cases.length;
      cases.push({ values: [], body: readStatements(ctx, clause.statements), span: cspan });
      return;
    }
    pending.push(readExpr(ctx, clause.expression));
    const next = clauses[i + 1];
    // `case 1: case 2: body` shares one body: merge the values.
    if (clause.statements.length === 0 && next && T.isCaseClause(next)) return;
    cases.push({ values: pending, body: readStatements(ctx, clause.statements), span: cspan });
    pending = [];
  });
  ctx.scopes.pop();
  return { kind: "switch", value, cases, defaultIndex, label, span };
}

