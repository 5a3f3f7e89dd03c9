import { describe, expect, it } from "vitest";
import { type EndTokens, matchEnds } from "../../src/match/match-ends.js";
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
  return { name: (p) => tokens[p]![1], startLine: (p) => tokens[p]![2], endLine: (p) => tokens[p]![3] };
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
});
