import { describe, expect, it } from "vitest";
import { alignsSameLiterals, compareNames, holdsLiteralNames, literalNameCounts, namesDisagree } from "../../src/match/evidence.js";
import type { MatchIndex, TokenChunk } from "../../src/match/match-index.js";
import { queryTables } from "../../src/match/query-tables.js";
import { MatchScratch } from "../../src/match/scratch.js";
import { SourceTokens } from "../../src/match/source-tokens.js";
import type { Candidate, Segment } from "../../src/match/types.js";
import type { TokenStream } from "../../src/normalize/token-stream.js";
import { seededUint32s } from "../helpers.js";

const ID = 11;
const STR = 12;
const NUM = 13;
const PUNCTUATION = 14;
const CLASSES = [ID, STR, NUM, PUNCTUATION];

/** Tokens of random classes, names drawn from a few words (so that the two sides often agree); punctuation has none. */
function randomTokens(count: number, next: () => number): { classes: number[]; names: number[] } {
  const classes = Array.from({ length: count }, () => CLASSES[next() % CLASSES.length]!);
  const names = classes.map((kind) => (kind === PUNCTUATION || next() % 9 === 0 ? 0 : 1 + (next() % 3)));
  return { classes, names };
}

function queryOf(classes: readonly number[], names: readonly number[]): TokenStream {
  return {
    count: classes.length,
    hashes: Uint32Array.from(classes),
    names: Uint16Array.from(names),
    charWeights: new Uint8Array(classes.length).fill(3),
    literalClasses: Uint32Array.of(STR, NUM),
    keptLiteralClasses: Uint32Array.of(NUM),
  } as unknown as TokenStream;
}

/** An index of one content with these names, in one chunk. */
function indexOf(names: readonly number[]): MatchIndex {
  const chunk: TokenChunk = {
    signatures: new Uint8Array(names.length),
    name: (offset) => names[offset] ?? 0,
    startLine: () => 1,
    endLine: () => 1,
    firstTokenFrom: () => 0,
  };
  return { tokensPerChunk: 1 << 16, tokenChunk: (_content: number, index: number) => (index === 0 ? chunk : undefined) } as unknown as MatchIndex;
}

function candidateOf(segments: Segment[]): Candidate {
  let matchedTokens = 0;
  let covered = -1;
  for (const segment of segments) {
    matchedTokens += Math.max(0, segment.queryEnd - Math.max(segment.queryStart, covered));
    covered = Math.max(covered, segment.queryEnd);
  }
  return { contentId: 1, segments, matchedTokens, matchedChars: 0, sourceMatchedChars: null, literalTokens: 0, seeds: 1, edgeSeeds: 0, borrowedSeeds: 0, frequencySum: 1, rarestSeedFrequency: 1, complete: true, endsToCheck: false };
}

/** A query's and a content's tokens as matching reads them: the stream, its tables and the content's tokens. */
function readingsOf(query: { classes: number[]; names: number[] }, source: { names: number[] }) {
  const stream = queryOf(query.classes, query.names);
  const scratch = new MatchScratch();
  return { stream, scratch, tables: queryTables(stream, scratch), tokens: new SourceTokens(indexOf(source.names), 1) };
}

/** A region of 4 to 33 tokens somewhere in a 40-token query and a 60-token content. */
function randomRegion(next: () => number): Segment {
  const length = 4 + (next() % 30);
  const queryStart = next() % (40 - length);
  const sourceStart = next() % (60 - length);
  return { queryStart, queryEnd: queryStart + length, sourceStart, sourceEnd: sourceStart + length };
}

describe("whether a region's names and literals disagree", () => {
  it("is true exactly when the name comparison pairs a name or a literal with other text", () => {
    const next = seededUint32s(17);
    let disagreeing = 0;
    for (let round = 0; round < 600; round++) {
      const query = randomTokens(40, next);
      const source = randomTokens(60, next);
      // Mostly the query's names at the aligned places, so that some regions agree throughout.
      const copied = round % 3 === 0;
      const segments: Segment[] = [];
      let queryStart = next() % 10;
      for (let s = 0; s < 1 + (next() % 3) && queryStart < 38; s++) {
        const length = 1 + (next() % Math.min(12, 40 - queryStart));
        // Segments may overlap in the query (repetitive code): the comparison counts each query token once.
        const sourceStart = next() % (60 - length);
        segments.push({ queryStart, queryEnd: queryStart + length, sourceStart, sourceEnd: sourceStart + length });
        if (copied) for (let t = 0; t < length; t++) source.names[sourceStart + t] = query.names[queryStart + t]!;
        queryStart += length - (next() % 3);
      }
      const { stream, scratch, tables, tokens } = readingsOf(query, source);
      const names = compareNames(candidateOf(segments), stream, tables, tokens, scratch);
      const expected = names.literalPairs > names.sameLiterals || (names.pairs > 0 && names.sameShare < 1);
      expect(namesDisagree(segments, stream, tokens), JSON.stringify({ round, segments })).toBe(expected);
      if (expected) disagreeing++;
    }
    // Both answers were put to the test.
    expect(disagreeing).toBeGreaterThan(100);
    expect(disagreeing).toBeLessThan(500);
  });
});

describe("whether a region aligns enough of the same literals", () => {
  it("answers as the name comparison counts them, for the region and any part of it", () => {
    const next = seededUint32s(29);
    let enough = 0;
    for (let round = 0; round < 600; round++) {
      const { stream, scratch, tables, tokens } = readingsOf(randomTokens(40, next), randomTokens(60, next));
      const region = randomRegion(next);
      const length = region.queryEnd - region.queryStart;
      const needed = 1 + (next() % 4);
      // Names here are 1 to 3, none a conventional literal: the count is exact.
      const same = compareNames(candidateOf([region]), stream, tables, tokens, scratch).sameLiterals;
      expect(alignsSameLiterals([region], stream, tables, tokens, needed), JSON.stringify({ round, region, needed })).toBe(same >= needed);
      if (same >= needed) enough++;
      // A part of the region (as settling its ends or narrowing it leaves) has no more of them.
      const cut = next() % length;
      const part: Segment = { ...region, queryEnd: region.queryStart + cut, sourceEnd: region.sourceStart + cut };
      if (alignsSameLiterals([part], stream, tables, tokens, needed)) expect(alignsSameLiterals([region], stream, tables, tokens, needed)).toBe(true);
    }
    expect(enough).toBeGreaterThan(100);
    expect(enough).toBeLessThan(500);
  });
});

describe("whether a content holds the names of the query's literals", () => {
  // A query of four literals named 5, 5, 6 and 7 between punctuation, and an identifier named 6.
  const stream = queryOf([STR, PUNCTUATION, STR, PUNCTUATION, NUM, ID, STR], [5, 0, 5, 0, 6, 6, 7]);
  const tables = queryTables(stream, new MatchScratch());
  const counts = literalNameCounts(stream, tables);
  const holds = (names: readonly number[], needed: number): boolean => holdsLiteralNames(counts, new SourceTokens(indexOf(names), 1), names.length, needed);

  it("counts each literal token of the query whose name the content has, anywhere in it", () => {
    expect([...counts].sort()).toEqual([
      [5, 2],
      [6, 1],
      [7, 1],
    ]);
    // 5 twice in the query and 6 once: three of its literals could align to the same text.
    expect(holds([1, 6, 2, 5, 5, 3], 3)).toBe(true);
    expect(holds([1, 6, 2, 5, 5, 3], 4)).toBe(false);
    expect(holds([7, 1, 6, 5], 4)).toBe(true);
  });

  it("is false for a content of other names, however long", () => {
    expect(holds(Array.from({ length: 500 }, (_, i) => 1 + (i % 4)), 1)).toBe(false);
  });

  it("bounds what any region of the content aligns to the same text", () => {
    const next = seededUint32s(41);
    let aligned = 0;
    for (let round = 0; round < 300; round++) {
      const { stream: random, tables: randomTables, tokens } = readingsOf(randomTokens(40, next), randomTokens(60, next));
      const region = randomRegion(next);
      const needed = 1 + (next() % 6);
      if (alignsSameLiterals([region], random, randomTables, tokens, needed)) {
        aligned++;
        expect(holdsLiteralNames(literalNameCounts(random, randomTables), tokens, 60, needed)).toBe(true);
      }
    }
    // The bound was put to the test.
    expect(aligned).toBeGreaterThan(30);
  });
});
