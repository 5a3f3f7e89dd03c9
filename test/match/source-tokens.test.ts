import { describe, expect, it } from "vitest";
import type { MatchIndex, TokenChunk } from "../../src/match/match-index.js";
import { SourceTokens } from "../../src/match/source-tokens.js";

/** A content of `length` tokens in chunks of 4, every signature 7; counts the chunks read. */
function fakeIndex(length: number): { index: MatchIndex; reads: number[] } {
  const reads: number[] = [];
  const chunk = (size: number): TokenChunk => ({ signatures: new Uint8Array(size).fill(7), name: () => 0, startLine: () => 1, endLine: () => 1, firstTokenFrom: () => 0 });
  const index = {
    tokensPerChunk: 4,
    tokenChunk(_contentId: number, chunkIndex: number) {
      reads.push(chunkIndex);
      const size = Math.min(4, length - chunkIndex * 4);
      return size > 0 ? chunk(size) : undefined;
    },
  } as unknown as MatchIndex;
  return { index, reads };
}

describe("an indexed content's tokens as alignment reads them", () => {
  it("knows the content's length once its last, short chunk is read, and not before", () => {
    const { index, reads } = fakeIndex(10);
    const tokens = new SourceTokens(index, 1);
    const query = new Uint8Array(20).fill(7);
    expect(tokens.matchingAfter(query, 0, 0, 3)).toBe(3);
    expect(tokens.knownLength()).toBeUndefined();
    // Extending to the end reads chunks 1 and 2; chunk 2 holds 2 tokens.
    expect(tokens.matchingAfter(query, 0, 0, 20)).toBe(10);
    expect(tokens.knownLength()).toBe(10);
    // Back in an earlier chunk, the length is still known, and nothing is read again.
    expect(tokens.signatureAt(1)).toBe(7);
    expect(tokens.knownLength()).toBe(10);
    expect(reads).toEqual([0, 1, 2]);
  });

  it("does not know a content whose chunks are all full", () => {
    const { index } = fakeIndex(8);
    const tokens = new SourceTokens(index, 1);
    expect(tokens.matchingAfter(new Uint8Array(20).fill(7), 0, 0, 20)).toBe(8);
    expect(tokens.knownLength()).toBeUndefined();
  });

  it("reads a content of prose alone as no code where asked to, and as a damaged index elsewhere", () => {
    const { index } = fakeIndex(0);
    expect(new SourceTokens(index, 1, true).signatureAt(0)).toBe(-1);
    expect(() => new SourceTokens(index, 1).signatureAt(0)).toThrow(/index is damaged/);
  });
});

describe("the first token on a line", () => {
  // Ten tokens on lines 1, 1, 2, 2, 2, 3, 5, 5, 6, 6 (none on line 4), in chunks of 4.
  const LINES = [1, 1, 2, 2, 2, 3, 5, 5, 6, 6];
  const index = {
    tokensPerChunk: 4,
    tokenChunk(_contentId: number, chunkIndex: number): TokenChunk | undefined {
      const lines = LINES.slice(chunkIndex * 4, chunkIndex * 4 + 4);
      if (lines.length === 0) return undefined;
      return {
        signatures: new Uint8Array(lines.length).fill(7),
        name: () => 0,
        startLine: (offset) => lines[offset] ?? 0,
        endLine: (offset) => lines[offset] ?? 0,
        firstTokenFrom: (line) => {
          const at = lines.findIndex((l) => l >= line);
          return at === -1 ? lines.length : at;
        },
      };
    },
  } as unknown as MatchIndex;

  it("is found across chunks, from a hint or from the start, and past the last line is the content's length", () => {
    const tokens = new SourceTokens(index, 1);
    expect([1, 2, 3, 4, 5, 6, 7].map((line) => tokens.firstTokenFrom(line, 0))).toEqual([0, 2, 5, 6, 6, 8, 10]);
    // A hint before the answer is searched on from; a hint past it is not trusted.
    expect(tokens.firstTokenFrom(5, 3)).toBe(6);
    expect(tokens.firstTokenFrom(2, 9)).toBe(2);
  });
});

