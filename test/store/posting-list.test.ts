import { describe, expect, it } from "vitest";
import {
  decodeContents,
  decodeOccurrences,
  holdsAnyContent,
  maxSegmentBytes,
  withoutContents,
  writeSegment,
} from "../../src/store/posting-list.js";
import { POSITION_SPAN, occurrenceContent, occurrencePosition } from "../../src/match/match-index.js";
import { ReftrackError } from "../../src/errors.js";

type Pair = readonly [content: number, position: number];

function segment(pairs: readonly Pair[]): Buffer {
  const into = Buffer.alloc(maxSegmentBytes(pairs.length));
  const end = writeSegment(
    into,
    0,
    pairs.map(([c]) => c),
    pairs.map(([, p]) => p),
    0,
    pairs.length,
  );
  return into.subarray(0, end);
}

function pairsOf(occurrences: readonly number[]): Pair[] {
  return occurrences.map((o) => [occurrenceContent(o), occurrencePosition(o)] as const);
}

/** A deterministic pseudo-random sequence (xorshift32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function randomPairs(next: () => number, count: number, maxContent: number, maxPosition: number): Pair[] {
  const seen = new Set<number>();
  const pairs: Pair[] = [];
  while (pairs.length < count) {
    const pair = [Math.floor(next() * maxContent), Math.floor(next() * maxPosition)] as const;
    const key = pair[0] * POSITION_SPAN + pair[1];
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push(pair);
  }
  return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

describe("posting lists", () => {
  it("give back every occurrence written, in order, over the whole range of ids and positions", () => {
    const next = random(7);
    for (const [count, maxContent, maxPosition] of [
      [1, 10, 10],
      [50, 3, 100_000],
      [500, 2 ** 27, 2 ** 26],
      [2000, 40, 300],
    ] as const) {
      const pairs = randomPairs(next, count, maxContent, maxPosition);
      expect(pairsOf(decodeOccurrences(segment(pairs), -1))).toEqual(pairs);
      expect(decodeContents(segment(pairs))).toEqual([...new Set(pairs.map(([c]) => c))]);
    }
    // Content 0 and the largest exact content id, position 0 and the last one kept.
    const edges: Pair[] = [
      [0, 0],
      [0, POSITION_SPAN - 1],
      [2 ** 27 - 1, 0],
    ];
    expect(pairsOf(decodeOccurrences(segment(edges), -1))).toEqual(edges);
  });

  it("read several segments as one list, sorting them when a later one holds lower contents", () => {
    const first: Pair[] = [
      [5, 1],
      [9, 4],
    ];
    const later: Pair[] = [
      [12, 0],
      [12, 7],
    ];
    const earlier: Pair[] = [
      [2, 3],
      [7, 8],
    ];
    expect(pairsOf(decodeOccurrences(Buffer.concat([segment(first), segment(later)]), -1))).toEqual([...first, ...later]);
    const mixed = Buffer.concat([segment(first), segment(later), segment(earlier)]);
    expect(pairsOf(decodeOccurrences(mixed, -1))).toEqual([[2, 3], [5, 1], [7, 8], [9, 4], [12, 0], [12, 7]]);
    expect(decodeContents(mixed)).toEqual([2, 5, 7, 9, 12]);
  });

  it("stop at the limit, and leave out positions no chunk can hold", () => {
    const pairs: Pair[] = [
      [1, 2],
      [1, POSITION_SPAN],
      [3, 4],
      [6, 1],
    ];
    const data = segment(pairs);
    expect(pairsOf(decodeOccurrences(data, -1))).toEqual([[1, 2], [3, 4], [6, 1]]);
    expect(pairsOf(decodeOccurrences(data, 2))).toEqual([[1, 2], [3, 4]]);
    expect(decodeOccurrences(data, 0)).toEqual([]);
  });

  it("drop removed contents as one rewritten segment, and say when nothing was removed", () => {
    const data = Buffer.concat([
      segment([
        [4, 1],
        [4, 9],
        [8, 2],
      ]),
      segment([
        [2, 5],
        [11, 0],
      ]),
    ]);
    expect(withoutContents(data, new Set([3, 5]))).toBeUndefined();
    const rest = withoutContents(data, new Set([4]))!;
    expect(rest).toMatchObject({ contents: 3, occurrences: 3 });
    expect(pairsOf(decodeOccurrences(rest.data, -1))).toEqual([[2, 5], [8, 2], [11, 0]]);
    expect(withoutContents(data, new Set([2, 4, 8, 11]))).toMatchObject({ contents: 0, occurrences: 0 });
  });

  it("say whether they hold any of some contents, in any segment, without decoding", () => {
    const data = Buffer.concat([
      segment([
        [4, 1],
        [4, 9],
        [300, 70_000],
      ]),
      segment([
        [2, 5],
        [11, 0],
      ]),
    ]);
    expect(holdsAnyContent(data, new Set([3, 5, 9, 301]))).toBe(false);
    for (const content of [2, 4, 11, 300]) expect(holdsAnyContent(data, new Set([1, content]))).toBe(true);
    // A continued content's position delta is never read as a content.
    expect(holdsAnyContent(segment([[4, 1], [4, 9]]), new Set([8, 12]))).toBe(false);
    for (let cut = 1; cut < data.length; cut++) {
      const part = data.subarray(0, cut);
      // Cut inside a number or a segment: damage, never an answer made up from half a list.
      if (cut !== segment([[4, 1], [4, 9], [300, 70_000]]).length) expect(() => holdsAnyContent(part, new Set([99]))).toThrow(ReftrackError);
    }
  });

  it("refuse a damaged blob with a one-line error instead of inventing occurrences", () => {
    const data = segment([
      [300, 70_000],
      [301, 5],
    ]);
    for (let cut = 1; cut < data.length; cut++) {
      expect(() => decodeOccurrences(data.subarray(0, cut), -1)).toThrow(ReftrackError);
    }
    // A pair cut in half inside a segment whose length still fits the blob.
    expect(() => decodeOccurrences(Buffer.from([2, 0x81, 0x80]), -1)).toThrow(/posting list/);
  });
});
