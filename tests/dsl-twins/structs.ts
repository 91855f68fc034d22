import { type u8, type u32, type u64, type i64, type Struct, type Packed } from "lwanga";
import { print, printU64, printI64 } from "lwanga/std/io";

interface Point extends Struct { x: i64; y: i64 }
interface Rect extends Struct { min: Point; max: Point }
interface Hdr extends Packed { kind: u8; len: u32 }

function width(r: Rect): i64 {
  return r.max.x - r.min.x;
}

export function main(): void {
  let r: Rect = { min: { x: -3, y: 1 }, max: { x: 9, y: 4 } };
  const copy: Rect = r;
  r.max.x = 20;
  printI64(width(r));
  print(" ");
  printI64(width(copy));
  print(" ");
  const h: Hdr = { kind: 1, len: 0x01020304 };
  printU64(h.len + h.kind);
  print("\n");
}
// expect: 23 12 16909061
