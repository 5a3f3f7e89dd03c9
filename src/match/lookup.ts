import type { Fingerprints } from "../fingerprint/winnow.js";
import type { TokenStream } from "../normalize/token-stream.js";
import { LOOKUP_OCCURRENCES_PER_FILE, MAX_REPETITION_FILES, MIN_SAME_DATA_NAMES, type MatchOptions, REPETITION_OCCURRENCES_PER_FILE } from "../options.js";
import { IntCounts } from "../util/int-counts.js";
import { runCount, runKeys } from "../util/runs.js";
import { slabInt32 } from "../util/slab.js";
import { type MatchIndex, occurrenceContent, occurrencePosition } from "./match-index.js";
import type { FileHits, HitsByFile } from "./types.js";

/**
 * The lookup stage: every occurrence of the query's fingerprints, minus boilerplate, in the
 * contents that hold enough distinct ones to seed a reference. Most contents a query hits hold
 * one; they are left out before any per-file arrays are made.
 */

/**
 * A candidate's seeds are distinct fingerprints hitting its content: a content hit by fewer than
 * this many of them cannot yield a reference.
 */
export function seedsNeeded(options: MatchOptions): number {
  return Math.max(1, Math.ceil(options.minSeeds));
}

/**
 * The options a short query's second look matches its code with: one seed suffices for a table
 * (literals at least dataLiteralShare of its tokens, MIN_SAME_DATA_NAMES of them, and a
 * fingerprint whose k-gram recurs: rows of one shape, which a table shorter than the data channel's
 * window shares with its file as its only fingerprint), the region then kept only as data copied
 * whole (rules.ts identicalData); elsewhere `options` as they are, so code that is no table pays
 * nothing for it.
 */
export function secondLookOptions(tokens: TokenStream, fingerprints: Fingerprints, options: MatchOptions): MatchOptions {
  if (options.minSeeds <= 1) return options;
  let literals = 0;
  for (let i = 0; i < tokens.count; i++) if (tokens.literalClasses.includes(tokens.hashes[i]!)) literals++;
  if (literals < MIN_SAME_DATA_NAMES || literals < options.dataLiteralShare * tokens.count) return options;
  for (let i = 0; i < fingerprints.count; i++) {
    const hash = fingerprints.hashes[i]!;
    let seen = 0;
    for (let p = 0; p < fingerprints.kgrams.length && seen < 2; p++) if (fingerprints.kgrams[p] === hash) seen++;
    if (seen >= 2) return { ...options, minSeeds: 1 };
  }
  return options;
}

/** A hash's occurrences, and in how many contents they are. */
export interface Posting {
  readonly occurrences: number[];
  readonly files: number;
}

const contentOf = occurrenceContent;

/** A number per content (util/int-counts.ts IntCounts is one, a Map another). */
export interface ContentCounts {
  get(contentId: number): number | undefined;
  forEach(visit: (count: number, contentId: number) => void): void;
}

/** A query channel's fingerprints looked up: each distinct hash's posting (null when boilerplate or absent), and distinct seeds per content. */
export interface Lookup {
  readonly postings: ReadonlyMap<number, Posting | null>;
  readonly seedsPerContent: ContentCounts;
}

export const NO_LOOKUP: Lookup = { postings: new Map(), seedsPerContent: new Map() };

/** The hits of the contents holding at least seedsNeeded of the query's fingerprints. */
export function collectHits(fingerprints: Fingerprints, index: MatchIndex, options: MatchOptions): HitsByFile {
  const needed = seedsNeeded(options);
  return hitsOf(lookUp(fingerprints, index, options), fingerprints, (_, seeds) => seeds >= needed);
}

/**
 * Every distinct fingerprint's posting, minus boilerplate, and how many distinct ones each content
 * holds. `seedable`, when given, is couldSeed's answer for these fingerprints under these options
 * (the miss screen's), so couldSeed is not asked again.
 */
export function lookUp(fingerprints: Fingerprints, index: MatchIndex, options: MatchOptions, seedable?: ReadonlySet<number>): Lookup {
  // Occurrences beyond this cannot change the verdict "too common". A negative limit is none:
  // an unbounded cut-off decodes every occurrence.
  const rowLimit = Number.isFinite(options.maxFileFrequency) ? Math.floor(options.maxFileFrequency) * LOOKUP_OCCURRENCES_PER_FILE + 1 : -1;
  // Per distinct hash: its posting, or null when it is boilerplate or absent.
  const seen = new Map<number, Posting | null>();
  // The postings' contents summed over the hashes: seedsPerContent counts this many or fewer.
  let contentRuns = 0;
  for (let i = 0; i < fingerprints.count; i++) {
    const hash = fingerprints.hashes[i]!;
    if (seen.has(hash)) continue;
    let entry: Posting | null = null;
    // Absent, or boilerplate known from the common table: no posting list to read.
    if (seedable ? seedable.has(hash) : couldSeed(hash, index, options)) {
      const knownFiles = index.commonContentCount(hash);
      if (knownFiles === undefined || knownFiles <= options.maxFileFrequency) {
        const found = index.occurrences(hash, rowLimit);
        const files = runCount(found, contentOf);
        if ((rowLimit < 0 || found.length < rowLimit) && files <= options.maxFileFrequency) entry = { occurrences: found, files };
        else if (knownFiles === undefined) entry = projectRepetition(hash, index, options);
      } else {
        entry = projectRepetition(hash, index, options);
      }
    }
    seen.set(hash, entry);
    if (entry) contentRuns += entry.files;
  }
  // Distinct hashes per content (each distinct hash counted once).
  const seedsPerContent = new IntCounts(contentRuns);
  const contents: number[] = [];
  for (const entry of seen.values()) if (entry) for (const contentId of runKeys(entry.occurrences, contentOf, contents)) seedsPerContent.add(contentId, 1);
  return { postings: seen, seedsPerContent };
}

/**
 * The hits, per content, of the contents `keep` accepts given their distinct seeds. Most contents a
 * query hits hold one seed; they are left out before any per-content arrays are made. The kept
 * contents' hits are counted first, so each content's arrays are made once, at their size, from
 * the query's slabs, not grown (and copied) hit by hit.
 */
export function hitsOf(lookup: Lookup, fingerprints: Fingerprints, keep: (contentId: number, seeds: number) => boolean): HitsByFile {
  const { postings, seedsPerContent } = lookup;
  // Hits per kept content; asked once per content, before the occurrences.
  const kept: number[] = [];
  seedsPerContent.forEach((seeds, contentId) => {
    if (keep(contentId, seeds)) kept.push(contentId);
  });
  const hitsByFile: HitsByFile = new Map();
  if (kept.length === 0) return hitsByFile;
  const counts = new IntCounts(kept.length);
  for (const contentId of kept) counts.set(contentId, 0);
  for (let i = 0; i < fingerprints.count; i++) {
    const occurrences = postings.get(fingerprints.hashes[i]!)?.occurrences;
    if (!occurrences) continue;
    for (let o = 0; o < occurrences.length; o++) {
      const contentId = contentOf(occurrences[o]!);
      const count = counts.get(contentId);
      if (count !== undefined) counts.set(contentId, count + 1);
    }
  }
  // From here `counts` is each content's next free place.
  for (let i = 0; i < fingerprints.count; i++) {
    const hash = fingerprints.hashes[i]!;
    const entry = postings.get(hash);
    if (!entry) continue;
    const { occurrences, files: frequency } = entry;
    const queryPosition = fingerprints.positions[i]!;
    for (let o = 0; o < occurrences.length; o++) {
      const packed = occurrences[o]!;
      const contentId = contentOf(packed);
      const count = counts.get(contentId);
      if (count === undefined) continue;
      let hits = hitsByFile.get(contentId);
      // At a content's first hit `count` is its number of hits, and its arrays are made that long.
      let at = count;
      if (!hits) {
        hits = { queryPositions: slabInt32(count), sourcePositions: slabInt32(count), hashes: slabInt32(count), frequencies: slabInt32(count) } satisfies FileHits;
        hitsByFile.set(contentId, hits);
        at = 0;
      }
      counts.set(contentId, at + 1);
      hits.queryPositions[at] = queryPosition;
      hits.sourcePositions[at] = occurrencePosition(packed);
      hits.hashes[at] = hash;
      hits.frequencies[at] = frequency;
    }
  }
  return hitsByFile;
}

/**
 * What the lookup stage can tell of a hash from memory alone: false when the index says it is
 * absent, or lists it as in more files than any seed may be; true when it may seed.
 */
export function couldSeed(hash: number, index: MatchIndex, options: MatchOptions): boolean {
  if (!index.mayContain(hash)) return false;
  const knownFiles = index.commonContentCount(hash);
  if (knownFiles === undefined || knownFiles <= options.maxFileFrequency) return true;
  if (options.maxSourceFrequency < 1 || knownFiles > MAX_REPETITION_FILES) return false;
  return (index.commonSourceCount(hash) ?? 0) <= options.maxSourceFrequency;
}

/**
 * A fingerprint above the file cut-off, kept when its files are all in at most maxSourceFrequency
 * sources and at most MAX_REPETITION_FILES of them (see MatchOptions.maxSourceFrequency).
 */
function projectRepetition(hash: number, index: MatchIndex, options: MatchOptions): Posting | null {
  // Known boilerplate (many sources) was refused by couldSeed before its long posting list is read.
  if (options.maxSourceFrequency < 1) return null;
  const limit = MAX_REPETITION_FILES * REPETITION_OCCURRENCES_PER_FILE;
  const found = index.occurrences(hash, limit + 1);
  const files = runCount(found, contentOf);
  if (found.length > limit || files > MAX_REPETITION_FILES) return null;
  if (index.sourceCount(hash, found) > options.maxSourceFrequency) return null;
  return { occurrences: found, files };
}
