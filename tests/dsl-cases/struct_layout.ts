import { print, printU64, printI64 } from "lwanga/std/io";
import { type u8, type u16, type u32, type u64, type Struct, type Packed, sizeof } from "lwanga";

interface C extends Struct { a: u8; b: u32; c: u8 }
interface P extends Packed { a: u8; b: u32; c: u8 }
interface S extends Struct { family: u16; port: u16; addr: u32; zero: u64 }

export function main(): void {
  printU64(sizeof<C>());
  print(" ");
  printU64(sizeof<P>());
  print(" ");
  printU64(sizeof<S>());
  print(" ");
  printU64(sizeof<u16>());
  print("\n");
}
// expect: 12 6 16 2
