import type { Fingerprinter } from "../fingerprint/fingerprint.js";
import type { Fingerprints } from "../fingerprint/winnow.js";
import type { LanguageDefinition } from "../languages/language.js";
import { lineAt, spanCut } from "../normalize/fragment.js";
import type { Normalizer } from "../normalize/normalizer.js";
import type { TokenStream } from "../normalize/token-stream.js";
import type { MatchOptions } from "../options.js";
import { couldSeed, seedsNeeded } from "./lookup.js";
import type { MatchIndex } from "./match-index.js";

/** A query read by the lexer: its tokens and fingerprints, and whether it may yield a reference. */
export interface LexedQuery {
  readonly tokens: TokenStream;
  readonly fingerprints: Fingerprints;
  readonly mayMatch: boolean;
}

/**
 * The miss path. Most suggestions match nothing. A reference needs a file hit by at least
 * minSeeds distinct fingerprints of the query that are rare enough to seed (couldSeed,
 * seedsNeeded); the screen asks that of the query as the lexer reads it, from the in-memory filter
 * and common table and one point lookup per candidate, and a query no file can answer is given
 * "no references" before any posting list or token chunk is read.
 *
 * Queries read by the lexer (the default) are matched on those very tokens, so for them the screen
 * is exact. For queries parsed by tree-sitter it is a guess in front of the parse: the lexer agrees
 * with the indexed files' own tokens on nearly every k-gram and winnowing is local, so a copy keeps
 * its seeds unless the lexer misreads a token in every window that selects one; bench/QUALITY.md
 * counts parsed queries whose references the screen changes.
 */
export class MissScreen {
  constructor(
    private readonly index: MatchIndex,
    private readonly normalizer: Normalizer,
    /** The screen's own: it fingerprints what it reads (see Fingerprinter). */
    private readonly fingerprinter: Fingerprinter,
  ) {}

  /** False when `code` cannot yield a reference under `options`; true when it may. */
  mayMatch(code: string, language: LanguageDefinition, options: MatchOptions): boolean {
    // Without the in-memory filter every absent hash is an SQLite read, and the screen no cheaper than parsing.
    if (!this.index.answersAbsenceInMemory) return true;
    for (const tokens of this.readings(code, language)) {
      if (this.judge(tokens, options).mayYield) return true;
    }
    return false;
  }

  /**
   * The query as the lexer reads it, for matching without parsing (OpenOptions.queryReading):
   * of its readings, the one that may yield a reference with the most candidate seeds, and
   * whether any may.
   */
  lexedQuery(code: string, language: LanguageDefinition, options: MatchOptions): LexedQuery {
    let best: LexedQuery | undefined;
    let bestSeeds = -1;
    for (const tokens of this.readings(code, language)) {
      const judged = this.judge(tokens, options);
      const seeds = judged.mayYield ? judged.seeds : -1;
      if (!best || seeds > bestSeeds) {
        best = { tokens, fingerprints: judged.fingerprints, mayMatch: judged.mayYield || !this.index.answersAbsenceInMemory };
        bestSeeds = seeds;
      }
    }
    return best!;
  }

  /**
   * The fragment as read from its start, and, when it may begin inside a multi-line string or
   * comment, from inside it: when the delimiters say so, or when an even count of a symmetric one
   * (cut inside a docstring at both ends) follows text the plain reading read as prose.
   */
  private *readings(code: string, language: LanguageDefinition): Generator<TokenStream> {
    const plain = this.normalizer.lex(code, language);
    yield plain;
    for (const [open, close] of language.spanningDelimiters) {
      const cut = spanCut(code, open, close);
      const inside = cut === "inside" || (cut === "inside if prose comes first" && plain.firstProseLine <= lineAt(code, code.indexOf(open)));
      if (inside) yield this.normalizer.lex(code, language, { insideOf: close });
    }
  }

  /**
   * Whether some indexed file holds minSeeds of the fingerprints that could seed. Decided in
   * memory when fewer than that could (most misses), else by one point lookup per candidate:
   * reading every posting list as collectHits does would cost more than parsing.
   */
  private judge(tokens: TokenStream, options: MatchOptions): { fingerprints: Fingerprints; seeds: number; mayYield: boolean } {
    const fingerprints = this.fingerprinter.fingerprint(tokens);
    const seeds = new Set<number>();
    for (const hash of fingerprints.hashes) if (couldSeed(hash, this.index, options)) seeds.add(hash);
    const needed = seedsNeeded(options);
    const mayYield = seeds.size >= needed && (needed === 1 || this.index.someContentHolds([...seeds], needed));
    return { fingerprints, seeds: seeds.size, mayYield };
  }
}
