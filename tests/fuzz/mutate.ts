/**
 * Input makers for front-end fuzzing: mutations of real programs (byte
 * flips, token deletion/duplication/swaps, truncation, deep nesting, huge
 * literals, very long identifiers and strings, invalid UTF-8, NUL bytes)
 * and random token streams of either language. Every maker is a pure
 * function of the PRNG, so an input reproduces from its seed.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Random } from "../gen/random.ts";
import { generate } from "../gen/generate.ts";
import { printProgram } from "../gen/print.ts";

export type Lang = "lw" | "ts";

export interface FuzzInput {
  lang: Lang;
  /** Raw bytes: may be invalid UTF-8. */
  bytes: Uint8Array;
  /** What made it, for reports. */
  how: string;
}

const ROOT = new URL("../../", import.meta.url).pathname;

function filesUnder(dir: string, re: RegExp): string[] {
  let out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names.sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(filesUnder(p, re));
    else if (re.test(name)) out.push(p);
  }
  return out;
}

/** Seed programs: examples, fixtures, std, and a few generated programs. */
export function corpus(): { lang: Lang; text: string; name: string }[] {
  const out: { lang: Lang; text: string; name: string }[] = [];
  for (const dir of ["examples", "tests/cases", "tests/regressions", "std"]) {
    for (const p of filesUnder(join(ROOT, dir), /\.(lw|ts)$/)) {
      if (p.endsWith(".d.ts")) continue;
      out.push({ lang: p.endsWith(".ts") ? "ts" : "lw", text: readFileSync(p, "utf8"), name: p.slice(ROOT.length) });
    }
  }
  for (let seed = 1; seed <= 4; seed++) {
    const g = generate(seed, { functions: 2 });
    out.push({ lang: "lw", text: printProgram(g, "lw"), name: `gen-${seed}.lw` });
    out.push({ lang: "ts", text: printProgram(g, "ts"), name: `gen-${seed}.ts` });
  }
  return out;
}

const TOKEN_RE = /\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|0[xX][0-9a-fA-F_]+n?|\d[\d_]*n?|[A-Za-z_$][\w$]*|=>|->|::|\.\.\.|[<>=!]=|&&|\|\||<<|>>>?|[+\-*/%&|^]=|\+\+|--|[^\s]/g;

function tokens(text: string): string[] {
  return text.match(TOKEN_RE) ?? [];
}

const LW_VOCAB = ["fn", "let", "mut", "const", "struct", "packed", "return", "if", "else", "while", "for", "break", "continue", "unsafe", "syscall", "asm", "naked", "enc", "as", "import", "register", "true", "false",
  "u8", "u16", "u32", "u64", "i8", "i64", "ptr", "str", "main", "x", "y", "S", "(", ")", "{", "}", "[", "]", ";", ":", ",", ".", "->", "=", "==", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "%", "&", "|", "^", "~", "!", "&&", "||", "<<", ">>",
  "0", "1", "255", "0xFFFFFFFFFFFFFFFF", "18446744073709551616", "'a'", "\"s\"", "#define", "#if", "#endif", "\n"];
const TS_VOCAB = ["function", "export", "import", "from", "\"lwanga\"", "let", "const", "interface", "extends", "Struct", "Packed", "return", "if", "else", "while", "for", "do", "switch", "case", "default", "break", "continue", "unsafe", "syscall", "addressOf", "deref", "load", "store", "sizeof", "zero", "enc", "as", "type", "true", "false",
  "u8", "u16", "u32", "u64", "i8", "i64", "ptr", "Ptr", "FixedArray", "str", "main", "x", "y", "S", "(", ")", "{", "}", "[", "]", ";", ":", ",", ".", "=>", "=", "===", "!==", "<", ">", "+", "-", "*", "/", "%", "&", "|", "^", "~", "!", "&&", "||", "<<", ">>", ">>>", "?", "+=", "++",
  "0", "1", "255", "0xFFFFFFFFFFFFFFFFn", "1.5", "`t`", "\"s\"", "class", "async", "await", "new", "any", "\n"];

function enc(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

type Maker = (rng: Random, base: { lang: Lang; text: string }) => { bytes: Uint8Array; how: string };

const MAKERS: Record<string, Maker> = {
  byteFlips(rng, base) {
    const b = enc(base.text);
    const n = rng.int(1, 8);
    for (let i = 0; i < n && b.length; i++) b[rng.int(0, b.length - 1)] = rng.int(0, 255);
    return { bytes: b, how: `${n} byte flips` };
  },
  tokenDelete(rng, base) {
    const t = tokens(base.text);
    const n = rng.int(1, 4);
    for (let i = 0; i < n && t.length; i++) t.splice(rng.int(0, t.length - 1), 1);
    return { bytes: enc(t.join("")), how: `${n} tokens deleted` };
  },
  tokenDuplicate(rng, base) {
    const t = tokens(base.text);
    const i = rng.int(0, Math.max(0, t.length - 1));
    t.splice(i, 0, ...t.slice(i, i + rng.int(1, 5)));
    return { bytes: enc(t.join("")), how: "tokens duplicated" };
  },
  tokenSwap(rng, base) {
    const t = tokens(base.text);
    for (let k = rng.int(1, 3); k > 0 && t.length > 1; k--) {
      const i = rng.int(0, t.length - 1), j = rng.int(0, t.length - 1);
      [t[i], t[j]] = [t[j], t[i]];
    }
    return { bytes: enc(t.join("")), how: "tokens swapped" };
  },
  truncate(rng, base) {
    const b = enc(base.text);
    const n = rng.int(0, b.length);
    return { bytes: b.slice(0, n), how: `truncated at ${n}` };
  },
  deepNesting(rng, base) {
    const depth = rng.pick([100, 300, 1000, 5000, 20000]);
    const kind = rng.int(0, 3);
    const lw = base.lang === "lw";
    const head = lw ? "fn main() -> u64 {\n" : "export function main(): u64 {\n";
    let body: string;
    switch (kind) {
      case 0: body = `return ${"(".repeat(depth)}1${")".repeat(depth)};\n`; break;
      case 1: body = `${"{".repeat(depth)}${"}".repeat(depth)}\nreturn 0;\n`; break;
      case 2: body = lw ? `${"if true { ".repeat(depth)}${"} ".repeat(depth)}\nreturn 0;\n` : `${"if (true) { ".repeat(depth)}${"} ".repeat(depth)}\nreturn 0;\n`;
        break;
      default: body = `return ${"-".repeat(depth)}1 ${"+ 1".repeat(depth)};\n`; break;
    }
    const imp = lw ? "" : `import { type u64 } from "lwanga";\n`;
    return { bytes: enc(imp + head + body + "}\n"), how: `nesting ${depth} (kind ${kind})` };
  },
  hugeLiteral(rng, base) {
    const t = tokens(base.text);
    const nums = t.map((x, i) => (/^\d/.test(x) ? i : -1)).filter((i) => i >= 0);
    const digits = rng.pick([20, 25, 40, 400, 5000]);
    const lit = rng.chance(0.5) ? "9".repeat(digits) : "0x" + "F".repeat(digits);
    if (nums.length) t[rng.pick(nums)] = lit;
    else t.push(lit);
    return { bytes: enc(t.join("")), how: `huge literal (${digits} digits)` };
  },
  longIdentifier(rng, base) {
    const t = tokens(base.text);
    const ids = t.map((x, i) => (/^[A-Za-z_]/.test(x) ? i : -1)).filter((i) => i >= 0);
    const len = rng.pick([300, 5000, 100000]);
    const name = "x".repeat(len);
    if (ids.length) {
      const old = t[rng.pick(ids)];
      for (let i = 0; i < t.length; i++) if (t[i] === old && rng.chance(0.7)) t[i] = name;
    }
    return { bytes: enc(t.join("")), how: `long identifier (${len})` };
  },
  longString(rng, base) {
    const len = rng.pick([1000, 100000, 1000000]);
    const s = "a".repeat(len);
    const lw = base.lang === "lw";
    const text = lw
      ? `fn main() -> u64 {\n    let s: str = "${s}";\n    unsafe { syscall(1, 1, s, 1); }\n    return 0;\n}\n`
      : `import { type u64, type str, syscall, unsafe } from "lwanga";\nexport function main(): u64 {\n    const s: str = "${s}";\n    unsafe(() => syscall(1, 1, s, 1));\n    return 0;\n}\n`;
    return { bytes: enc(rng.chance(0.3) ? text.replace(/"\);|";/, "") : text), how: `long string (${len})` };
  },
  invalidUtf8(rng, base) {
    const b = enc(base.text);
    const at = rng.int(0, b.length);
    const junk = rng.pick([[0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80, 0x80]]);
    return { bytes: concat(b.slice(0, at), Uint8Array.from(junk), b.slice(at)), how: "invalid UTF-8" };
  },
  nulBytes(rng, base) {
    const b = enc(base.text);
    const out = Array.from(b);
    for (let k = rng.int(1, 3); k > 0; k--) out.splice(rng.int(0, out.length), 0, 0);
    return { bytes: Uint8Array.from(out), how: "NUL bytes" };
  },
  randomTokens(rng, base) {
    const vocab = base.lang === "lw" ? LW_VOCAB : TS_VOCAB;
    const n = rng.int(1, 200);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(rng.pick(vocab));
    return { bytes: enc(parts.join(" ")), how: `${n} random tokens` };
  },
  /** Mutations that often keep the program valid, so it reaches the checker and lowering. */
  operatorSwap(rng, base) {
    const ops = ["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "<", ">", "<=", ">=", "==", "!=", "&&", "||"];
    const t = tokens(base.text);
    const at = t.map((x, i) => (ops.includes(x) ? i : -1)).filter((i) => i >= 0);
    for (let k = rng.int(1, 3); k > 0 && at.length; k--) t[rng.pick(at)] = rng.pick(ops);
    return { bytes: enc(t.join("")), how: "operators swapped" };
  },
  typeSwap(rng, base) {
    const types = ["u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64"];
    const t = tokens(base.text);
    const at = t.map((x, i) => (types.includes(x) ? i : -1)).filter((i) => i >= 0);
    for (let k = rng.int(1, 3); k > 0 && at.length; k--) t[rng.pick(at)] = rng.pick(types);
    return { bytes: enc(t.join("")), how: "integer types swapped" };
  },
  literalTweak(rng, base) {
    const edge = ["0", "1", "7", "8", "15", "16", "31", "32", "63", "64", "127", "128", "255", "256", "65535", "4294967295", "9223372036854775807", "18446744073709551615", "0x8000000000000000"];
    const t = tokens(base.text);
    const at = t.map((x, i) => (/^\d/.test(x) ? i : -1)).filter((i) => i >= 0);
    for (let k = rng.int(1, 4); k > 0 && at.length; k--) t[rng.pick(at)] = rng.pick(edge);
    return { bytes: enc(t.join("")), how: "literals changed" };
  },
  spliceTwo(rng, base) {
    const t = tokens(base.text);
    const i = rng.int(0, t.length);
    const j = rng.int(i, t.length);
    const k = rng.int(0, t.length);
    const out = [...t.slice(0, k), ...t.slice(i, j), ...t.slice(k)];
    return { bytes: enc(out.join("")), how: "token range copied" };
  },
};

export const MAKER_NAMES = Object.keys(MAKERS);

/** Input number `i` of a run seeded `seed`; `lang` forces a language. */
export function makeInput(bases: { lang: Lang; text: string; name: string }[], seed: number, i: number): FuzzInput {
  const rng = new Random(seed + i * 7919);
  const base = rng.pick(bases);
  const maker = rng.pick(MAKER_NAMES);
  const { bytes, how } = MAKERS[maker](rng, base);
  return { lang: base.lang, bytes, how: `${maker} of ${base.name}: ${how}` };
}
