/**
 * Delta reduction of a generated program that shows a problem: greedily
 * removes main's calls, unused functions, statements (whole, or an `if`
 * replaced by one branch, a loop by its body) and simplifies expressions
 * (to a literal or to a same-typed operand), keeping each change only while
 * `interesting(program)` still holds. Works on the model (model.ts), so
 * every candidate stays well-typed except for dangling names, which the
 * oracle rejects (a compile error is not the same problem).
 */
import type { GCond, GExpr, GProgram, GStmt } from "./model.ts";

export type Oracle = (p: GProgram) => Promise<boolean>;

export interface ReduceStats {
  tries: number;
  accepted: number;
}

function clone(p: GProgram): GProgram {
  return structuredClone(p);
}

/** Every statement list of the program, in a fixed order. */
function stmtLists(p: GProgram): GStmt[][] {
  const out: GStmt[][] = [];
  const visit = (list: GStmt[]): void => {
    out.push(list);
    for (const s of list) {
      switch (s.k) {
        case "if": visit(s.then); if (s.else) visit(s.else); break;
        case "for": case "while": visit(s.body); break;
        case "switch": for (const c of s.cases) visit(c.body); break;
        case "unsafe": visit(s.body); break;
        default: break;
      }
    }
  };
  for (const f of p.funcs) visit(f.body);
  return out;
}

type Slot = { get(): GExpr; set(e: GExpr): void };

/** Every expression position of the program, in a fixed order (outer before inner). */
function exprSlots(p: GProgram): Slot[] {
  const out: Slot[] = [];
  const slot = (obj: Record<string, unknown>, key: string | number): void => {
    const s: Slot = { get: () => obj[key] as GExpr, set: (e) => { obj[key] = e; } };
    out.push(s);
    visitExpr(s.get());
  };
  const visitCond = (c: GCond): void => {
    switch (c.k) {
      case "cmp": slot(c as never, "a"); slot(c as never, "b"); return;
      case "and": case "or": visitCond(c.a); visitCond(c.b); return;
      case "not": visitCond(c.c); return;
    }
  };
  const visitExpr = (e: GExpr): void => {
    switch (e.k) {
      case "lit": case "var": case "field": return;
      case "cast": case "neg": case "bitnot": slot(e as never, "e"); return;
      case "bin": slot(e as never, "a"); slot(e as never, "b"); return;
      case "cond": visitCond(e.c); slot(e as never, "a"); slot(e as never, "b"); return;
      case "call": e.args.forEach((_, i) => slot(e.args as never, i)); return;
      case "index": case "ptrRead": case "sindex": slot(e as never, "i"); return;
      case "structArg": e.values.forEach((_, i) => slot(e.values as never, i)); return;
    }
  };
  const visitStmts = (list: GStmt[]): void => {
    for (const s of list) {
      switch (s.k) {
        case "let": slot(s as never, "init"); break;
        case "letArray": case "letStruct": s.values.forEach((_, i) => slot(s.values as never, i)); break;
        case "letStructArray": s.values.forEach((vals) => vals.forEach((_, i) => slot(vals as never, i))); break;
        case "assign":
          if (s.target.k === "index" || s.target.k === "ptr" || s.target.k === "sindex") slot(s.target as never, "i");
          slot(s as never, "e");
          break;
        case "if": visitCond(s.c); visitStmts(s.then); if (s.else) visitStmts(s.else); break;
        case "for": case "while": case "unsafe": visitStmts(s.body); break;
        case "mix": case "return": slot(s as never, "e"); break;
        case "compound":
          if (s.target.k === "index" || s.target.k === "sindex") slot(s.target as never, "i");
          slot(s as never, "e");
          break;
        case "switch": slot(s as never, "e"); for (const c of s.cases) visitStmts(c.body); break;
        default: break;
      }
    }
  };
  for (const f of p.funcs) {
    visitStmts(f.body);
    slot(f as never, "ret");
  }
  for (const c of p.calls) c.args.forEach((_, i) => slot(c.args as never, i));
  return out;
}

function calledNames(p: GProgram): Set<string> {
  const names = new Set(p.calls.map((c) => c.fn));
  const json = JSON.stringify(p.funcs, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
  for (const f of p.funcs) if (json.includes(`"fn":"${f.name}"`)) names.add(f.name);
  return names;
}

function simpler(e: GExpr): GExpr[] {
  const zero: GExpr = { k: "lit", t: e.t, v: 0n };
  const out: GExpr[] = [];
  if (!(e.k === "lit" && e.v === 0n)) out.push(zero);
  if (e.k === "lit" && e.v !== 0n && e.v !== 1n) out.push({ k: "lit", t: e.t, v: 1n });
  if (e.k === "bin" || e.k === "cond") out.push(e.a, e.b);
  if ((e.k === "neg" || e.k === "bitnot")) out.push(e.e);
  return out;
}

export async function reduce(start: GProgram, interesting: Oracle, maxTries = 300): Promise<{ program: GProgram; stats: ReduceStats }> {
  let best = clone(start);
  const stats: ReduceStats = { tries: 0, accepted: 0 };
  const attempt = async (edit: (p: GProgram) => boolean): Promise<boolean> => {
    if (stats.tries >= maxTries) return false;
    const candidate = clone(best);
    if (!edit(candidate)) return false;
    stats.tries++;
    if (await interesting(candidate)) {
      best = candidate;
      stats.accepted++;
      return true;
    }
    return false;
  };

  let progress = true;
  while (progress && stats.tries < maxTries) {
    progress = false;
    // Main's calls: halves first, then one at a time.
    for (let chunk = Math.max(1, best.calls.length >> 1); chunk >= 1; chunk >>= 1) {
      for (let i = 0; i + chunk <= best.calls.length; ) {
        if (best.calls.length > 1 && await attempt((p) => { p.calls.splice(i, chunk); return p.calls.length > 0; })) progress = true;
        else i += chunk;
      }
    }
    // Functions nobody calls any more.
    {
      const used = calledNames(best);
      if (best.funcs.some((f) => !used.has(f.name))) await attempt((p) => { p.funcs = p.funcs.filter((f) => used.has(f.name)); return true; });
    }
    // Statements, innermost lists last; from the end so indices stay valid.
    for (let li = 0; li < stmtLists(best).length; li++) {
      for (let si = stmtLists(best)[li]?.length - 1; si >= 0; si--) {
        if (await attempt((p) => { const l = stmtLists(p)[li]; if (!l || si >= l.length) return false; l.splice(si, 1); return true; })) { progress = true; continue; }
        // An if/loop/unsafe replaced by its body.
        const s = stmtLists(best)[li]?.[si];
        if (s && (s.k === "if" || s.k === "for" || s.k === "while" || s.k === "unsafe")) {
          if (await attempt((p) => {
            const l = stmtLists(p)[li];
            const t = l[si];
            const body = t.k === "if" ? t.then : t.k === "for" || t.k === "while" || t.k === "unsafe" ? t.body : null;
            if (!body) return false;
            l.splice(si, 1, ...body.filter((x) => x.k !== "break" && x.k !== "continue"));
            return true;
          })) progress = true;
        }
      }
    }
    // Expressions, outermost first.
    for (let xi = 0; xi < exprSlots(best).length; xi++) {
      const current = exprSlots(best)[xi]?.get();
      if (!current) break;
      for (let ci = 0; ci < simpler(current).length; ci++) {
        if (await attempt((p) => { const s = exprSlots(p)[xi]; if (!s) return false; const c = simpler(s.get())[ci]; if (!c) return false; s.set(c); return true; })) {
          progress = true;
          break;
        }
      }
    }
  }
  return { program: best, stats };
}
