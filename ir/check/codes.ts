/**
 * The checker's diagnostic codes (LW2xxx). Every diagnostic the checker
 * pushes uses one of these constants, so the table below is the complete
 * list; tests assert on the codes, never on message text.
 *
 * | code   | severity | meaning |
 * |--------|----------|---------|
 * | LW2001 | error    | undefined name (variable, function, constant); did-you-mean |
 * | LW2002 | error    | unknown type name; did-you-mean |
 * | LW2003 | error    | duplicate definition (top level: names both places; or in one scope) |
 * | LW2004 | error    | type mismatch: value cannot be used where another type is expected |
 * | LW2005 | error    | integer literal does not fit in the expected type |
 * | LW2006 | warning  | negative literal used as unsigned/ptr: two's-complement bit pattern |
 * | LW2007 | error    | invalid `as` conversion |
 * | LW2008 | error    | operator not applicable to the operand types |
 * | LW2009 | error    | operands of a binary operator have mismatched types |
 * | LW2010 | error    | not a constant expression (array size, const, case value, global init) |
 * | LW2011 | error    | constant cycle (a constant defined through itself) |
 * | LW2012 | error    | recursive struct by value (infinite size) |
 * | LW2013 | error    | unknown struct field; did-you-mean |
 * | LW2014 | error    | field access on a value that is not a struct |
 * | LW2015 | error    | indexing a value that is not an array or pointer |
 * | LW2016 | error    | constant index out of range |
 * | LW2017 | error    | call of something that is not a function |
 * | LW2018 | error    | wrong number of arguments |
 * | LW2019 | error    | assignment to an immutable variable (help: declare with `let mut`) |
 * | LW2020 | error    | assignment target is not assignable |
 * | LW2021 | error    | variable read before it is definitely assigned |
 * | LW2022 | error    | immutable variable assigned twice (or in a loop) |
 * | LW2023 | error    | operation needs an `unsafe` block |
 * | LW2024 | error    | missing return on some path of a function with a result |
 * | LW2025 | warning  | unreachable code after return/break/continue |
 * | LW2026 | error    | break/continue outside a loop, or unknown label |
 * | LW2027 | error    | return value mismatch (value in void function, or missing value) |
 * | LW2028 | error    | invalid `main` or `_start` signature |
 * | LW2029 | error    | syscall with a wrong number of arguments (needs 1..7) or bad argument |
 * | LW2030 | error    | struct literal problem (unknown struct, duplicate field) |
 * | LW2031 | error    | array literal too long / repeat count mismatch / bad element |
 * | LW2032 | warning  | store of a wider integer through `ptr` keeps only the low byte |
 * | LW2033 | error    | dereference of a value that is not a pointer |
 * | LW2034 | error    | address of something that is not a place |
 * | LW2035 | error    | array length must be a non-negative integer constant |
 * | LW2036 | error    | condition is not bool or an integer |
 * | LW2037 | error    | switch problem (non-integer value, duplicate case) |
 * | LW2038 | error    | `let` without a type and without an initialiser, or void value used |
 * | LW2039 | warning  | division by zero always traps at run time |
 * | LW2040 | error    | unknown CPU register for a register variable |
 * | LW2041 | error    | not supported yet (named construct) |
 * | LW2042 | error    | type name used as a value, or a value used as a type |
 * | LW2043 | error    | naked function body holds something other than asm and a trailing return |
 * | LW2044 | error    | invalid asm constraint or clobber (unknown letter, register or shape; `i` input not constant) |
 * | LW2045 | error    | asm text contains a control character (e.g. a NUL byte) |
 */
export const Code = {
  UndefinedName: "LW2001",
  UnknownType: "LW2002",
  Duplicate: "LW2003",
  TypeMismatch: "LW2004",
  LiteralRange: "LW2005",
  NegativeUnsigned: "LW2006",
  BadCast: "LW2007",
  BadOperand: "LW2008",
  MismatchedOperands: "LW2009",
  NotConstant: "LW2010",
  ConstCycle: "LW2011",
  RecursiveStruct: "LW2012",
  UnknownField: "LW2013",
  NotStruct: "LW2014",
  NotIndexable: "LW2015",
  IndexRange: "LW2016",
  NotCallable: "LW2017",
  ArgCount: "LW2018",
  Immutable: "LW2019",
  NotAssignable: "LW2020",
  Unassigned: "LW2021",
  AssignedTwice: "LW2022",
  NeedsUnsafe: "LW2023",
  MissingReturn: "LW2024",
  Unreachable: "LW2025",
  BadJump: "LW2026",
  ReturnMismatch: "LW2027",
  BadEntry: "LW2028",
  BadSyscall: "LW2029",
  BadStructLit: "LW2030",
  BadArrayLit: "LW2031",
  ByteStore: "LW2032",
  NotPointer: "LW2033",
  NotPlace: "LW2034",
  BadArrayLength: "LW2035",
  BadCondition: "LW2036",
  BadSwitch: "LW2037",
  BadLet: "LW2038",
  DivByZero: "LW2039",
  BadRegister: "LW2040",
  Unsupported: "LW2041",
  KindMismatch: "LW2042",
  NakedBody: "LW2043",
  BadConstraint: "LW2044",
  AsmControlChar: "LW2045",
} as const;

export type CodeValue = (typeof Code)[keyof typeof Code];
