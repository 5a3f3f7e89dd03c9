import type { TokenHasher } from "../../src/hashing.js";
import { languageByName } from "../../src/languages/registry.js";
import { LexicalNormalizer } from "../../src/normalize/lexical.js";

/** The identifiers the lexer marks as the API's vocabulary (TokenStream.vocabulary), as written. */
export function markedVocabulary(hasher: TokenHasher, code: string, language: "python" | "javascript" = "python"): string[] {
  const tokens = new LexicalNormalizer(languageByName(language), hasher).tokens(code);
  const marks = tokens.vocabulary;
  if (!marks) return [];
  return Array.from({ length: tokens.count }, (_, t) => t)
    .filter((t) => marks[t] === 1)
    .map((t) => code.slice(tokens.startOffsets![t], tokens.endOffsets![t]));
}
