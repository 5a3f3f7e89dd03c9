import { MIN_IDENTITY_PAIRS, VERBATIM_NAME_SHARE } from "../options.js";
import { BinaryHeap } from "../util/binary-heap.js";
import { RangeIndex } from "../util/range-index.js";
import { overlapShare, sameGroup } from "./line-ranges.js";
import type { Candidate, Evidence, Judged, NameComparison } from "./types.js";

/**
 * Which candidates become references, and in what order: ranked by rankScore, one per content
 * and query range, at most maxPerGroup per group (candidates whose query ranges overlap).
 *
 * A candidate is judged (its evidence measured and the rules applied, `judge`) only when it comes
 * up and would be reported. Until judged it is queued by an upper bound of its score (every query
 * literal it covers counted as identical); judged, by its score. So candidates come up in the order
 * of sorting the judged ones by score, and one left unjudged is one that, when it came up, a kept
 * reference already overlapped in its content or whose group was full, which stays so.
 *
 * In a whole file (`wholeFile`: rules.ts isLongQuery), a group is the
 * candidates sharing more than half of the longer range, not the shorter: a per-function module
 * inside the 200 lines a monolith matches in a bundle is a group of its own, not one more in the
 * monolith's full group. And where a region's origin with every name the query's own is kept, a
 * candidate inside it with some other name is a look-alike (a project's sibling class, the same
 * constructor under another name) and is not reported; inside one with most names the query's own
 * (VERBATIM_NAME_SHARE of MIN_IDENTITY_PAIRS or more: another version of the file), one with fewer.
 * In any query, inside a region whose origin has every string the query's own, a candidate with
 * none of them is a sibling table (another locale's ordinal suffixes under the same numeric keys).
 * And mostly over kept regions of other contents holding a run of identical code as long as a
 * reference must be (`minIdenticalChars`), a candidate is reported only with such a run of its
 * own, with every name and literal the query's own (a module shorter than that, copied whole), or
 * with that much matched code outside those regions: the lines are a copy of the first, and a
 * second origin of them shows the same text; short of it, it is the shape the first origin shares
 * with its sibling files (a distutils command's option rows and `initialize_options` in another
 * command, another locale's table, a UI kit's prop table on other sizes). This holds whichever
 * came up first: a sibling's rarer seeds can rank it before the copy.
 *
 * A candidate turned down may be offered again narrower (`narrower`, matcher.ts): the part of its
 * chain that is a copy, without the look-alike stretch the chain began or ended on.
 */
export function selectReferences(
  candidates: readonly Candidate[],
  judge: (candidate: Candidate) => Evidence | null,
  selection: Selection,
  narrower?: (candidate: Candidate) => Candidate | undefined,
): Judged[] {
  const { maxPerGroup, wholeFile, minIdenticalChars, queryChars } = selection;
  const queue = new BinaryHeap<QueuedCandidate>(queuedBefore);
  for (let index = 0; index < candidates.length; index++) {
    const candidate = candidates[index]!;
    queue.push({ candidate, index, score: rankScoreBound(candidate), evidence: null });
  }
  const selected: Judged[] = [];
  // How many copied regions (identicalRanges) there were when each selected reference was kept.
  const copiesWhenKept: number[] = [];
  // Group ids are RangeIndex ids: groups in the order they were made.
  const groups = new RangeIndex();
  const groupSizes: number[] = [];
  const kept = new Map<number, [number, number][]>();
  // In a whole file, the ranges of kept regions whose names are all the query's own, and of those
  // with most of them (VERBATIM_NAME_SHARE).
  const exact = wholeFile ? new RangeIndex() : undefined;
  const verbatim = wholeFile ? new RangeIndex() : undefined;
  const sameStrings = new RangeIndex();
  // Kept regions holding a reference's length of identical code, and their contents.
  const identicalRanges = new RangeIndex();
  const identicalContents = new Map<readonly [number, number], number>();
  // A candidate without such a run of its own, mostly over other contents' such regions, whose
  // matched code outside them is shorter than a reference must be: the shape the copy's origin
  // shares with it.
  const lookAlikeOfCopy = (candidate: Candidate, evidence: Evidence, queryRange: readonly [number, number]): boolean => {
    if (identicalThroughout(evidence.names) || evidence.names.identicalRunChars >= minIdenticalChars) return false;
    const copies = identicalRanges.overlapping(queryRange, (range) => identicalContents.get(range) !== candidate.contentId);
    if (copies.length === 0) return false;
    // Most of it over the copies, and what lies outside them too short to be a reference alone.
    const outside = charsOutside(candidate, copies, queryChars);
    return outside < minIdenticalChars && 2 * outside < segmentChars(candidate, queryChars);
  };
  while (queue.size > 0) {
    const entry = queue.pop();
    const candidate = entry.candidate;
    const queryRange = rangeOf(candidate);
    // The same content matching the same query tokens twice (repetitive code) is one reference.
    const keptInContent = kept.get(candidate.contentId);
    if (keptInContent?.some((range) => overlapShare(range, queryRange) > 0.5)) continue;
    let group = groups.first(queryRange, (range) => sameGroup(range, queryRange, wholeFile));
    if (group !== -1 && groupSizes[group]! >= maxPerGroup) continue;
    if (entry.evidence === null) {
      const evidence = judge(candidate);
      if (evidence === null) {
        // Turned down, it may still hold a copy its chain ran into from look-alike code (`narrower`):
        // that part alone comes up in its turn.
        const alternative = narrower?.(candidate);
        if (alternative) queue.push({ candidate: alternative, index: entry.index, score: rankScoreBound(alternative), evidence: null });
        continue;
      }
      queue.push({ candidate, index: entry.index, score: rankScore(candidate, evidence), evidence });
      continue;
    }
    const names = entry.evidence.names;
    if (exact && verbatim) {
      const ownNames = names.pairs >= MIN_IDENTITY_PAIRS && names.sameShare >= VERBATIM_NAME_SHARE;
      if ((names.sameShare < 1 && inside(exact, queryRange)) || (!ownNames && inside(verbatim, queryRange))) continue;
      if (names.pairs > 0 && names.sameShare === 1) exact.add(queryRange);
      if (ownNames) verbatim.add(queryRange);
    }
    // Strings compared (MIN_IDENTITY_PAIRS at least): inside a region whose every string is the
    // query's own, one with none of them is a sibling table sharing only its keys or numbers.
    const stringPairs = names.literalPairs - names.keptLiteralPairs;
    const sameStringCount = names.sameLiterals - names.sameKeptLiterals;
    if (stringPairs >= MIN_IDENTITY_PAIRS && sameStringCount === 0 && inside(sameStrings, queryRange)) continue;
    if (stringPairs >= MIN_IDENTITY_PAIRS && sameStringCount === stringPairs) sameStrings.add(queryRange);
    const identical = names.identicalRunChars >= minIdenticalChars;
    if (!identical && lookAlikeOfCopy(candidate, entry.evidence, queryRange)) continue;
    if (identical) {
      identicalRanges.add(queryRange);
      identicalContents.set(queryRange, candidate.contentId);
    }
    if (group === -1) {
      group = groups.add(queryRange);
      groupSizes.push(0);
    }
    groupSizes[group]!++;
    if (keptInContent) keptInContent.push(queryRange);
    else kept.set(candidate.contentId, [queryRange]);
    selected.push({ candidate, evidence: entry.evidence, queryRange, group });
    copiesWhenKept.push(identicalRanges.size);
  }
  // A region kept before a lower-ranked one with a run of identical code over the same lines is
  // that copy's look-alike all the same; one kept after the last copy was checked against it then.
  const copies = identicalRanges.size;
  const reported = selected.filter((judged, i) => copiesWhenKept[i] === copies || !lookAlikeOfCopy(judged.candidate, judged.evidence, judged.queryRange));
  // Presented group by group (groups in order of their best reference), best origin first in each:
  // the sort is stable, so within a group the order is the order of selection.
  return reported.sort((a, b) => a.group - b.group);
}

/** How references are chosen among a query's candidates (see selectReferences). */
export interface Selection {
  /** References at most in a group of overlapping query ranges (MatchOptions.maxReferencesPerGroup). */
  readonly maxPerGroup: number;
  /** The query is a whole file (rules.ts isLongQuery): its explain-away rules apply. */
  readonly wholeFile: boolean;
  /**
   * Identical code that makes a region a copy of its origin, and that another origin of its lines
   * must show too (MatchOptions.minMatchedChars); 0 for prose, matched only where its words are the same.
   */
  readonly minIdenticalChars: number;
  /** The query's normalized characters before each token (QueryTables.charsBefore). */
  readonly queryChars: Int32Array;
}

/** The query tokens a candidate spans, first to last (inclusive). */
function rangeOf(candidate: Candidate): [number, number] {
  const segments = candidate.segments;
  return [segments[0]!.queryStart, segments[segments.length - 1]!.queryEnd - 1];
}

/** The query characters `candidate`'s segments match, each counted once where segments overlap (repetitive code). */
function segmentChars(candidate: Candidate, charsBefore: Int32Array): number {
  return charsOutside(candidate, [], charsBefore);
}

/** The query characters `candidate`'s segments match outside every one of `ranges`, each counted once. */
function charsOutside(candidate: Candidate, ranges: readonly (readonly [number, number])[], charsBefore: Int32Array): number {
  const covered = ranges.slice().sort((a, b) => a[0] - b[0]);
  let chars = 0;
  let counted = 0;
  for (const segment of candidate.segments) {
    // Positions from `from` on are not yet counted (by this segment or an earlier one); ranges are inclusive.
    let from = Math.max(segment.queryStart, counted);
    const queryEnd = segment.queryEnd;
    counted = Math.max(counted, queryEnd);
    for (const [start, end] of covered) {
      if (end < from || start >= queryEnd) continue;
      if (start > from) chars += charsBefore[start]! - charsBefore[from]!;
      from = Math.max(from, end + 1);
      if (from >= queryEnd) break;
    }
    if (from < queryEnd) chars += charsBefore[queryEnd]! - charsBefore[from]!;
  }
  return chars;
}

/** Every aligned name and literal the very same text on both sides. */
function identicalThroughout(names: NameComparison): boolean {
  return names.sameShare === 1 && names.sameLiterals === names.literalPairs;
}

/** Whether a range of `ranges` holds `queryRange` whole. */
function inside(ranges: RangeIndex, queryRange: readonly [number, number]): boolean {
  return ranges.first(queryRange, (range) => range[0] <= queryRange[0] && queryRange[1] <= range[1]) !== -1;
}

/** A candidate in selectReferences's queue: its rank score once judged, an upper bound of it before. */
interface QueuedCandidate {
  readonly candidate: Candidate;
  /** Position among the candidates: ties in score and content keep the candidates' order. */
  readonly index: number;
  readonly score: number;
  /** Null until judged. */
  readonly evidence: Evidence | null;
}

/** Whether `a` comes before `b`: higher score, then lower content id, then earlier candidate. */
function queuedBefore(a: QueuedCandidate, b: QueuedCandidate): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.candidate.contentId !== b.candidate.contentId) return a.candidate.contentId < b.candidate.contentId;
  return a.index < b.index;
}

/**
 * Matched tokens, discounted by how common the seeds that found them are, plus one for each
 * literal with the very same text: among origins of similar length the one whose code is rarest
 * in the index (most likely the original) comes first, and among look-alike files (the same
 * shape, other data) the one whose data the query holds.
 */
function rankScore(candidate: Candidate, evidence: Evidence): number {
  return rarityWeightedTokens(candidate) + evidence.names.sameLiterals;
}

/** rankScore before judging: as if every literal the candidate covers were the same in the file. */
function rankScoreBound(candidate: Candidate): number {
  return rarityWeightedTokens(candidate) + candidate.literalTokens;
}

/** A candidate found through seeds unique to its file keeps its full weight; through seeds in many, about half. */
function rarityWeightedTokens(candidate: Candidate): number {
  const meanFrequency = candidate.frequencySum / Math.max(1, candidate.seeds);
  return candidate.matchedTokens * (0.5 + 0.5 / Math.max(1, meanFrequency));
}
