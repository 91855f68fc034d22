// Kernel: heapsort of 200,000 u64 values from a 64-bit LCG, then a
// sortedness check and a checksum, in the TypeScript DSL (twin of heapsort.lw).
import { print, printU64 } from "lwanga/std/io";
import { type u64, type FixedArray } from "lwanga";

const N: u64 = 200000;
let a: FixedArray<u64, 200000> = [];


function siftDown(start: u64, end: u64): void {
  let root: u64 = start;
  while (true) {
    let child: u64 = root * 2 + 1;
    if (child >= end) return;
    if (child + 1 < end && a[child] < a[child + 1]) child = child + 1;
    if (a[root] >= a[child]) return;
    const t: u64 = a[root];
    a[root] = a[child];
    a[child] = t;
    root = child;
  }
}

export function main(): u64 {
  let x: u64 = 1;
  for (let i: u64 = 0; i < N; i = i + 1) {
    x = x * 6364136223846793005 + 1442695040888963407;
    a[i] = x;
  }
  let start: u64 = N / 2;
  while (start > 0) {
    start = start - 1;
    siftDown(start, N);
  }
  let end: u64 = N;
  while (end > 1) {
    end = end - 1;
    const t: u64 = a[0];
    a[0] = a[end];
    a[end] = t;
    siftDown(0, end);
  }
  let sum: u64 = 0;
  for (let i: u64 = 0; i < N; i = i + 1) {
    if (i > 0 && a[i - 1] > a[i]) {
      printU64(0);
      print("\n");
      return 1;
    }
    sum = sum * 31 + a[i];
  }
  printU64(sum);
  print("\n");
  return 0;
}
// expect: 18034393905064945036
