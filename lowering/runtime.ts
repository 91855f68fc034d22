/**
 * The runtime, as textual LLVM IR generated per target: `_start`, the
 * syscall stubs `__sys0..6`, the division-by-zero trap `__lw_divzero` and
 * `memcpy`/`memset`/`memmove`. The addon cannot build inline asm or set
 * function attributes, so all of this is text that `link.ts` parses and
 * links into the main module (which declares what it calls first).
 *
 * - `_start` is a plain function calling main when main takes no parameters
 *   (start.ts). Otherwise it is naked: it passes
 *   the initial stack pointer to `__lw_start` (text from `start.ts`, or
 *   built there with the IRBuilder for -g) and aligns the stack.
 *   `__lw_start` is kept alive through `@llvm.used` because the asm call is
 *   invisible to LLVM.
 * - `__sysN` are `linkonce_odr alwaysinline`: copied only when used, and
 *   after inlining only the `syscall`/`svc` instruction remains.
 * - `__lw_divzero` raises SIGFPE the way the hardware does (x86-64: a real
 *   `div` by zero, delivered even if SIGFPE is ignored; aarch64, whose divide
 *   does not trap: kill(getpid(), SIGFPE)). It is `noinline` and has side
 *   effects, so no optimisation level removes the check that calls it.
 * - The mem* functions are byte loops with `"no-builtins"`, so `opt` does not
 *   turn the loop back into a call to the function itself, and `!llvm.loop`
 *   metadata that forbids vectorising, interleaving and unrolling them: opt
 *   -O2 would otherwise make them 6-10 times larger (memmove 409 → 66 bytes)
 *   for copies that are mostly a few bytes (struct assignments).
 */
import type { TargetInfo } from "./target.ts";

export interface RuntimeOptions {
  /** The program defines its own `_start`: no entry wrapper. */
  userStart: boolean;
  /** Extra definitions (asm helpers, naked functions) appended to the text. */
  snippets: string[];
  /** The entry text (start.ts `startText`): a plain `_start`, or the `__lw_start` the naked one calls. */
  start?: { text: string; plain: boolean };
  /** Static PIE (`--pic`): `_start` first applies the executable's own relative relocations. */
  pic?: boolean;
  /** First free metadata number: the snippets use `!0` up to this (their `!srcloc` nodes). */
  metadataBase?: number;
}

const X86_SYSCALL_REGS = ["rdi", "rsi", "rdx", "r10", "r8", "r9"];
const ARM_SYSCALL_REGS = ["x0", "x1", "x2", "x3", "x4", "x5"];

export function runtimeText(target: TargetInfo, options: RuntimeOptions): string {
  const out: string[] = [
    `target datalayout = "${target.dataLayout}"`,
    `target triple = "${target.triple}"`,
    "",
  ];
  if (!options.userStart) {
    const start = options.start;
    if (!start?.plain) out.push(options.pic ? pieEntry(target, !start) : entry(target, !start));
    if (start) out.push(start.text);
  }
  for (let n = 0; n <= 6; n++) out.push(syscallStub(target, n));
  out.push(divZero(target));
  out.push(memFunctions(options.metadataBase ?? 0));
  out.push("declare void @llvm.trap() cold noreturn nounwind");
  out.push(...options.snippets);
  return out.join("\n") + "\n";
}

/** `declareStart`: `__lw_start` is built in the module (-g), not defined in this text. */
function entry(target: TargetInfo, declareStart: boolean): string {
  // `__lw_start` ends in the exit syscall: nothing follows the call (no trap instruction).
  // No `xor %ebp, %ebp`: Linux starts a process with every register but the stack pointer zero,
  // so the frame pointer already ends backtraces (arm64 clears x29/x30 for gdb's unwinder).
  const asm = target.name === "x86_64"
    ? "mov %rsp, %rdi\\0Aand $$-16, %rsp\\0Acall __lw_start"
    : "mov x29, #0\\0Amov x30, #0\\0Amov x0, sp\\0Aand x1, x0, #-16\\0Amov sp, x1\\0Abl __lw_start";
  return [
    ...(declareStart ? ["declare void @__lw_start(i8*)"] : []),
    '@llvm.used = appending global [1 x i8*] [i8* bitcast (void (i8*)* @__lw_start to i8*)], section "llvm.metadata"',
    "define void @_start() naked noreturn nounwind {",
    `  call void asm sideeffect "${asm}", "~{memory}"()`,
    "  unreachable",
    "}",
    "",
  ].join("\n");
}

/**
 * `_start` of a static PIE: nobody else relocates it, so before anything
 * reads a pointer stored in data it calls `__lw_relocate`, which walks
 * `_DYNAMIC` for DT_RELA/DT_RELASZ and adds the load base (the runtime
 * address of the ELF header, linked at 0) to every RELATIVE entry. Both
 * symbols are hidden, so the relocator itself needs no relocation.
 */
function pieEntry(target: TargetInfo, declareStart: boolean): string {
  const asm = target.name === "x86_64"
    ? "mov %rsp, %rbx\\0Aand $$-16, %rsp\\0Acall __lw_relocate\\0Amov %rbx, %rdi\\0Acall __lw_start"
    : "mov x29, #0\\0Amov x30, #0\\0Amov x19, sp\\0Aand x1, x19, #-16\\0Amov sp, x1\\0Abl __lw_relocate\\0Amov x0, x19\\0Abl __lw_start";
  const relative = target.name === "x86_64" ? 8 : 1027;
  return [
    ...(declareStart ? ["declare void @__lw_start(i8*)"] : []),
    "@_DYNAMIC = external hidden global [0 x i64]",
    "@__ehdr_start = external hidden global i8",
    '@llvm.used = appending global [2 x i8*] [i8* bitcast (void (i8*)* @__lw_start to i8*), i8* bitcast (void ()* @__lw_relocate to i8*)], section "llvm.metadata"',
    "define void @_start() naked noreturn nounwind {",
    `  call void asm sideeffect "${asm}", "~{memory}"()`,
    "  unreachable",
    "}",
    "",
    `define void @__lw_relocate() noinline nounwind "no-builtins" {
entry:
  %base = ptrtoint i8* @__ehdr_start to i64
  %dyn = bitcast [0 x i64]* @_DYNAMIC to i64*
  br label %scan
scan:
  %i = phi i64 [ 0, %entry ], [ %i2, %next ]
  %rela = phi i64 [ 0, %entry ], [ %rela2, %next ]
  %size = phi i64 [ 0, %entry ], [ %size2, %next ]
  %tp = getelementptr i64, i64* %dyn, i64 %i
  %tag = load volatile i64, i64* %tp
  %vi = add i64 %i, 1
  %vp = getelementptr i64, i64* %dyn, i64 %vi
  %val = load volatile i64, i64* %vp
  %last = icmp eq i64 %tag, 0
  br i1 %last, label %apply, label %next
next:
  %isrela = icmp eq i64 %tag, 7
  %rela2 = select i1 %isrela, i64 %val, i64 %rela
  %issize = icmp eq i64 %tag, 8
  %size2 = select i1 %issize, i64 %val, i64 %size
  %i2 = add i64 %i, 2
  br label %scan
apply:
  %first = add i64 %base, %rela
  %stop = add i64 %first, %size
  br label %loop
loop:
  %p = phi i64 [ %first, %apply ], [ %p1, %step ]
  %more = icmp ult i64 %p, %stop
  br i1 %more, label %body, label %done
body:
  %offp = inttoptr i64 %p to i64*
  %off = load volatile i64, i64* %offp
  %infoa = add i64 %p, 8
  %infop = inttoptr i64 %infoa to i64*
  %info = load volatile i64, i64* %infop
  %type = and i64 %info, 4294967295
  %isrel = icmp eq i64 %type, ${relative}
  br i1 %isrel, label %fix, label %step
fix:
  %adda = add i64 %p, 16
  %addp = inttoptr i64 %adda to i64*
  %addend = load volatile i64, i64* %addp
  %where = add i64 %base, %off
  %wherep = inttoptr i64 %where to i64*
  %value = add i64 %base, %addend
  store volatile i64 %value, i64* %wherep
  br label %step
step:
  %p1 = add i64 %p, 24
  br label %loop
done:
  ret void
}
`,
  ].join("\n");
}

function syscallStub(target: TargetInfo, n: number): string {
  const params = ["i64 %nr", ...Array.from({ length: n }, (_, i) => `i64 %a${i}`)];
  const regs = target.name === "x86_64" ? X86_SYSCALL_REGS : ARM_SYSCALL_REGS;
  const constraints = target.name === "x86_64"
    ? ["={rax}", "{rax}", ...regs.slice(0, n).map((r) => `{${r}}`), "~{rcx}", "~{r11}", "~{memory}"]
    : ["={x0}", "{x8}", ...regs.slice(0, n).map((r) => `{${r}}`), "~{memory}"];
  const instr = target.name === "x86_64" ? "syscall" : "svc #0";
  return [
    `define linkonce_odr i64 @__sys${n}(${params.join(", ")}) alwaysinline nounwind {`,
    `  %r = call i64 asm sideeffect "${instr}", "${constraints.join(",")}"(${params.join(", ")})`,
    "  ret i64 %r",
    "}",
    "",
  ].join("\n");
}

function divZero(target: TargetInfo): string {
  const body = target.name === "x86_64"
    ? ['  call void asm sideeffect "xor %eax, %eax\\0Adivl %eax", "~{eax},~{edx},~{dirflag},~{fpsr},~{flags}"()']
    : [
        '  %pid = call i64 asm sideeffect "svc #0", "={x0},{x8},~{memory}"(i64 172)',
        '  %r = call i64 asm sideeffect "svc #0", "={x0},{x8},{x0},{x1},~{memory}"(i64 129, i64 %pid, i64 8)',
      ];
  return [
    "define void @__lw_divzero() noinline cold nounwind {",
    ...body,
    "  call void @llvm.trap()",
    "  unreachable",
    "}",
    "",
  ].join("\n");
}

/**
 * memcpy/memset/memmove. Each loop's back-edge carries its own loop id
 * (distinct and self-referential, as LLVM requires), numbered from `base`
 * so that it cannot collide with the snippets' metadata.
 */
function memFunctions(base: number): string {
  const ids = [base, base + 1, base + 2, base + 3];
  const properties = [
    '!{!"llvm.loop.vectorize.enable", i1 false}',
    '!{!"llvm.loop.interleave.count", i32 1}',
    '!{!"llvm.loop.unroll.disable"}',
  ].map((text, k) => ({ ref: `!${base + 4 + k}`, text }));
  return MEM_FUNCTIONS.replace(/!LOOP(\d)/g, (_, k: string) => `!${ids[Number(k)]}`) + [
    ...ids.map((id) => `!${id} = distinct !{!${id}, ${properties.map((p) => p.ref).join(", ")}}`),
    ...properties.map((p) => `${p.ref} = ${p.text}`),
    "",
  ].join("\n");
}

const MEM_FUNCTIONS = `define i8* @memcpy(i8* %d, i8* %s, i64 %n) nounwind "no-builtins" {
entry:
  %z = icmp eq i64 %n, 0
  br i1 %z, label %done, label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %loop ]
  %sp = getelementptr i8, i8* %s, i64 %i
  %v = load i8, i8* %sp
  %dp = getelementptr i8, i8* %d, i64 %i
  store i8 %v, i8* %dp
  %i1 = add i64 %i, 1
  %c = icmp ult i64 %i1, %n
  br i1 %c, label %loop, label %done, !llvm.loop !LOOP0
done:
  ret i8* %d
}

define i8* @memset(i8* %d, i32 %c, i64 %n) nounwind "no-builtins" {
entry:
  %b = trunc i32 %c to i8
  %z = icmp eq i64 %n, 0
  br i1 %z, label %done, label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %loop ]
  %dp = getelementptr i8, i8* %d, i64 %i
  store i8 %b, i8* %dp
  %i1 = add i64 %i, 1
  %k = icmp ult i64 %i1, %n
  br i1 %k, label %loop, label %done, !llvm.loop !LOOP1
done:
  ret i8* %d
}

define i8* @memmove(i8* %d, i8* %s, i64 %n) nounwind "no-builtins" {
entry:
  %di = ptrtoint i8* %d to i64
  %si = ptrtoint i8* %s to i64
  %z = icmp eq i64 %n, 0
  br i1 %z, label %done, label %pick
pick:
  %fwd = icmp ult i64 %di, %si
  br i1 %fwd, label %up, label %down
up:
  %i = phi i64 [ 0, %pick ], [ %i1, %up ]
  %sp = getelementptr i8, i8* %s, i64 %i
  %v = load i8, i8* %sp
  %dp = getelementptr i8, i8* %d, i64 %i
  store i8 %v, i8* %dp
  %i1 = add i64 %i, 1
  %c = icmp ult i64 %i1, %n
  br i1 %c, label %up, label %done, !llvm.loop !LOOP2
down:
  %j = phi i64 [ %n, %pick ], [ %j1, %down ]
  %j1 = sub i64 %j, 1
  %sq = getelementptr i8, i8* %s, i64 %j1
  %w = load i8, i8* %sq
  %dq = getelementptr i8, i8* %d, i64 %j1
  store i8 %w, i8* %dq
  %e = icmp ne i64 %j1, 0
  br i1 %e, label %down, label %done, !llvm.loop !LOOP3
done:
  ret i8* %d
}
`;
