/**
 * Python's imported names qualifying a member (`os` in `os.path.join(…)`, `np` in `np.zeros(…)`
 * after `import numpy as np`): the module's name, which every caller of its functions writes and a
 * renamed copy keeps, as it keeps a keyword argument's name (keyword-arguments.ts). Matching counts
 * such a name the same on both sides as no evidence (TokenStream.vocabulary). Imports are left out
 * of the token stream, so the names they bind are read from the source text.
 */
import { nameHash } from "./token-stream.js";

/** An import statement from its line's start: `import a.b as c, d` or `from x import (a, b as c)`. */
const IMPORT_STATEMENT = /[ \t]*(?:from[ \t]+[\w.]+[ \t]+)?import[ \t]+(\([^)]*\)|(?:[^\n\\#]|\\\n)+)/y;
/** One imported item: a dotted name, then its alias if any. */
const IMPORTED_ITEM = /^([A-Za-z_]\w*)(?:\.[\w.]*)?(?:\s+as\s+([A-Za-z_]\w*))?$/;

/** Reads the module qualifiers of Python code; one per lexer (and one for parsed queries), reused across calls. */
export class ModuleQualifierReader {
  private readonly id: number;
  private readonly dot: number;

  constructor(hash: (text: string) => number) {
    this.id = hash("$id");
    this.dot = hash(".");
  }

  /**
   * `marks` (or a new array when undefined and some name is marked) with 1 for each of the `count`
   * tokens that is a name `source` imports followed by `.`; undefined when none is and none was.
   */
  read(source: string, hashes: Uint32Array, names: Uint16Array, count: number, marks: Uint8Array | undefined): Uint8Array | undefined {
    const imported = importedNames(source);
    if (imported.size === 0) return marks;
    for (let t = 0; t + 1 < count; t++) {
      if (hashes[t] !== this.id || hashes[t + 1] !== this.dot || !imported.has(names[t]!)) continue;
      marks ??= new Uint8Array(count);
      marks[t] = 1;
    }
    return marks;
  }
}

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
