/**
 * Diagnostic codes of the Lwanga front end (`lw/`): LW10xx lexer, LW105x
 * preprocessor, LW11xx parser, LW115x constructs that are not part of the
 * language. Every code the front end emits is listed here with a one-line
 * description; the code strings are what tests and users see.
 */

export const LW = {
  // ---------------------------------------------------------------- lexer
  /** A character that starts no token (`@`, a stray `#`, non-ASCII outside strings). */
  unexpectedChar: "LW1001",
  /** A string literal without its closing `"`. */
  unterminatedString: "LW1002",
  /** A `/*` comment without its closing `*\/`. */
  unterminatedComment: "LW1003",
  /** An unknown or malformed escape in a string or character literal. */
  badEscape: "LW1004",
  /** A character literal that is empty, longer than one byte, or unterminated. */
  badChar: "LW1005",
  /** An integer literal with a bad digit, a missing digit after a prefix, or a suffix. */
  badInt: "LW1006",
  /** An integer literal above 18446744073709551615. */
  intTooLarge: "LW1007",
  /** Warning: a decimal literal with a leading zero (`0644` is 644, not octal). */
  leadingZero: "LW1008",
  /** An `asm { ... }` block without its closing `}`. */
  unterminatedAsm: "LW1010",

  // ---------------------------------------------------------------- preprocessor
  /** A `#word` line that is not one of the supported directives. */
  unknownDirective: "LW1050",
  /** An `#if`/`#elif` expression that is malformed or not a compile-time constant. */
  badIfExpr: "LW1051",
  /** `#else`, `#elif` or `#endif` without a matching `#if`. */
  strayConditional: "LW1052",
  /** An `#if` (or `#ifdef`/`#ifndef`) without its `#endif` at the end of the file. */
  unterminatedIf: "LW1053",
  /** `#define`, `#undef`, `#ifdef`, `#ifndef` without a valid name, or a function-like macro. */
  badDefine: "LW1054",
  /** Warning: a macro redefined with a different value. */
  macroRedefined: "LW1055",
  /** `#elif` or `#else` after the `#else` of the same `#if`. */
  elseAfterElse: "LW1056",

  // ---------------------------------------------------------------- parser
  /** A token other than the one the grammar needs here (`expected ';' after statement, found 'x'`). */
  expectedToken: "LW1100",
  /** An expression was needed here. */
  expectedExpr: "LW1101",
  /** A type was needed here. */
  expectedType: "LW1102",
  /** Something other than a declaration at the top level of a file. */
  expectedItem: "LW1103",
  /** The left side of `=` or `op=` is not a variable, `*p`, `a[i]` or `s.f`. */
  badAssignTarget: "LW1104",
  /** An `if` used as a value without `else`, or a branch without a final value. */
  ifExprShape: "LW1105",
  /** An array literal mixing a list and a repeat (`[1, 2; 3]`). */
  mixedArrayLit: "LW1106",
  /** Nesting deeper than the parser allows (blocks, parentheses, types). */
  tooDeep: "LW1107",
  /** `syscall(...)` without a number or with more than six arguments. */
  syscallArgs: "LW1108",
  /** A top-level declaration (`fn`, `struct`, `import`, ...) reached inside a block: a missing `}` or a nested function. */
  itemInBlock: "LW1110",
  /** A malformed register variable (`let register 5: u64`). */
  badRegister: "LW1111",
  /** A malformed operand or clobber list of an extended `asm` block. */
  badAsmOperand: "LW1112",
  /** More than 100 errors in one file; the rest are not shown. */
  tooManyErrors: "LW1114",
  /** A duplicate field in a struct declaration or struct literal. */
  duplicateField: "LW1113",

  // ---------------------------------------------------------------- not part of the language
  /** `type X = T;` */
  typeAlias: "LW1150",
  /** `let x = 42;` without a type. */
  letWithoutType: "LW1151",
  /** `for i in 0..n`. */
  forIn: "LW1152",
  /** `io::name` paths. */
  pathSeparator: "LW1153",
  /** `++x` / `--x` prefix increments (`x++;` as a statement is accepted). */
  increment: "LW1154",
  /** `&T` reference types. */
  referenceType: "LW1155",
  /** Floating-point literals. */
  floatLiteral: "LW1156",
  /** The `c ? a : b` operator. */
  ternary: "LW1157",
  /** `#include`. */
  include: "LW1158",
  /** Other keywords from other languages used as statements (`loop`, `match`, `switch`, `do`, `var`). */
  foreignKeyword: "LW1159",
} as const;

export type LwCode = (typeof LW)[keyof typeof LW];
