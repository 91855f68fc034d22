/**
 * Target descriptions: the triple and data layout every module (the main
 * one and each linked textual snippet) must carry. The data layout is set
 * literally because llvm-bindings' `TargetMachine.createDataLayout` is broken
 * (see shared/LOWERING.md), and it must be set before any instruction is
 * built because alignment is fixed at creation.
 */
export type TargetName = "x86_64" | "aarch64";

export interface TargetInfo {
  name: TargetName;
  triple: string;
  dataLayout: string;
}

export const TARGETS: Record<TargetName, TargetInfo> = {
  x86_64: {
    name: "x86_64",
    triple: "x86_64-unknown-linux-gnu",
    dataLayout: "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128",
  },
  aarch64: {
    name: "aarch64",
    triple: "aarch64-unknown-linux-gnu",
    dataLayout: "e-m:e-i8:8:32-i16:16:32-i64:64-i128:128-n32:64-S128",
  },
};
