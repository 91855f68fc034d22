// Bundles the CLI with esbuild into dist/ so Node starts it without
// resolving and transpiling hundreds of modules. The native addon and
// ts-morph stay external; code splitting keeps the stages that are imported
// lazily (LLVM lowering, the DSL front end) out of start-up.
import { build } from "esbuild";

await build({
  entryPoints: ["cli/entry.ts"],
  outdir: "dist",
  entryNames: "cli",
  outExtension: { ".js": ".mjs" },
  splitting: true,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["llvm-bindings", "ts-morph", "typescript"],
  logLevel: "warning",
});
