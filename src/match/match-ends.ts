import type { TokenStream } from "../normalize/token-stream.js";
import type { SourceTokens } from "./source-tokens.js";
import type { Segment } from "./types.js";

/** What deciding a match's ends reads of the indexed content's tokens. */
export type EndTokens = Pick<SourceTokens, "startLine" | "endLine" | "name">;

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
  return ends;
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
