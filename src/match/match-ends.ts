import type { TokenStream } from "../normalize/token-stream.js";
import { DANGLING_LINE_TOKENS } from "../options.js";
import type { SourceTokens } from "./source-tokens.js";
import type { Segment } from "./types.js";

/** What deciding a match's ends reads of the indexed content's tokens. */
export type EndTokens = Pick<SourceTokens, "startLine" | "endLine" | "name" | "signatureAt">;

/** The query and indexed tokens a match's reported lines run from and to. */
export interface MatchEnds {
  readonly queryFirst: number;
  readonly queryLast: number;
  readonly sourceFirst: number;
  readonly sourceLast: number;
}

/** A chain's first and last tokens on each side, as matched. */
export function spanEnds(segments: readonly Segment[]): MatchEnds {
  const first = segments[0]!;
  const last = segments[segments.length - 1]!;
  return { queryFirst: first.queryStart, queryLast: last.queryEnd - 1, sourceFirst: first.sourceStart, sourceLast: last.sourceEnd - 1 };
}

/**
 * Where a code match's reported lines begin and end. Matching compares a literal by its class, so
 * a chain can end on a docstring or template literal whose text differs on the two sides (an
 * override's signature matched, then its own docstring against the indexed one-liner): those lines
 * were not copied, and the range stops at the token before (or starts at the token after). Not at
 * the query's own first or last token, which may be a docstring the query was cut inside
 * (matcher.ts sourceLines lines those up), nor where the literal is the match's only token there.
 * Then a first or last line the match holds only a few tokens of, on both sides, and apart from
 * the rest of it, is left out (DANGLING_LINE_TOKENS).
 */
export function matchEnds(segments: readonly Segment[], query: TokenStream, source: EndTokens): MatchEnds {
  const first = segments[0]!;
  const last = segments[segments.length - 1]!;
  let ends = spanEnds(segments);
  if (ends.queryLast > ends.queryFirst && ends.queryLast < query.count - 1 && otherLinesOfText(query, ends.queryLast, source, ends.sourceLast)) {
    // The token before, in the last segment or at the end of the one before it.
    const before = last.queryEnd - last.queryStart >= 2 ? last : segments[segments.length - 2];
    if (before) {
      const step = before === last ? 2 : 1;
      ends = { ...ends, queryLast: before.queryEnd - step, sourceLast: before.sourceEnd - step };
    }
  }
  if (ends.queryFirst < ends.queryLast && ends.queryFirst > 0 && otherLinesOfText(query, ends.queryFirst, source, ends.sourceFirst)) {
    const after = first.queryEnd - first.queryStart >= 2 ? first : segments[1];
    if (after) {
      const step = after === first ? 1 : 0;
      ends = { ...ends, queryFirst: after.queryStart + step, sourceFirst: after.sourceStart + step };
    }
  }
  return lastLineLeftOut(firstLineLeftOut(ends, segments, query, source), segments, query, source);
}

/**
 * The segments as far as the lines a first or last dangling line leaves (DANGLING_LINE_TOKENS),
 * clipped on both sides; the segments themselves when neither end dangles. What is left out is a
 * k-gram's context, not copied code, so it counts toward no threshold either (chain.ts).
 */
export function withoutDanglingLines(segments: readonly Segment[], query: TokenStream, source: EndTokens): readonly Segment[] {
  const span = spanEnds(segments);
  const ends = lastLineLeftOut(firstLineLeftOut(span, segments, query, source), segments, query, source);
  if (ends.queryFirst === span.queryFirst && ends.queryLast === span.queryLast) return segments;
  const clipped: Segment[] = [];
  for (const segment of segments) {
    const queryStart = Math.max(segment.queryStart, ends.queryFirst);
    const queryEnd = Math.min(segment.queryEnd, ends.queryLast + 1);
    if (queryEnd <= queryStart) continue;
    const offset = segment.sourceStart - segment.queryStart;
    clipped.push({ queryStart, queryEnd, sourceStart: queryStart + offset, sourceEnd: queryEnd + offset });
  }
  return clipped;
}

/** The segment holding query token `q`: the first from the start, or the last from the end. */
function segmentOf(segments: readonly Segment[], q: number, fromEnd: boolean): number {
  if (fromEnd) {
    for (let i = segments.length - 1; i >= 0; i--) if (segments[i]!.queryStart <= q) return i;
    return 0;
  }
  for (let i = 0; i < segments.length; i++) if (q < segments[i]!.queryEnd) return i;
  return segments.length - 1;
}

/** The ends starting at the next line's first token, when the first line is a dangling one (DANGLING_LINE_TOKENS). */
function firstLineLeftOut(ends: MatchEnds, segments: readonly Segment[], query: TokenStream, source: EndTokens): MatchEnds {
  const { queryFirst: q, sourceFirst: s } = ends;
  // The line begins before the match on both sides.
  if (q === 0 || s === 0 || query.endLines[q - 1] !== query.startLines[q] || source.endLine(s - 1) !== source.startLine(s)) return ends;
  const at = segmentOf(segments, q, false);
  const segment = segments[at]!;
  const line = query.startLines[q]!;
  let taken = 0;
  while (taken <= DANGLING_LINE_TOKENS && q + taken < segment.queryEnd && query.startLines[q + taken] === line && query.endLines[q + taken] === line) taken++;
  if (taken > DANGLING_LINE_TOKENS) return ends;
  const next = q + taken < segment.queryEnd ? { q: q + taken, s: s + taken } : segments[at + 1] ? { q: segments[at + 1]!.queryStart, s: segments[at + 1]!.sourceStart } : undefined;
  if (!next || next.q > ends.queryLast || query.startLines[next.q] === line) return ends;
  // The tokens left out are all on the indexed line too, and the match goes on past it there.
  const sourceLine = source.startLine(s);
  if (source.endLine(s + taken - 1) !== sourceLine || source.startLine(next.s) === sourceLine) return ends;
  if (!detached(query.startLines[next.q]! - line, source.startLine(next.s) - sourceLine)) return ends;
  return { ...ends, queryFirst: next.q, sourceFirst: next.s };
}

/** The ends stopping at the line before's last token, when the last line is a dangling one (DANGLING_LINE_TOKENS). */
function lastLineLeftOut(ends: MatchEnds, segments: readonly Segment[], query: TokenStream, source: EndTokens): MatchEnds {
  const { queryLast: q, sourceLast: s } = ends;
  // The line ends after the match on both sides.
  if (q >= query.count - 1 || source.signatureAt(s + 1) === -1) return ends;
  if (query.startLines[q + 1] !== query.endLines[q] || source.startLine(s + 1) !== source.endLine(s)) return ends;
  const at = segmentOf(segments, q, true);
  const segment = segments[at]!;
  const line = query.endLines[q]!;
  let taken = 0;
  while (taken <= DANGLING_LINE_TOKENS && q - taken >= segment.queryStart && query.startLines[q - taken] === line && query.endLines[q - taken] === line) taken++;
  if (taken > DANGLING_LINE_TOKENS) return ends;
  const previous = q - taken >= segment.queryStart ? { q: q - taken, s: s - taken } : at > 0 ? { q: segments[at - 1]!.queryEnd - 1, s: segments[at - 1]!.sourceEnd - 1 } : undefined;
  if (!previous || previous.q < ends.queryFirst || query.endLines[previous.q] === line) return ends;
  const sourceLine = source.endLine(s);
  if (source.startLine(s - taken + 1) !== sourceLine || source.endLine(previous.s) === sourceLine) return ends;
  if (!detached(line - query.endLines[previous.q]!, sourceLine - source.endLine(previous.s))) return ends;
  return { ...ends, queryLast: previous.q, sourceLast: previous.s };
}

/**
 * Whether a dangling line stands apart from the rest of the match: a blank or comment line (or
 * pages of them) between on either side. A line next to the rest on both sides is more likely a
 * copied statement changed at its start or end (an annotated signature, an f-string made of a
 * format), and stays.
 */
function detached(queryLinesApart: number, sourceLinesApart: number): boolean {
  return queryLinesApart > 1 || sourceLinesApart > 1;
}

/** Whether query token `q` and indexed token `s` are a literal over several lines (on either side) whose texts differ. */
function otherLinesOfText(query: TokenStream, q: number, source: EndTokens, s: number): boolean {
  if (!query.literalClasses.includes(query.hashes[q]!)) return false;
  // A text the index or the query did not keep tells nothing.
  const [queryName, sourceName] = [query.names[q]!, source.name(s)];
  if (queryName === 0 || sourceName === 0) return false;
  const spansLines = query.endLines[q]! > query.startLines[q]! || source.endLine(s) > source.startLine(s);
  return spansLines && queryName !== sourceName;
}
