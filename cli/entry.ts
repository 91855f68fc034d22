/** The bundle's entry: both command-line programs. */
export { main } from "./main.ts";
export { lwangacMain } from "./lwangac.ts";
