import { print, printU64, printI64 } from "lwanga/std/io";
import type { u8, u32, u64, i64, Struct } from "lwanga";

interface Point extends Struct {
  x: i64;
  y: i64;
}

interface Rect extends Struct {
  min: Point;
  max: Point;
  tag: u8;
}

function area(r: Rect): i64 {
  return (r.max.x - r.min.x) * (r.max.y - r.min.y);
}

function moved(p: Point, dx: i64): Point {
  return { x: p.x + dx, y: p.y };
}

export function main(): void {
  const r: Rect = { min: { x: 1, y: 2 }, max: { x: 4, y: 6 }, tag: 7 };
  printI64(area(r));
  print(" ");
  const p: Point = moved(r.min, 10);
  printI64(p.x);
  print(" ");
  const q: Point = { x: 0, y: 0 };
  q.y = 5;
  const s: Point = q;
  q.y = 6;
  printI64(s.y);
  print(" ");
  printI64(q.y);
  print("\n");
}
// expect: 12 11 5 6
