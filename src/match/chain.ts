import type { TokenStream } from "../normalize/token-stream.js";
import { DANGLING_LINE_TOKENS, type MatchOptions, RENAMED_QUERY_SHARE } from "../options.js";
import type { Bridges } from "./bridges.js";
import { chainSeeds } from "./chain-seeds.js";
import { queryChars, sourceSideChars } from "./evidence.js";
import { withoutDanglingLines } from "./match-ends.js";
import type { QueryTables } from "./query-tables.js";
import { rareSeeds } from "./rules.js";
import type { SourceTokens } from "./source-tokens.js";
import type { Candidate, FileHits, Segment } from "./types.js";

/**
 * Segments in query order, each joined to the open chain whose last segment it follows on both
 * sides within maxGap, nearest diagonal first (ties to the oldest chain). A segment that follows
 * no chain's last segment but follows its last but one, nearer that one's diagonal and longer than
 * the last, takes the last's place, which opens a chain of its own: in code with look-alike
 * statements side by side, a look-alike segment starting a token earlier would otherwise take a
 * chain the copy's own continuation then cannot join. Else the segment opens a chain.
 * Sorts `segments` in place.
 */
export function chainInOrder(segments: Segment[], maxGap: number): Segment[][] {
  // Alignment makes them in nearly this order already: checked first, since a sort allocates.
  if (!inQueryOrder(segments)) segments.sort(queryOrder);
  const chains: Segment[][] = [];
  const placement = new Placement(chains, maxGap);
  // Few segments (most contents' few seeds) are weighed against every chain: the bands below find
  // the same chains, but their map and sets would be most of what matching such a content allocates.
  if (segments.length <= FEW_SEGMENTS) {
    for (const segment of segments) {
      placement.begin(segment);
      for (let id = 0; id < chains.length; id++) placement.weigh(id);
      placement.place();
    }
    return chains;
  }
  // A segment joins a chain only if both gaps are within maxGap, so the chain's last segment ends
  // within 2·maxGap of the segment's diagonal: open chains are kept in diagonal bands of that width
  // and only the neighbouring bands are searched. Repetitive code yields hundreds of segments on
  // as many diagonals, and comparing each with every chain was the slowest part of matching.
  const bandWidth = Number.isFinite(maxGap) && maxGap >= 0 ? 2 * maxGap + 1 : Infinity;
  const open = new Map<number, Band>();
  for (const segment of segments) {
    const home = bandOf(segment.queryStart - segment.sourceStart, bandWidth);
    placement.begin(segment);
    // A chain whose last segment the segment could displace ends within 4·maxGap of its diagonal
    // (each of the two follows the last but one within 2·maxGap): two bands either side.
    for (let band = home - 2; band <= home + 2; band++) {
      const members = open.get(band);
      if (!members) continue;
      for (const id of members.longer) {
        // Segments come in query order: a chain this far behind can take no later one either.
        if (segment.queryStart - lastOf(chains[id]!).queryEnd > maxGap) members.longer.delete(id);
        else placement.weigh(id);
      }
      // A chain of one segment has no last but one to be displaced from: it can only be followed,
      // from a neighbouring band, by a segment ending later in the query. The rows of a list
      // matching the same stretch of the query at every offset, hundreds of them, are passed over.
      if (Math.abs(band - home) > 1 || members.singlesEnd >= segment.queryEnd) continue;
      let least = Infinity;
      for (const id of members.singles) {
        const only = chains[id]![0]!;
        if (segment.queryStart - only.queryEnd > maxGap) members.singles.delete(id);
        else {
          if (only.queryEnd < segment.queryEnd) placement.weigh(id);
          least = Math.min(least, only.queryEnd);
        }
      }
      members.singlesEnd = least;
    }
    const changed = placement.chosen();
    const opened = chains.length;
    if (changed >= 0) leave(open, chains[changed]!, changed, bandWidth);
    placement.place();
    if (changed >= 0) enter(open, chains[changed]!, changed, bandWidth);
    if (chains.length > opened) enter(open, chains[opened]!, opened, bandWidth);
  }
  return chains;
}

/**
 * The open chains whose last segment ends on a band's diagonals: those of two segments or more, and
 * those of one, with the least query end among these (or less: it is not raised when one leaves).
 */
class Band {
  readonly longer = new Set<number>();
  readonly singles = new Set<number>();
  singlesEnd = Infinity;
}

function enter(open: Map<number, Band>, chain: readonly Segment[], id: number, bandWidth: number): void {
  const last = lastOf(chain);
  const key = endBand(last, bandWidth);
  let band = open.get(key);
  if (!band) open.set(key, (band = new Band()));
  if (chain.length > 1) band.longer.add(id);
  else {
    band.singles.add(id);
    band.singlesEnd = Math.min(band.singlesEnd, last.queryEnd);
  }
}

function leave(open: Map<number, Band>, chain: readonly Segment[], id: number, bandWidth: number): void {
  const band = open.get(endBand(lastOf(chain), bandWidth))!;
  (chain.length > 1 ? band.longer : band.singles).delete(id);
}

/** Segments up to which weighing each against every chain costs less than the bands' map and sets. */
const FEW_SEGMENTS = 16;

/**
 * Where chainInOrder puts one segment: the chains weighed for it (`weigh`, in any order: ties go to
 * the oldest chain, as a scan in creation order would), then `place`.
 */
class Placement {
  private segment!: Segment;
  private best = -1;
  private bestDistance = Infinity;
  private displaced = -1;
  private displacedDistance = Infinity;

  constructor(
    private readonly chains: Segment[][],
    private readonly maxGap: number,
  ) {}

  begin(segment: Segment): void {
    this.segment = segment;
    this.best = this.displaced = -1;
    this.bestDistance = this.displacedDistance = Infinity;
  }

  weigh(id: number): void {
    const { segment, maxGap } = this;
    const chain = this.chains[id]!;
    const last = lastOf(chain);
    const distance = distanceAfter(last, segment, maxGap);
    if (distance >= 0) {
      if (distance < this.bestDistance || (distance === this.bestDistance && id < this.best)) {
        this.best = id;
        this.bestDistance = distance;
      }
      return;
    }
    if (chain.length < 2 || length(segment) <= length(last)) return;
    const previous = chain[chain.length - 2]!;
    const instead = distanceAfter(previous, segment, maxGap);
    if (instead >= 0 && instead < distanceAfter(previous, last, maxGap) && (instead < this.displacedDistance || (instead === this.displacedDistance && id < this.displaced))) {
      this.displaced = id;
      this.displacedDistance = instead;
    }
  }

  /** The chain whose last segment `place` changes, or -1 when the segment opens a chain. */
  chosen(): number {
    return this.best >= 0 ? this.best : this.displaced;
  }

  /** Joins the segment to its chain; or displaces a chain's last segment, which opens a chain; or opens one. */
  place(): void {
    const { chains, segment } = this;
    if (this.best >= 0) chains[this.best]!.push(segment);
    else if (this.displaced >= 0) {
      const chain = chains[this.displaced]!;
      const last = chain.pop()!;
      chain.push(segment);
      chains.push([last]);
    } else chains.push([segment]);
  }
}

function lastOf(chain: readonly Segment[]): Segment {
  return chain[chain.length - 1]!;
}

function queryOrder(a: Segment, b: Segment): number {
  return a.queryStart - b.queryStart || a.sourceStart - b.sourceStart;
}

function inQueryOrder(segments: readonly Segment[]): boolean {
  for (let i = 1; i < segments.length; i++) if (queryOrder(segments[i - 1]!, segments[i]!) > 0) return false;
  return true;
}

function bandOf(diagonal: number, bandWidth: number): number {
  return bandWidth === Infinity ? 0 : Math.floor(diagonal / bandWidth);
}

/** The band of the diagonal a segment ends on. */
function endBand(segment: Segment, bandWidth: number): number {
  return bandOf(segment.queryEnd - segment.sourceEnd, bandWidth);
}

/** How far `segment` is off `previous`'s diagonal when it follows it within maxGap on both sides, else -1. */
function distanceAfter(previous: Segment, segment: Segment, maxGap: number): number {
  const queryGap = segment.queryStart - previous.queryEnd;
  const sourceGap = segment.sourceStart - previous.sourceEnd;
  if (segment.queryEnd <= previous.queryEnd || segment.sourceEnd <= previous.sourceEnd) return -1;
  if (queryGap > maxGap || sourceGap > maxGap || queryGap < -maxGap || sourceGap < -maxGap) return -1;
  return Math.abs(queryGap - sourceGap);
}

function length(segment: Segment): number {
  return segment.queryEnd - segment.queryStart;
}

/**
 * Whether the chain of `matchedChars` reaches minMatchedChars whatever dangling lines its ends
 * hold: such a line holds at most DANGLING_LINE_TOKENS of its tokens at either end.
 */
function longWithoutEnds(chain: readonly Segment[], context: ChainContext, matchedChars: number): boolean {
  const charsBefore = context.tables.charsBefore;
  const start = chain[0]!.queryStart;
  const end = chain[chain.length - 1]!.queryEnd;
  const ends = charsBefore[Math.min(end, start + DANGLING_LINE_TOKENS)]! - charsBefore[start]! + charsBefore[end]! - charsBefore[Math.max(start, end - DANGLING_LINE_TOKENS)]!;
  return matchedChars - ends >= context.options.minMatchedChars;
}

/**
 * Whether the chain reaches `minChars` counting once, at its query tokens' weight, each stretch of
 * indexed tokens that two segments align with: a stretch of at least a k-gram, which the query
 * holds twice. A shorter overlap is where alignment resumed after an edit, and counts for both.
 */
export function longOnceOnEachSide(chain: readonly Segment[], charsBefore: Int32Array, minChars: number, k: number): boolean {
  let reach = -1;
  let reused = false;
  for (const segment of chain) {
    if (reach - segment.sourceStart >= k) reused = true;
    reach = Math.max(reach, segment.sourceEnd);
  }
  if (!reused) return true;
  const bySource = [...chain].sort((a, b) => a.sourceStart - b.sourceStart);
  let chars = 0;
  let covered = -1;
  for (const segment of bySource) {
    const from = covered - segment.sourceStart >= k ? covered : segment.sourceStart;
    if (segment.sourceEnd > from) {
      const offset = segment.queryStart - segment.sourceStart;
      chars += charsBefore[segment.sourceEnd + offset]! - charsBefore[from + offset]!;
    }
    covered = Math.max(covered, segment.sourceEnd);
  }
  return chars >= minChars;
}

/** What turning one content's chains into candidates reads: its hits, the query and the content's tokens. */
export interface ChainContext {
  readonly contentId: number;
  readonly hits: FileHits;
  /** The hits' indexes in source order (align.ts hitsInSourceOrder). */
  readonly hitsBySource: Uint32Array;
  readonly query: TokenStream;
  readonly tables: QueryTables;
  readonly source: SourceTokens;
  readonly options: MatchOptions;
  /** The fewest matched characters a candidate is kept with (minMatchedChars, or less where it may combine). */
  readonly floorChars: number;
  /** Tokens per k-gram: an indexed stretch this long aligned twice is the query repeating it. */
  readonly kgramTokens: number;
  readonly edgeOnly?: ReadonlySet<number>;
  /**
   * Code: what a candidate's reported lines leave out at its ends (match-ends.ts) counts toward no
   * threshold. Prose is reported over its whole span.
   */
  readonly reportedLines?: boolean;
}

/**
 * Candidates from one content's segments (chained by chainInOrder, then continued at its ends by
 * `bridges`, when given), each with the figures the rules and ranking read (chainCandidate).
 */
export function chainCandidates(segments: Segment[], context: ChainContext, bridges?: Bridges): Candidate[] {
  const candidates: Candidate[] = [];
  for (const chain of chainInOrder(segments, context.options.maxGapTokens)) {
    bridges?.extend(chain);
    const candidate = chainCandidate(chain, context);
    if (candidate) candidates.push(candidate);
  }
  return candidates;
}

/**
 * One chain as a candidate, with the figures the rules and ranking read; undefined when it cannot
 * reach minMatchedChars on either side (nor the context's floor). Overlapping segments (from
 * repetitive code) are clipped so no query token is counted twice.
 */
export function chainCandidate(chain: readonly Segment[], context: ChainContext): Candidate | undefined {
  const { contentId, hits, hitsBySource, query, tables, source, options, floorChars, edgeOnly } = context;
  let matchedTokens = 0;
  let matchedChars = 0;
  // The most the indexed side's names and literals could add: renaming changes only their lengths.
  let namesCouldAdd = 0;
  let literalTokens = 0;
  let covered = -1;
  for (const segment of chain) {
    const from = Math.max(segment.queryStart, covered);
    const to = segment.queryEnd;
    if (to > from) {
      matchedTokens += to - from;
      matchedChars += tables.charsBefore[to]! - tables.charsBefore[from]!;
      namesCouldAdd += tables.namesCouldAddBefore[to]! - tables.namesCouldAddBefore[from]!;
      literalTokens += tables.literalsBefore[to]! - tables.literalsBefore[from]!;
    }
    covered = Math.max(covered, to);
  }
  // Repetitive code makes many short chains: the rest is counted only for those that may be long enough.
  const mayRenameLonger = matchedChars >= RENAMED_QUERY_SHARE * options.minMatchedChars && matchedChars + namesCouldAdd >= options.minMatchedChars;
  if (matchedChars < options.minMatchedChars && !mayRenameLonger && matchedChars < floorChars) return undefined;
  const seeds = chainSeeds(chain[0]!, chain[chain.length - 1]!, hits, hitsBySource, edgeOnly);
  // Short in the query, long enough in the indexed file: renamed to shorter names, if it is a
  // copy at all. Only rare seeds say it is: a shape in many files is an idiom, and other code with
  // longer names has it as well.
  let sourceMatchedChars: number | null = null;
  let complete = matchedChars >= options.minMatchedChars;
  if (!complete && mayRenameLonger && rareSeeds(seeds.frequencySum, seeds.count)) {
    sourceMatchedChars = sourceSideChars(chain, query, source);
    complete = sourceMatchedChars >= options.minMatchedChars;
  }
  // Indexed code aligned twice (a query repeating a parameter list the file writes once) is one
  // copy of it: a region long enough only by counting it twice is short.
  if (complete && sourceMatchedChars === null && !longOnceOnEachSide(chain, tables.charsBefore, options.minMatchedChars, context.kgramTokens)) complete = false;
  // A first or last line the reported lines leave out is a k-gram's context, not copied code: a
  // region long enough only with it is short. Whether it is needs the indexed side's lines, read
  // for few candidates otherwise, so it is settled when the candidate is judged (settleEnds) unless
  // the chain is long enough in the query without as many tokens as such lines hold (complete on
  // the indexed side, it is always checked).
  const endsToCheck = complete && context.reportedLines === true && (sourceMatchedChars !== null || !longWithoutEnds(chain, context, matchedChars));
  if (!complete && matchedChars < floorChars) return undefined;
  return {
    contentId,
    segments: chain,
    matchedTokens,
    matchedChars,
    sourceMatchedChars,
    literalTokens,
    seeds: seeds.count,
    edgeSeeds: seeds.edgeSeeds,
    borrowedSeeds: 0,
    frequencySum: seeds.frequencySum,
    rarestSeedFrequency: seeds.rarestFrequency,
    complete,
    endsToCheck,
  };
}

/**
 * The candidate with its ends settled (Candidate.endsToCheck): complete only if it reaches
 * minMatchedChars without a dangling first or last line; short, it is kept only as evidence the
 * other channel may complete (MatchScope.partialIn).
 */
export function settleEnds(candidate: Candidate, context: ChainContext): Candidate {
  if (!candidate.endsToCheck) return candidate;
  const { query, tables, source, options } = context;
  const kept = withoutDanglingLines(candidate.segments, query, source);
  if (kept === candidate.segments) return { ...candidate, endsToCheck: false };
  const chars = candidate.sourceMatchedChars !== null ? sourceSideChars(kept, query, source) : queryChars(kept, tables.charsBefore);
  return { ...candidate, complete: chars >= options.minMatchedChars, endsToCheck: false };
}
