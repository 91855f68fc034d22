// Found by npm run fuzz (seeds 20150, 20159), reduced by hand: an object
// literal passed to a call through a function-pointer variable gets
// LW3008 "an object literal needs a struct type from its context", although
// the pointer's declared type `(p: P) => u64` gives it (a direct call works).
// fixed: dsl/front: object literal argument of an indirect call has no struct type (LW3008)
import { type u64, type Struct } from "lwanga";
interface P extends Struct { a: u64; b: u64 }
function f(p: P): u64 { return p.a * 10 + p.b; }
export function main(): u64 {
    const fp: (p: P) => u64 = f;
    return f({ a: 1, b: 2 }) + fp({ a: 3, b: 4 });
}
// exit: 46
