/**
 * The minimal global declarations `tsc` needs to check DSL programs with
 * `noLib: true` (tsconfig.dsl.json). DSL programs have no JavaScript runtime:
 * there is no `console`, `Math` or `Array.prototype` to call, so only the
 * global interfaces the checker itself requires are declared, empty. This
 * keeps `tsc --noEmit` over a DSL program fast (no lib.es*.d.ts to load) and
 * turns any use of a JavaScript library API into a tsc error in the editor.
 */
interface Array<T> { length: number; [n: number]: T; }
interface ReadonlyArray<T> { readonly length: number; readonly [n: number]: T; }
interface Boolean {}
interface CallableFunction {}
interface Function {}
interface IArguments {}
interface NewableFunction {}
interface Number {}
interface Object {}
interface RegExp {}
interface String {}
interface BigInt {}
interface TemplateStringsArray extends ReadonlyArray<string> { readonly raw: readonly string[]; }
