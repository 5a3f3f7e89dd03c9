/**
 * A Python query's API vocabulary (TokenStream.vocabulary): the names a caller writes because the
 * API it calls has them, keyword arguments' (keyword-arguments.ts), imported modules qualifying a
 * member (module-qualifiers.ts) and methods overriding their base's (overrides.ts), read alike from
 * a lexed and a parsed query.
 */
import { KeywordArgumentReader } from "./keyword-arguments.js";
import { ModuleQualifierReader } from "./module-qualifiers.js";
import { OverrideReader } from "./overrides.js";

/** The readers of one language family; one per lexer (and one for parsed queries), reused across calls. */
export class VocabularyReader {
  private readonly keywords: KeywordArgumentReader;
  private readonly modules: ModuleQualifierReader;
  private readonly overrides: OverrideReader;

  constructor(hash: (text: string) => number) {
    this.keywords = new KeywordArgumentReader(hash);
    this.modules = new ModuleQualifierReader(hash);
    this.overrides = new OverrideReader(hash);
  }

  /** 1 for each of the `count` tokens of `source` that is the API's vocabulary; undefined when none is. */
  read(source: string, hashes: Uint32Array, names: Uint16Array, count: number): Uint8Array | undefined {
    const marks = this.modules.read(source, hashes, names, count, this.keywords.read(hashes, count));
    return this.overrides.read(source, hashes, names, count, marks);
  }
}
