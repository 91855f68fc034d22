/**
 * The random program generator: a seed gives one well-typed `GProgram`
 * (model.ts) using every integer type and operator (signed and unsigned
 * division and remainder with non-zero divisors, shifts by variable
 * amounts, comparisons of mixed widths through casts), nested if/loops with
 * break and continue, bounded trip counts, calls to earlier functions and
 * bounded recursion, structs, packed structs, local and global arrays,
 * in-bounds pointer arithmetic and globals. A static cost estimate keeps
 * each program's run time small (calls inside loops are budgeted).
 *
 * Divisors are `(b | 1)` so a division never traps, yet MIN / -1 and
 * MIN % -1 happen; every array index is masked into range.
 */
import { Random } from "./random.ts";
import {
  INT_TYPES, U32T, U64T, rangeOf, sameInt,
  type BinOp, type CmpOp, type GCond, type GExpr, type GFunc, type GGlobal, type GParam, type GProgram, type GStmt, type GStruct, type GTarget, type IntT,
} from "./model.ts";

export interface GenOptions {
  /** Ordinary functions per program (besides main and print_hex). */
  functions?: number;
  /** Upper bound of the estimated steps of one call of a function. */
  budget?: number;
  /** Prefix of every top-level name (structs, globals, functions), so several programs can share one file. */
  prefix?: string;
}

interface Var {
  name: string;
  t: IntT;
  mutable: boolean;
}

interface Agg {
  name: string;
  /** `sarray`: an array of `n` structs `s`. */
  kind: "array" | "struct" | "sarray";
  elem?: IntT;
  n?: number;
  s?: GStruct;
  mutable: boolean;
}

interface Scope {
  vars: Var[];
  aggs: Agg[];
  ptrs: { name: string; arr: string; elem: IntT; n: number }[];
}

interface FnSig {
  name: string;
  /** Integer parameters, or a struct (passed by value). */
  params: (IntT | GStruct)[];
  result: IntT;
  cost: number;
  /** Recursive functions take a depth as their first (u8) parameter. */
  recursive: boolean;
}

const BIN_OPS: BinOp[] = ["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>"];
const CMP_OPS: CmpOp[] = ["==", "!=", "<", "<=", ">", ">="];

class Generator {
  private rng: Random;
  private structs: GStruct[] = [];
  private globals: GGlobal[] = [];
  private globalScope: Scope = { vars: [], aggs: [], ptrs: [] };
  private sigs: FnSig[] = [];
  private counter = 0;
  // Per-function state.
  private scopes: Scope[] = [];
  private loopDepth = 0;
  private cost = 0;
  private callable: FnSig[] = [];
  private budget: number;
  /** Current loop multiplier for cost accounting. */
  private mult = 1;

  constructor(readonly seed: number, private options: GenOptions) {
    this.rng = new Random(seed);
    this.budget = options.budget ?? 4000;
    this.prefix = options.prefix ?? "";
  }

  private prefix: string;

  private fresh(prefix: string): string {
    return `${prefix}${this.counter++}`;
  }

  private intType(): IntT {
    return this.rng.pick(INT_TYPES);
  }

  /** An interesting value of `t`: edges (0, ±1, MIN, MAX) often, random bits otherwise. */
  private value(t: IntT): bigint {
    const { min, max } = rangeOf(t);
    switch (this.rng.int(0, 9)) {
      case 0: return 0n;
      case 1: return 1n;
      case 2: return t.signed ? -1n : max;
      case 3: return min;
      case 4: return max;
      case 5: return BigInt(this.rng.int(0, 16));
      case 6: return t.signed ? -BigInt(this.rng.int(1, 16)) : BigInt(this.rng.int(0, 255)) & max;
      default: {
        const bits = this.rng.bits(t.bits);
        return t.signed ? BigInt.asIntN(t.bits, bits) : bits;
      }
    }
  }

  private lit(t: IntT, v: bigint = this.value(t)): GExpr {
    return { k: "lit", t, v };
  }

  // ------------------------------------------------------------ program

  run(): GProgram {
    const nStructs = 2;
    for (let i = 0; i < nStructs; i++) {
      const fields = Array.from({ length: this.rng.int(2, 5) }, (_, j) => ({ name: `f${j}`, t: this.intType() }));
      this.structs.push({ name: `${this.prefix}S${i}`, packed: i === 1, fields });
    }
    for (let i = 0, n = this.rng.int(2, 5); i < n; i++) {
      const t = this.intType();
      const name = `${this.prefix}g${i}`;
      this.globals.push({ name, type: { k: "int", t }, values: [this.value(t)] });
      this.globalScope.vars.push({ name, t, mutable: true });
    }
    {
      const elem = this.intType();
      const n = this.rng.pick([4, 8]);
      const garr = `${this.prefix}garr`;
      this.globals.push({ name: garr, type: { k: "array", elem, n }, values: Array.from({ length: n }, () => this.value(elem)) });
      this.globalScope.aggs.push({ name: garr, kind: "array", elem, n, mutable: true });
      const s = this.rng.pick(this.structs);
      const gs = `${this.prefix}gs`;
      this.globals.push({ name: gs, type: { k: "struct", s }, values: s.fields.map((f) => this.value(f.t)) });
      this.globalScope.aggs.push({ name: gs, kind: "struct", s, mutable: true });
    }

    const funcs: GFunc[] = [];
    const nFuncs = this.options.functions ?? 4;
    for (let i = 0; i < nFuncs; i++) funcs.push(this.rng.chance(0.25) ? this.recursiveFunc(`${this.prefix}r${i}`) : this.func(`${this.prefix}f${i}`));

    // main: call each function twice (or more) with fresh constant arguments.
    const calls: GProgram["calls"] = [];
    for (const sig of this.sigs) {
      for (let k = 0; k < 2; k++) calls.push({ fn: sig.name, args: this.callArgs(sig, true), t: sig.result });
    }
    const consts: NonNullable<GProgram["consts"]> = [];
    for (let i = 0, n = this.rng.int(1, 3); i < n; i++) {
      const t = this.intType();
      const folded = this.constExpr(t, 3);
      const runtime = this.unfold(folded, `${this.prefix}K${i}`);
      consts.push({ name: `${this.prefix}K${i}`, t, folded, runtime });
    }
    return { seed: this.seed, structs: this.structs, globals: this.globals, funcs, calls, consts };
  }

  /** A literal-only expression (the checker folds it): every operator, casts, negation. */
  private constExpr(t: IntT, depth: number): GExpr {
    const r = this.rng.int(0, 9);
    if (depth <= 0 || r < 2) return this.lit(t);
    if (r < 6) {
      const op = this.rng.pick(BIN_OPS);
      const a = this.constExpr(t, depth - 1);
      let b = this.constExpr(t, depth - 1);
      if (op === "/" || op === "%") b = { k: "bin", op: "|", a: b, b: this.lit(t, 1n), t };
      return { k: "bin", op, a, b, t };
    }
    if (r < 8) return { k: "cast", e: this.constExpr(this.intType(), depth - 1), t };
    return { k: t.signed && this.rng.chance(0.5) ? "neg" : "bitnot", e: this.constExpr(t, depth - 1), t };
  }

  /** The same expression with each literal (but the `| 1` guards) read from a new mutable global. */
  private unfold(e: GExpr, prefix: string): GExpr {
    let n = 0;
    const go = (x: GExpr, guard: boolean): GExpr => {
      switch (x.k) {
        case "lit": {
          if (guard) return x;
          const name = `${prefix}_${n++}`;
          this.globals.push({ name, type: { k: "int", t: x.t }, values: [x.v] });
          return { k: "var", name, t: x.t };
        }
        case "bin": return { ...x, a: go(x.a, false), b: go(x.b, x.op === "|" && x.b.k === "lit" && x.b.v === 1n) };
        case "cast": case "neg": case "bitnot": return { ...x, e: go(x.e, false) };
        default: return x;
      }
    };
    return go(e, false);
  }

  /** Arguments of a call; `depth` bounds their expressions (a struct literal's fields included). */
  private callArgs(sig: FnSig, constant: boolean, depth = 1): GExpr[] {
    const d = Math.max(0, Math.min(depth, 1));
    return sig.params.map((t, i) => {
      if (!("bits" in t)) {
        // A struct argument: a variable of that struct type when one is in scope, else a literal.
        const vars = constant ? [] : this.allAggs().filter((a) => a.kind === "struct" && a.s === t);
        if (vars.length && this.rng.chance(0.7)) return { k: "structArg", s: t, name: this.rng.pick(vars).name, values: [], t: U64T };
        return { k: "structArg", s: t, name: null, values: t.fields.map((f) => (constant ? this.lit(f.t) : this.expr(f.t, d))), t: U64T };
      }
      if (sig.recursive && i === 0) return this.lit(t, BigInt(this.rng.int(0, 6)));
      return constant ? this.lit(t) : this.expr(t, d);
    });
  }

  private beginFunc(params: GParam[]): void {
    this.scopes = [
      { vars: [...this.globalScope.vars], aggs: [...this.globalScope.aggs], ptrs: [] },
      {
        vars: params.filter((p) => !p.s).map((p) => ({ name: p.name, t: p.t, mutable: false })),
        aggs: params.filter((p) => p.s).map((p) => ({ name: p.name, kind: "struct" as const, s: p.s, mutable: false })),
        ptrs: [],
      },
    ];
    this.loopDepth = 0;
    this.cost = 0;
    this.mult = 1;
    this.callable = [...this.sigs];
  }

  private func(name: string): GFunc {
    const params: GParam[] = Array.from({ length: this.rng.int(1, 3) }, (_, i) => ({ name: `p${i}`, t: this.intType() }));
    if (this.rng.chance(0.3)) params.push({ name: "sp", t: U64T, s: this.rng.pick(this.structs) });
    const result = this.intType();
    this.beginFunc(params);
    this.currentResult = result;
    const body = this.block(this.rng.int(4, 10), 0);
    const ret = this.expr(result, 2);
    this.sigs.push({ name, params: params.map((p) => p.s ?? p.t), result, cost: this.cost + 10, recursive: false });
    return { name, params, result, body, ret };
  }

  /**
   * `fn rK(d: u8, ...) -> R`: returns early when `d == 0`, otherwise recurses
   * once with `d - 1`; calls pass d <= 6, so the depth stays small.
   */
  private recursiveFunc(name: string): GFunc {
    const params: GParam[] = [{ name: "d", t: { bits: 8, signed: false } }, ...Array.from({ length: this.rng.int(1, 2) }, (_, i) => ({ name: `p${i}`, t: this.intType() }))];
    const result = this.intType();
    this.beginFunc(params);
    this.currentResult = result;
    // The recursive call itself is built by hand below; no loops so cost stays linear.
    const body: GStmt[] = [
      { k: "if", c: { k: "cmp", op: "==", a: { k: "var", name: "d", t: params[0].t }, b: this.lit(params[0].t, 0n) }, then: [{ k: "return", e: this.expr(result, 2) }], else: null },
    ];
    body.push(...this.block(this.rng.int(1, 4), 2));
    const selfArgs: GExpr[] = [
      { k: "bin", op: "-", a: { k: "var", name: "d", t: params[0].t }, b: this.lit(params[0].t, 1n), t: params[0].t },
      ...params.slice(1).map((p) => this.expr(p.t, 2)),
    ];
    // One recursive call per level (two would make the cost exponential).
    const selfCall: GExpr = { k: "call", fn: name, args: selfArgs, t: result };
    body.push({ k: "let", name: "rv", t: result, init: selfCall, mut: false });
    const rv: GExpr = { k: "var", name: "rv", t: result };
    body.push({ k: "mix", e: rv });
    const ret: GExpr = { k: "bin", op: this.rng.pick(["+", "^", "-"] as BinOp[]), a: rv, b: this.expr(result, 1), t: result };
    this.sigs.push({ name, params: params.map((p) => p.s ?? p.t), result, cost: (this.cost + 10) * 16, recursive: true });
    return { name, params, result, body, ret };
  }

  // ------------------------------------------------------------ scopes

  private allVars(): Var[] {
    return this.scopes.flatMap((s) => s.vars);
  }

  private allAggs(): Agg[] {
    return this.scopes.flatMap((s) => s.aggs);
  }

  private allPtrs(): Scope["ptrs"] {
    return this.scopes.flatMap((s) => s.ptrs);
  }

  private top(): Scope {
    return this.scopes[this.scopes.length - 1];
  }

  private withScope<T>(f: () => T): T {
    this.scopes.push({ vars: [], aggs: [], ptrs: [] });
    // Function-pointer variables declared inside go out of scope with it.
    const callable = this.callable.length;
    try {
      return f();
    } finally {
      this.scopes.pop();
      this.callable.length = callable;
    }
  }

  // ------------------------------------------------------------ statements

  private block(n: number, depth: number): GStmt[] {
    const out: GStmt[] = [];
    for (let i = 0; i < n; i++) out.push(...this.stmt(depth));
    return out;
  }

  private stmt(depth: number): GStmt[] {
    this.cost += this.mult;
    const roll = this.rng.int(0, 99);
    if (roll < 14) {
      const t = this.intType();
      const name = this.fresh("v");
      const mut = this.rng.chance(0.7);
      const s: GStmt = { k: "let", name, t, init: this.expr(t, 3), mut };
      this.top().vars.push({ name, t, mutable: mut });
      return [s];
    }
    if (roll < 32) {
      const target = this.target();
      if (target) return [this.wrapUnsafe({ k: "assign", target, e: this.expr(target.t, 3) }, target.k === "ptr")];
      return [{ k: "mix", e: this.expr(this.intType(), 3) }];
    }
    if (roll < 40) {
      const target = this.target();
      if (target && target.k !== "ptr") {
        const op = this.rng.pick(BIN_OPS);
        let e = this.expr(target.t, 2);
        if (op === "/" || op === "%") e = { k: "bin", op: "|", a: e, b: this.lit(target.t, 1n), t: target.t };
        return [{ k: "compound", target, op, e }];
      }
    }
    if (roll < 44) return [{ k: "mix", e: this.expr(this.intType(), 3) }];
    if (roll < 50) {
      const elem = this.intType();
      const n = this.rng.pick([4, 8]);
      const name = this.fresh("a");
      const values = Array.from({ length: n }, () => (this.rng.chance(0.5) ? this.lit(elem) : this.expr(elem, 1)));
      this.top().aggs.push({ name, kind: "array", elem, n, mutable: true });
      const out: GStmt[] = [{ k: "letArray", name, elem, values }];
      if (this.rng.chance(0.6)) {
        const p = this.fresh("q");
        this.top().ptrs.push({ name: p, arr: name, elem, n });
        out.push({ k: "letPtr", name: p, arr: name, elem });
      }
      return out;
    }
    if (roll < 55) {
      const s = this.rng.pick(this.structs);
      const name = this.fresh("s");
      const values = s.fields.map((f) => this.expr(f.t, 1));
      this.top().aggs.push({ name, kind: "struct", s, mutable: true });
      const out: GStmt[] = [{ k: "letStruct", name, s, values }];
      const same = this.allAggs().filter((a) => a.kind === "struct" && a.s === s && a.name !== name);
      if (same.length && this.rng.chance(0.5)) out.push({ k: "copy", dst: name, src: this.rng.pick(same).name });
      return out;
    }
    if (roll < 56) {
      const s = this.rng.pick(this.structs);
      const n = this.rng.pick([2, 4]);
      const name = this.fresh("sa");
      const values = Array.from({ length: n }, () => s.fields.map((f) => (this.rng.chance(0.5) ? this.lit(f.t) : this.expr(f.t, 1))));
      this.top().aggs.push({ name, kind: "sarray", s, n, mutable: true });
      return [{ k: "letStructArray", name, s, values }];
    }
    if (roll < 57 && this.callable.length) {
      // A function pointer, called later through the variable.
      const plain = this.callable.filter((c) => !c.recursive);
      const sig = this.rng.pick(plain.length ? plain : this.callable);
      const name = this.fresh("fp");
      this.callable.push({ ...sig, name });
      return [{ k: "letFn", name, fn: sig.name, params: sig.params, result: sig.result }];
    }
    if (roll < 59) {
      const ptrs = this.allPtrs();
      if (ptrs.length) {
        // Read through a pointer into a fresh mutable local, inside unsafe.
        const p = this.rng.pick(ptrs);
        const name = this.fresh("v");
        this.top().vars.push({ name, t: p.elem, mutable: true });
        return [
          { k: "let", name, t: p.elem, init: this.lit(p.elem, 0n), mut: true },
          { k: "unsafe", body: [{ k: "assign", target: { k: "var", name, t: p.elem }, e: { k: "bin", op: "^", a: { k: "ptrRead", ptr: p.name, i: this.pureExpr(this.intType(), 1), n: p.n, t: p.elem }, b: this.expr(p.elem, 1), t: p.elem } }] },
        ];
      }
      return [{ k: "mix", e: this.expr(this.intType(), 2) }];
    }
    if (depth >= 3) return [{ k: "mix", e: this.expr(this.intType(), 2) }];
    if (roll < 74) {
      const c = this.cond(2);
      const then = this.withScope(() => this.block(this.rng.int(1, 3), depth + 1));
      const els = this.rng.chance(0.5) ? this.withScope(() => this.block(this.rng.int(1, 3), depth + 1)) : null;
      return [{ k: "if", c, then, else: els }];
    }
    if (roll < 88 && this.loopDepth < 2) {
      const n = this.rng.int(0, 5);
      const ivar = this.fresh("i");
      const savedMult = this.mult;
      this.mult *= Math.max(n, 1);
      this.loopDepth++;
      const body = this.withScope(() => {
        this.top().vars.push({ name: ivar, t: U32T, mutable: false });
        // A conditional break or continue somewhere in the body; its condition
        // is made first so it names only variables declared before the body.
        const exit: GStmt | null = this.rng.chance(0.6)
          ? { k: "if", c: this.cond(1), then: [{ k: this.rng.chance(0.5) ? "break" : "continue" }], else: null }
          : null;
        const b = this.block(this.rng.int(1, 4), depth + 1);
        if (exit) b.splice(this.rng.int(0, b.length), 0, exit);
        return b;
      });
      this.loopDepth--;
      this.mult = savedMult;
      return [{ k: this.rng.chance(0.5) ? "for" : "while", ivar, n, body }];
    }
    if (roll < 90) {
      // A switch over a small range; the TypeScript spelling falls through where `brk` is false.
      const t = this.intType();
      const name = this.fresh("sv");
      const e = this.rng.chance(0.5) ? { k: "bin" as const, op: "&" as BinOp, a: this.expr(t, 2), b: this.lit(t, 7n), t } : this.expr(t, 2);
      const pool = [0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n].filter(() => this.rng.chance(0.6));
      const cases: { values: bigint[]; body: GStmt[]; brk: boolean }[] = [];
      while (pool.length && cases.length < 4) {
        const values = pool.splice(0, this.rng.int(1, 2));
        cases.push({ values, body: this.withScope(() => this.block(this.rng.int(1, 2), depth + 1)), brk: this.rng.chance(0.6) });
      }
      if (this.rng.chance(0.6)) cases.push({ values: [], body: this.withScope(() => this.block(this.rng.int(1, 2), depth + 1)), brk: true });
      if (cases.length === 0) return [{ k: "mix", e }];
      cases[cases.length - 1].brk = true;
      this.top().vars.push({ name, t, mutable: false });
      return [{ k: "switch", name, t, e, cases }];
    }
    if (roll < 92 && depth > 0) {
      return [{ k: "if", c: this.cond(1), then: [{ k: "return", e: this.expr(this.currentResult!, 2) }], else: null }];
    }
    return [{ k: "mix", e: this.expr(this.intType(), 3) }];
  }

  /** The result type of the function being generated (for early returns). */
  private currentResult: IntT | null = null;

  private wrapUnsafe(s: GStmt, unsafe: boolean): GStmt {
    return unsafe ? { k: "unsafe", body: [s] } : s;
  }

  private target(): GTarget | null {
    const options: (() => GTarget | null)[] = [
      () => {
        const vs = this.allVars().filter((v) => v.mutable);
        if (!vs.length) return null;
        const v = this.rng.pick(vs);
        return { k: "var", name: v.name, t: v.t };
      },
      () => {
        const as = this.allAggs().filter((a) => a.kind === "array" && a.mutable);
        if (!as.length) return null;
        const a = this.rng.pick(as);
        return { k: "index", arr: a.name, i: this.pureExpr(this.intType(), 1), n: a.n!, t: a.elem! };
      },
      () => {
        const ss = this.allAggs().filter((a) => a.kind === "struct" && a.mutable);
        if (!ss.length) return null;
        const s = this.rng.pick(ss);
        const f = this.rng.pick(s.s!.fields);
        return { k: "field", base: s.name, field: f.name, t: f.t };
      },
      () => {
        const as = this.allAggs().filter((a) => a.kind === "sarray" && a.mutable);
        if (!as.length) return null;
        const a = this.rng.pick(as);
        const f = this.rng.pick(a.s!.fields);
        return { k: "sindex", arr: a.name, i: this.pureExpr(this.intType(), 1), n: a.n!, field: f.name, t: f.t };
      },
      () => {
        const ps = this.allPtrs();
        if (!ps.length) return null;
        const p = this.rng.pick(ps);
        return { k: "ptr", ptr: p.name, i: this.pureExpr(this.intType(), 1), n: p.n, t: p.elem };
      },
    ];
    for (let tries = 0; tries < 4; tries++) {
      const t = this.rng.pick(options)();
      if (t) return t;
    }
    return null;
  }

  // ------------------------------------------------------------ expressions

  private cond(depth: number): GCond {
    const r = this.rng.int(0, 9);
    if (depth > 0 && r < 2) return { k: this.rng.chance(0.5) ? "and" : "or", a: this.cond(depth - 1), b: this.cond(depth - 1) };
    if (depth > 0 && r < 3) return { k: "not", c: this.cond(depth - 1) };
    // Mixed widths through casts: both sides cast to a common type.
    const t = this.intType();
    const side = (): GExpr => (this.rng.chance(0.4) ? this.castTo(t, this.expr(this.intType(), 1)) : this.expr(t, 1));
    return { k: "cmp", op: this.rng.pick(CMP_OPS), a: side(), b: side() };
  }

  private castTo(t: IntT, e: GExpr): GExpr {
    if (e.k !== "lit" && sameInt(e.t, t)) return e;
    return { k: "cast", e, t };
  }

  /** No calls (so no side effects): for array indices in assignment targets. */
  private pureExpr(t: IntT, depth: number): GExpr {
    const saved = this.callable;
    this.callable = [];
    try {
      return this.expr(t, depth);
    } finally {
      this.callable = saved;
    }
  }

  expr(t: IntT, depth: number): GExpr {
    const r = this.rng.int(0, 99);
    if (depth <= 0 || r < 15) return this.leaf(t);
    if (r < 50) {
      const op = this.rng.pick(BIN_OPS);
      const a = this.expr(t, depth - 1);
      let b = this.expr(t, depth - 1);
      if (op === "/" || op === "%") b = { k: "bin", op: "|", a: b, b: this.lit(t, 1n), t };
      return { k: "bin", op, a, b, t };
    }
    if (r < 58) return this.castTo(t, this.expr(this.intType(), depth - 1));
    if (r < 63) return { k: t.signed && this.rng.chance(0.5) ? "neg" : "bitnot", e: this.expr(t, depth - 1), t };
    if (r < 70) return { k: "cond", c: this.cond(1), a: this.expr(t, depth - 1), b: this.expr(t, depth - 1), t };
    if (r < 80) {
      const fits = this.callable.filter((s) => s.cost * this.mult + this.cost < this.budget);
      if (fits.length) {
        const sig = this.rng.pick(fits);
        this.cost += sig.cost * this.mult;
        return this.castTo(t, { k: "call", fn: sig.name, args: this.callArgs(sig, false, depth - 1), t: sig.result });
      }
      return this.leaf(t);
    }
    if (r < 90) {
      const aggs = this.allAggs();
      if (aggs.length) {
        const a = this.rng.pick(aggs);
        if (a.kind === "array") return this.castTo(t, { k: "index", arr: a.name, i: this.expr(this.intType(), depth - 1), n: a.n!, t: a.elem! });
        const f = this.rng.pick(a.s!.fields);
        if (a.kind === "sarray") return this.castTo(t, { k: "sindex", arr: a.name, i: this.expr(this.intType(), depth - 1), n: a.n!, field: f.name, t: f.t });
        return this.castTo(t, { k: "field", base: a.name, field: f.name, t: f.t });
      }
    }
    return this.leaf(t);
  }

  private leaf(t: IntT): GExpr {
    const vars = this.allVars();
    if (vars.length && this.rng.chance(0.65)) {
      const same = vars.filter((v) => sameInt(v.t, t));
      if (same.length && this.rng.chance(0.6)) return { k: "var", name: this.rng.pick(same).name, t };
      const v = this.rng.pick(vars);
      return this.castTo(t, { k: "var", name: v.name, t: v.t });
    }
    return this.lit(t);
  }
}

/** The program of `seed`. */
export function generate(seed: number, options: GenOptions = {}): GProgram {
  return new Generator(seed, options).run();
}

export { U64T };
