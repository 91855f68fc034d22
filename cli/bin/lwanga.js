#!/usr/bin/env node
// Entry of `lwanga`.
import { loadCli } from "./load.js";

const cli = await loadCli();
process.exitCode = await cli.main(process.argv.slice(2));
