/**
 * The DSL spelling of inline assembly -> a syntax-IR `asm` statement:
 *
 *   asm("mov rax, 60", "syscall")              one string per line, or
 *   asm(`                                      a template literal with one
 *     mov rdi, 42                              instruction per line;
 *     syscall
 *   `)
 *   asm("add %0, %1", { outputs: [["+r", acc]], inputs: [["r", x]], clobbers: ["cc"] })
 *
 * Strings without the operand object are a plain block (locals and
 * parameters may be named where an operand goes, as in `.lw`); with it, the
 * extended form. `//` comments in the text are removed. Each line keeps the
 * span of its text in the `.ts` file, so assembler errors point at it. A
 * function whose body starts with the directive `"naked";` is a naked
 * function (read.ts).
 */
import type { ts } from "ts-morph";
import type { AsmOperand, AsmStmt, Span } from "../../ir/syntax.ts";
import { error, spanOfNode, type Ctx } from "./context.ts";
import { DSL } from "./codes.ts";
import { readExpr } from "./expr.ts";

const USAGE = 'asm("mov rax, 60", "syscall") or asm("add %0, %1", { outputs: [["+r", x]], inputs: [["r", y]], clobbers: ["cc"] })';

export function readAsm(ctx: Ctx, node: ts.CallExpression): AsmStmt {
  const T = ctx.ts;
  const span = spanOfNode(ctx, node);
  const stmt: AsmStmt = { kind: "asm", lines: [], outputs: [], inputs: [], clobbers: [], extended: false, lineSpans: [], span };
  const args = [...node.arguments];
  const last = args[args.length - 1];
  if (last && T.isObjectLiteralExpression(last)) {
    args.pop();
    stmt.extended = true;
    readOperands(ctx, last, stmt);
  }
  if (args.length === 0) error(ctx, DSL.builtinMisuse, "asm needs the instructions as string literals", node, `write ${USAGE}`);
  for (const a of args) {
    if (!T.isStringLiteral(a) && !T.isNoSubstitutionTemplateLiteral(a)) {
      error(ctx, DSL.builtinMisuse, "asm takes string literals (and an operand object last)", a, `write ${USAGE}`);
      continue;
    }
    addLines(ctx, a, stmt);
  }
  return stmt;
}

/** Splits a literal into trimmed, comment-free lines, each with the span of its text in the source when it can be found. */
function addLines(ctx: Ctx, lit: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral, stmt: AsmStmt): void {
  const whole = spanOfNode(ctx, lit);
  const source = ctx.sf.text.slice(whole.start, whole.end);
  let from = 0;
  for (const raw of lit.text.split("\n")) {
    const line = stripComment(raw).trim();
    if (!line) continue;
    const at = source.indexOf(line, from);
    let lineSpan: Span = whole;
    if (at >= 0) {
      lineSpan = { file: whole.file, start: whole.start + at, end: whole.start + at + line.length };
      from = at + line.length;
    }
    stmt.lines.push(line);
    stmt.lineSpans!.push(lineSpan);
  }
}

/** The line without a `//` comment (outside "..." strings of directives). */
function stripComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "\\" && inString) i++;
    else if (c === '"') inString = !inString;
    else if (!inString && c === "/" && line[i + 1] === "/") return line.slice(0, i);
  }
  return line;
}

function readOperands(ctx: Ctx, obj: ts.ObjectLiteralExpression, stmt: AsmStmt): void {
  const T = ctx.ts;
  for (const prop of obj.properties) {
    const name = T.isPropertyAssignment(prop) && (T.isIdentifier(prop.name) || T.isStringLiteral(prop.name)) ? prop.name.text : null;
    if (!name || !T.isPropertyAssignment(prop) || !["outputs", "inputs", "clobbers"].includes(name)) {
      error(ctx, DSL.builtinMisuse, "the asm operand object has only `outputs`, `inputs` and `clobbers`", prop, `write ${USAGE}`);
      continue;
    }
    if (!T.isArrayLiteralExpression(prop.initializer)) {
      error(ctx, DSL.builtinMisuse, `asm \`${name}\` must be an array literal`, prop.initializer, `write ${USAGE}`);
      continue;
    }
    for (const el of prop.initializer.elements) {
      if (name === "clobbers") {
        if (T.isStringLiteral(el)) stmt.clobbers.push(el.text);
        else error(ctx, DSL.builtinMisuse, "an asm clobber is a string literal", el, 'write clobbers: ["rax", "cc", "memory"]');
        continue;
      }
      const op = readOperand(ctx, el);
      if (op) (name === "outputs" ? stmt.outputs : stmt.inputs).push(op);
    }
  }
}

/** `["=r", place]` (an output) or `["r", value]` (an input). */
function readOperand(ctx: Ctx, el: ts.Expression): AsmOperand | null {
  const T = ctx.ts;
  if (!T.isArrayLiteralExpression(el) || el.elements.length !== 2 || !T.isStringLiteral(el.elements[0])) {
    error(ctx, DSL.builtinMisuse, "an asm operand is a pair [\"constraint\", expression]", el, 'write ["=r", result] or ["r", value]');
    return null;
  }
  return { constraint: el.elements[0].text, expr: readExpr(ctx, el.elements[1]), span: spanOfNode(ctx, el) };
}
