import type { TokenHasher } from "../hashing.js";
import type { LanguageDefinition, LanguageName } from "../languages/language.js";
import { MAX_TOKEN_CHARS, NAME_HASH_CHARS } from "../options.js";
import type { DeclarationReader } from "./declarations.js";
import type { TextSpan } from "./text.js";

/**
 * Bumped whenever the token stream for the same source can change (token classes, dropped tokens,
 * hashing). Stored in every index: an index built by another normalizer version is refused.
 */
export const NORMALIZER_VERSION = 16;

/**
 * The normalized token stream of one source text, as parallel typed arrays (one entry per token)
 * because the hot path walks them millions of times and objects per token would dominate. Both
 * readers give it: the tree-sitter parse (parse.ts, the index's) and the lexer (lexical.ts, the
 * queries').
 */
export interface TokenStream {
  readonly language: LanguageName;
  readonly count: number;
  /** xxh32 of the normalized token text ("$id", "$str", "if", "+", …). */
  readonly hashes: Uint32Array;
  /** 1-based line where the token starts. */
  readonly startLines: Uint32Array;
  /** 1-based line where the token ends (differs for multi-line strings). */
  readonly endLines: Uint32Array;
  /**
   * Where each token lies in the text read, as character offsets [start, end): columns for a
   * reference in a long line (minified code). The lexer and the text stream record them; the parse
   * (the index's reading) does not.
   */
  readonly startOffsets?: Uint32Array;
  readonly endOffsets?: Uint32Array;
  /** Normalized characters the token stands for (source length, capped at MAX_TOKEN_CHARS). */
  readonly charWeights: Uint8Array;
  /**
   * For identifiers other than member names, and for literals, a 16-bit word of their source
   * text (nameHash: an 11-bit hash and the 5-bit capped length, so never 0); 0 for every other token.
   * Abstraction makes `a(b.c)` and `x(y.z)` equal; these let matching ask whether the names behind
   * two equal shapes correspond one to one, as in a copy, renamed or not. Literals are kept apart
   * (see literalClasses): copies edit messages and numbers freely, so they are no evidence of
   * consistency, but where many files share one shape (locale and encoding tables) the literals
   * are what tells the copied file from its siblings.
   */
  readonly names: Uint16Array;
  /**
   * The hashes of the literal classes whose text a consistent renaming of copied code leaves as it
   * was ("$num", "$re"): names and strings are the copier's to change, the data's numbers are not.
   * The fingerprinter's kept-data channel and matching's data agreement read them.
   */
  readonly keptLiteralClasses: Uint32Array;
  /** The hashes of this language's literal classes ("$str", "$num", …): a token with one of them is a literal. */
  readonly literalClasses: Uint32Array;
  /**
   * Which stretches are declarations only (declarations.ts), for TypeScript and JavaScript as the
   * lexer reads them; absent for Python and for the parse, whose streams no rule asks.
   */
  readonly declarations?: DeclarationReader;
  /**
   * For a Python query: 1 for each name that is an API's vocabulary rather than the code's own: a
   * keyword argument's name (`flags` in `re.compile(p, flags=re.U)`, keyword-arguments.ts), an
   * imported module's name qualifying a member (`os` in `os.path.join`, module-qualifiers.ts) and a
   * method's calling its own name on its base (`def save` calling `super().save()`, overrides.ts).
   * Read from the tokens and the import statements, so a lexed and a parsed query agree
   * (Normalizer.normalizeQuery); absent when there is none, for other languages and for a file
   * parsed to be indexed.
   */
  readonly vocabulary?: Uint8Array;
  /**
   * For a lexed query: 1 for each token of a statement storing a value under its own name
   * (`self.path = path`) or of an accessor that only returns or stores one attribute (echoes.ts),
   * whose shape the names it handles fix; absent when there is none, and for a parsed stream (no
   * offsets to compare the names by).
   */
  readonly echoes?: Uint8Array;
  /** Lines in the source text. */
  readonly lineCount: number;
  /** Whether tree-sitter had to recover from syntax errors (normal for fragments). */
  readonly hasErrors: boolean;
  /** Characters inside ERROR nodes (nested ones counted again): how much text recovery swallowed. */
  readonly errorChars: number;
  /**
   * For a text stream (text.ts): 1 for each word of a comment written after code on its line, an
   * annotation of that line, else 0. Absent for a code stream.
   */
  readonly annotations?: Uint8Array;
  /**
   * For a text stream: 1 for each word that is a specification's requirement keyword (RFC 2119's
   * MUST, SHALL, SHOULD, REQUIRED, RECOMMENDED, in capitals), else 0. Absent for a code stream.
   */
  readonly requirements?: Uint8Array;
  /** Where the source's comments and string literals are, for its text stream (text.ts); absent for a text stream itself. */
  readonly textSpans?: readonly TextSpan[];
}

/** Literal classes whose text a renaming keeps (TokenStream.keptLiteralClasses). */
const KEPT_LITERAL_CLASSES: readonly string[] = ["$num", "$re"];

/** TokenStream.literalClasses and keptLiteralClasses of a language, as both readers give them. */
export function literalClassHashes(
  definition: LanguageDefinition,
  hasher: TokenHasher,
): Pick<TokenStream, "literalClasses" | "keptLiteralClasses"> {
  return {
    literalClasses: Uint32Array.from(new Set(Object.values(definition.literalTypes)), (text) => hasher.hashToken(text)),
    keptLiteralClasses: Uint32Array.from(KEPT_LITERAL_CLASSES, (text) => hasher.hashToken(text)),
  };
}

/** Bits of a name word (TokenStream.names) that hold its characters, as charWeights counts them. */
const NAME_CHARS_BITS = 5;

/**
 * A name or literal as a 16-bit word: FNV-1a of its source text folded to 11 bits, above its
 * length capped at MAX_TOKEN_CHARS (so never 0, which means "not a name"). The length lets
 * matching count a match's characters on the indexed side (nameChars), where only these words are
 * stored: renaming `CONTINUE` to `v0` shortens the query, not the code it copied. Two different
 * names are equal one time in 2,048 when their lengths are, and equal names are all the words mean.
 */
export function nameHash(source: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  const stop = Math.min(end, start + NAME_HASH_CHARS);
  for (let i = start; i < stop; i++) {
    h ^= source.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return nameWord(h, end - start);
}

/** A name word from a name's running FNV-1a hash and its length in characters. */
function nameWord(h: number, length: number): number {
  const folded = (h ^ (h >>> 11) ^ (h >>> 22)) & 0x7ff;
  return (folded << NAME_CHARS_BITS) | Math.min(Math.max(length, 1), MAX_TOKEN_CHARS);
}

/**
 * The name word of a string literal: nameHash of its value as written between its quotes, the
 * quotes, a Python prefix and the backslashes before quote characters left out, so that `'\'inci'`
 * and `"'inci"` are one name. Formatters change a string's quotes (prettier's `singleQuote`,
 * black's double quotes) and never its value. Text with no quotes around it (JSX text, the rest of
 * a string a fragment begins inside) is hashed as written.
 */
export function stringNameHash(source: string, start: number, end: number): number {
  let open = start;
  let quote = source.charCodeAt(open);
  if (!isQuote(quote)) {
    // A prefix of up to two letters (Python's r, b, f, rb, …) before the opening quote.
    while (open < start + 2 && open < end && isLetter(source.charCodeAt(open))) open++;
    quote = source.charCodeAt(open);
    if (open === start || !isQuote(quote) || source.charCodeAt(end - 1) !== quote) return nameHash(source, start, end);
  }
  const width = end - open >= 6 && source.charCodeAt(open + 1) === quote && source.charCodeAt(open + 2) === quote ? 3 : 1;
  const from = open + width;
  const to = end - width >= from && source.charCodeAt(end - 1) === quote ? end - width : end;
  let h = 0x811c9dc5;
  let length = 0;
  for (let i = from; i < to; i++) {
    const c = source.charCodeAt(i);
    if (c === 92 && i + 1 < to && isQuote(source.charCodeAt(i + 1))) continue;
    if (length < NAME_HASH_CHARS) {
      h ^= c;
      h = Math.imul(h, 0x01000193);
    }
    length++;
  }
  return nameWord(h, length + 2);
}

/** ', " or `. */
function isQuote(c: number): boolean {
  return c === 39 || c === 34 || c === 96;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The normalized characters of the token a name word (nameHash) was made from. */
export function nameChars(name: number): number {
  return name & ((1 << NAME_CHARS_BITS) - 1);
}
