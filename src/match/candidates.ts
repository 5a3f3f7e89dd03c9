import { type FingerprintParameters, MAX_ALIGNED_FILES, type MatchOptions, WHOLE_CONTENT_DENSITY, WHOLE_CONTENT_SHARE } from "../options.js";
import type { Candidate, FileHits, HitsByFile } from "./types.js";

/** A content to align, its seeds, and whether it is aligned only because the query holds it whole. */
export type AlignedFile = [contentId: number, hits: FileHits, wholeOnly: boolean];

/**
 * The contents worth aligning, best-evidenced first (the lookup stage left out those with too few
 * seeds, lookup.ts): at most MAX_ALIGNED_FILES (or
 * 3 × maxReferencesPerGroup), plus contents with seeds of their own, contents `foundWhole` says
 * the query holds whole (marked: only their whole-spanning regions are of use) and, when the limit
 * cuts through the best-evidenced contents, all of those (see MAX_ALIGNED_FILES).
 */
export function filesToAlign(hitsByFile: HitsByFile, options: MatchOptions, foundWhole?: (contentId: number) => boolean): AlignedFile[] {
  const limit = Math.max(MAX_ALIGNED_FILES, 3 * options.maxReferencesPerGroup);
  // Under the limit every content is aligned, and its seeds need not be counted.
  if (hitsByFile.size <= limit) return Array.from(hitsByFile, ([contentId, hits]): AlignedFile => [contentId, hits, false]);
  const candidates: { contentId: number; hits: FileHits; seeds: Set<number>; rarity: number }[] = [];
  for (const [contentId, hits] of hitsByFile) {
    const seeds = new Set<number>();
    let rarity = 0;
    for (let i = 0; i < hits.hashes.length; i++) {
      const seed = hits.hashes[i]!;
      if (seeds.has(seed)) continue;
      seeds.add(seed);
      rarity += 1 / hits.frequencies[i]!;
    }
    candidates.push({ contentId, hits, seeds, rarity });
  }
  candidates.sort((a, b) => b.seeds.size - a.seeds.size || b.rarity - a.rarity || a.contentId - b.contentId);
  const covered = new Set<number>();
  const chosen: AlignedFile[] = [];
  // When the limit cuts through the best-evidenced contents, the evidence cannot tell them apart:
  // all of them are aligned. Ties further down are weaker than the contents kept.
  const best = candidates[0]!;
  // Rarity is a float sum: the same seeds summed in another order may differ in the last bits.
  const tiedWithBest = (candidate: { seeds: Set<number>; rarity: number }): boolean =>
    candidate.seeds.size === best.seeds.size && Math.abs(candidate.rarity - best.rarity) <= 1e-9 * best.rarity;
  const cutThroughBest = tiedWithBest(candidates[limit - 1]!);
  for (const [rank, candidate] of candidates.entries()) {
    let bringsNewSeed = false;
    for (const seed of candidate.seeds) if (!covered.has(seed)) bringsNewSeed = true;
    if (rank >= limit && !bringsNewSeed && !(cutThroughBest && tiedWithBest(candidate))) {
      if (candidate.seeds.size >= options.minSeeds && foundWhole?.(candidate.contentId) === true) chosen.push([candidate.contentId, candidate.hits, true]);
      continue;
    }
    for (const seed of candidate.seeds) covered.add(seed);
    chosen.push([candidate.contentId, candidate.hits, false]);
  }
  return chosen;
}

/**
 * Whether a content's code seeds span most of its code tokens (WHOLE_CONTENT_SHARE) as densely as
 * winnowing keeps fingerprints (WHOLE_CONTENT_DENSITY): the query holds the whole of it, as a
 * bundle holds a per-function module whose code a bigger indexed file (the library's monolithic
 * build) holds too. Two idioms at a big file's two ends span it too, but sparsely.
 */
export function spansContent(hits: FileHits, contentTokens: number, parameters: FingerprintParameters): boolean {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const positions = new Set<number>();
  for (const position of hits.sourcePositions) {
    positions.add(position);
    if (position < first) first = position;
    if (position > last) last = position;
  }
  const kgrams = Math.max(1, contentTokens - parameters.kgramTokens + 1);
  const kept = (2 * kgrams) / (parameters.windowKgrams + 1);
  return last + parameters.kgramTokens - first >= WHOLE_CONTENT_SHARE * contentTokens && positions.size >= WHOLE_CONTENT_DENSITY * kept;
}

/** Whether a candidate spans most of its content's code tokens (WHOLE_CONTENT_SHARE): the whole of it, not a look-alike stretch. */
export function spansWholeContent(candidate: Candidate, contentTokens: number): boolean {
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  for (const segment of candidate.segments) {
    first = Math.min(first, segment.sourceStart);
    last = Math.max(last, segment.sourceEnd);
  }
  return last - first >= WHOLE_CONTENT_SHARE * contentTokens;
}
