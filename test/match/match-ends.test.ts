import { describe, expect, it } from "vitest";
import { type EndTokens, matchEnds, withoutDanglingLines } from "../../src/match/match-ends.js";
import type { Segment } from "../../src/match/types.js";
import type { TokenStream } from "../../src/normalize/token-stream.js";

const STR = 7;
const ID = 1;

/** Tokens as [class, name, startLine, endLine]. */
function stream(tokens: readonly (readonly [number, number, number, number])[]): TokenStream {
  return {
    count: tokens.length,
    hashes: Uint32Array.from(tokens.map((t) => t[0])),
    names: Uint16Array.from(tokens.map((t) => t[1])),
    startLines: Uint32Array.from(tokens.map((t) => t[2])),
    endLines: Uint32Array.from(tokens.map((t) => t[3])),
    literalClasses: Uint32Array.of(STR),
  } as unknown as TokenStream;
}

function indexed(tokens: readonly (readonly [number, number, number, number])[]): EndTokens {
  return { name: (p) => tokens[p]![1], startLine: (p) => tokens[p]![2], endLine: (p) => tokens[p]![3], signatureAt: (p) => (p < tokens.length ? tokens[p]![0] : -1) };
}

const segment = (queryStart: number, queryEnd: number, sourceStart: number, sourceEnd: number): Segment => ({ queryStart, queryEnd, sourceStart, sourceEnd });

describe("a match's ends", () => {
  // A signature (tokens 1-3), then a docstring over lines 4-9 in the query and a one-liner in the file, then more code.
  const queryTokens = [
    [ID, 5, 1, 1],
    [ID, 6, 2, 2],
    [ID, 7, 2, 2],
    [ID, 8, 3, 3],
    [STR, 40, 4, 9],
    [ID, 9, 10, 10],
  ] as const;
  const query = stream(queryTokens);
  const file = [
    [ID, 5, 11, 11],
    [ID, 6, 12, 12],
    [ID, 7, 12, 12],
    [ID, 8, 13, 13],
    [STR, 41, 14, 14],
  ] as const;
  /** `tokens` with the docstring (token 4) replaced. */
  const withDocstring = <T extends readonly (readonly [number, number, number, number])[]>(tokens: T, docstring: readonly [number, number, number, number]) =>
    tokens.map((t, i) => (i === 4 ? docstring : t));

  it("leave out a literal of other text over several lines at the end of a match", () => {
    expect(matchEnds([segment(1, 5, 1, 5)], query, indexed(file))).toEqual({ queryFirst: 1, queryLast: 3, sourceFirst: 1, sourceLast: 3 });
  });

  it("keep it when its text is the same, when it is on one line on both sides, or when it is the query's own last token", () => {
    expect(matchEnds([segment(1, 5, 1, 5)], query, indexed(withDocstring(file, [STR, 40, 14, 14]))).queryLast).toBe(4);
    const oneLine = stream(withDocstring(queryTokens, [STR, 40, 4, 4]));
    expect(matchEnds([segment(1, 5, 1, 5)], oneLine, indexed(file)).queryLast).toBe(4);
    const cut = stream(queryTokens.slice(0, 5));
    expect(matchEnds([segment(1, 5, 1, 5)], cut, indexed(file)).queryLast).toBe(4);
  });

  it("step back to the segment before when the literal is a segment of its own, and leave a one-token match as it is", () => {
    expect(matchEnds([segment(1, 3, 1, 3), segment(4, 5, 4, 5)], query, indexed(file))).toEqual({ queryFirst: 1, queryLast: 2, sourceFirst: 1, sourceLast: 2 });
    expect(matchEnds([segment(4, 5, 4, 5)], query, indexed(file)).queryLast).toBe(4);
  });

  it("leave out such a literal at the start too", () => {
    const starting = stream([
      [ID, 5, 1, 1],
      [STR, 40, 2, 6],
      [ID, 6, 7, 7],
      [ID, 7, 8, 8],
    ]);
    const indexedStart = indexed([
      [STR, 41, 20, 20],
      [ID, 6, 21, 21],
      [ID, 7, 22, 22],
    ]);
    expect(matchEnds([segment(1, 4, 0, 3)], starting, indexedStart)).toEqual({ queryFirst: 2, queryLast: 3, sourceFirst: 1, sourceLast: 2 });
  });

  /** Tokens of one class and name, one line's worth per entry: [line, how many]. */
  const lines = (...counts: readonly (readonly [number, number])[]) => counts.flatMap(([line, n]) => Array.from({ length: n }, () => [ID, 1, line, line] as const));

  it("leave out a first line the match holds only the last tokens of, on both sides", () => {
    // `_nsmallest = nsmallest` / `def nsmallest(…):` in the query; `yield from next.__self__`, seventy
    // lines of comments and `def nsmallest(…):` in the file: the chain begins with each first line's last name.
    const q = stream(lines([398, 3], [399, 10], [400, 6]));
    const f = indexed(lines([394, 5], [466, 10], [467, 6]));
    expect(matchEnds([segment(2, 19, 4, 21)], q, f)).toEqual({ queryFirst: 3, queryLast: 18, sourceFirst: 5, sourceLast: 20 });
    // Two of them, a segment of their own: the next segment's start.
    expect(matchEnds([segment(1, 3, 3, 5), segment(3, 19, 5, 21)], q, f)).toMatchObject({ queryFirst: 3, sourceFirst: 5 });
    // Not the query's own first line, which a suggestion may begin in the middle of.
    expect(matchEnds([segment(0, 19, 2, 21)], q, f).queryFirst).toBe(0);
  });

  it("keep the first line when the match begins it on either side, or holds more of it", () => {
    const f = indexed(lines([394, 5], [466, 10], [467, 6]));
    // The query's line begins with the match.
    expect(matchEnds([segment(0, 17, 4, 21)], stream(lines([398, 1], [399, 10], [400, 6])), f).queryFirst).toBe(0);
    // The file's line does.
    expect(matchEnds([segment(2, 19, 0, 17)], stream(lines([398, 3], [399, 10], [400, 6])), indexed(lines([394, 1], [466, 10], [467, 6]))).queryFirst).toBe(2);
    // Four tokens of a line are more than a k-gram's context.
    expect(matchEnds([segment(2, 22, 1, 21)], stream(lines([398, 6], [399, 10], [400, 6])), f).queryFirst).toBe(2);
    // The match holds nothing past that line.
    expect(matchEnds([segment(2, 3, 4, 5)], stream(lines([398, 3], [399, 10])), f).queryFirst).toBe(2);
    // The line is next to the rest on both sides: a copied signature whose start was changed
    // (`def generic_visit(self, node: Node, *args) -> Node:` against `def generic_visit(self, node):`).
    expect(matchEnds([segment(2, 19, 4, 21)], stream(lines([62, 3], [63, 10], [64, 6])), indexed(lines([489, 5], [490, 10], [491, 6]))).queryFirst).toBe(2);
  });

  it("leave out a last line the match holds only the first tokens of, on both sides", () => {
    // A body matched, then `def other(` against `def another(x, y):` at the next function.
    const q = stream(lines([10, 8], [11, 6], [13, 5]));
    const f = indexed(lines([50, 8], [51, 6], [60, 7]));
    expect(matchEnds([segment(0, 17, 0, 17)], q, f)).toEqual({ queryFirst: 0, queryLast: 13, sourceFirst: 0, sourceLast: 13 });
    // Not when it is next to the rest on both sides (`raise ValueError(f"…")` for `raise ValueError("…" % x)`).
    expect(matchEnds([segment(0, 17, 0, 17)], stream(lines([10, 8], [11, 6], [12, 5])), indexed(lines([50, 8], [51, 6], [52, 7]))).queryLast).toBe(16);
    // Not when the line ends with the match on either side.
    expect(matchEnds([segment(0, 17, 0, 17)], stream(lines([10, 8], [11, 6], [13, 3])), f).queryLast).toBe(16);
    expect(matchEnds([segment(0, 17, 0, 17)], q, indexed(lines([50, 8], [51, 6], [60, 3], [61, 1]))).queryLast).toBe(16);
  });

  it("clip the segments to what a dangling line leaves, for the thresholds to count", () => {
    const q = stream(lines([10, 8], [11, 6], [13, 5]));
    const f = indexed(lines([50, 8], [51, 6], [60, 7]));
    // The last line's first three tokens (`const CURSORS =` after a blank line) are left out on both sides.
    expect(withoutDanglingLines([segment(0, 17, 0, 17)], q, f)).toEqual([segment(0, 14, 0, 14)]);
    // A segment wholly on that line goes; the one before is kept as it is.
    expect(withoutDanglingLines([segment(0, 14, 0, 14), segment(14, 17, 20, 23)], stream(lines([10, 8], [11, 6], [13, 3], [13, 1])), indexed([...lines([50, 8], [51, 6]), ...Array.from({ length: 6 }, () => [ID, 1, 55, 55] as const), ...lines([60, 3], [60, 1])]))).toEqual([
      segment(0, 14, 0, 14),
    ]);
    // Nothing dangles: the same array, not a copy.
    const kept = [segment(0, 17, 0, 17)];
    expect(withoutDanglingLines(kept, stream(lines([10, 8], [11, 6], [12, 3])), indexed(lines([50, 8], [51, 6], [52, 3], [52, 1])))).toBe(kept);
  });
});
