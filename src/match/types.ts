/**
 * The matcher's data, from seed to result. Each stage makes its own immutable record; nothing is
 * half-filled and completed later.
 */

/** One run of tokens matching token for token: [start, end) in the query and in an indexed content. */
export interface Segment {
  readonly queryStart: number;
  readonly queryEnd: number;
  readonly sourceStart: number;
  readonly sourceEnd: number;
}

/** Seeds of one content, the lookup stage's output: parallel arrays, one entry per hit. */
export interface FileHits {
  readonly queryPositions: Int32Array;
  readonly sourcePositions: Int32Array;
  /** As the query's fingerprints give them (Fingerprints.hashes). */
  readonly hashes: Int32Array;
  /** In how many contents each hit's fingerprint is. */
  readonly frequencies: Int32Array;
}

/** Seeds grouped by indexed content. */
export type HitsByFile = Map<number, FileHits>;

/**
 * A chain of segments in one content, long enough to be a reference if the rules agree: the
 * figures chaining measures, which bound what the rules may find.
 */
export interface Candidate {
  /** The indexed content (one per distinct file text) the candidate lies in. */
  readonly contentId: number;
  /** In query order; overlapping ones are clipped when counted, so no query token counts twice. */
  readonly segments: readonly Segment[];
  /** Query tokens covered. */
  readonly matchedTokens: number;
  /** Normalized characters of those tokens in the query. */
  readonly matchedChars: number;
  /**
   * The same on the indexed side, when chaining measured it: a candidate short in the query is
   * kept only when it is long enough there. Null when the query side sufficed.
   */
  readonly sourceMatchedChars: number | null;
  /** Query literals covered: the most its identical literals can be, before the names are compared. */
  readonly literalTokens: number;
  /** Distinct query fingerprints that hit this content inside the candidate. */
  readonly seeds: number;
  /** Of those, seeds the query holds only as k-grams at its ends (Fingerprints.edgeOnly). */
  readonly edgeSeeds: number;
  /**
   * For a region short of minSeeds alone: the other channel's seeds in the same content, which it
   * is judged with (the region is then incomplete: reported only beside that channel's). Else 0.
   */
  readonly borrowedSeeds: number;
  /** Sum over those seeds of the contents each is in. */
  readonly frequencySum: number;
  /** Contents the rarest seed is in: above maxFileFrequency, every seed is a project's repetition. */
  readonly rarestSeedFrequency: number;
  /**
   * Long enough on its own (minMatchedChars). A shorter one is kept only when asked for partial
   * evidence, to be reported with the other channel's evidence beside it (combine.ts).
   */
  readonly complete: boolean;
  /**
   * Complete by a length a dangling first or last line may be part of (match-ends.ts): what the
   * reported lines leave out counts toward no threshold, so judging checks them (chain.ts
   * settleEnds) before the candidate is reported.
   */
  readonly endsToCheck: boolean;
}

/** How the names and literals behind a candidate's shape correspond, side by side. */
export interface NameComparison {
  /** Identifier occurrences aligned between the two sides (CONVENTIONAL_NAMES kept as they are left out). */
  readonly pairs: number;
  /** Distinct query-side names among those pairs. */
  readonly distinctNames: number;
  /** Distinct query-side names paired at least once with the very same name. */
  readonly distinctSameNames: number;
  /** Repeats of a name beyond its first pairing (the larger side's). */
  readonly repeats: number;
  /** Share of repeats keeping one partner, the smaller of the two directions (1 with no repeats). */
  readonly consistency: number;
  /** Share of pairs with the very same text (1 with no pairs, 0 with only conventional names). */
  readonly sameShare: number;
  readonly literalPairs: number;
  readonly sameLiterals: number;
  /** Whether the same literals are more than one value repeated (`= 0` line after line is any code's). */
  readonly sameLiteralsVary: boolean;
  /** Aligned numbers and regular expressions: the literals a renaming keeps. */
  readonly keptLiteralPairs: number;
  readonly sameKeptLiterals: number;
  /** Whether the same kept literals are more than one value repeated. */
  readonly sameKeptLiteralsVary: boolean;
  /**
   * Of the same numbers, small decimal integers (0…COUNTER_MAX) one more than the number just
   * before them: an enumeration's counter, which any run of `NAME = 0`, `NAME = 1`, … shares, so
   * no evidence that data was copied. So are powers of two each twice the number before them
   * (1, 2, 4, 8, …: a flag set's bits, FLAG_MAX_EXPONENT), and one-character strings each the
   * character after the last (`"(", ")", "*"`): the character set in its own order.
   */
  readonly sameCounterSteps: number;
  /** Of the same literals, those other than 0, 1 (however written) and the empty string: the flags and defaults every initializer writes. */
  readonly sameBeyondDefaults: number;
  /**
   * Of the same numbers, integers up to KEY_RANGE_MAX each one more than the number just before
   * them (sameCounterSteps among them): a table's keys over a range of byte values; and a flag
   * set's bits, each twice the number before.
   */
  readonly sameKeyRunSteps: number;
  /**
   * Of the same numbers, small integers (0…COUNTER_MAX) counting on from the number before them
   * in a fixed step, or repeating it once a step is set: a counter of any stride, as indexes
   * (`a[0]`, `a[1]`) or a binary layout's offsets (`h[4:8]`, `h[8:12]`) count, or powers of two
   * each twice the last, as a flag set's bits do. Any code over such a layout writes them, so they
   * show no identity.
   */
  readonly sameStrideSteps: number;
  /**
   * Normalized characters of the aligned literals that are other text, less one each (a literal's
   * class is one character of shape): what a data region's length owes to its shape alone.
   */
  readonly otherLiteralChars: number;
  /**
   * Normalized characters of the longest stretch in which every aligned name and literal is the
   * very same text on both sides: the run of identical code a reader would see.
   */
  readonly identicalRunChars: number;
}

/** What judging a candidate found, beyond what chaining measured. */
export interface Evidence {
  /** Of the k-grams the candidate covers in the query, the share that are distinct. */
  readonly distinctKgramShare: number;
  /**
   * Of the distinct k-grams the candidate covers, the share the query also holds elsewhere: a shape
   * it repeats. Measured only where the rule reading it may apply (rules.ts mayRecur), else 0.
   */
  readonly recurringKgramShare: number;
  /**
   * Whether the candidate's query span is declarations only (normalize/declarations.ts). Asked only
   * where the rule reading it may apply (rules.ts mayBeDeclarations), else false.
   */
  readonly declarationsOnly: boolean;
  /** Whether those declarations are function signatures alone (no type alias or interface among them). */
  readonly signaturesOnly: boolean;
  /** For a text candidate, the requirement keywords its query span holds (TokenStream.requirements); 0 for code. */
  readonly requirementWords: number;
  /** For a code candidate, the query characters it covers in echo statements (TokenStream.echoes); 0 for text. */
  readonly echoChars: number;
  readonly names: NameComparison;
}

/** A candidate the rules accepted, placed among the others. */
export interface Judged {
  readonly candidate: Candidate;
  readonly evidence: Evidence;
  /** First and last query token covered. */
  readonly queryRange: readonly [number, number];
  /** 0-based: candidates whose query ranges overlap share a group. */
  readonly group: number;
}

/** What a match rests on: code tokens (names abstracted), identical prose, or both. */
export type MatchBasis = "code" | "text" | "code and text";

/** Why a match was reported, in figures a reviewer can check (ReferenceExplanation, but the indexed file's coverage). */
export interface MatchEvidence {
  readonly basis: MatchBasis;
  /** Characters of identical prose (comments, docstrings, long strings) matched; 0 on code alone. */
  readonly textChars: number;
  readonly seedFingerprints: number;
  readonly meanSeedFileFrequency: number;
  readonly matchedChars: number;
  readonly sourceMatchedChars: number;
  /**
   * Tokens of the indexed content the match covers (words, for text): what its coverage of the
   * indexed file counts. Not matchedTokens: look-alike rows can align two query rows with one source row.
   */
  readonly sourceMatchedTokens: number;
  readonly queryCoverage: number;
  readonly distinctKgramShare: number;
  readonly nameConsistency: number;
  readonly nameRepeats: number;
  readonly sameNameShare: number;
  readonly sameLiteralShare: number;
  readonly identicalChars: number;
}

/** The matcher's result: a stretch of the query found in an indexed content. */
export interface Match {
  readonly contentId: number;
  /** 1-based inclusive line range in the indexed content. */
  readonly sourceLines: [number, number];
  /** 1-based inclusive line range in the query. */
  readonly queryLines: [number, number];
  /**
   * Where the match lies in the query text, as character offsets [start, end), when the query's
   * reading recorded them (TokenStream.startOffsets): columns for a reference in one long line.
   */
  readonly queryOffsets?: readonly [number, number];
  readonly matchedTokens: number;
  /** Share of the query's tokens this match covers, 0–1. */
  readonly similarity: number;
  /** 1-based: matches whose query ranges overlap share a group (1 = the best). */
  readonly group: number;
  /** Long enough on its own; see Candidate.complete. */
  readonly complete: boolean;
  readonly evidence: MatchEvidence;
  /**
   * The indexed content's length in its channel's units (code tokens, or words of prose) when
   * alignment read as far as its end, so that the output stage need not look it up.
   */
  readonly sourceLength?: number;
}
