import { ReftrackError } from "./errors.js";
import { DEFAULT_FINGERPRINT_PARAMETERS, type FingerprintParameters, fingerprint } from "./fingerprint/fingerprint.js";
import { type TokenHasher, loadTokenHasher } from "./hashing.js";
import { IndexReader, currentIndexParameters } from "./index/store.js";
import type { LanguageDefinition, LanguageName } from "./languages/language.js";
import { languageByName, languageForPath } from "./languages/registry.js";
import { DEFAULT_MATCH_OPTIONS, type MatchOptions, type Reference, findReferences } from "./match/match.js";
import { MissScreen } from "./match/screen.js";
import { Normalizer } from "./normalize/normalize.js";

/** Say which language the code is in, by name or by a file path whose extension decides. */
export type MatchTarget = ({ language: LanguageName; path?: string } | { path: string; language?: LanguageName }) & Partial<MatchOptions>;

export interface MatchResult {
  readonly language: LanguageName;
  readonly references: Reference[];
}

export interface OpenOptions {
  readonly fingerprinting?: FingerprintParameters;
  /** Answer absent fingerprints from the index's in-memory filter (default true). */
  readonly useFilter?: boolean;
  /**
   * Answer queries that no indexed file can match before reading any posting list (match/screen.ts;
   * default true). Off only to measure what it saves, and, for parsed queries, what it turns away.
   */
  readonly screen?: boolean;
  /**
   * How queries are read: "lexed" (default) by the lexer that reads tree-sitter's tokens without a
   * parser (normalize/lexical.ts), or "parsed" by tree-sitter. The index is always parsed. A query is
   * a fragment, which tree-sitter parses with errors; the lexer reproduces the file's own tokens more
   * often (bench/QUALITY.md: verbatim copies found 99.0% against 97.8%, near-misses 87.5% against
   * 85.0%, at the same false positives) and costs a tenth of a parse.
   */
  readonly queryReading?: "parsed" | "lexed";
}

/**
 * The library entry point: open an index once, then `match` code synchronously, as often as a
 * suggestion pipeline needs. Code passed to `match` is only held for the duration of the call.
 */
export class ReferenceTracker {
  private constructor(
    private readonly reader: IndexReader,
    private readonly normalizer: Normalizer,
    private readonly fingerprinting: FingerprintParameters,
    private readonly screen: MissScreen,
    private readonly screening: boolean,
    private readonly lexed: boolean,
  ) {}

  static async open(dbPath: string, options: OpenOptions = {}): Promise<ReferenceTracker> {
    const fingerprinting = options.fingerprinting ?? DEFAULT_FINGERPRINT_PARAMETERS;
    const hasher: TokenHasher = await loadTokenHasher();
    const reader = IndexReader.open(dbPath, currentIndexParameters(fingerprinting), { useFilter: options.useFilter ?? true });
    const normalizer = new Normalizer(hasher);
    const screen = new MissScreen(reader, normalizer, fingerprinting);
    return new ReferenceTracker(reader, normalizer, fingerprinting, screen, options.screen !== false, options.queryReading !== "parsed");
  }

  match(code: string, target: MatchTarget): MatchResult {
    if (typeof code !== "string") throw new ReftrackError("match() expects the code as a string");
    const language = resolveLanguage(target);
    const options = resolveMatchOptions(target);
    const none: MatchResult = { language: language.name, references: [] };
    if (this.lexed) {
      const query = this.screen.lexedQuery(code, language, options);
      if (this.screening && !query.mayMatch) return none;
      return { language: language.name, references: findReferences(query.tokens, query.fingerprints, this.reader, this.fingerprinting, options) };
    }
    if (this.screening && !this.screen.mayMatch(code, language, options)) return none;
    const tokens = this.normalizer.normalize(code, language);
    const prints = fingerprint(tokens, this.fingerprinting);
    return { language: language.name, references: findReferences(tokens, prints, this.reader, this.fingerprinting, options) };
  }

  close(): void {
    this.reader.close();
  }
}

/** Defaults filled in; a bad value is the caller's error, told in one line, not a crash later. */
function resolveMatchOptions(target: Partial<MatchOptions>): MatchOptions {
  const options: { -readonly [K in keyof MatchOptions]: MatchOptions[K] } = { ...DEFAULT_MATCH_OPTIONS };
  for (const key of Object.keys(DEFAULT_MATCH_OPTIONS) as (keyof MatchOptions)[]) {
    const value = target[key];
    if (value === undefined) continue;
    if (typeof value !== "number" || Number.isNaN(value) || value < 0) {
      throw new ReftrackError(`match option ${key} must be a number ≥ 0, got ${String(value)}`);
    }
    options[key] = value;
  }
  return options;
}

function resolveLanguage(target: MatchTarget): LanguageDefinition {
  if (target.language) return languageByName(target.language);
  if (target.path) {
    const language = languageForPath(target.path);
    if (!language) throw new ReftrackError(`cannot tell the language of ${target.path} from its extension`);
    return language;
  }
  throw new ReftrackError("match() needs { language } or { path }");
}
