import { BRIDGE_MIN_TOKENS } from "../options.js";
import type { SourceTokens } from "./source-tokens.js";
import type { Segment } from "./types.js";

/** The query as a bridge reads it: each token's signature and lines. */
export interface BridgedQuery {
  readonly signatures: Uint8Array;
  readonly startLines: Uint32Array;
  readonly endLines: Uint32Array;
  /** Room for a flag per token, overwritten for each content. */
  readonly covered: Uint8Array;
}

/**
 * A chain continued past a statement added or left out at either end, so that a near-miss copy's
 * stretches either side of the edit are one region, not pieces too short to count (between its
 * segments, chaining already steps over such gaps). From the chain's end (or start), the offset
 * of at most maxGap tokens on one side where the longest run, of BRIDGE_MIN_TOKENS at least,
 * matches again (the nearest of equals), and on from there. The longest, not the nearest:
 * look-alike statements side by side (`if a: raise …` twice) offer a shorter run on the wrong
 * diagonal first. The tokens stepped over must end on a later line than they start (an edit of
 * lines, not a word skipped inside a look-alike line), and a bridge is sought only towards query
 * tokens no segment of the content covers: where all are covered (repetitive code, seeded all
 * along), it would only add look-alike runs.
 */
export class Bridges {
  private readonly covered: Uint8Array;
  private readonly length: number;

  constructor(
    private readonly query: BridgedQuery,
    private readonly source: SourceTokens,
    private readonly maxGap: number,
    segments: readonly Segment[],
  ) {
    this.length = query.signatures.length;
    this.covered = query.covered;
    this.covered.fill(0, 0, this.length);
    for (const segment of segments) this.covered.fill(1, segment.queryStart, segment.queryEnd);
  }

  /** Extends `chain` (in query order) in place at both ends. */
  extend(chain: Segment[]): void {
    const reach = this.maxGap + BRIDGE_MIN_TOKENS;
    for (let at = chain[chain.length - 1]!; this.uncovered(at.queryEnd, at.queryEnd + reach); ) {
      const next = this.after(at);
      if (!next) break;
      chain.push(next);
      at = next;
    }
    for (let at = chain[0]!; this.uncovered(at.queryStart - reach, at.queryStart); ) {
      const next = this.before(at);
      if (!next) break;
      chain.unshift(next);
      at = next;
    }
  }

  /** Whether the query's tokens from `from` to `to` hold a run's worth no segment covers. */
  private uncovered(from: number, to: number): boolean {
    let count = 0;
    for (let t = Math.max(0, from); t < Math.min(to, this.length); t++) count += 1 - this.covered[t]!;
    return count >= BRIDGE_MIN_TOKENS;
  }

  /** Whether the query's tokens from `from` to `to` (exclusive) step over a line break. */
  private queryLinesEdited(from: number, to: number): boolean {
    return from > 0 && this.query.startLines[to]! > this.query.endLines[from - 1]!;
  }

  private sourceLinesEdited(from: number, to: number): boolean {
    return from > 0 && this.source.startLine(to) > this.source.endLine(from - 1);
  }

  private after(at: Segment): Segment | undefined {
    const { signatures } = this.query;
    const length = signatures.length;
    let best: Segment | undefined;
    let bestRun = BRIDGE_MIN_TOKENS - 1;
    const consider = (q: number, s: number, queryGap: boolean): void => {
      const run = this.source.matchingAfter(signatures, q, s, length - q);
      if (run <= bestRun) return;
      if (queryGap ? !this.queryLinesEdited(at.queryEnd, q) : !this.sourceLinesEdited(at.sourceEnd, s)) return;
      // Not extended back, which would align tokens of the other side twice: the gap one shorter
      // gives the longer run where a token before q matches too.
      best = { queryStart: q, queryEnd: q + run, sourceStart: s, sourceEnd: s + run };
      bestRun = run;
    };
    // Most offsets fail at their first token, which is compared before a run is read.
    const sourceNext = this.source.signatureAt(at.sourceEnd);
    const queryNext = at.queryEnd + BRIDGE_MIN_TOKENS <= length ? signatures[at.queryEnd]! : -1;
    for (let gap = 1; gap <= this.maxGap; gap++) {
      const q = at.queryEnd + gap;
      if (q + BRIDGE_MIN_TOKENS <= length && signatures[q] === sourceNext) consider(q, at.sourceEnd, true);
      if (queryNext >= 0 && this.source.signatureAt(at.sourceEnd + gap) === queryNext) consider(at.queryEnd, at.sourceEnd + gap, false);
    }
    return best;
  }

  private before(at: Segment): Segment | undefined {
    const { signatures } = this.query;
    let best: Segment | undefined;
    let bestRun = BRIDGE_MIN_TOKENS - 1;
    const consider = (q: number, s: number, queryGap: boolean): void => {
      const run = this.source.matchingBefore(signatures, q, s);
      if (run <= bestRun) return;
      if (queryGap ? !this.queryLinesEdited(q, at.queryStart) : !this.sourceLinesEdited(s, at.sourceStart)) return;
      best = { queryStart: q - run, queryEnd: q, sourceStart: s - run, sourceEnd: s };
      bestRun = run;
    };
    const sourcePrevious = at.sourceStart >= BRIDGE_MIN_TOKENS ? this.source.signatureAt(at.sourceStart - 1) : -1;
    const queryPrevious = at.queryStart >= BRIDGE_MIN_TOKENS ? signatures[at.queryStart - 1]! : -1;
    for (let gap = 1; gap <= this.maxGap; gap++) {
      const q = at.queryStart - gap;
      if (q >= BRIDGE_MIN_TOKENS && sourcePrevious >= 0 && signatures[q - 1] === sourcePrevious) consider(q, at.sourceStart, true);
      const s = at.sourceStart - gap;
      if (s >= BRIDGE_MIN_TOKENS && queryPrevious >= 0 && this.source.signatureAt(s - 1) === queryPrevious) consider(at.queryStart, s, false);
    }
    return best;
  }
}
