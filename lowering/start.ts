/**
 * The program's entry, in one of two forms.
 *
 * - `startText` (text, for the attributes the addon cannot set): when
 *   `main` takes no parameters there is nothing to read from the initial
 *   stack, so `_start` is an ordinary function `noreturn nounwind
 *   "stackrealign"` — the kernel enters with the stack 16-byte aligned, not
 *   8 off as after a call, and stackrealign makes the prologue align it —
 *   that calls `main` and exits. Otherwise (parameters, or `--pic`, whose
 *   naked `_start` first relocates the executable) it is `__lw_start(i8* sp)`,
 *   called by the runtime's naked `_start` with the initial stack pointer:
 *   reads argc (`*sp`) and argv (`sp + 8`), calls main with them, and exits.
 *   `main` is then external (text cannot name an internal function); opt
 *   inlines it anyway and `ld --gc-sections` drops the unused copy.
 * - `buildStart`: the same `__lw_start` built with the IRBuilder, for `-g`
 *   (a subprogram for `__lw_start` keeps line tables through inlining).
 *
 * Both exit (syscall 60 on x86-64, 93 on aarch64) with the low 8 bits of
 * main's result (0 for void). Nothing follows the exit syscall: it does not
 * return, so the code ends in `unreachable` instead of a trap instruction.
 */
import llvm from "./llvm.ts";
import type { ModuleContext } from "./module-context.ts";
import type { Func } from "../ir/checked.ts";
import { isAggregate, type Type } from "../ir/types.ts";
import type { TargetInfo } from "./target.ts";
import { llvmString } from "./asm-text.ts";

export function buildStart(m: ModuleContext, main: Func): void {
  const types = m.types;
  const fnType = llvm.FunctionType.get(types.void, [types.i8ptr], false);
  const fn = llvm.Function.Create(fnType, llvm.GlobalValue.LinkageTypes.ExternalLinkage, "__lw_start", m.module);
  fn.setDoesNotThrow();
  const b = new llvm.IRBuilder(llvm.BasicBlock.Create(m.context, "entry", fn));
  // With -g it needs a subprogram too: otherwise inlining main into it (-O1 and up) drops every line.
  if (m.debug) {
    const sp = m.debug.subprogram(fn, "__lw_start", "__lw_start", main.span);
    b.SetCurrentDebugLocation(m.debug.location(main.span, sp));
  }
  const sp = fn.getArg(0);
  const argc = b.CreateLoad(types.i64, b.CreateBitCast(sp, llvm.PointerType.getUnqual(types.i64)));
  const argv = b.CreateGEP(types.i8, sp, [m.consts.i64(8)]);
  const args: llvm.Value[] = [];
  main.params.forEach((p, i) => {
    const t = p.type;
    const raw = i === 0 ? argc : i === 1 ? argv : null;
    if (t.kind === "int") {
      const v = raw === null ? m.consts.int(t.bits, 0n) : i === 0 ? argc : b.CreatePtrToInt(argv, types.i64);
      args.push(t.bits < 64 ? b.CreateTrunc(v, types.int(t.bits)) : v);
    } else if (t.kind === "ptr" || t.kind === "str" || t.kind === "fn") {
      args.push(raw === null ? m.consts.nullPtr() : i === 0 ? b.CreateIntToPtr(argc, types.i8ptr) : argv);
    } else if (t.kind === "bool") {
      args.push(raw === null ? m.consts.bool(false) : b.CreateICmpNE(i === 0 ? argc : b.CreatePtrToInt(argv, types.i64), m.consts.i64(0)));
    } else {
      throw new Error(`main parameter of type ${t.kind}`);
    }
  });
  if (isAggregate(main.result)) throw new Error("main returns an aggregate");
  const result = b.CreateCall(m.func(main), args);
  let status: llvm.Value = m.consts.i64(0);
  const r = main.result;
  if (r.kind === "int") status = r.bits === 64 ? result : r.signed ? b.CreateSExt(result, types.i64) : b.CreateZExt(result, types.i64);
  else if (r.kind === "bool") status = b.CreateZExt(result, types.i64);
  const exitNr = m.target.name === "x86_64" ? 60 : 93;
  b.CreateCall(m.syscallStub(1), [m.consts.i64(exitNr), status]);
  b.CreateUnreachable();
}

/**
 * The entry as text (see above), or null when main's result cannot be
 * spelled here. `plain`: a `_start` calling main (main has no parameters
 * and the executable needs no self-relocation); otherwise `__lw_start`,
 * called by the runtime's naked `_start`. The call carries `alwaysinline`:
 * LLVM's inliner gives a call followed by `unreachable` a threshold of 0,
 * so without it main stays a separate function whose callee-saved
 * registers are pushed and popped for nothing (probe.lw: 25 bytes).
 */
export function startText(target: TargetInfo, main: Func, pic: boolean): { text: string; plain: boolean } | null {
  const result = resultText(main.result);
  if (!result || main.params.some((p) => paramText(p.type) === null)) return null;
  const exitNr = target.name === "x86_64" ? 60 : 93;
  const name = `@"${llvmString(main.symbol)}"`;
  const r = main.result;
  const status = r.kind === "int" && r.bits < 64 ? `${r.signed ? "sext" : "zext"} i${r.bits} %r to i64`
    : r.kind === "bool" ? "zext i1 %r to i64"
    : null;
  const plain = main.params.length === 0 && !pic;
  const body: string[] = [];
  const args: string[] = [];
  if (!plain) {
    body.push("  %argcp = bitcast i8* %sp to i64*", "  %argc = load i64, i64* %argcp", "  %argv = getelementptr i8, i8* %sp, i64 8");
    main.params.forEach((p, i) => args.push(`${paramText(p.type)} ${startArgument(p.type, i, body)}`));
  }
  const call = `call ${result} ${name}(${args.join(", ")}) alwaysinline`;
  const text = [
    `declare ${result} ${name}(${main.params.map((p) => paramText(p.type)).join(", ")})`,
    plain
      ? 'define void @_start() noreturn nounwind "stackrealign" {'
      : "define void @__lw_start(i8* %sp) noreturn nounwind {",
    ...body,
    result === "void" ? `  ${call}` : `  %r = ${call}`,
    ...(status ? [`  %status = ${status}`] : []),
    `  %e = call i64 @__sys1(i64 ${exitNr}, i64 ${result === "void" ? "0" : status ? "%status" : "%r"})`,
    "  unreachable",
    "}",
    "",
  ].join("\n");
  return { text, plain };
}

/** Parameter `i` of main from argc (`%argc`, i64) and argv (`%argv`, i8*); later ones are zero. */
function startArgument(t: Type, i: number, body: string[]): string {
  const v = `%a${i}`;
  if (i > 1) return t.kind === "int" ? "0" : t.kind === "bool" ? "false" : "null";
  // As an integer first: argc is one, argv becomes one unless a pointer is wanted.
  let int = "%argc";
  if (i === 1) {
    if (t.kind !== "int" && t.kind !== "bool") return "%argv";
    body.push(`  ${v}.i = ptrtoint i8* %argv to i64`);
    int = `${v}.i`;
  }
  if (t.kind === "int") {
    if (t.bits === 64) return int;
    body.push(`  ${v} = trunc i64 ${int} to i${t.bits}`);
  } else if (t.kind === "bool") {
    body.push(`  ${v} = icmp ne i64 ${int}, 0`);
  } else {
    body.push(`  ${v} = inttoptr i64 ${int} to i8*`);
  }
  return v;
}

function paramText(t: Type): string | null {
  switch (t.kind) {
    case "bool": return "i1";
    case "int": return `i${t.bits}`;
    case "ptr": case "str": case "fn": return "i8*";
    default: return null;
  }
}

function resultText(t: Type): string | null {
  switch (t.kind) {
    case "void": return "void";
    case "bool": return "i1";
    case "int": return `i${t.bits}`;
    default: return null;
  }
}
