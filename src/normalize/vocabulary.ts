/**
 * A Python query's API vocabulary (TokenStream.vocabulary): the names a caller writes because the
 * API it calls has them, keyword arguments' (keyword-arguments.ts), imported modules qualifying a
 * member (module-qualifiers.ts) and methods overriding their base's (overrides.ts), read alike from
 * a lexed and a parsed query.
 */
import { KeywordArgumentReader } from "./keyword-arguments.js";
import { importedNames } from "./module-qualifiers.js";
import { overridingNames } from "./overrides.js";

/** The readers of one language family; one per lexer (and one for parsed queries), reused across calls. */
export class VocabularyReader {
  private readonly keywords: KeywordArgumentReader;
  private readonly id: number;
  private readonly dot: number;
  private readonly def: number;

  constructor(hash: (text: string) => number) {
    this.keywords = new KeywordArgumentReader(hash);
    this.id = hash("$id");
    this.dot = hash(".");
    this.def = hash("def");
  }

  /** 1 for each of the `count` tokens of `source` that is the API's vocabulary; undefined when none is. */
  read(source: string, hashes: Uint32Array, names: Uint16Array, count: number): Uint8Array | undefined {
    const { id, dot, def } = this;
    let marks = this.keywords.read(hashes, count);
    // An imported module's name qualifying a member: the name before `.`.
    marks = markNames(importedNames(source), names, count, marks, (t) => hashes[t] === id && t + 1 < count && hashes[t + 1] === dot);
    // An overriding method's name: the name after `def`.
    return markNames(overridingNames(source), names, count, marks, (t) => hashes[t] === id && t > 0 && hashes[t - 1] === def);
  }
}

/**
 * `marks` (or a new array when undefined and some token is marked) with 1 for each of the `count`
 * tokens whose name word is one of `words` and that stands where `at` says; undefined when none is
 * and none was.
 */
function markNames(words: Set<number>, names: Uint16Array, count: number, marks: Uint8Array | undefined, at: (t: number) => boolean): Uint8Array | undefined {
  if (words.size === 0) return marks;
  for (let t = 0; t < count; t++) {
    if (!words.has(names[t]!) || !at(t)) continue;
    marks ??= new Uint8Array(count);
    marks[t] = 1;
  }
  return marks;
}
