#!/usr/bin/env node
// Entry of `lwangac`. Runs the esbuild bundle (dist/cli.mjs, made by `npm run build`,
// which install and `npm test` run) so start-up is fast; without the bundle
// it runs the TypeScript sources through tsx.
let cli;
try {
  cli = await import("../../dist/cli.mjs");
} catch (e) {
  if (e?.code !== "ERR_MODULE_NOT_FOUND" || !String(e.message).includes("dist/cli.mjs")) throw e;
  const { register } = await import("tsx/esm/api");
  register();
  cli = await import("../entry.ts");
}
process.exitCode = await cli.lwangacMain(process.argv.slice(2));
