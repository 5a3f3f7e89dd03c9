import { ReftrackError } from "../errors.js";
import type { MatchIndex, TokenChunk } from "./match-index.js";

/**
 * One indexed content's token stream as alignment reads it: signatures, names and lines, a chunk
 * at a time on demand, within one query.
 */
export class SourceTokens {
  /**
   * Chunks read so far, within this query, but the last (lastChunk): made when a second is read,
   * since most contents a query aligns need one chunk.
   */
  private chunks: Map<number, TokenChunk | null> | undefined;
  private readonly perChunk: number;
  // Extension walks token by token, nearly always within one chunk: the last one is remembered.
  private lastIndex = -1;
  private lastChunk: TokenChunk | null = null;
  /** Chunks from here on do not exist: a chunk shorter than perChunk was the content's last. */
  private endIndex = Infinity;

  /**
   * `codeMayBeEmpty`: the content is read for its code beside its prose (annotations.ts), and a
   * file of prose alone has none; any other content aligned has its first chunk.
   */
  constructor(
    private readonly index: MatchIndex,
    private readonly contentId: number,
    private readonly codeMayBeEmpty = false,
  ) {
    this.perChunk = index.tokensPerChunk;
  }

  private chunkAt(position: number): TokenChunk | null {
    const index = Math.floor(position / this.perChunk);
    if (index === this.lastIndex) return this.lastChunk;
    // Past the content's end (a bridge probes there): no read needed to know there is nothing.
    if (index >= this.endIndex) return null;
    if (this.lastIndex !== -1) (this.chunks ??= new Map()).set(this.lastIndex, this.lastChunk);
    let chunk = this.chunks?.get(index);
    if (chunk === undefined) {
      chunk = this.index.tokenChunk(this.contentId, index) ?? null;
      // Every content with tokens has a first chunk: without it the index cannot align, and must say so.
      if (chunk === null && index === 0 && !this.codeMayBeEmpty) throw new ReftrackError(`index is damaged: the tokens of content ${this.contentId} are missing; rebuild it with \`reftrack index --repair\``);
    }
    if (chunk && chunk.signatures.length < this.perChunk) this.endIndex = Math.min(this.endIndex, index + 1);
    this.lastIndex = index;
    this.lastChunk = chunk;
    return chunk;
  }

  /**
   * How many tokens from (q, s) on, at most `limit`, have the query's signatures: read chunk by
   * chunk rather than token by token, since extension is the inner loop of alignment.
   */
  matchingAfter(query: Uint8Array, q: number, s: number, limit: number): number {
    let matched = 0;
    while (matched < limit) {
      const chunk = this.chunkAt(s + matched);
      if (!chunk) return matched;
      const signatures = chunk.signatures;
      let offset = (s + matched) % this.perChunk;
      while (matched < limit && offset < signatures.length) {
        if (signatures[offset] !== query[q + matched]) return matched;
        matched++;
        offset++;
      }
      // A chunk shorter than perChunk is the content's last.
      if (offset < this.perChunk) return matched;
    }
    return matched;
  }

  /** How many tokens just before (q, s), going back, have the query's signatures. */
  matchingBefore(query: Uint8Array, q: number, s: number): number {
    let matched = 0;
    while (q - matched > 0 && s - matched > 0) {
      const position = s - matched - 1;
      const chunk = this.chunkAt(position);
      if (!chunk) return matched;
      const signatures = chunk.signatures;
      let offset = position % this.perChunk;
      if (offset >= signatures.length) return matched;
      while (offset >= 0 && q - matched > 0) {
        if (signatures[offset] !== query[q - matched - 1]) return matched;
        matched++;
        offset--;
      }
    }
    return matched;
  }

  /**
   * The content's length in tokens once alignment has read its last chunk (one shorter than
   * perChunk), else undefined: most contents a query reports fit in their first chunk.
   */
  knownLength(): number | undefined {
    if (this.endIndex === Infinity) return undefined;
    const last = this.endIndex - 1;
    const chunk = last === this.lastIndex ? this.lastChunk : this.chunks?.get(last);
    return chunk ? last * this.perChunk + chunk.signatures.length : undefined;
  }

  /** The signature of the token at `position`, or -1 past the content's end. */
  signatureAt(position: number): number {
    const chunk = this.chunkAt(position);
    const offset = position % this.perChunk;
    return chunk && offset < chunk.signatures.length ? chunk.signatures[offset]! : -1;
  }

  startLine(position: number): number {
    return this.chunkAt(position)?.startLine(position % this.perChunk) ?? 0;
  }

  /**
   * The first token starting on `line` or later (the content's length if none), searched from
   * `from` on when the token before `from` starts before `line`, else from the start: each chunk
   * passed over is asked once (TokenChunk.firstTokenFrom), not probed token by token.
   */
  firstTokenFrom(line: number, from: number): number {
    const start = from > 0 && this.startLine(from - 1) < line ? from : 0;
    for (let index = Math.floor(start / this.perChunk); ; index++) {
      const base = index * this.perChunk;
      const chunk = this.chunkAt(base);
      if (!chunk) return base;
      const within = chunk.firstTokenFrom(line);
      // A chunk shorter than perChunk is the content's last.
      if (within < chunk.signatures.length || chunk.signatures.length < this.perChunk) return base + within;
    }
  }

  endLine(position: number): number {
    return this.chunkAt(position)?.endLine(position % this.perChunk) ?? 0;
  }

  name(position: number): number {
    return this.chunkAt(position)?.name(position % this.perChunk) ?? 0;
  }
}
