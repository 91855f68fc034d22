// Bundles the CLI with esbuild into dist/ so Node starts it without
// resolving and transpiling hundreds of modules. The native addon and
// ts-morph stay external; code splitting keeps the stages that are imported
// lazily (LLVM lowering, the DSL front end) out of start-up.
//
// Then the bundle compiles the native client of `lwanga serve`
// (cli/client/client.lw → dist/lwanga-client). Without LLVM tools that step
// is skipped with a warning: the `lwanga` command then always runs Node.
import { build } from "esbuild";
import { rmSync } from "node:fs";

// A fresh folder: chunks of earlier builds must not pile up.
rmSync("dist", { recursive: true, force: true });

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

const { main } = await import(new URL("../dist/cli.mjs", import.meta.url).href);
const status = await main(["build", "cli/client/client.lw", "-Os", "--strip-sections", "-o", "dist/lwanga-client"]);
if (status !== 0) process.stderr.write("warning: dist/lwanga-client was not built: `lwanga` will always start Node\n");
