/**
 * Diagnostic codes of the DSL front end (`dsl/front/`): LW3xxx, for every
 * TypeScript construct outside the DSL subset and every misuse of a
 * "lwanga" builtin. Each entry names the construct; the message the front
 * end prints also says what to write instead. Tests match on these strings.
 */

export const DSL = {
  /** A TypeScript syntax error (the file does not parse). */
  syntax: "LW3001",
  /** A class; structs are `interface Name extends Struct { ... }`. */
  classDecl: "LW3002",
  /** An arrow function or function expression other than the argument of `unsafe`; a nested function. */
  closure: "LW3003",
  /** `async` functions and `await`. */
  async: "LW3004",
  /** Generators (`function*`) and `yield`. */
  generator: "LW3005",
  /** `try`/`catch`/`finally` and `throw`; errors are values. */
  exceptions: "LW3006",
  /** The types `any` and `unknown`. */
  anyType: "LW3007",
  /** An object literal whose struct type is not known from context. */
  objectLiteral: "LW3008",
  /** An array literal where a fixed array is not expected, or with spreads/holes. */
  arrayLiteral: "LW3009",
  /** A floating-point literal (`1.5`, `1e3`, `NaN`, `Infinity`). */
  float: "LW3010",
  /** `number` (or `string`) where a machine type is required. */
  numberType: "LW3011",
  /** A call of something that is not a DSL function or builtin (methods, computed callees). */
  badCall: "LW3012",
  /** `import(...)` and `require(...)`. */
  dynamicImport: "LW3013",
  /** `eval(...)`, `new Function(...)`. */
  evalCall: "LW3014",
  /** A type spelling outside the subset (unions, tuples, `T[]`, object types, type aliases of our own). */
  badType: "LW3015",
  /** An expression outside the subset (`new`, `typeof`, `delete`, `in`, `**`, `??`, `?.`, templates with `${}`...). */
  badExpr: "LW3016",
  /** A statement outside the subset (`for...of`, `for...in`, `var`, `enum`, `namespace`, `with`, `declare`...). */
  badStmt: "LW3017",
  /** An import form outside the subset (default/namespace imports, renaming imports of DSL modules, unknown "lwanga" names). */
  badImport: "LW3018",
  /** A builtin used wrongly (wrong arguments, missing type argument, `unsafe` without an arrow function). */
  builtinMisuse: "LW3019",
  /** An integer literal above 18446744073709551615. */
  intTooLarge: "LW3020",
  /** `return` inside an `unsafe(() => { ... })` block other than as its last statement. */
  returnInUnsafe: "LW3021",
  /** A variable declaration form outside the subset (destructuring, a global without a type). */
  badVariable: "LW3022",
  /** A struct interface with methods, optional fields, index signatures, or an interface that is not a struct. */
  badStruct: "LW3023",
  /** An assignment, `++` or `--` used as a value inside an expression. */
  assignInExpr: "LW3024",
  /** A function form outside the subset (generics, optional/default/rest parameters, a parameter without a type, no body). */
  badFunction: "LW3025",
  /** An export form outside the subset (`export default`, `export =`). */
  badExport: "LW3026",
  /** `this` or `super`. */
  thisExpr: "LW3027",
  /** `null` or `undefined`. */
  nullish: "LW3028",
  /** Warning: a decimal literal with a leading zero (TypeScript reads `0644` as octal). */
  leadingZero: "LW3029",
  /** The file nests too deeply for the recursive stages (a limit, not a crash). */
  tooDeep: "LW3030",
} as const;

export type DslCode = (typeof DSL)[keyof typeof DSL];
