#!/usr/bin/env node
// Entry of `lwangac` (compatible with the original compiler's flags).
import { register } from "tsx/esm/api";

register();
const { lwangacMain } = await import("../lwangac.ts");
process.exitCode = await lwangacMain(process.argv.slice(2));
