import type { TokenHasher } from "../hashing.js";
import type { LanguageDefinition, LanguageName } from "../languages/language.js";
import type { Framing } from "./fragment.js";
import { type LexedTokenStream, LexicalNormalizer, type LexicalStart } from "./lexical.js";
import { SyntaxNormalizer } from "./parse.js";
import type { TokenStream } from "./token-stream.js";
import { VocabularyReader } from "./vocabulary.js";

/**
 * Parses and normalizes source text (the index's reading), or lexes it (the queries' reading);
 * keeps one tree-sitter parser and one lexer per language, each made when first needed (a
 * lexed-only caller never loads a grammar).
 */
export class Normalizer {
  private readonly parsers = new Map<LanguageName, SyntaxNormalizer>();
  private readonly lexers = new Map<LanguageName, LexicalNormalizer>();
  private readonly vocabularyReaders = new Map<LanguageName, VocabularyReader>();

  constructor(private readonly hasher: TokenHasher) {}

  normalize(source: string, language: LanguageDefinition): TokenStream {
    return this.parserFor(language).normalize(source);
  }

  /**
   * normalize() of a query rather than of a file to index: with the marks only matching asks of a
   * query (a Python stream's API vocabulary, keyword arguments and module qualifiers, as the lexer
   * gives them), which an index build would read for nothing.
   */
  normalizeQuery(source: string, language: LanguageDefinition): TokenStream {
    const tokens = this.normalize(source, language);
    if (language.lexicon.dialect !== "python") return tokens;
    const hasher = this.hasher.forFamily(language.lexicon.dialect);
    const reader = perLanguage(this.vocabularyReaders, language, () => new VocabularyReader((text) => hasher.hashToken(text)));
    return { ...tokens, vocabulary: reader.read(source, tokens.hashes, tokens.names, tokens.count) };
  }

  /** The token stream normalize() would give, read without parsing (see LexicalNormalizer.tokens). */
  lex(source: string, language: LanguageDefinition, start?: LexicalStart): LexedTokenStream {
    return perLanguage(this.lexers, language, () => new LexicalNormalizer(language, this.hasher)).tokens(source, start);
  }

  /**
   * How normalize() frames `source` to parse it (see parseAsFragment), for tools that must read a
   * fragment as the normalizer does (the benchmarks' disguisers).
   */
  framingOf(source: string, language: LanguageDefinition): Framing {
    return this.parserFor(language).framingOf(source);
  }

  private parserFor(language: LanguageDefinition): SyntaxNormalizer {
    return perLanguage(this.parsers, language, () => new SyntaxNormalizer(language, this.hasher));
  }
}

function perLanguage<T>(cache: Map<LanguageName, T>, language: LanguageDefinition, make: () => T): T {
  let value = cache.get(language.name);
  if (value === undefined) {
    value = make();
    cache.set(language.name, value);
  }
  return value;
}
