import { describe, expect, it } from "vitest";
import { hitsInOrder, hitsInSourceOrder } from "../../src/match/align.js";
import type { FileHits } from "../../src/match/types.js";

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function hitsOf(queryPositions: number[], sourcePositions: number[]): FileHits {
  const n = queryPositions.length;
  return {
    queryPositions: Int32Array.from(queryPositions),
    sourcePositions: Int32Array.from(sourcePositions),
    hashes: new Int32Array(n),
    frequencies: new Int32Array(n),
  };
}

describe("hits in source order", () => {
  it("orders by source position, then query position, as the comparator sort does", () => {
    const next = random(7);
    for (let round = 0; round < 200; round++) {
      const n = 1 + Math.floor(next() * 300);
      // Query order, as the lookup adds hits, with repeated query positions and source positions
      // drawn from a small range so that ties occur on both sides.
      const query: number[] = [];
      for (let i = 0, q = 0; i < n; i++) query.push((q += next() < 0.3 ? 0 : 1 + Math.floor(next() * 3)));
      const source = query.map(() => Math.floor(next() * (round % 2 === 0 ? 40 : 2 ** 26)));
      const hits = hitsOf(query, source);
      expect([...hitsInSourceOrder(hits)]).toEqual([...hitsInOrder(hits.sourcePositions, hits.queryPositions)]);
    }
  });

  it("sorts hits that are not in query order by both positions", () => {
    const hits = hitsOf([5, 3, 9, 3], [10, 10, 2, 1]);
    expect([...hitsInSourceOrder(hits)]).toEqual([3, 2, 1, 0]);
  });

  it("keeps hits already in source order as they are", () => {
    const hits = hitsOf([0, 1, 1, 4], [3, 3, 8, 20]);
    expect([...hitsInSourceOrder(hits)]).toEqual([0, 1, 2, 3]);
  });

  it("puts equal source positions in query order, positions up to the top of the position space", () => {
    const top = 2 ** 26 - 1;
    const hits = hitsOf([1, 2, 3, 4], [top, 0, top, 0]);
    expect([...hitsInSourceOrder(hits)]).toEqual([1, 3, 0, 2]);
  });
});
