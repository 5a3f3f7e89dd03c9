import { describe, expect, it } from "vitest";
import { chainInOrder } from "../../src/match/chain.js";
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
    if (best) best.push(segment);
    else chains.push([segment]);
  }
  return chains;
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

  it("joins a near copy's segments into one chain across the diagonal drift of its edits", () => {
    const chains = chainInOrder(segmentsLike("near-copy", 7), 24);
    expect(chains).toHaveLength(1);
  });
});
