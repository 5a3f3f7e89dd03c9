import { describe, expect, it } from "vitest";
import { DEFAULT_MATCH_OPTIONS, type FileHits, type HitsByFile, MAX_ALIGNED_FILES, type Segment, chainInOrder, filesToAlign } from "../../src/match/match.js";
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

describe("files to align", () => {
  const fileHits = (hashes: number[], frequency: number): FileHits => ({
    queryPositions: hashes.map((_, i) => i * 10),
    sourcePositions: hashes.map((_, i) => i * 10),
    hashes,
    frequencies: hashes.map(() => frequency),
  });

  it("aligns at most MAX_ALIGNED_FILES, best-evidenced first, plus files with seeds of their own", () => {
    const hits: HitsByFile = new Map();
    // 40 versions of one file, hit by 5–44 of the same seeds; one file with two seeds nobody else has; one with a single seed.
    for (let id = 1; id <= 40; id++) hits.set(id, fileHits(Array.from({ length: 4 + id }, (_, i) => i + 1), 40));
    hits.set(100, fileHits([500, 501], 1));
    hits.set(200, fileHits([1, 1, 1], 40));
    const chosen = filesToAlign(hits, DEFAULT_MATCH_OPTIONS).map(([id]) => id);
    expect(chosen).toHaveLength(MAX_ALIGNED_FILES + 1);
    expect(chosen).toContain(100);
    expect(chosen).not.toContain(200);
    const seeds = (id: number) => new Set(hits.get(id)!.hashes).size;
    for (let i = 1; i < MAX_ALIGNED_FILES; i++) expect(seeds(chosen[i - 1]!)).toBeGreaterThanOrEqual(seeds(chosen[i]!));
    // The versions with the most seeds are the ones kept.
    expect(chosen.filter((id) => id !== 100).sort((a, b) => a - b)).toEqual(Array.from({ length: MAX_ALIGNED_FILES }, (_, i) => 40 - MAX_ALIGNED_FILES + 1 + i));
  });

  it("aligns more when more references per group are asked for, and every file its evidence cannot tell from the last one kept", () => {
    const hits: HitsByFile = new Map();
    // Evidence falls with the id: file i is hit by 3 + (40 − i) seeds.
    for (let id = 1; id <= 40; id++) hits.set(id, fileHits(Array.from({ length: 3 + 40 - id }, (_, i) => i + 1), 40));
    expect(filesToAlign(hits, { ...DEFAULT_MATCH_OPTIONS, maxReferencesPerGroup: 20 })).toHaveLength(40);
    expect(filesToAlign(hits, { ...DEFAULT_MATCH_OPTIONS, maxReferencesPerGroup: 1 }).map(([id]) => id)).toEqual(
      Array.from({ length: MAX_ALIGNED_FILES }, (_, i) => i + 1),
    );
    // A family of look-alikes with the same seeds (a project's repeated template) is aligned whole:
    // which one the query holds shows only in the alignment, by its literals.
    const family: HitsByFile = new Map();
    for (let id = 1; id <= 40; id++) family.set(id, fileHits([1, 2, 3], 100));
    expect(filesToAlign(family, DEFAULT_MATCH_OPTIONS)).toHaveLength(40);
  });

  it("does not align every weak look-alike tied below a better-evidenced file", () => {
    // One file hit by 20 seeds, and 40 look-alikes each hit by the same 3 of them.
    const hits: HitsByFile = new Map();
    hits.set(1, fileHits(Array.from({ length: 20 }, (_, i) => i + 1), 40));
    for (let id = 2; id <= 41; id++) hits.set(id, fileHits([1, 2, 3], 100));
    const chosen = filesToAlign(hits, DEFAULT_MATCH_OPTIONS).map(([id]) => id);
    expect(chosen).toHaveLength(MAX_ALIGNED_FILES);
    expect(chosen[0]).toBe(1);
  });
});

