/**
 * Python's imported names qualifying a member (`os` in `os.path.join(…)`, `np` in `np.zeros(…)`
 * after `import numpy as np`): the module's name, which every caller of its functions writes and a
 * renamed copy keeps, as it keeps a keyword argument's name (keyword-arguments.ts). Matching counts
 * such a name the same on both sides as no evidence (TokenStream.vocabulary). Imports are left out
 * of the token stream, so the names they bind are read from the source text; vocabulary.ts marks
 * each such name followed by `.`.
 */
import { nameHash } from "./token-stream.js";

/** An import statement from its line's start: `import a.b as c, d` or `from x import (a, b as c)`. */
const IMPORT_STATEMENT = /[ \t]*(?:from[ \t]+[\w.]+[ \t]+)?import[ \t]+(\([^)]*\)|(?:[^\n\\#]|\\\n)+)/y;
/** One imported item: a dotted name, then its alias if any. */
const IMPORTED_ITEM = /^([A-Za-z_]\w*)(?:\.[\w.]*)?(?:\s+as\s+([A-Za-z_]\w*))?$/;

/** The name words (nameHash) of the names `source`'s import statements bind. */
export function importedNames(source: string): Set<number> {
  const bound = new Set<number>();
  // From each line holding the word (a file's few), not a regular expression tried at every line:
  // the pass costs a scan as fast as indexOf.
  for (let at = source.indexOf("import"); at >= 0; at = source.indexOf("import", at + 6)) {
    IMPORT_STATEMENT.lastIndex = source.lastIndexOf("\n", at) + 1;
    const statement = IMPORT_STATEMENT.exec(source);
    if (!statement) continue;
    at = Math.max(at, IMPORT_STATEMENT.lastIndex - 6);
    const list = statement[1]!.replace(/^\(|\)$/g, "").replace(/\\\n/g, " ").replace(/#[^\n]*/g, "");
    for (const item of list.split(",")) {
      const parts = IMPORTED_ITEM.exec(item.trim());
      if (!parts) continue;
      const name = parts[2] ?? parts[1]!;
      bound.add(nameHash(name, 0, name.length));
    }
  }
  return bound;
}
