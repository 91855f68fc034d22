// Loads the CLI for the bin entries: the esbuild bundle (dist/cli.mjs, made by
// `npm run build`, which install and `npm test` run) so start-up is fast;
// without the bundle, the TypeScript sources through tsx.
export async function loadCli() {
  try {
    return await import("../../dist/cli.mjs");
  } catch (e) {
    if (e?.code !== "ERR_MODULE_NOT_FOUND" || !String(e.message).includes("dist/cli.mjs")) throw e;
    const { register } = await import("tsx/esm/api");
    register();
    return import("../entry.ts");
  }
}
