import { print, printU64, printI64 } from "lwanga/std/io";
import { type u64, type i64, u64 as big, i64 as bigSigned } from "lwanga";

export function main(): void {
  const max: u64 = big(18446744073709551615n);
  printU64(max);
  print(" ");
  const hex: u64 = 0xFFFF_FFFF_FFFF_FFFE;
  printU64(hex);
  print(" ");
  const exact: u64 = 9007199254740993;
  printU64(exact);
  print(" ");
  const min: i64 = bigSigned(-9223372036854775808n);
  printI64(min);
  print("\n");
}
// expect: 18446744073709551615 18446744073709551614 9007199254740993 -9223372036854775808
