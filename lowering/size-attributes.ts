/**
 * `-Os`: every defined function gets the attributes `minsize optsize`, which
 * is what makes LLVM choose size over speed (no 16-byte function and loop
 * alignment, no unrolling, calls kept out of line, smaller instruction
 * forms); `opt -Oz` alone does not, since passes read the function's
 * attributes, not the pipeline's name.
 *
 * The addon cannot set function attributes, and `opt -force-attribute` in
 * LLVM 14 needs one flag per function name, so this edits the module's
 * printed text instead: every function the module defines refers to an
 * attribute group (`define … #N {`; all functions are at least `nounwind`),
 * and those groups (`attributes #N = { … }`) get the two attributes.
 * Declarations that share a group get them too, which means nothing for a
 * declaration. Takes and returns textual IR.
 */

const SIZE_ATTRIBUTES = ["minsize", "optsize"];

export function addSizeAttributes(text: string): string {
  const lines = text.split("\n");
  const groups = new Set<string>();
  for (const line of lines) {
    if (!line.startsWith("define ")) continue;
    // Quoted names may contain '#': drop them before looking for group references.
    for (const m of line.replace(/"(?:[^"\\]|\\.)*"/g, '""').matchAll(/#(\d+)/g)) groups.add(m[1]);
  }
  return lines.map((line) => {
    const m = line.match(/^attributes #(\d+) = \{ (.*) \}$/);
    if (!m || !groups.has(m[1])) return line;
    const present = new Set(m[2].split(" "));
    // optnone excludes both (the verifier rejects the pair); lowering never emits it.
    if (present.has("optnone")) return line;
    const extra = SIZE_ATTRIBUTES.filter((a) => !present.has(a));
    return extra.length === 0 ? line : `attributes #${m[1]} = { ${[...extra, m[2]].join(" ")} }`;
  }).join("\n");
}
