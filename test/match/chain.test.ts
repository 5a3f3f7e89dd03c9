import { describe, expect, it } from "vitest";
import { chainInOrder, longOnceOnEachSide } from "../../src/match/chain.js";
import type { Segment } from "../../src/match/types.js";
import { seededUint32s } from "../helpers.js";

/** The rule as first written: every open chain compared with every segment. */
function chainByScanningAll(segments: Segment[], maxGap: number): Segment[][] {
  const sorted = [...segments].sort((a, b) => a.queryStart - b.queryStart || a.sourceStart - b.sourceStart);
  const chains: Segment[][] = [];
  for (const segment of sorted) {
    let best: Segment[] | undefined;
    let bestDistance = Infinity;
    for (const chain of chains) {
      const last = chain[chain.length - 1]!;
      const queryGap = segment.queryStart - last.queryEnd;
      const sourceGap = segment.sourceStart - last.sourceEnd;
      if (segment.queryEnd <= last.queryEnd || segment.sourceEnd <= last.sourceEnd) continue;
      if (queryGap > maxGap || sourceGap > maxGap || queryGap < -maxGap || sourceGap < -maxGap) continue;
      const distance = Math.abs(queryGap - sourceGap);
      if (distance < bestDistance) {
        best = chain;
        bestDistance = distance;
      }
    }
    if (best) {
      best.push(segment);
      continue;
    }
    // Else it may take the place of a chain's last segment it follows that one's predecessor better than.
    let displaced: Segment[] | undefined;
    let displacedDistance = Infinity;
    for (const chain of chains) {
      if (chain.length < 2) continue;
      const last = chain[chain.length - 1]!;
      if (segment.queryStart - last.queryEnd > maxGap) continue;
      if (segment.queryEnd - segment.queryStart <= last.queryEnd - last.queryStart) continue;
      const previous = chain[chain.length - 2]!;
      const instead = distanceAfter(previous, segment, maxGap);
      if (instead >= 0 && instead < distanceAfter(previous, last, maxGap) && instead < displacedDistance) {
        displaced = chain;
        displacedDistance = instead;
      }
    }
    if (displaced) {
      const last = displaced.pop()!;
      displaced.push(segment);
      chains.push([last]);
    } else chains.push([segment]);
  }
  return chains;
}

function distanceAfter(previous: Segment, segment: Segment, maxGap: number): number {
  const queryGap = segment.queryStart - previous.queryEnd;
  const sourceGap = segment.sourceStart - previous.sourceEnd;
  if (segment.queryEnd <= previous.queryEnd || segment.sourceEnd <= previous.sourceEnd) return -1;
  if (queryGap > maxGap || sourceGap > maxGap || queryGap < -maxGap || sourceGap < -maxGap) return -1;
  return Math.abs(queryGap - sourceGap);
}

function segmentsLike(kind: "scattered" | "table" | "near-copy", seed: number): Segment[] {
  const next = seededUint32s(seed);
  const int = (n: number): number => Math.floor((next() / 4294967296) * n);
  const segments: Segment[] = [];
  if (kind === "table") {
    // A repetitive table: the query's rows match every source row, on a diagonal per row offset.
    for (let row = 0; row < 12; row++) {
      for (let offset = 0; offset < 40; offset++) {
        const length = 8 + int(30);
        const queryStart = row * 9 + int(3);
        const sourceStart = offset * 9 + int(3);
        segments.push({ queryStart, queryEnd: queryStart + length, sourceStart, sourceEnd: sourceStart + length });
      }
    }
  } else if (kind === "near-copy") {
    // One copy with edits: the diagonal drifts by a few tokens at each edit.
    let drift = 500;
    for (let queryStart = 0; queryStart < 300; ) {
      const length = 5 + int(40);
      segments.push({ queryStart, queryEnd: queryStart + length, sourceStart: queryStart + drift, sourceEnd: queryStart + drift + length });
      queryStart += length + int(12);
      drift += int(25) - 12;
    }
  } else {
    for (let i = 0; i < 300; i++) {
      const length = 1 + int(40);
      const queryStart = int(200);
      const sourceStart = int(400);
      segments.push({ queryStart, queryEnd: queryStart + length, sourceStart, sourceEnd: sourceStart + length });
    }
  }
  return segments;
}

describe("chaining segments", () => {
  it("searches only nearby diagonals yet chains exactly as comparing every chain does", () => {
    for (const kind of ["scattered", "table", "near-copy"] as const) {
      for (const maxGap of [0, 1, 5, 24, 100, Infinity]) {
        for (let seed = 1; seed <= 20; seed++) {
          const segments = segmentsLike(kind, seed);
          expect(chainInOrder([...segments], maxGap), `${kind}, maxGap ${maxGap}, seed ${seed}`).toEqual(chainByScanningAll(segments, maxGap));
        }
      }
    }
  });

  it("chains a content's few segments, weighed against every chain, as the bands chain many", () => {
    for (const kind of ["scattered", "table", "near-copy"] as const) {
      for (const maxGap of [0, 5, 24, Infinity]) {
        for (let seed = 1; seed <= 20; seed++) {
          const all = segmentsLike(kind, seed);
          const pick = seededUint32s(seed + 1000);
          for (const count of [2, 3, 5, 8, 12, 16]) {
            // Nearby segments, so that they join, displace and open chains among themselves.
            const from = pick() % (all.length - count);
            const segments = all.slice(from, from + count);
            expect(chainInOrder([...segments], maxGap), `${kind}, maxGap ${maxGap}, seed ${seed}, ${count}`).toEqual(chainByScanningAll(segments, maxGap));
          }
        }
      }
    }
  });

  it("lets a copy's own continuation take the place of a look-alike segment that came a token before it", () => {
    // Two look-alike statements side by side: a segment on the look-alike's diagonal starts one
    // token before the copy's continuation and would otherwise keep the chain from it.
    const start = { queryStart: 0, queryEnd: 39, sourceStart: 3, sourceEnd: 42 };
    const lookAlike = { queryStart: 44, queryEnd: 67, sourceStart: 63, sourceEnd: 86 };
    const continuation = { queryStart: 45, queryEnd: 92, sourceStart: 42, sourceEnd: 89 };
    const end = { queryStart: 88, queryEnd: 112, sourceStart: 93, sourceEnd: 117 };
    const chains = chainInOrder([start, lookAlike, continuation, end], 24);
    expect(chains).toContainEqual([start, continuation, end]);
    expect(chains).toContainEqual([lookAlike]);
  });

  it("joins a near copy's segments into one chain across the diagonal drift of its edits", () => {
    const chains = chainInOrder(segmentsLike("near-copy", 7), 24);
    expect(chains).toHaveLength(1);
  });
});

describe("a chain's length, each indexed token once", () => {
  // Every query token weighs 5 characters: 30 tokens are 150.
  const charsBefore = Int32Array.from({ length: 201 }, (_, t) => 5 * t);
  const segment = (queryStart: number, queryEnd: number, sourceStart: number): Segment => ({ queryStart, queryEnd, sourceStart, sourceEnd: sourceStart + queryEnd - queryStart });

  it("counts once an indexed stretch of a k-gram or more that two segments align with", () => {
    // A parameter list the query declares twice (tokens 0-20 and 30-50), the file once (0-20), and
    // the second declaration's four tokens more: 20 + 4 indexed tokens, 120 characters, not 200.
    const twice = [segment(0, 20, 0), segment(30, 54, 0)];
    expect(longOnceOnEachSide(twice, charsBefore, 150, 14)).toBe(false);
    expect(longOnceOnEachSide(twice, charsBefore, 120, 14)).toBe(true);
  });

  it("counts for both segments an overlap shorter than a k-gram, where alignment resumed after an edit", () => {
    // Five indexed tokens aligned again after a line inserted in the query: 16 + 19 tokens, 175 characters.
    const edited = [segment(0, 16, 0), segment(20, 39, 11)];
    expect(longOnceOnEachSide(edited, charsBefore, 150, 14)).toBe(true);
    // Segments whose indexed ranges never step back are counted as they are.
    expect(longOnceOnEachSide([segment(0, 16, 0), segment(20, 40, 16)], charsBefore, 180, 14)).toBe(true);
  });
});
