import { describe, expect, it } from "vitest";
import { filesToAlign, spansContent, spansWholeContent } from "../../src/match/candidates.js";
import type { FileHits, HitsByFile } from "../../src/match/types.js";
import { DEFAULT_FINGERPRINT_PARAMETERS, DEFAULT_MATCH_OPTIONS, MAX_ALIGNED_FILES } from "../../src/options.js";

describe("files to align", () => {
  const fileHits = (hashes: number[], frequency: number): FileHits => ({
    queryPositions: Int32Array.from(hashes, (_, i) => i * 10),
    sourcePositions: Int32Array.from(hashes, (_, i) => i * 10),
    hashes: Int32Array.from(hashes),
    frequencies: Int32Array.from(hashes, () => frequency),
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

  it("aligns a small content the query holds whole past the limit, marked, without letting it cover seeds", () => {
    // 40 versions of a monolith hit by 11–50 of the same seeds; a per-function module holding 2 of them.
    const hits: HitsByFile = new Map();
    for (let id = 1; id <= 40; id++) hits.set(id, fileHits(Array.from({ length: 10 + id }, (_, i) => i + 1), 50));
    hits.set(300, fileHits([3, 4], 50));
    hits.set(301, fileHits([5], 50));
    const whole = new Set([300, 301]);
    const chosen = filesToAlign(hits, { ...DEFAULT_MATCH_OPTIONS, maxReferencesPerGroup: 1 }, (id) => whole.has(id));
    expect(chosen.find(([id]) => id === 300)?.[2]).toBe(true);
    // One seed is below minSeeds, whole or not.
    expect(chosen.some(([id]) => id === 301)).toBe(false);
    expect(chosen.filter(([, , wholeOnly]) => !wholeOnly)).toHaveLength(MAX_ALIGNED_FILES);
    expect(filesToAlign(hits, { ...DEFAULT_MATCH_OPTIONS, maxReferencesPerGroup: 1 }).some(([id]) => id === 300)).toBe(false);
  });

  it("tells a content held whole from one spanned by two idioms at its ends", () => {
    const parameters = DEFAULT_FINGERPRINT_PARAMETERS;
    const seedsAt = (positions: number[]): FileHits => ({ ...fileHits(positions, 3), sourcePositions: Int32Array.from(positions) });
    // A 42-token module with seeds at 4 and 17: its 31 tokens from first seed to last k-gram's end are most of it.
    expect(spansContent(seedsAt([4, 17]), 42, parameters)).toBe(true);
    // A 3,650-token file hit at its start and near its end: spanned, but far too sparsely.
    expect(spansContent(seedsAt([25, 3532, 3532]), 3650, parameters)).toBe(false);
    // Dense but short: a stretch of a 200-token file.
    expect(spansContent(seedsAt([0, 7, 14]), 200, parameters)).toBe(false);
    const candidate = (from: number, to: number) => ({ contentId: 1, segments: [{ queryStart: 0, queryEnd: to - from, sourceStart: from, sourceEnd: to }], seeds: 2, matchedTokens: to - from, complete: true }) as unknown as Parameters<typeof spansWholeContent>[0];
    expect(spansWholeContent(candidate(2, 40), 42)).toBe(true);
    expect(spansWholeContent(candidate(2, 20), 42)).toBe(false);
  });
});
