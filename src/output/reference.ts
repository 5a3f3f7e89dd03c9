import type { LicenseProvenance } from "../store/records.js";

/** Why a reference was reported, in figures a reviewer can check. */
export interface ReferenceExplanation {
  /**
   * What it rests on: "code" (tokens with names abstracted, so renamed copies count), "text"
   * (identical prose: comments, docstrings, long strings) or "code and text".
   */
  readonly basis: "code" | "text" | "code and text";
  /** Characters of identical prose matched (white space and comment markers aside); 0 on code alone. */
  readonly textChars: number;
  /** Distinct query fingerprints that hit this file inside the region. */
  readonly seedFingerprints: number;
  /** Mean number of indexed files each seed occurs in (1 = unique to this file). */
  readonly meanSeedFileFrequency: number;
  /** Normalized characters of code in the query covered by the matched segments; 0 on text alone. */
  readonly matchedChars: number;
  /**
   * The same on the indexed side: each identifier and literal at its indexed length, every other
   * token as in the query (the two are the same token there).
   */
  readonly sourceMatchedChars: number;
  /** matchedTokens / tokens of the query (of text alone: / words of the query's prose). */
  readonly queryCoverage: number;
  /** Source tokens the match covers / tokens of the source file (of text alone: words of its prose). */
  readonly sourceCoverage: number;
  /** Share of distinct k-grams among the matched ones (1 = no repetition). */
  readonly distinctKgramShare: number;
  /**
   * Of the repeated identifier occurrences aligned between the two sides, the share that keeps
   * to one consistent one-to-one renaming (1 = unchanged or consistently renamed).
   */
  readonly nameConsistency: number;
  /** How many of those repeats there were: the evidence nameConsistency rests on. */
  readonly nameRepeats: number;
  /** Of the aligned identifiers, the share with the very same text on both sides (1 = names unchanged). */
  readonly sameNameShare: number;
  /**
   * Of the aligned literals (strings, numbers), the share with the very same text on both sides
   * (1 when there are none). Not a filter: it ranks look-alike files, the one whose data was copied first.
   */
  readonly sameLiteralShare: number;
  /**
   * Normalized characters of the longest run of the matched code in which every name and literal
   * is the very same text on both sides: code copied as written, not renamed (0 for prose alone,
   * matched only where its words are the same: textChars).
   */
  readonly identicalChars: number;
}

/** One place the matched code occurs in the index. */
export interface Origin {
  /** Name of the corpus source (from the manifest). */
  readonly source: string;
  readonly repository: string | null;
  readonly revision: string | null;
  /** File path inside the source. */
  readonly path: string;
  /** SPDX license expression (or NOASSERTION) of this file. */
  readonly license: string;
  /** Where that license came from: manifest, file-header, declared, license-file or none. */
  readonly licenseProvenance: LicenseProvenance;
  /** Link to the exact lines where the host is known, else the repository URL, else null. */
  readonly url: string | null;
}

export interface Reference extends Origin {
  /**
   * Every file with exactly this content, the origin above first (vendored copies, forks, cjs/esm
   * twins); the fields above repeat the first one.
   */
  readonly origins: readonly Origin[];
  /** True when the origins' licenses differ: which one applies needs a person's judgement. */
  readonly licenseConflict: boolean;
  /** 1-based inclusive line range in the indexed file. */
  readonly sourceLines: [number, number];
  /** 1-based inclusive line range in the query. */
  readonly queryLines: [number, number];
  /**
   * Where a reference begins or ends on a long line (minified code, where one line holds a whole
   * library; longer than MINIFIED_AVERAGE_LINE_LENGTH): the 1-based column it starts at on its
   * first query line and the column of its last character on its last (inclusive). Absent where
   * the lines say enough.
   */
  readonly queryColumns?: [number, number];
  /**
   * Query tokens covered by token-for-token matching segments; for a reference of text alone
   * (explanation.basis "text"), words of prose.
   */
  readonly matchedTokens: number;
  /** Share of the query's tokens this reference covers, 0–1 (of text alone: of the query's prose words). */
  readonly similarity: number;
  /**
   * References whose query ranges overlap share a group number (1 = the best-matching group):
   * one piece of code found in several indexed files is one group with several origins.
   */
  readonly group: number;
  readonly explanation: ReferenceExplanation;
}

/** What a reference's matchedTokens count, for printers: "44 tokens", or "120 words of prose" for text alone. */
export function matchedAmount(reference: Pick<Reference, "matchedTokens" | "explanation">): string {
  return reference.explanation.basis === "text" ? `${reference.matchedTokens} words of prose` : `${reference.matchedTokens} tokens`;
}
