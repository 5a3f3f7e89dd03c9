import { MAX_ALIGNED_FILES, type MatchOptions } from "../options.js";
import type { FileHits, HitsByFile } from "./types.js";

/**
 * The contents worth aligning, best-evidenced first (the lookup stage left out those with too few
 * seeds, lookup.ts): at most MAX_ALIGNED_FILES (or
 * 3 × maxReferencesPerGroup), plus contents with seeds of their own and, when the limit cuts
 * through the best-evidenced contents, all of those (see MAX_ALIGNED_FILES).
 */
export function filesToAlign(hitsByFile: HitsByFile, options: MatchOptions): [number, FileHits][] {
  const limit = Math.max(MAX_ALIGNED_FILES, 3 * options.maxReferencesPerGroup);
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
  if (candidates.length <= limit) return candidates.map((c) => [c.contentId, c.hits]);
  candidates.sort((a, b) => b.seeds.size - a.seeds.size || b.rarity - a.rarity || a.contentId - b.contentId);
  const covered = new Set<number>();
  const chosen: [number, FileHits][] = [];
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
    if (rank >= limit && !bringsNewSeed && !(cutThroughBest && tiedWithBest(candidate))) continue;
    for (const seed of candidate.seeds) covered.add(seed);
    chosen.push([candidate.contentId, candidate.hits]);
  }
  return chosen;
}
