import { describe, expect, it } from "vitest";
import { hitsInSourceOrder } from "../../src/match/align.js";
import { chainSeeds } from "../../src/match/chain-seeds.js";
import type { FileHits, Segment } from "../../src/match/types.js";
import { CHAIN_SEED_SCAN_HITS } from "../../src/options.js";

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/**
 * Hits as the lookup stage makes them: every query position of a fingerprint paired with every
 * position of it in the content. `repeat` fingerprints occur at many places on both sides, as in
 * a content repeating the query's text.
 */
function crossHits(next: () => number, fingerprints: number, repeat: number): FileHits {
  const query: [number, number][] = [];
  const source: [number, number][] = [];
  for (let hash = 1; hash <= fingerprints; hash++) {
    const times = hash <= repeat ? 40 : 1 + Math.floor(next() * 3);
    for (let t = 0; t < times; t++) query.push([Math.floor(next() * 5000), hash]);
    for (let t = 0; t < times; t++) source.push([Math.floor(next() * 5000), hash]);
  }
  query.sort((a, b) => a[0] - b[0]);
  const rows: [number, number, number][] = [];
  for (const [q, hash] of query) for (const [s, h] of source) if (h === hash) rows.push([q, s, hash]);
  return {
    queryPositions: Int32Array.from(rows, (r) => r[0]),
    sourcePositions: Int32Array.from(rows, (r) => r[1]),
    hashes: Int32Array.from(rows, (r) => r[2]),
    frequencies: Int32Array.from(rows, (r) => 1 + (r[2] % 7)),
  };
}

/** The seeds by definition: every hit looked at. */
function bruteForce(first: Segment, last: Segment, hits: FileHits, edgeOnly: ReadonlySet<number>) {
  const seen = new Map<number, number>();
  for (let i = 0; i < hits.hashes.length; i++) {
    const [q, s] = [hits.queryPositions[i]!, hits.sourcePositions[i]!];
    if (q >= first.queryStart && q < last.queryEnd && s >= first.sourceStart && s < last.sourceEnd) seen.set(hits.hashes[i]!, hits.frequencies[i]!);
  }
  const frequencies = [...seen.values()];
  return {
    count: seen.size,
    edgeSeeds: [...seen.keys()].filter((h) => edgeOnly.has(h)).length,
    frequencySum: frequencies.reduce((a, b) => a + b, 0),
    rarestFrequency: Math.min(Infinity, ...frequencies),
  };
}

describe("a chain's seeds", () => {
  it("are the fingerprints with a hit inside the chain's span on both sides, found by either way the same", () => {
    const next = random(7);
    let tabled = 0;
    for (let round = 0; round < 40; round++) {
      const hits = crossHits(next, 300, round % 2 === 0 ? 0 : 6);
      const bySource = hitsInSourceOrder(hits);
      const edgeOnly = new Set([3, 5, 8, 13]);
      for (let c = 0; c < 20; c++) {
        const [q0, s0] = [Math.floor(next() * 4000), Math.floor(next() * 4000)];
        const [q1, s1] = [q0 + 1 + Math.floor(next() * 2000), s0 + 1 + Math.floor(next() * 2000)];
        const first: Segment = { queryStart: q0, queryEnd: q0 + 5, sourceStart: s0, sourceEnd: s0 + 5 };
        const last: Segment = { queryStart: q1 - 5, queryEnd: q1, sourceStart: s1 - 5, sourceEnd: s1 };
        const inSpan = bySource.filter((i) => hits.sourcePositions[i]! >= s0 && hits.sourcePositions[i]! < s1).length;
        if (inSpan > CHAIN_SEED_SCAN_HITS) tabled++;
        const found = chainSeeds(first, last, hits, bySource, edgeOnly);
        expect({ count: found.count, edgeSeeds: found.edgeSeeds, frequencySum: found.frequencySum, rarestFrequency: found.rarestFrequency }).toEqual(bruteForce(first, last, hits, edgeOnly));
      }
    }
    // Both ways were taken.
    expect(tabled).toBeGreaterThan(20);
    expect(tabled).toBeLessThan(40 * 20 - 20);
  });
});
