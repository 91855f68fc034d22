/**
 * Literal values as the compiler sees them: integer literal text (decimal,
 * hex, binary, octal, `_` separators, bigint `n` suffix) to an exact bigint,
 * and string values to their UTF-8 bytes. The literal text is read as
 * written, never through JavaScript numbers, so 64-bit values stay exact.
 */

export const U64_MAX = (1n << 64n) - 1n;

export type IntLiteral =
  | { kind: "int"; value: bigint }
  | { kind: "float" }
  /** `0644`: TypeScript's legacy octal; we ask for `0o644`. */
  | { kind: "legacyOctal" }
  | { kind: "tooLarge" };

/** Reads the source text of a TypeScript numeric or bigint literal. */
export function parseIntLiteral(text: string): IntLiteral {
  let t = text.replace(/_/g, "");
  if (t.endsWith("n")) t = t.slice(0, -1);
  const prefixed = /^0[xXbBoO]/.test(t);
  if (!prefixed && /[.eE]/.test(t)) return { kind: "float" };
  if (!prefixed && t.length > 1 && t.startsWith("0")) return { kind: "legacyOctal" };
  let value: bigint;
  try {
    value = BigInt(t);
  } catch {
    return { kind: "float" };
  }
  if (value > U64_MAX) return { kind: "tooLarge" };
  return { kind: "int", value };
}

const encoder = new TextEncoder();

/** UTF-8 bytes of a string value (lone surrogates become U+FFFD). */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}
