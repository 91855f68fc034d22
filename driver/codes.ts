/**
 * Diagnostic codes of the driver (LW5xxx): files, imports, options.
 * Each code names one kind of problem; messages are written at the call site.
 */
export const DRIVER_CODES = {
  /** LW5001: the input file does not exist or cannot be read (exit 3). */
  fileNotFound: "LW5001",
  /** LW5002: an imported file cannot be found or read. */
  importNotFound: "LW5002",
  /** LW5003: an import cycle. */
  importCycle: "LW5003",
  /** LW5004: the input's extension is not .lw, .lwanga or .ts. */
  unknownLanguage: "LW5004",
  /** LW5006: the syntax tree nests deeper than the compiler's limit. */
  tooDeep: "LW5006",
  /** LW5005: an internal compiler error caught by the driver (a bug: exit 4). */
  internal: "LW5005",
} as const;
