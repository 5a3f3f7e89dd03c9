import { describe, expect, it } from "vitest";
import { combine, quietBetween } from "../../src/match/combine.js";
import type { Match, MatchBasis } from "../../src/match/types.js";
import type { TokenStream } from "../../src/normalize/token-stream.js";

/** A match too short alone: 90 characters on one seed, its lines the same on both sides unless given. */
function partial(basis: MatchBasis, queryLines: [number, number], sourceLines: [number, number] = queryLines): Match {
  return {
    contentId: 7,
    queryLines,
    sourceLines,
    matchedTokens: 20,
    similarity: 0.5,
    group: 1,
    complete: false,
    evidence: {
      basis,
      textChars: basis === "text" ? 90 : 0,
      seedFingerprints: 1,
      meanSeedFileFrequency: 1,
      matchedChars: basis === "text" ? 0 : 90,
      sourceMatchedChars: basis === "text" ? 0 : 90,
      sourceMatchedTokens: 20,
      queryCoverage: 0.5,
      distinctKgramShare: 1,
      nameConsistency: 1,
      nameRepeats: 0,
      sameNameShare: 1,
      sameLiteralShare: 1,
      identicalChars: basis === "text" ? 0 : 90,
    },
  };
}

/** A stream of tokens beginning on the given lines (only their lines matter here). */
function tokensOn(...lines: number[]): TokenStream {
  return { count: lines.length, startLines: Uint32Array.from(lines) } as unknown as TokenStream;
}

const combined = (code: Match, prose: Match, streams: TokenStream[]): Match[] => combine([code], [prose], 150, 2, 10, false, quietBetween(streams));

describe("combining a code match and the prose beside it", () => {
  // A comment on lines 1–2, code on lines 8–11: lines 3–7 are blank or skipped (no token on them).
  const comment = partial("text", [1, 2]);
  const code = partial("code", [8, 11]);

  it("joins them across lines with no token of the query, into one reference on both", () => {
    const [match] = combined(code, comment, [tokensOn(8, 9, 10, 11), tokensOn(1, 1, 2, 2)]);
    expect(match?.evidence.basis).toBe("code and text");
    expect(match!.queryLines).toEqual([1, 11]);
    expect(match!.evidence.seedFingerprints).toBe(2);
  });

  it("joins where they lie in the query text too: from the comment's first word to the code's last token", () => {
    const [match] = combined({ ...code, queryOffsets: [300, 480] }, { ...comment, queryOffsets: [3, 95] }, [tokensOn(8, 9, 10, 11), tokensOn(1, 1, 2, 2)]);
    expect(match!.queryOffsets).toEqual([3, 480]);
  });

  it("does not join them across a line holding a token that matched nothing", () => {
    expect(combined(code, comment, [tokensOn(5, 8, 9, 10, 11), tokensOn(1, 1, 2, 2)])).toEqual([]);
    expect(combined(code, comment, [tokensOn(8, 9, 10, 11), tokensOn(1, 1, 2, 2, 4)])).toEqual([]);
  });

  it("does not join them when the indexed file has more lines between them than the query", () => {
    const farCode = partial("code", [8, 11], [30, 33]);
    expect(combined(farCode, comment, [tokensOn(8, 9, 10, 11), tokensOn(1, 1, 2, 2)])).toEqual([]);
  });

  it("joins them within TEXT_MERGE_GAP_LINES whatever lies between", () => {
    const close = partial("code", [4, 7]);
    const [match] = combined(close, comment, [tokensOn(3, 4, 5, 6, 7), tokensOn(1, 2)]);
    expect(match?.evidence.basis).toBe("code and text");
  });
});
