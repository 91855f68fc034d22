/**
 * The DSL front end's entry: `readDsl(file, diags)` parses one `.ts` file
 * with the TypeScript parser that ts-morph bundles (parse only: no type
 * checker, no lib files, no program; the file is never executed or imported
 * into Node) and produces the file's syntax-IR declarations plus the module
 * specifiers it imports, for the driver to resolve. Imports from "lwanga"
 * bind builtins and machine types and are not listed. Everything outside the
 * DSL subset gets an LW3xxx diagnostic (codes.ts); reading never throws.
 *
 * Top level: `function` -> FnDecl, `const` -> ConstDecl, `let` -> GlobalDecl,
 * `interface X extends Struct|Packed` -> StructDecl.
 */
import type { ts } from "ts-morph";
import type { Diagnostics, SourceFile, Span } from "../../diagnostics/diagnostics.ts";
import type { Decl, FileResult, Param, TypeExpr } from "../../ir/syntax.ts";
import {
  BUILTIN_CONSTANTS, BUILTIN_FUNCTIONS, BUILTIN_GENERIC_TYPES, BUILTIN_TYPE_NAMES, error, loadTs, spanOfNode, type Ctx, type FnSig,
} from "./context.ts";
import { DSL } from "./codes.ts";
import { MAX_SYNTAX_DEPTH } from "../../driver/depth.ts";
import { readType } from "./types.ts";
import { readDeclarator, readStatements } from "./stmt.ts";

export { DSL } from "./codes.ts";

export function readDsl(file: SourceFile, diags: Diagnostics): FileResult {
  const T = loadTs();
  let sf: ts.SourceFile;
  try {
    sf = T.createSourceFile(file.path, file.text, T.ScriptTarget.Latest, true, T.ScriptKind.TS);
  } catch (e) {
    // TypeScript's parser recurses: thousands of nested parentheses overflow the stack.
    diags.error(DSL.tooDeep, `this file nests too deeply to parse (${(e as Error).message})`, { file: file.id, start: 0, end: 0 },
      "split deeply nested expressions or blocks into smaller parts");
    return { decls: [], imports: [] };
  }
  if (!checkTsDepth(T, sf, file, diags)) return { decls: [], imports: [] };
  const ctx: Ctx = {
    ts: T, sf, file, diags,
    builtins: new Map(), typeNames: new Map(), structs: new Map(), functions: new Map(), globals: new Map(),
    scopes: [], result: undefined, unsafeDepth: 0,
  };
  const decls: Decl[] = [];
  const imports: { path: string; span: Span }[] = [];
  try {
    reportSyntaxErrors(ctx);
    for (const s of sf.statements) collect(ctx, s, imports);
    for (const s of sf.statements) decls.push(...readTopLevel(ctx, s));
  } catch (e) {
    // A bug in the reader must not crash the compiler with a stack trace.
    diags.error(DSL.syntax, `internal error while reading the DSL file: ${(e as Error).message}`, { file: file.id, start: 0, end: 0 });
  }
  return { decls, imports };
}

/** The reader recurses over the AST: refuse trees deeper than the driver's limit before reading (iteratively). */
function checkTsDepth(T: typeof ts, sf: ts.SourceFile, file: SourceFile, diags: Diagnostics): boolean {
  const stack: { node: ts.Node; depth: number }[] = [{ node: sf, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > MAX_SYNTAX_DEPTH) {
      diags.error(DSL.tooDeep, `this program nests more than ${MAX_SYNTAX_DEPTH} levels deep`, { file: file.id, start: node.getStart(sf), end: node.getEnd() },
        "split the expression or the blocks into smaller parts (e.g. with local variables or functions)");
      return false;
    }
    T.forEachChild(node, (child) => {
      stack.push({ node: child, depth: depth + 1 });
    });
  }
  return true;
}

function reportSyntaxErrors(ctx: Ctx): void {
  const T = ctx.ts;
  const parseDiagnostics = (ctx.sf as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const text = ctx.sf.text;
  let explained = false;
  for (const d of parseDiagnostics) {
    const message = T.flattenDiagnosticMessageText(d.messageText, "\n");
    // `a << (b >> (c))` and `a < (b > (c))` are type arguments and a call to TypeScript (tsc agrees).
    const lineStart = text.lastIndexOf("\n", d.start - 1) + 1;
    const typeArguments: boolean = !explained && message === "'>' expected." && text.slice(lineStart, d.start).includes("<");
    explained ||= typeArguments;
    ctx.diags.error(DSL.syntax, `syntax error: ${message}`, { file: ctx.file.id, start: d.start, end: d.start + Math.max(d.length, 0) },
      typeArguments ? "TypeScript reads `a << (b … >> (c))` or `a < (b … > (c))` as type arguments and a call, as tsc does: start the operand after `<<` or `<` without `(` (`a << 0 + (b)`), or split the expression with a local" : undefined);
  }
}

function hasModifier(ctx: Ctx, node: ts.Node, kind: ts.SyntaxKind): boolean {
  const mods = ctx.ts.canHaveModifiers(node) ? ctx.ts.getModifiers(node) : undefined;
  return !!mods?.some((m) => m.kind === kind);
}

/** First pass: imports, and the types of this file's structs, functions and globals (for object literal contexts). */
function collect(ctx: Ctx, s: ts.Statement, imports: { path: string; span: Span }[]): void {
  const T = ctx.ts;
  if (T.isImportDeclaration(s)) return collectImport(ctx, s, imports);
  if (T.isExportDeclaration(s)) {
    if (s.moduleSpecifier && T.isStringLiteral(s.moduleSpecifier)) {
      if (s.exportClause && T.isNamespaceExport(s.exportClause)) {
        error(ctx, DSL.badImport, "`export * as name` is not supported: all top-level names share one namespace", s, "write `export * from \"...\"` or import the names you use");
      }
      if (s.moduleSpecifier.text !== "lwanga") imports.push({ path: s.moduleSpecifier.text, span: spanOfNode(ctx, s.moduleSpecifier) });
    }
    return;
  }
  if (T.isImportEqualsDeclaration(s)) {
    error(ctx, DSL.dynamicImport, "`import x = require(...)` is not supported", s, "use `import { f } from \"./file.ts\"`");
    return;
  }
  if (T.isInterfaceDeclaration(s)) {
    const fields = new Map<string, TypeExpr>();
    const quiet: Ctx = { ...ctx, diags: { error() {}, warning() {}, add() {} } as unknown as Diagnostics };
    for (const m of s.members) {
      if (T.isPropertySignature(m) && T.isIdentifier(m.name) && m.type) fields.set(m.name.text, readType(quiet, m.type) ?? { kind: "named", name: "i64", span: spanOfNode(ctx, m) });
    }
    ctx.structs.set(s.name.text, fields);
    return;
  }
  if (T.isFunctionDeclaration(s) && s.name && s.body) {
    const quiet: Ctx = { ...ctx, diags: { error() {}, warning() {}, add() {} } as unknown as Diagnostics };
    const params = s.parameters.map((p) => (p.type ? readType(quiet, p.type) : null) ?? { kind: "named" as const, name: "i64", span: spanOfNode(ctx, p) });
    const sig: FnSig = { params, result: s.type ? readType(quiet, s.type, true) : null };
    ctx.functions.set(s.name.text, sig);
    return;
  }
  if (T.isVariableStatement(s)) {
    const quiet: Ctx = { ...ctx, diags: { error() {}, warning() {}, add() {} } as unknown as Diagnostics };
    for (const d of s.declarationList.declarations) {
      if (T.isIdentifier(d.name)) ctx.globals.set(d.name.text, d.type ? readType(quiet, d.type) : null);
    }
  }
}

function collectImport(ctx: Ctx, s: ts.ImportDeclaration, imports: { path: string; span: Span }[]): void {
  const T = ctx.ts;
  if (!T.isStringLiteral(s.moduleSpecifier)) return;
  const spec = s.moduleSpecifier.text;
  const clause = s.importClause;
  const isLwanga = spec === "lwanga";
  if (!isLwanga) imports.push({ path: spec, span: spanOfNode(ctx, s.moduleSpecifier) });
  if (!clause) return;
  if (clause.name) {
    error(ctx, DSL.badImport, "default imports are not supported", clause.name, `import names: \`import { name } from "${spec}"\``);
  }
  const bindings = clause.namedBindings;
  if (!bindings) return;
  if (T.isNamespaceImport(bindings)) {
    error(ctx, DSL.badImport, "namespace imports (`import * as x`) are not supported", bindings, `import names: \`import { name } from "${spec}"\``);
    return;
  }
  for (const el of bindings.elements) {
    const imported = el.propertyName ? el.propertyName.text : el.name.text;
    const local = el.name.text;
    if (isLwanga) {
      const known = BUILTIN_FUNCTIONS.has(imported) || BUILTIN_TYPE_NAMES.has(imported) || BUILTIN_GENERIC_TYPES.has(imported) || BUILTIN_CONSTANTS.has(imported);
      if (!known) {
        error(ctx, DSL.badImport, `"lwanga" has no export named '${imported}'`, el, "see dsl/lwanga.d.ts for the builtins and machine types");
        continue;
      }
      if (BUILTIN_CONSTANTS.has(imported) && local !== imported) {
        error(ctx, DSL.badImport, `the target constant '${imported}' cannot be renamed`, el, `import it as \`${imported}\``);
        continue;
      }
      if (BUILTIN_FUNCTIONS.has(imported) && !el.isTypeOnly && !clause.isTypeOnly) ctx.builtins.set(local, imported);
      if (BUILTIN_TYPE_NAMES.has(imported) || BUILTIN_GENERIC_TYPES.has(imported)) ctx.typeNames.set(local, imported);
    } else if (el.propertyName && el.propertyName.text !== local) {
      error(ctx, DSL.badImport, `renaming an import ('${imported} as ${local}') is not supported: all top-level names share one namespace`, el, `import it as \`${imported}\``);
    }
  }
}

function readTopLevel(ctx: Ctx, s: ts.Statement): Decl[] {
  const T = ctx.ts;
  const K = T.SyntaxKind;
  if (T.isImportDeclaration(s) || T.isImportEqualsDeclaration(s) || T.isExportDeclaration(s) || T.isEmptyStatement(s)) return [];
  if (hasModifier(ctx, s, K.DefaultKeyword) || T.isExportAssignment(s)) {
    error(ctx, DSL.badExport, "default exports are not supported", s.getFirstToken(ctx.sf) ?? s, "use a named export: `export function name() { ... }`");
    if (T.isExportAssignment(s)) return [];
  }
  if (hasModifier(ctx, s, K.DeclareKeyword)) {
    error(ctx, DSL.badStmt, "'declare' is not supported: every function and variable needs a definition", s.getFirstToken(ctx.sf) ?? s, "write the function with a body, or import it from a DSL module");
    return [];
  }
  if (T.isFunctionDeclaration(s)) return readFunction(ctx, s);
  if (T.isVariableStatement(s)) return readGlobals(ctx, s);
  if (T.isInterfaceDeclaration(s)) return readStruct(ctx, s);
  if (T.isClassDeclaration(s)) {
    error(ctx, DSL.classDecl, "classes are not supported", s.name ?? s, "declare a struct: `interface Name extends Struct { field: u64; ... }` and functions that take it (or a Ptr to it)");
    return [];
  }
  if (T.isTypeAliasDeclaration(s)) {
    error(ctx, DSL.badType, `type alias '${s.name.text}' is not supported`, s.name, "use the machine type directly, or a struct `interface Name extends Struct { ... }`");
    return [];
  }
  if (T.isEnumDeclaration(s)) {
    error(ctx, DSL.badStmt, "enums are not supported", s.name, "declare constants: `const RED: u8 = 0;`");
    return [];
  }
  if (T.isModuleDeclaration(s)) {
    error(ctx, DSL.badStmt, "namespaces are not supported", s, "put the declarations at the top level of a module and import them");
    return [];
  }
  error(ctx, DSL.badStmt, "statements at the top level of a file are not supported", s, "put the code in `export function main() { ... }`");
  return [];
}

function readFunction(ctx: Ctx, s: ts.FunctionDeclaration): Decl[] {
  const T = ctx.ts;
  const K = T.SyntaxKind;
  if (!s.name) {
    error(ctx, DSL.badFunction, "a function needs a name", s, "write `function name(...) { ... }`");
    return [];
  }
  const name = s.name.text;
  if (!s.body) {
    // An overload signature (types for tsc only) is fine when an implementation follows.
    const hasImpl = ctx.sf.statements.some((o) => T.isFunctionDeclaration(o) && o.name?.text === name && o.body);
    if (!hasImpl) error(ctx, DSL.badFunction, `function '${name}' has no body`, s.name, "write the body, or import the function from the DSL module that defines it");
    return [];
  }
  if (hasModifier(ctx, s, K.AsyncKeyword)) {
    error(ctx, DSL.async, `async function '${name}' is not supported: programs are synchronous`, s.name, "remove 'async'; syscalls block until done");
  }
  if (s.asteriskToken) {
    error(ctx, DSL.generator, `generator function '${name}' is not supported`, s.asteriskToken, "write a loop, or a function that fills a buffer");
  }
  if (s.typeParameters) {
    error(ctx, DSL.badFunction, `generic function '${name}' is not supported`, s.typeParameters[0], "write one function per machine type");
  }
  const params: Param[] = [];
  const scope = new Map<string, TypeExpr | null>();
  for (const p of s.parameters) {
    if (!T.isIdentifier(p.name)) {
      error(ctx, DSL.badFunction, "destructured parameters are not supported", p.name, "take the struct as one parameter: `(p: Point)`");
      continue;
    }
    if (p.name.text === "this") {
      error(ctx, DSL.thisExpr, "a 'this' parameter is not supported", p, "pass the value as an ordinary parameter");
      continue;
    }
    if (p.dotDotDotToken) error(ctx, DSL.badFunction, `rest parameter '...${p.name.text}' is not supported`, p, "pass a pointer and a length");
    if (p.questionToken || p.initializer) {
      error(ctx, DSL.badFunction, `optional parameter '${p.name.text}' is not supported`, p, "pass every argument explicitly");
    }
    const span = spanOfNode(ctx, p);
    let type: TypeExpr;
    if (!p.type) {
      error(ctx, DSL.badFunction, `parameter '${p.name.text}' needs a machine type`, p.name, `write \`${p.name.text}: u64\` (or the type it holds)`);
      type = { kind: "named", name: "i64", span };
    } else type = readType(ctx, p.type) ?? { kind: "named", name: "i64", span };
    params.push({ name: p.name.text, type, span });
    scope.set(p.name.text, type);
  }
  const result = s.type ? readType(ctx, s.type, true) : null;
  if (!s.type && returnsValue(ctx, s.body)) {
    error(ctx, DSL.badFunction, `function '${name}' returns a value but has no result type`, s.name, `write \`function ${name}(...): u64\` (or the type it returns)`);
  }
  // `"naked";` as the first statement (a directive, like "use strict") makes a naked function.
  const first = s.body.statements[0];
  const naked = !!first && T.isExpressionStatement(first) && T.isStringLiteral(first.expression) && first.expression.text === "naked";
  ctx.scopes = [scope];
  ctx.result = result;
  const body = readStatements(ctx, naked ? s.body.statements.slice(1) : s.body.statements);
  ctx.scopes = [];
  ctx.result = undefined;
  return [{
    kind: "fn", name, nameSpan: spanOfNode(ctx, s.name), params, result,
    body: { kind: "block", body, unsafe: false, span: spanOfNode(ctx, s.body) },
    unsafe: false, naked, span: spanOfNode(ctx, s),
  }];
}

/** Whether a function body has `return <value>` outside nested functions. */
function returnsValue(ctx: Ctx, body: ts.Node): boolean {
  const T = ctx.ts;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || T.isFunctionLike(n)) return;
    if (T.isReturnStatement(n) && n.expression) found = true;
    else T.forEachChild(n, visit);
  };
  T.forEachChild(body, visit);
  return found;
}

function readGlobals(ctx: Ctx, s: ts.VariableStatement): Decl[] {
  const T = ctx.ts;
  const flags = s.declarationList.flags;
  const isConst = !!(flags & T.NodeFlags.Const);
  const isLet = !!(flags & T.NodeFlags.Let);
  if (!isConst && !isLet) {
    error(ctx, DSL.badStmt, "'var' declarations are not supported", s.declarationList.getFirstToken(ctx.sf) ?? s, "use `const NAME: T = value;` or `let name: T = value;`");
  }
  ctx.scopes = [new Map()];
  const out: Decl[] = [];
  for (const d of s.declarationList.declarations) {
    const r = readDeclarator(ctx, d);
    if (!r) continue;
    const span = s.declarationList.declarations.length === 1 ? spanOfNode(ctx, s) : spanOfNode(ctx, d);
    if (isConst) {
      if (!r.init && !r.zeroInit) {
        error(ctx, DSL.badVariable, `const '${r.name}' needs an initialiser`, d, `write \`const ${r.name}: u64 = ...;\``);
        continue;
      }
      if (r.zeroInit) {
        error(ctx, DSL.badVariable, `a module-level const cannot be zero<T>()`, d, "write the value as a literal (`[]` is an all-zero array), or use `let` for a zeroed global");
        continue;
      }
      out.push({ kind: "const", name: r.name, nameSpan: r.nameSpan, type: r.type, init: r.init!, span });
    } else {
      if (!r.type) {
        error(ctx, DSL.badVariable, `global '${r.name}' needs a type`, d.name, `write \`let ${r.name}: u64 = ...;\``);
        continue;
      }
      out.push({ kind: "global", name: r.name, nameSpan: r.nameSpan, type: r.type, init: r.init, mutable: true, span });
    }
  }
  ctx.scopes = [];
  return out;
}

function readStruct(ctx: Ctx, s: ts.InterfaceDeclaration): Decl[] {
  const T = ctx.ts;
  const name = s.name.text;
  const bases = (s.heritageClauses ?? []).flatMap((h) => h.types.map((t) => t.expression.getText(ctx.sf)));
  const mapped = bases.map((b) => ctx.typeNames.get(b) ?? b);
  const packed = mapped.includes("Packed");
  if (!(mapped.length === 1 && (mapped[0] === "Struct" || mapped[0] === "Packed"))) {
    error(ctx, DSL.badStruct, `interface '${name}' is not a struct`, s.name,
      `declare it as \`interface ${name} extends Struct { ... }\` (or \`extends Packed\` for no padding); other interfaces are not supported`);
    return [];
  }
  if (s.typeParameters) error(ctx, DSL.badStruct, `generic struct '${name}' is not supported`, s.typeParameters[0], "write the field types out");
  const fields: { name: string; type: TypeExpr; span: Span }[] = [];
  for (const m of s.members) {
    const span = spanOfNode(ctx, m);
    if (!T.isPropertySignature(m) || !(T.isIdentifier(m.name) || T.isStringLiteral(m.name))) {
      error(ctx, DSL.badStruct, "a struct may only declare fields", m, "write `name: u64;`; put behaviour in top-level functions that take the struct");
      continue;
    }
    if (m.questionToken) error(ctx, DSL.badStruct, `optional field '${m.name.text}' is not supported`, m, "every field exists; remove the '?'");
    if (!m.type) {
      error(ctx, DSL.badStruct, `field '${m.name.text}' needs a type`, m, `write \`${m.name.text}: u64;\``);
      continue;
    }
    fields.push({ name: m.name.text, type: readType(ctx, m.type) ?? { kind: "named", name: "i64", span }, span });
  }
  return [{ kind: "struct", name, nameSpan: spanOfNode(ctx, s.name), packed, fields, span: spanOfNode(ctx, s) }];
}
