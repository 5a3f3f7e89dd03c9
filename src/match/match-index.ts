/**
 * What matching needs from an index, owned by matching: the SQLite store implements it
 * (store/reader.ts), tests implement it in memory. Nothing here says how anything is stored.
 */

/**
 * An occurrence of a fingerprint — the content (distinct indexed file text) it is in and the
 * position of its k-gram's first token — packed in one number: content · POSITION_SPAN + position.
 * Lookups return one number per occurrence rather than a pair, since a query reads thousands.
 * Exact for content ids below 2^27; an index stores no position at or past POSITION_SPAN.
 */
export const POSITION_SPAN = 2 ** 26;

/**
 * A content's text tokens (the words of its prose, normalize/text.ts) are at positions from here
 * on: one position space, so a text fingerprint's occurrence, and the chunks its extension reads,
 * are addressed as a code token's are. Code tokens stay below it.
 */
export const TEXT_POSITION_BASE = POSITION_SPAN / 2;

export function occurrence(content: number, position: number): number {
  return content * POSITION_SPAN + position;
}

export function occurrenceContent(packed: number): number {
  return Math.floor(packed / POSITION_SPAN);
}

export function occurrencePosition(packed: number): number {
  return packed % POSITION_SPAN;
}

/**
 * A token's signature as the index keeps it for every indexed token: the top 8 bits of its
 * normalized-token hash. Extension compares signatures, which also rejects 32-bit hash collisions
 * of a seed's k-gram.
 */
export function tokenSignature(tokenHash: number): number {
  return tokenHash >>> 24;
}

/** A stretch of an indexed content's token stream, as matching reads it. */
export interface TokenChunk {
  /** One signature per token of the chunk (tokenSignature). */
  readonly signatures: Uint8Array;
  /** Name word (TokenStream.names) of the token at `offset` within the chunk, 0 when it has none. */
  name(offset: number): number;
  /** 1-based line where the token at `offset` starts (0 past the chunk). */
  startLine(offset: number): number;
  /** 1-based line where the token at `offset` ends (0 past the chunk). */
  endLine(offset: number): number;
  /** The offset of the chunk's first token starting on `line` or later (the chunk's length if none). */
  firstTokenFrom(line: number): number;
}

export interface MatchIndex {
  /**
   * Whether absent hashes are answered in memory (a membership filter). Without it every probe is
   * a read, and the miss screen, which would cost as much as matching, steps aside.
   */
  readonly answersAbsenceInMemory: boolean;
  /** False only when `hash` is certainly not in the index. */
  mayContain(hash: number): boolean;
  /** In how many contents `hash` is, when the index lists it as common; undefined when it does not (few, or unknown). */
  commonContentCount(hash: number): number | undefined;
  /** In how many sources those contents are, for a hash listed as common; undefined otherwise. */
  commonSourceCount(hash: number): number | undefined;
  /**
   * The occurrences of `hash` (packed, see occurrence), ordered by content, then position; at
   * most `limit` (negative: all). A list cut by the limit is read only as "too many". Matching
   * asks this and someContentHolds only of hashes mayContain let through (lookup.ts couldSeed),
   * so an index need not ask its filter again: an absent hash is a read that finds nothing.
   */
  occurrences(hash: number, limit: number): number[];
  /** In how many sources the contents of one hash's occurrences are. */
  sourceCount(hash: number, occurrences: readonly number[]): number;
  /** Whether some content holds at least `atLeast` of the distinct `hashes`. */
  someContentHolds(hashes: readonly number[], atLeast: number): boolean;
  /** How many code tokens a content has. */
  contentTokens(contentId: number): number;
  /** Tokens per chunk: chunk i of a content holds its tokens i·tokensPerChunk onwards. */
  readonly tokensPerChunk: number;
  /** One chunk of a content's token stream; undefined past its end. */
  tokenChunk(contentId: number, chunkIndex: number): TokenChunk | undefined;
}
