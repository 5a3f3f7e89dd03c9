import { type Fingerprinter, textFingerprints } from "../fingerprint/fingerprint.js";
import { type Fingerprints, isShortStream } from "../fingerprint/winnow.js";
import type { LanguageDefinition } from "../languages/language.js";
import { beginsInsideTag, endOfNonBlankLines, firstCloserBeginsLine, firstDelimiterStandsAlone, lineAt, spanCut, startsWithDelimiter } from "../normalize/fragment.js";
import type { LexicalStart } from "../normalize/lexical.js";
import type { Normalizer } from "../normalize/normalizer.js";
import { textStream } from "../normalize/text.js";
import type { TokenStream } from "../normalize/token-stream.js";
import { type MatchOptions, PARTIAL_EVIDENCE_SHARE, PROSE_FROM_START_LINES } from "../options.js";
import { couldSeed, secondLookOptions, seedsNeeded } from "./lookup.js";
import type { MatchIndex } from "./match-index.js";
import { isLongQuery, textOptions } from "./rules.js";

/**
 * Where a query's text begins: anywhere (a fragment, whose readings the screen guesses), in code
 * (a whole file's start, or a long file's window that begins where the window before it has
 * code), or inside a span its closer ends (a window that begins inside a docstring).
 */
export type QueryStart = "fragment" | "code" | LexicalStart;

/** One channel of a query: its tokens (code) or words (prose), their fingerprints, whether they may yield a reference. */
export interface ChannelQuery {
  readonly tokens: TokenStream;
  readonly fingerprints: Fingerprints;
  readonly mayMatch: boolean;
  /** The distinct fingerprints that could seed (couldSeed), when the screen has judged them: the lookup need not ask again. */
  readonly seedable?: ReadonlySet<number>;
}

/** A query read by the lexer: its code channel (the fields) and its prose (`text`). */
export interface LexedQuery extends ChannelQuery {
  readonly text: ChannelQuery;
  /** Every reading of the fragment (the chosen one among them), for a second look. */
  readonly readings: readonly TokenStream[];
  /** A reading is short (SHORT_QUERY_WINDOWS): found nothing, the query deserves a second look with its ends. */
  readonly short: boolean;
}

/**
 * The miss path. Most suggestions match nothing. A reference needs a file hit by at least
 * minSeeds distinct fingerprints of the query that are rare enough to seed (couldSeed,
 * seedsNeeded); the screen asks that of the query as the lexer reads it, from the in-memory filter
 * and common table and one point lookup per candidate (its posting list's contents), and a query no
 * file can answer is given "no references" before any occurrence is decoded or token chunk read.
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

  /** False when `code` cannot yield a reference under `options` at its first look; true when it may. */
  mayMatch(code: string, language: LanguageDefinition, options: MatchOptions): boolean {
    return this.looks(code, language, options).first;
  }

  /**
   * Whether `code` may yield a reference at its first look, and, when it may not, at the second
   * look a short query is given (lexedQuery's `ends`); read and lexed once for both.
   */
  looks(code: string, language: LanguageDefinition, options: MatchOptions, start: QueryStart = "fragment"): { first: boolean; second: boolean } {
    // Without the in-memory filter every absent hash is an SQLite read, and the screen no cheaper than parsing.
    if (!this.index.answersAbsenceInMemory) return { first: true, second: true };
    const readings = [...this.readings(code, language, start)];
    for (const tokens of readings) {
      const judged = this.judge(tokens, options, false);
      if (judged.mayYield) return { first: true, second: true };
      const text = this.judgeText(code, tokens, language, options, false);
      if (text.mayYield || (isLongQuery(tokens.count) && this.together(judged, text, options))) return { first: true, second: true };
    }
    for (const tokens of readings) {
      if (!isShortStream(tokens.count, this.fingerprinter.parameters)) continue;
      const judged = this.judge(tokens, options, true);
      const text = this.judgeText(code, tokens, language, options, true);
      if (judged.mayYield || text.mayYield || this.together(judged, text, options)) return { first: false, second: true };
    }
    return { first: false, second: false };
  }

  /**
   * The query as the lexer reads it, for matching without parsing (OpenOptions.queryReading):
   * of its readings, the one that may yield a reference with the most candidate seeds, and
   * whether any may.
   *
   * `start`: where the code begins, when known (QueryStart). With `ends` (given the readings of the
   * first look), the second look at a short query the first found nothing in: its fingerprints
   * include every k-gram at its ends (winnowQuery), and a content holding seeds of both channels
   * is matched in both, a channel's short regions evidence to add to the other's (SHORT_QUERY_WINDOWS).
   */
  lexedQuery(
    code: string,
    language: LanguageDefinition,
    options: MatchOptions,
    { start = "fragment", ends }: { readonly start?: QueryStart; readonly ends?: { readonly readings: readonly TokenStream[] } } = {},
  ): LexedQuery {
    let best: LexedQuery | undefined;
    let bestSeeds = -1;
    const unscreened = !this.index.answersAbsenceInMemory;
    const readings = ends?.readings ?? [...this.readings(code, language, start)];
    const short = readings.some((reading) => isShortStream(reading.count, this.fingerprinter.parameters));
    for (const tokens of readings) {
      const codeSeeds = this.codeSeeds(tokens, options, ends !== undefined);
      const proseSeeds = this.proseSeeds(code, tokens, language, options, ends !== undefined);
      // A later reading is chosen only with more seeds than the best so far, and it has no more than
      // its candidates: with too few, whether it may yield (the index's reads) is not asked.
      if (best && codeSeeds.candidates.size + proseSeeds.candidates.size <= bestSeeds) continue;
      const judged = this.yielding(codeSeeds);
      const text = { ...this.yielding(proseSeeds), tokens: proseSeeds.tokens };
      // The channels' seeds are pooled with a channel that yields alone, and in a second look or
      // a long query with any (tracker.ts matchChannels).
      const poolAll = ends !== undefined || isLongQuery(tokens.count);
      const together = judged.mayYield || text.mayYield || (poolAll && this.together(judged, text, options));
      const codeMay = judged.mayYield || (together && judged.candidates.size > 0);
      const textMay = text.mayYield || (together && text.candidates.size > 0);
      // The reading with the most seeds in the channels that may yield: a doc comment's example read
      // as code may hold a seed or two, read as prose it holds many.
      const seeds = codeMay || textMay ? (codeMay ? judged.candidates.size : 0) + (textMay ? text.candidates.size : 0) : -1;
      if (!best || seeds > bestSeeds) {
        best = {
          tokens,
          fingerprints: judged.fingerprints,
          mayMatch: codeMay || unscreened,
          seedable: judged.candidates,
          text: { tokens: text.tokens, fingerprints: text.fingerprints, mayMatch: textMay || unscreened, seedable: text.candidates },
          readings,
          short,
        };
        bestSeeds = seeds;
      }
    }
    return best!;
  }

  /** The prose of a reading (normalize/text.ts), and whether it may yield a reference of text. */
  judgeText(
    code: string,
    tokens: TokenStream,
    language: LanguageDefinition,
    options: MatchOptions,
    ends = false,
  ): ChannelJudgement & { tokens: TokenStream } {
    const seeds = this.proseSeeds(code, tokens, language, options, ends);
    return { ...this.yielding(seeds), tokens: seeds.tokens };
  }

  /** A reading's prose (normalize/text.ts), its fingerprints and those that could seed. */
  private proseSeeds(code: string, tokens: TokenStream, language: LanguageDefinition, options: MatchOptions, ends: boolean): ChannelSeeds & { tokens: TokenStream } {
    const spans = tokens.textSpans ?? [];
    // Prose shorter than the least a text region counts for cannot be evidence: no words to hash.
    let prose = 0;
    for (const span of spans) prose += span.end - span.start;
    const text = textStream(code, prose >= PARTIAL_EVIDENCE_SHARE * options.minTextChars ? spans : [], language);
    const fingerprints = textFingerprints(text, ends);
    const textOptionsOf = textOptions(options);
    return { tokens: text, fingerprints, options: textOptionsOf, candidates: this.seedable(fingerprints, textOptionsOf) };
  }

  /**
   * The fragment as read from its start, and, when it may begin inside a multi-line string or
   * comment, from inside it (before the plain reading when a closer comes before any opener, and
   * instead of it when that closer begins its line): when the delimiters say so, or when an even
   * count of a symmetric one (cut inside a docstring at both ends) follows text the plain reading
   * read as prose; and, in TSX or JSX whose first line is an opening tag's, from inside that tag.
   * Code whose start is known (QueryStart) is read from there only.
   */
  private *readings(code: string, language: LanguageDefinition, start: QueryStart): Generator<TokenStream> {
    if (start !== "fragment") {
      yield this.normalizer.lex(code, language, start === "code" ? undefined : start);
      return;
    }
    // A closer with no opener before it (`*/` first) says the fragment begins inside a comment: that
    // reading comes first, so it is kept when the plain one has no more seeds (a license header's
    // words read as code add none). A closer beginning its line ends a comment for certain, and
    // then the plain reading, the comment's words as code, is not offered at all: read so, they can
    // still hit some indexed file's shapes and outnumber the code's own seeds.
    const closedFirst = language.spanningDelimiters.find(([open, close]) => open !== close && spanCut(code, open, close) === "inside");
    if (closedFirst) yield this.normalizer.lex(code, language, { insideOf: closedFirst[1] });
    const plain = this.normalizer.lex(code, language);
    if (!closedFirst || !firstCloserBeginsLine(code, closedFirst[1])) yield plain;
    for (const delimiters of language.spanningDelimiters) {
      if (delimiters === closedFirst) continue;
      const [open, close] = delimiters;
      const cut = spanCut(code, open, close);
      const inside =
        cut === "inside" ||
        // Cut inside spans at both ends: prose before the first delimiter, or the fragment begins
        // with one or its line holds nothing else (a docstring's closing line, as likely as an
        // opening one, and the code examples a docstring ends with read as code).
        (cut === "inside if prose comes first" &&
          (plain.firstProseLine <= lineAt(code, code.indexOf(open)) || startsWithDelimiter(code, open) || firstDelimiterStandsAlone(code, open))) ||
        // No delimiter at all, and prose from the start, or a line only such spans hold: the
        // fragment may lie wholly inside a docstring or doc comment.
        (cut === "outside" &&
          !code.includes(open) &&
          !code.includes(close) &&
          (plain.firstProseLine <= lineAt(code, endOfNonBlankLines(code, PROSE_FROM_START_LINES)) || startsInside(code, language, close)));
      if (inside) yield this.normalizer.lex(code, language, { insideOf: close });
    }
    // Cut among a JSX element's attributes, the plain reading takes them for assignments and the
    // element's children that follow for code.
    if (language.lexicon.jsx === true && beginsInsideTag(code)) yield this.normalizer.lex(code, language, { insideTag: true });
  }

  /**
   * Whether some indexed file holds minSeeds of the fingerprints that could seed. Decided in
   * memory when fewer than that could (most misses), else by one point lookup per candidate:
   * reading every posting list as collectHits does would cost more than parsing.
   */
  private judge(tokens: TokenStream, options: MatchOptions, ends: boolean): ChannelJudgement {
    return this.yielding(this.codeSeeds(tokens, options, ends));
  }

  /** A reading's code fingerprints and those that could seed. */
  private codeSeeds(tokens: TokenStream, options: MatchOptions, ends: boolean): ChannelSeeds {
    const fingerprints = this.fingerprinter.fingerprint(tokens, ends);
    // A second look at a table asks one seed of it (lookup.ts secondLookOptions).
    const seedOptions = ends ? secondLookOptions(tokens, fingerprints, options) : options;
    return { fingerprints, options: seedOptions, candidates: this.seedable(fingerprints, seedOptions) };
  }

  private seedable(fingerprints: Fingerprints, options: MatchOptions): ReadonlySet<number> {
    const seeds = new Set<number>();
    for (const hash of fingerprints.hashes) if (couldSeed(hash, this.index, options)) seeds.add(hash);
    return seeds;
  }

  /** Whether some content holds enough of the candidates: in memory when too few could seed, else read. */
  private yielding({ fingerprints, options, candidates }: ChannelSeeds): ChannelJudgement {
    const needed = seedsNeeded(options);
    const mayYield = candidates.size >= needed && (needed === 1 || this.index.someContentHolds([...candidates], needed));
    return { fingerprints, candidates, mayYield };
  }

  /**
   * Whether some content holds minSeeds of the two channels' candidate seeds together, at least
   * one of each (a code and a prose fingerprint side by side are two seeds: combine.ts). Code and
   * prose hashes are salted apart, so counting distinct hashes counts both.
   */
  private together(code: ChannelJudgement, text: ChannelJudgement, options: MatchOptions): boolean {
    const needed = seedsNeeded(options);
    if (code.candidates.size === 0 || text.candidates.size === 0 || code.candidates.size + text.candidates.size < needed) return false;
    return this.index.someContentHolds([...code.candidates, ...text.candidates], needed);
  }
}

/** One channel of a reading: its fingerprints, those that could seed, and the options they were judged under. */
interface ChannelSeeds {
  readonly fingerprints: Fingerprints;
  readonly options: MatchOptions;
  /** The distinct fingerprints that could seed (couldSeed). */
  readonly candidates: ReadonlySet<number>;
}

/** One channel of a reading, screened: its seeds, and whether some content holds enough of them. */
interface ChannelJudgement extends Omit<ChannelSeeds, "options"> {
  readonly mayYield: boolean;
}

/** Whether the fragment's first non-blank line is one only a span closed by `closer` holds (LanguageDefinition.insideSpanLines). */
function startsInside(code: string, language: LanguageDefinition, closer: string): boolean {
  const first = /^(?:[ \t]*\r?\n)*([^\n]*)/.exec(code)![1]!;
  return (language.insideSpanLines ?? []).some((hint) => hint.closer === closer && hint.line.test(first));
}
