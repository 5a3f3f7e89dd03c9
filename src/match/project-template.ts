import { MAX_REPETITION_FILES, type MatchOptions, PROJECT_IDIOM_FILES, REPETITION_OCCURRENCES_PER_FILE, TEMPLATE_STRETCH_QUERY_SHARE } from "../options.js";
import { lowerBound } from "../util/search.js";
import type { ChainContext } from "./chain.js";
import { chainSeeds } from "./chain-seeds.js";
import { type MatchIndex, occurrenceContent, occurrencePosition } from "./match-index.js";
import type { Candidate } from "./types.js";

/** What the rule asks of the index: the common table's counts, and the contents holding a fingerprint. */
export type TemplateIndex = Pick<MatchIndex, "commonContentCount" | "commonSourceCount" | "occurrences">;

/**
 * Whether `candidate` rests on its project's template (PROJECT_IDIOM_FILES): fewer than minSeeds of
 * its seeds (the other channel's it borrows counted) are other than the project's idioms, and
 * either one of its seeds is in fewer files than a template's, so the region as a whole is not one
 * the project repeats, or, every seed being in that many files, it is under
 * TEMPLATE_STRETCH_QUERY_SHARE of its query or not one stretch the project repeats (repeatedStretch).
 * Asked of a region without a run of minMatchedChars identical characters. A file written from
 * the template matches each sibling by idioms each shared with other siblings, where a copy of one
 * keeps that file's own fingerprints or its text, and a module the project writes over and over is
 * one stretch in all of them (its copy names the project, whichever file it is).
 */
export function templateOnly(
  candidate: Candidate,
  { hits, hitsBySource, edgeOnly }: Pick<ChainContext, "hits" | "hitsBySource" | "edgeOnly">,
  index: TemplateIndex,
  options: MatchOptions,
  /** The query's tokens (a scanned file's, for one window of it). */
  queryTokens: number,
  /** The query's reads so far, shared by its candidates. */
  reads: TemplateReads = new TemplateReads(index),
): boolean {
  const needed = options.minSeeds - candidate.borrowedSeeds;
  // At most this many seeds are in PROJECT_IDIOM_FILES files: with enough others, none need be read.
  if (candidate.seeds - Math.floor(candidate.frequencySum / PROJECT_IDIOM_FILES) >= needed) return false;
  // The project's idioms; the other seeds also in PROJECT_IDIOM_FILES files or more (of several
  // projects); and whether any seed is in fewer.
  const idioms = new Set<number>();
  const widespread = new Set<number>();
  let rare = false;
  const counted = (hash: number): boolean => {
    if ((index.commonContentCount(hash) ?? 0) < PROJECT_IDIOM_FILES) rare = true;
    else if ((index.commonSourceCount(hash) ?? Infinity) <= options.maxSourceFrequency) idioms.add(hash);
    else widespread.add(hash);
    return !idioms.has(hash);
  };
  const { segments } = candidate;
  const first = segments[0]!;
  const last = segments[segments.length - 1]!;
  const own = chainSeeds(first, last, hits, hitsBySource, edgeOnly, counted).count;
  if (own >= needed || idioms.size === 0) return false;
  // A seed in fewer files than a template's: the region as a whole is not repeated.
  if (rare) return true;
  // Nothing but seeds that many files hold, and little of its query: one of the idioms the text
  // holds, whichever files repeat it.
  if (candidate.matchedTokens < TEMPLATE_STRETCH_QUERY_SHARE * queryTokens) return true;
  // Where each of those seeds is in the candidate's content (its first place inside the span).
  const places = new Map<number, number>();
  for (let i = 0; i < hits.hashes.length; i++) {
    const hash = hits.hashes[i]!;
    const q = hits.queryPositions[i]!;
    const at = hits.sourcePositions[i]!;
    if (!(idioms.has(hash) || widespread.has(hash)) || q < first.queryStart || q >= last.queryEnd || at < first.sourceStart || at >= last.sourceEnd) continue;
    const seen = places.get(hash);
    if (seen === undefined || at < seen) places.set(hash, at);
  }
  return !repeatedStretch(places, reads, options.maxGapTokens);
}

/**
 * Whether at least PROJECT_IDIOM_FILES contents hold the seeds (hash → place in the candidate's
 * content) as one stretch: each as far from the first as there, give or take `slack` tokens (an
 * edited statement). A helper the project repeats is; a template's lines, with each file's own code
 * between them, are not, however many files hold them all.
 */
function repeatedStretch(places: ReadonlyMap<number, number>, reads: TemplateReads, slack: number): boolean {
  const ordered = [...places].sort((a, b) => a[1] - b[1]);
  if (ordered.length === 0) return false;
  const seeds: { readonly offset: number; readonly places: ReadonlyMap<number, readonly number[]> }[] = [];
  for (const [hash, at] of ordered) {
    const byContent = reads.placesByContent(hash);
    // More occurrences than a repetition fingerprint may have: not read whole, so not compared.
    if (!byContent) return false;
    seeds.push({ offset: at - ordered[0]![1], places: byContent });
  }
  let holding = 0;
  const lists: (readonly number[])[] = [];
  for (const [contentId, anchors] of seeds[0]!.places) {
    // A content missing any seed cannot hold the stretch, whatever its anchors.
    lists.length = 0;
    for (const seed of seeds) {
      const list = seed.places.get(contentId);
      if (!list) break;
      lists.push(list);
    }
    if (lists.length < seeds.length) continue;
    const together = anchors.some((anchor) => seeds.every(({ offset }, s) => holdsWithin(lists[s]!, anchor + offset - slack, anchor + offset + slack)));
    if (together && ++holding >= PROJECT_IDIOM_FILES) return true;
  }
  return false;
}

/** Whether increasing `places` hold one in [from, to]: a repetitive content holds a seed at hundreds of places. */
function holdsWithin(places: readonly number[], from: number, to: number): boolean {
  const at = lowerBound(places, from);
  return at < places.length && places[at]! <= to;
}

/**
 * One query's posting lists as repeatedStretch reads them, each decoded once: a file of rows (a
 * list of names, a table) has hundreds of candidates asking about the same few fingerprints.
 */
export class TemplateReads {
  private readonly byHash = new Map<number, ReadonlyMap<number, readonly number[]> | null>();

  constructor(private readonly index: TemplateIndex) {}

  /**
   * Each content's places of `hash`, in increasing order as the posting list holds them; null
   * when it has more occurrences than a repetition fingerprint may (read no further).
   */
  placesByContent(hash: number): ReadonlyMap<number, readonly number[]> | null {
    let byContent = this.byHash.get(hash);
    if (byContent !== undefined) return byContent;
    const limit = MAX_REPETITION_FILES * REPETITION_OCCURRENCES_PER_FILE;
    const occurrences = this.index.occurrences(hash, limit + 1);
    if (occurrences.length > limit) byContent = null;
    else {
      const lists = new Map<number, number[]>();
      for (const packed of occurrences) {
        const contentId = occurrenceContent(packed);
        let list = lists.get(contentId);
        if (!list) lists.set(contentId, (list = []));
        list.push(occurrencePosition(packed));
      }
      byContent = lists;
    }
    this.byHash.set(hash, byContent);
    return byContent;
  }
}
