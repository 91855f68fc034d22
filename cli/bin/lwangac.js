#!/usr/bin/env node
// Entry of `lwangac`.
import { loadCli } from "./load.js";

const cli = await loadCli();
process.exitCode = await cli.lwangacMain(process.argv.slice(2));
