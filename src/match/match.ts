import { type Fingerprints, type FingerprintParameters } from "../fingerprint/fingerprint.js";
import { TOKENS_PER_CHUNK, chunkKey, tokenSignature, type DecodedChunk } from "../index/token-chunks.js";
import type { LicenseProvenance } from "../corpus/license-detect.js";
import { occurrenceContent, occurrencePosition } from "../index/posting-list.js";
import type { IndexReader } from "../index/store.js";
import { MAX_TOKEN_CHARS, type TokenStream, nameChars } from "../normalize/normalize.js";
import { sourceLink } from "./links.js";

export interface MatchOptions {
  /**
   * A reference is reported only when the shared code is at least this many normalized
   * characters (non-whitespace, non-comment source characters, each token capped) in the query or
   * in the indexed file: renaming a copy's names and strings to short ones shortens the query, not
   * the code it copied. 150 is the figure public code-referencing filters use for "long enough to
   * be a copy, not an idiom".
   */
  readonly minMatchedChars: number;
  /**
   * A fingerprint found in more than this many indexed files is boilerplate (import blocks,
   * interop helpers, license-header code): it never seeds a reference, though a match found
   * through rarer fingerprints may extend across it. 64 (bench/QUALITY.md's sweep): against 32 it
   * finds 2 points more renamed and near-miss copies at the same false-positive rate.
   */
  readonly maxFileFrequency: number;
  /**
   * Two matched segments are one region when the gap between them is at most this many tokens
   * on each side: one edited statement, so a near-copy reads as one reference, not several.
   */
  readonly maxGapTokens: number;
  /**
   * Share of a region's k-grams that must be distinct. After names and literals are abstracted,
   * import lists, `require` blocks and data tables are the same few k-grams over and over, and
   * any two such blocks match token for token; real code repeats itself far less (≥ 0.9 typically).
   */
  readonly minDistinctKgramShare: number;
  /**
   * Least share of a region's repeated identifier occurrences that must correspond one to one
   * between the two sides (see ReferenceExplanation.nameConsistency). A copy keeps its names or
   * renames them consistently (Baker's parameterized match); code that only shares a shape, such
   * as `check(a.b, "x")` over and over, maps the same name to many. 0.6 (sweep): 0.8 also turned
   * away near-misses whose inserted statement shifts part of the alignment.
   */
  readonly minNameConsistency: number;
  /**
   * Name consistency is judged once a region's names repeat at least this often: a name's first
   * pairing is free, so with fewer repeats there is too little to judge by.
   */
  readonly minNameRepeats: number;
  /**
   * Distinct query fingerprints that must hit the region. One seed extended past the threshold
   * is how shape-alike code slips through; a copy of any length yields several.
   */
  readonly minSeeds: number;
  /**
   * A fingerprint above maxFileFrequency still seeds when every file it is in belongs to at most
   * this many sources. Boilerplate spans projects; a project's own repetition (moment's 130
   * locale files, CPython's encoding tables) is in one, and a match on it names that project.
   * Which of its look-alike files is meant is then told by the literals (sameLiteralShare).
   */
  readonly maxSourceFrequency: number;
  /**
   * At most this many references per group (the same query lines found in several different
   * files), best first: past a handful, more look-alike files are noise, not information.
   */
  readonly maxReferencesPerGroup: number;
}

export const DEFAULT_MATCH_OPTIONS: MatchOptions = {
  minMatchedChars: 150,
  maxFileFrequency: 64,
  maxGapTokens: 24,
  minDistinctKgramShare: 0.5,
  minNameConsistency: 0.6,
  minNameRepeats: 3,
  minSeeds: 2,
  maxSourceFrequency: 1,
  maxReferencesPerGroup: 10,
};

/**
 * A project-repetition fingerprint (see maxSourceFrequency) in more files than this is not used:
 * aligning the query against every one of them would cost more than a suggestion's budget.
 */
export const MAX_REPETITION_FILES = 512;

/** Why a reference was reported, in figures a reviewer can check. */
export interface ReferenceExplanation {
  /** Distinct query fingerprints that hit this file inside the region. */
  readonly seedFingerprints: number;
  /** Mean number of indexed files each seed occurs in (1 = unique to this file). */
  readonly meanSeedFileFrequency: number;
  /** Normalized characters of the query covered by the matched segments. */
  readonly matchedChars: number;
  /**
   * The same on the indexed side: each identifier and literal at its indexed length, every other
   * token as in the query (the two are the same token there).
   */
  readonly sourceMatchedChars: number;
  /** matchedTokens / tokens of the query. */
  readonly queryCoverage: number;
  /** matchedTokens / tokens of the source file. */
  readonly sourceCoverage: number;
  /** Share of distinct k-grams among the matched ones (1 = no repetition). */
  readonly distinctKgramShare: number;
  /**
   * Of the repeated identifier occurrences aligned between the two sides, the share that keeps
   * to one consistent one-to-one renaming (1 = unchanged or consistently renamed).
   */
  readonly nameConsistency: number;
  /** How many of those repeats there were: the evidence nameConsistency rests on. */
  readonly nameRepeats: number;
  /** Of the aligned identifiers, the share with the very same text on both sides (1 = names unchanged). */
  readonly sameNameShare: number;
  /**
   * Of the aligned literals (strings, numbers), the share with the very same text on both sides
   * (1 when there are none). Not a filter: it ranks look-alike files, the one whose data was copied first.
   */
  readonly sameLiteralShare: number;
}

/** One place the matched code occurs in the index. */
export interface Origin {
  /** Name of the corpus source (from the manifest). */
  readonly source: string;
  readonly repository: string | null;
  readonly revision: string | null;
  /** File path inside the source. */
  readonly path: string;
  /** SPDX license expression (or NOASSERTION) of this file. */
  readonly license: string;
  /** Where that license came from: manifest, file-header, declared, license-file or none. */
  readonly licenseProvenance: LicenseProvenance;
  /** Link to the exact lines where the host is known, else the repository URL, else null. */
  readonly url: string | null;
}

export interface Reference extends Origin {
  /**
   * Every file with exactly this content, the origin above first (vendored copies, forks, cjs/esm
   * twins); the fields above repeat the first one.
   */
  readonly origins: readonly Origin[];
  /** True when the origins' licenses differ: which one applies needs a person's judgement. */
  readonly licenseConflict: boolean;
  /** 1-based inclusive line range in the indexed file. */
  readonly sourceLines: [number, number];
  /** 1-based inclusive line range in the query. */
  readonly queryLines: [number, number];
  /** Query tokens covered by token-for-token matching segments. */
  readonly matchedTokens: number;
  /** Share of the query's tokens this reference covers, 0–1. */
  readonly similarity: number;
  /**
   * References whose query ranges overlap share a group number (1 = the best-matching group):
   * one piece of code found in several indexed files is one group with several origins.
   */
  readonly group: number;
  readonly explanation: ReferenceExplanation;
}

export interface Segment {
  queryStart: number;
  queryEnd: number; // exclusive
  sourceStart: number;
  sourceEnd: number; // exclusive
}

interface Region {
  /** The indexed content (one per distinct file text) the region lies in. */
  contentId: number;
  segments: Segment[];
  matchedTokens: number;
  matchedChars: number;
  /** sourceSideChars of the segments, -1 until it is needed. */
  sourceMatchedChars: number;
  /** Of the k-grams the region covers in the query, the share that are distinct; -1 until it is judged. */
  distinctKgramShare: number;
  seeds: Set<number>;
  frequencySum: number;
  /** Files the rarest seed is in: above maxFileFrequency, every seed is a project's repetition. */
  rarestSeedFrequency: number;
  /** Identifier occurrences aligned between the two sides. */
  namePairs: number;
  /** Distinct query-side names among those pairs. */
  distinctNames: number;
  nameRepeats: number;
  nameConsistency: number;
  sameNameShare: number;
  /** Query literals in the region: the most sameLiterals can be, before compareNames counts it. */
  literalTokens: number;
  literalPairs: number;
  sameLiterals: number;
  /** Aligned numbers and regular expressions (TokenStream.keptLiteralClasses): literals a renaming keeps. */
  keptLiteralPairs: number;
  sameKeptLiterals: number;
  /** Whether the same kept literals are more than one value repeated. */
  sameKeptLiteralsVary: boolean;
}

/** Source-side token signatures and lines, read chunk by chunk on demand within one match. */
class SourceTokens {
  private readonly chunks = new Map<number, DecodedChunk | null>();
  constructor(
    private readonly reader: IndexReader,
    private readonly contentId: number,
    /** Chunks read ahead (readChunksOfHits), by chunkKey: the rest are read when asked for. */
    private readonly readAhead: Map<number, DecodedChunk>,
  ) {}

  // Extension walks token by token, nearly always within one chunk: remember the last one.
  private lastIndex = -1;
  private lastChunk: DecodedChunk | null = null;

  private chunkAt(position: number): DecodedChunk | null {
    const index = Math.floor(position / TOKENS_PER_CHUNK);
    if (index === this.lastIndex) return this.lastChunk;
    let chunk = this.chunks.get(index);
    if (chunk === undefined) {
      chunk = this.readAhead.get(chunkKey(this.contentId, index)) ?? this.reader.chunk(this.contentId, index) ?? null;
      this.chunks.set(index, chunk);
    }
    this.lastIndex = index;
    this.lastChunk = chunk;
    return chunk;
  }

  /**
   * How many tokens from (q, s) on, at most `limit`, have the query's signatures: read chunk by
   * chunk rather than token by token, since extension is the inner loop of alignment.
   */
  matchingAfter(query: Uint8Array, q: number, s: number, limit: number): number {
    let matched = 0;
    while (matched < limit) {
      const chunk = this.chunkAt(s + matched);
      if (!chunk) return matched;
      const signatures = chunk.signatures;
      let offset = (s + matched) % TOKENS_PER_CHUNK;
      while (matched < limit && offset < signatures.length) {
        if (signatures[offset] !== query[q + matched]) return matched;
        matched++;
        offset++;
      }
      // A chunk shorter than TOKENS_PER_CHUNK is the file's last.
      if (offset < TOKENS_PER_CHUNK) return matched;
    }
    return matched;
  }

  /** How many tokens just before (q, s), going back, have the query's signatures. */
  matchingBefore(query: Uint8Array, q: number, s: number): number {
    let matched = 0;
    while (q - matched > 0 && s - matched > 0) {
      const position = s - matched - 1;
      const chunk = this.chunkAt(position);
      if (!chunk) return matched;
      const signatures = chunk.signatures;
      let offset = position % TOKENS_PER_CHUNK;
      if (offset >= signatures.length) return matched;
      while (offset >= 0 && q - matched > 0) {
        if (signatures[offset] !== query[q - matched - 1]) return matched;
        matched++;
        offset--;
      }
    }
    return matched;
  }

  startLine(position: number): number {
    return this.chunkAt(position)?.startLine(position % TOKENS_PER_CHUNK) ?? 0;
  }

  endLine(position: number): number {
    return this.chunkAt(position)?.endLine(position % TOKENS_PER_CHUNK) ?? 0;
  }

  name(position: number): number {
    return this.chunkAt(position)?.name(position % TOKENS_PER_CHUNK) ?? 0;
  }
}

export interface FileHits {
  queryPositions: number[];
  sourcePositions: number[];
  hashes: number[];
  frequencies: number[];
}

/**
 * Finds references for one normalized query. Pure given the index: seeds are the query's
 * winnowed fingerprints found in the index; each seed is verified and extended token by token
 * against the indexed file's signatures; segments on nearby diagonals merge into regions; regions
 * long enough become references, grouped by the query range they cover.
 */
export function findReferences(
  query: TokenStream,
  fingerprints: Fingerprints,
  reader: IndexReader,
  parameters: FingerprintParameters,
  options: MatchOptions,
): Reference[] {
  return referencesFromHits(query, fingerprints, collectHits(fingerprints, reader, options), reader, parameters, options);
}

/** Seeds grouped by indexed content (distinct file text): the lookup stage's output. */
export type HitsByFile = Map<number, FileHits>;

/** The align/score stage: verify and extend seeds, chain segments, rank and group references. */
export function referencesFromHits(
  query: TokenStream,
  fingerprints: Fingerprints,
  hitsByFile: HitsByFile,
  reader: IndexReader,
  parameters: FingerprintParameters,
  options: MatchOptions,
): Reference[] {
  if (hitsByFile.size === 0) return [];
  const regions: Region[] = [];
  const sourceTokens = new Map<number, SourceTokens>();
  const tables = queryTables(query);
  const files = filesToAlign(hitsByFile, options);
  const readAhead = readChunksOfHits(files, reader, parameters.kgramTokens);
  for (const [contentId, hits] of files) {
    const tokens = new SourceTokens(reader, contentId, readAhead);
    sourceTokens.set(contentId, tokens);
    const hitsByQuery = hitsInQueryOrder(hits);
    const segments = extendSeeds(hits, hitsByQuery, tables.signatures, tokens, parameters.kgramTokens);
    const hitsBySource = hitsInOrder(hits.sourcePositions, hits.queryPositions);
    for (const region of chainSegments(contentId, segments, hits, hitsBySource, query, tables, tokens, options)) {
      if (region.seeds.size >= options.minSeeds) regions.push(region);
    }
  }
  // Whether a candidate region is a reference: its names and k-grams, judged only for regions
  // toReferences would report (see there).
  const isReference = (region: Region): boolean => {
    region.distinctKgramShare = distinctKgramShare(region.segments, fingerprints.kgrams, parameters.kgramTokens);
    compareNames(region, query, tables, sourceTokens.get(region.contentId)!);
    // A repetitive shape (a data table) matches any other table of its kind, unless its data is the very same.
    if (region.distinctKgramShare < options.minDistinctKgramShare && !sameData(region) && !renamedThroughout(region, options)) return false;
    if (region.nameRepeats >= options.minNameRepeats && region.nameConsistency < options.minNameConsistency) return false;
    if (region.rarestSeedFrequency > options.maxFileFrequency && !showsIdentity(region) && !renamedOneForOne(region, options)) return false;
    if (region.seeds.size < MIN_SEEDS_WITHOUT_IDENTITY && !showsIdentity(region) && region.nameRepeats < options.minNameRepeats) return false;
    return true;
  };
  return toReferences(regions, isReference, query, reader, sourceTokens, options.maxReferencesPerGroup);
}

/**
 * Below this many chunks, reading them one by one is as fast (4× bench index: one chunk by
 * itself 6 µs, in a statement for several 8.5 µs alone, 5.3 with two others, 4 with seven).
 */
const READ_AHEAD_MIN_CHUNKS = 3;

/** The chunks holding the files' hits, each seed's k tokens whole: what verifying the seeds reads. */
function readChunksOfHits(files: readonly [number, FileHits][], reader: IndexReader, k: number): Map<number, DecodedChunk> {
  const keys = new Set<number>();
  for (const [contentId, hits] of files) {
    for (const position of hits.sourcePositions) {
      keys.add(chunkKey(contentId, Math.floor(position / TOKENS_PER_CHUNK)));
      keys.add(chunkKey(contentId, Math.floor((position + k - 1) / TOKENS_PER_CHUNK)));
    }
  }
  return keys.size < READ_AHEAD_MIN_CHUNKS ? new Map() : reader.chunks([...keys]);
}

/**
 * A region's seeds are distinct fingerprints hitting its file: a file hit by fewer than this many
 * of them cannot yield a reference.
 */
export function seedsNeeded(options: MatchOptions): number {
  return Math.max(1, Math.ceil(options.minSeeds));
}

/**
 * The lookup stage: every occurrence of the query's fingerprints, minus boilerplate, in the files
 * that hold enough distinct ones to seed a reference (seedsNeeded). Most files a query hits hold
 * one; leaving them out here, before any per-file arrays are made, was a fifth of what a query
 * allocated, and the garbage collector's pauses are the single-run latency tail (bench/RESULTS.md).
 */
export function collectHits(fingerprints: Fingerprints, reader: IndexReader, options: MatchOptions): HitsByFile {
  // Occurrences beyond this cannot change the verdict "too common"; decoding them would only cost
  // time. A negative limit is none: an unbounded cut-off decodes every occurrence.
  const rowLimit = Number.isFinite(options.maxFileFrequency) ? Math.floor(options.maxFileFrequency) * 4 + 1 : -1;
  // Per distinct hash: its occurrences and in how many files they are, or null when it is boilerplate.
  const seen = new Map<number, { occurrences: number[]; files: number } | null>();
  // Distinct hashes per content: each distinct hash is counted once, and its occurrences are ordered by content.
  const seedsPerContent = new Map<number, number>();
  for (let i = 0; i < fingerprints.count; i++) {
    const hash = fingerprints.hashes[i]!;
    if (seen.has(hash)) continue;
    let entry: { occurrences: number[]; files: number } | null = null;
    // Absent, or boilerplate known from the common table: no posting list to read.
    if (couldSeed(hash, reader, options)) {
      const knownFiles = reader.common?.fileCount(hash);
      if (knownFiles === undefined || knownFiles <= options.maxFileFrequency) {
        const found = reader.lookup(hash, rowLimit);
        const files = distinctFiles(found);
        if ((rowLimit < 0 || found.length < rowLimit) && files <= options.maxFileFrequency) entry = { occurrences: found, files };
        else if (knownFiles === undefined) entry = projectRepetition(hash, reader, options);
      } else {
        entry = projectRepetition(hash, reader, options);
      }
    }
    seen.set(hash, entry);
    let previous = -1;
    for (const occurrence of entry?.occurrences ?? []) {
      const contentId = occurrenceContent(occurrence);
      if (contentId !== previous) seedsPerContent.set(contentId, (seedsPerContent.get(contentId) ?? 0) + 1);
      previous = contentId;
    }
  }

  const needed = seedsNeeded(options);
  const hitsByFile = new Map<number, FileHits>();
  for (let i = 0; i < fingerprints.count; i++) {
    const hash = fingerprints.hashes[i]!;
    const entry = seen.get(hash);
    if (!entry) continue;
    const { occurrences, files: frequency } = entry;
    const queryPosition = fingerprints.positions[i]!;
    for (const occurrence of occurrences) {
      const contentId = occurrenceContent(occurrence);
      if (seedsPerContent.get(contentId)! < needed) continue;
      let hits = hitsByFile.get(contentId);
      if (!hits) {
        hits = { queryPositions: [], sourcePositions: [], hashes: [], frequencies: [] };
        hitsByFile.set(contentId, hits);
      }
      hits.queryPositions.push(queryPosition);
      hits.sourcePositions.push(occurrencePosition(occurrence));
      hits.hashes.push(hash);
      hits.frequencies.push(frequency);
    }
  }
  return hitsByFile;
}

/**
 * What collectHits can tell of a hash from memory alone: false when the filter says it is absent
 * or the common table says it is in more files than any seed may be; true when it may seed.
 */
export function couldSeed(hash: number, reader: IndexReader, options: MatchOptions): boolean {
  if (reader.filter && !reader.filter.mayContain(hash)) return false;
  const knownFiles = reader.common?.fileCount(hash);
  if (knownFiles === undefined || knownFiles <= options.maxFileFrequency) return true;
  if (options.maxSourceFrequency < 1 || knownFiles > MAX_REPETITION_FILES) return false;
  return (reader.common!.sourceCount(hash) ?? 0) <= options.maxSourceFrequency;
}

/**
 * A fingerprint above the file cut-off, kept when its files are all in at most maxSourceFrequency
 * sources and at most MAX_REPETITION_FILES of them (see MatchOptions.maxSourceFrequency).
 */
function projectRepetition(hash: number, reader: IndexReader, options: MatchOptions): { occurrences: number[]; files: number } | null {
  // Known boilerplate (many sources) was refused by couldSeed before its long posting list is read.
  if (options.maxSourceFrequency < 1) return null;
  const found = reader.lookup(hash, MAX_REPETITION_FILES * 8 + 1);
  const files = distinctFiles(found);
  if (found.length > MAX_REPETITION_FILES * 8 || files > MAX_REPETITION_FILES) return null;
  if (reader.sourceCount(hash, found) > options.maxSourceFrequency) return null;
  return { occurrences: found, files };
}

/**
 * Candidate files are aligned best-evidenced first (most distinct seeds, then the rarest), and at
 * most this many of them (or 3 × maxReferencesPerGroup when that is more), plus any file holding a
 * seed none of those holds (another piece of the query, found elsewhere), plus, when the limit cuts
 * through the best-evidenced files, every file tied with them. Code vendored in 60–113 versions
 * would otherwise have every version read and aligned, for at most maxReferencesPerGroup (10)
 * references. Top ties are kept because a project's look-alike files (CPython's encodings) are told
 * apart only by the literals the alignment reads: cutting them cost 3 of 200 Python verbatim
 * queries their file (quality bench). On the bench's 4,000 verbatim and renamed queries (4× index),
 * 32 changes no query's first reference and drops none.
 */
export const MAX_ALIGNED_FILES = 32;

/**
 * The files worth aligning (a file hit by fewer than seedsNeeded distinct seeds cannot yield a
 * reference), best-evidenced first: at most MAX_ALIGNED_FILES (or 3 × maxReferencesPerGroup) of
 * them, but for files with seeds of their own and, when the limit cuts through the best-evidenced
 * files, all of those.
 */
export function filesToAlign(hitsByFile: HitsByFile, options: MatchOptions): [number, FileHits][] {
  const needed = seedsNeeded(options);
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
    if (seeds.size < needed) continue;
    candidates.push({ contentId, hits, seeds, rarity });
  }
  if (candidates.length <= limit) return candidates.map((c) => [c.contentId, c.hits]);
  candidates.sort((a, b) => b.seeds.size - a.seeds.size || b.rarity - a.rarity || a.contentId - b.contentId);
  const covered = new Set<number>();
  const chosen: [number, FileHits][] = [];
  // When the limit cuts through the best-evidenced files, the evidence cannot tell them apart (a
  // project's look-alikes, told apart only by the alignment's literals): all of them are aligned.
  // Ties further down are weaker than the files kept, and aligning them all was the slowest
  // queries' cost (27 of 59 files aligned for one kernel of a project of near-identical kernels).
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

function distinctFiles(occurrences: readonly number[]): number {
  let count = 0;
  let previous = -1;
  for (const occurrence of occurrences) {
    const contentId = occurrenceContent(occurrence);
    if (contentId !== previous) count++;
    previous = contentId;
  }
  return count;
}

/** Indexes of a file's hits ordered by one side's positions (FileHits.queryPositions or sourcePositions), then the other's. */
function hitsInOrder(first: readonly number[], second: readonly number[]): Uint32Array {
  return indexes(first.length).sort((a, b) => first[a]! - first[b]! || second[a]! - second[b]!);
}

/** 0, 1, …, count − 1. */
function indexes(count: number): Uint32Array {
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  return order;
}

/**
 * Indexes of a file's hits ordered by query position, then source position. collectHits adds them
 * in that order but where two fingerprints share a query position (the kept-data channel's): so
 * the order is checked, and sorted only when it is not.
 */
function hitsInQueryOrder(hits: FileHits): Uint32Array {
  const { queryPositions: q, sourcePositions: s } = hits;
  for (let i = 1; i < q.length; i++) {
    if (q[i]! < q[i - 1]! || (q[i] === q[i - 1] && s[i]! < s[i - 1]!)) return hitsInOrder(q, s);
  }
  return indexes(q.length);
}

/**
 * Verifies each seed (its k tokens must match signature for signature, which rejects 32-bit hash
 * collisions) and extends it both ways while tokens keep matching.
 */
function extendSeeds(hits: FileHits, order: Uint32Array, querySignatures: Uint8Array, source: SourceTokens, k: number): Segment[] {
  const segments: Segment[] = [];
  // Seeds arrive in query order, so on one diagonal only the latest segment can contain the next.
  const latestOnDiagonal = new Map<number, Segment>();
  for (const i of order) {
    const q = hits.queryPositions[i]!;
    const s = hits.sourcePositions[i]!;
    const latest = latestOnDiagonal.get(q - s);
    if (latest && q + k <= latest.queryEnd) continue;
    // Verified first: its k tokens must match signature for signature.
    if (source.matchingAfter(querySignatures, q, s, k) < k) continue;
    const start = source.matchingBefore(querySignatures, q, s);
    const end = k + source.matchingAfter(querySignatures, q + k, s + k, querySignatures.length - q - k);
    const segment = { queryStart: q - start, queryEnd: q + end, sourceStart: s - start, sourceEnd: s + end };
    segments.push(segment);
    latestOnDiagonal.set(q - s, segment);
  }
  return segments;
}

/**
 * Segments in query order, each joined to the open chain whose last segment it follows on both
 * sides within maxGap, nearest diagonal first (ties to the oldest chain); else it opens a chain.
 */
export function chainInOrder(segments: Segment[], maxGap: number): Segment[][] {
  segments.sort((a, b) => a.queryStart - b.queryStart || a.sourceStart - b.sourceStart);
  const chains: Segment[][] = [];
  // A segment joins a chain only if both gaps are within maxGap, so the chain's last segment ends
  // within 2·maxGap of the segment's diagonal: open chains are kept in diagonal bands of that width
  // and only the neighbouring bands are searched. Repetitive code yields hundreds of segments on
  // as many diagonals, and comparing each with every chain was the slowest part of matching.
  const bandWidth = Number.isFinite(maxGap) && maxGap >= 0 ? 2 * maxGap + 1 : Infinity;
  const bandOf = (diagonal: number): number => (bandWidth === Infinity ? 0 : Math.floor(diagonal / bandWidth));
  const endBand = (segment: Segment): number => bandOf(segment.queryEnd - segment.sourceEnd);
  const open = new Map<number, Set<number>>();
  const openIn = (band: number, chain: number): void => {
    let members = open.get(band);
    if (!members) open.set(band, (members = new Set()));
    members.add(chain);
  };
  for (const segment of segments) {
    const home = bandOf(segment.queryStart - segment.sourceStart);
    let best = -1;
    let bestDistance = Infinity;
    for (let band = home - 1; band <= home + 1; band++) {
      const members = open.get(band);
      if (!members) continue;
      for (const id of members) {
        const chain = chains[id]!;
        const last = chain[chain.length - 1]!;
        const queryGap = segment.queryStart - last.queryEnd;
        // Segments come in query order: a chain this far behind can take no later one either.
        if (queryGap > maxGap) {
          members.delete(id);
          continue;
        }
        const sourceGap = segment.sourceStart - last.sourceEnd;
        if (segment.queryEnd <= last.queryEnd || segment.sourceEnd <= last.sourceEnd) continue;
        if (sourceGap > maxGap || queryGap < -maxGap || sourceGap < -maxGap) continue;
        const distance = Math.abs(queryGap - sourceGap);
        // Ties go to the oldest chain, as a scan in creation order would.
        if (distance < bestDistance || (distance === bestDistance && id < best)) {
          best = id;
          bestDistance = distance;
        }
      }
    }
    if (best >= 0) {
      const chain = chains[best]!;
      open.get(endBand(chain[chain.length - 1]!))!.delete(best);
      chain.push(segment);
      openIn(endBand(segment), best);
    } else {
      chains.push([segment]);
      openIn(endBand(segment), chains.length - 1);
    }
  }
  return chains;
}

/**
 * Regions from a file's segments (chained by chainInOrder), each with the figures the filters and
 * ranking read. Overlapping segments (from repetitive code) are clipped so no query token is
 * counted twice.
 */
function chainSegments(
  contentId: number,
  segments: Segment[],
  hits: FileHits,
  hitsBySource: Uint32Array,
  query: TokenStream,
  tables: QueryTables,
  source: SourceTokens,
  options: MatchOptions,
): Region[] {
  const regions: Region[] = [];
  for (const chain of chainInOrder(segments, options.maxGapTokens)) {
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
    if (matchedChars < options.minMatchedChars) {
      if (matchedChars < RENAMED_QUERY_SHARE * options.minMatchedChars || matchedChars + namesCouldAdd < options.minMatchedChars) continue;
    }
    const first = chain[0]!;
    const last = chain[chain.length - 1]!;
    const seeds = new Set<number>();
    let frequencySum = 0;
    let rarestSeedFrequency = Infinity;
    // Scanned in source order: a repetitive file's hits spread over the file, while a chain's lie in
    // its own stretch of it (the query's are all within a few dozen tokens of each other).
    for (let o = firstAtOrAfter(hitsBySource, hits.sourcePositions, first.sourceStart); o < hitsBySource.length; o++) {
      const i = hitsBySource[o]!;
      const s = hits.sourcePositions[i]!;
      if (s >= last.sourceEnd) break;
      const q = hits.queryPositions[i]!;
      if (q >= first.queryStart && q < last.queryEnd && !seeds.has(hits.hashes[i]!)) {
        seeds.add(hits.hashes[i]!);
        frequencySum += hits.frequencies[i]!;
        rarestSeedFrequency = Math.min(rarestSeedFrequency, hits.frequencies[i]!);
      }
    }
    // Short in the query, long enough in the indexed file: renamed to shorter names, if it is a
    // copy at all. Only rare seeds say it is: a shape in many files is an idiom, and other code with
    // longer names has it as well (quality bench: a test's `self.assertFalse(x)` lines, seeds in 21
    // files, were 132 characters against xml.sax's 171; the copies renamed below the threshold had
    // seeds in 1–2 files).
    let sourceMatchedChars = -1;
    if (matchedChars < options.minMatchedChars) {
      if (!rareSeeds(frequencySum, seeds.size)) continue;
      sourceMatchedChars = sourceSideChars(chain, query, source);
      if (sourceMatchedChars < options.minMatchedChars) continue;
    }
    regions.push({
      contentId,
      segments: chain,
      matchedTokens,
      matchedChars,
      sourceMatchedChars,
      distinctKgramShare: -1,
      seeds,
      frequencySum,
      rarestSeedFrequency,
      namePairs: 0,
      distinctNames: 0,
      nameRepeats: 0,
      nameConsistency: 1,
      sameNameShare: 1,
      literalTokens,
      literalPairs: 0,
      sameLiterals: 0,
      keptLiteralPairs: 0,
      sameKeptLiterals: 0,
      sameKeptLiteralsVary: false,
    });
  }
  return regions;
}

/** Share of distinct k-grams among those the region's segments cover in the query (clipped like its tokens). */
function distinctKgramShare(segments: readonly Segment[], kgrams: Int32Array, k: number): number {
  let matchedKgrams = 0;
  let covered = -1;
  for (const segment of segments) {
    const from = Math.max(segment.queryStart, covered);
    const to = segment.queryEnd - k + 1;
    if (to > from) {
      kgramScratch = reserve(kgramScratch, matchedKgrams + to - from);
      kgramScratch.set(kgrams.subarray(from, to), matchedKgrams);
      matchedKgrams += to - from;
    }
    covered = Math.max(covered, segment.queryEnd);
  }
  return matchedKgrams === 0 ? 0 : countDistinct(kgramScratch.subarray(0, matchedKgrams)) / matchedKgrams;
}

/**
 * A region shorter than minMatchedChars in the query is measured on the indexed side only when it
 * holds at least this share of minMatchedChars in the query too. The copies the quality bench
 * renamed below the threshold kept 113–147 of their 300 or more characters; regions of 66 and 80
 * query characters that the indexed side's long names made 175 and 186 were a near-miss's other
 * lines and another module's look-alike method.
 */
const RENAMED_QUERY_SHARE = 2 / 3;

/**
 * Normalized characters of the segments' indexed side: each identifier and literal of the query
 * at the length its indexed counterpart was stored with (nameChars), every other token at the
 * query's weight, since matching tokens are the same token.
 */
function sourceSideChars(segments: readonly Segment[], query: TokenStream, source: SourceTokens): number {
  let chars = 0;
  let covered = -1;
  for (const segment of segments) {
    for (let t = Math.max(segment.queryStart, covered); t < segment.queryEnd; t++) {
      const sourceName = query.names[t] === 0 ? 0 : source.name(segment.sourceStart + (t - segment.queryStart));
      chars += sourceName === 0 ? query.charWeights[t]! : nameChars(sourceName);
    }
    covered = Math.max(covered, segment.queryEnd);
  }
  return chars;
}

/**
 * The matched k-grams of the chain being scored. Reused across chains and queries: a Set per chain
 * was the largest share of what a query allocated (bench/RESULTS.md: the garbage collector's
 * pauses are the single-run latency tail).
 */
let kgramScratch = new Int32Array(256);

/** compareNames's pair keys, reused for the same reason. */
let namePairsByQuery = new Uint32Array(256);
let namePairsBySource = new Uint32Array(256);

/** What a query's name tokens are (QueryTables.nameKinds); 0 for tokens without a name. */
const IDENTIFIER = 1;
const LITERAL = 2;
const KEPT_LITERAL = 3;

/** Figures of the query's tokens that alignment reads for every chain and region, computed once per query. */
interface QueryTables {
  /** Each token's signature (tokenSignature), as the indexed side stores them: what extension compares. */
  readonly signatures: Uint8Array;
  /** Normalized characters of tokens 0…i-1 (charWeights summed): a span's length is two reads. */
  readonly charsBefore: Int32Array;
  /** The same for what indexed names could add to them (MAX_TOKEN_CHARS less each name's weight). */
  readonly namesCouldAddBefore: Int32Array;
  /** IDENTIFIER, LITERAL or KEPT_LITERAL for tokens with a name (TokenStream.names), else 0. */
  readonly nameKinds: Uint8Array;
  /** Literals among tokens 0…i-1. */
  readonly literalsBefore: Int32Array;
}

let signaturesScratch = new Uint8Array(256);
let charsBeforeScratch = new Int32Array(256);
let namesCouldAddBeforeScratch = new Int32Array(256);
let nameKindsScratch = new Uint8Array(256);
let literalsBeforeScratch = new Int32Array(256);

/**
 * Views into module scratch arrays, valid until the next query. Repetitive code makes hundreds of
 * chains per file, and summing each one's tokens was 9% of the slowest queries' time (4× bench index).
 */
function queryTables(query: TokenStream): QueryTables {
  signaturesScratch = reserve(signaturesScratch, query.count);
  charsBeforeScratch = reserve(charsBeforeScratch, query.count + 1);
  namesCouldAddBeforeScratch = reserve(namesCouldAddBeforeScratch, query.count + 1);
  nameKindsScratch = reserve(nameKindsScratch, query.count);
  literalsBeforeScratch = reserve(literalsBeforeScratch, query.count + 1);
  const signatures = signaturesScratch;
  const charsBefore = charsBeforeScratch;
  const namesCouldAddBefore = namesCouldAddBeforeScratch;
  const nameKinds = nameKindsScratch;
  const literalsBefore = literalsBeforeScratch;
  charsBefore[0] = 0;
  namesCouldAddBefore[0] = 0;
  literalsBefore[0] = 0;
  for (let t = 0; t < query.count; t++) {
    const weight = query.charWeights[t]!;
    const named = query.names[t] !== 0;
    charsBefore[t + 1] = charsBefore[t]! + weight;
    namesCouldAddBefore[t + 1] = namesCouldAddBefore[t]! + (named ? MAX_TOKEN_CHARS - weight : 0);
    const hash = query.hashes[t]!;
    signatures[t] = tokenSignature(hash);
    nameKinds[t] = !named
      ? 0
      : !query.literalClasses.includes(hash)
        ? IDENTIFIER
        : query.keptLiteralClasses.includes(hash)
          ? KEPT_LITERAL
          : LITERAL;
    literalsBefore[t + 1] = literalsBefore[t]! + (nameKinds[t]! >= LITERAL ? 1 : 0);
  }
  return {
    signatures: signatures.subarray(0, query.count),
    charsBefore: charsBefore.subarray(0, query.count + 1),
    namesCouldAddBefore: namesCouldAddBefore.subarray(0, query.count + 1),
    nameKinds: nameKinds.subarray(0, query.count),
    literalsBefore: literalsBefore.subarray(0, query.count + 1),
  };
}

/** `array`, or a larger copy of it when it holds fewer than `size` elements. */
function reserve<T extends Int32Array | Uint32Array | Uint8Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const grown = new (array.constructor as new (length: number) => T)(Math.max(size, array.length * 2));
  grown.set(array);
  return grown;
}

/** Distinct values in `values`, which it sorts. */
function countDistinct(values: Int32Array): number {
  values.sort();
  let distinct = 0;
  for (let i = 0; i < values.length; i++) if (i === 0 || values[i] !== values[i - 1]) distinct++;
  return distinct;
}

/** First place in `order` (hits sorted by `positions`, see hitsInOrder) whose position is at least `position`. */
function firstAtOrAfter(order: Uint32Array, positions: readonly number[], position: number): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (positions[order[mid]!]! < position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Identity evidence for a region found only through a project's repeated shape (every seed above
 * maxFileFrequency): the shape alone is shared by the project's look-alike files and by other
 * projects' code of the same kind (date-fns's locale tables and moment's), so at least half of
 * the aligned literals, or of the aligned names, must be the very same text.
 */
const MIN_IDENTITY_SHARE = 0.5;
const MIN_IDENTITY_PAIRS = 3;

/**
 * A region found by fewer seeds than this needs corroboration beyond its shape: the same text
 * (showsIdentity) or enough repeated names to show a consistent renaming. Two seeds of pure shape,
 * with no name or literal in common, is how a dict of strings matched another (sweep: hard
 * negatives 1.5% → 0%, false positives 0.7% → 0.5%, for ≤ 0.5 points of renamed detection).
 */
const MIN_SEEDS_WITHOUT_IDENTITY = 3;

/**
 * Share of aligned literals, or of aligned names, that must be the very same text for a repetitive
 * region to count as copied data: a table of strings, or a list of names (`isEmail: isEmail,` line
 * after line, an export map), copied as it is.
 */
const MIN_SAME_DATA_SHARE = 0.8;

/**
 * Names are more often shared by chance than literals (`x`, `key`, `value`), and one name repeated
 * (`exports.a = exports.b = …`) is a shape, not data: a list counts as the same data on twice as
 * many distinct names.
 */
const MIN_SAME_DATA_NAMES = 2 * MIN_IDENTITY_PAIRS;

/**
 * At least `share` of the region's aligned literals (MIN_IDENTITY_PAIRS of them at least) are the
 * very same text; or of its numbers and regular expressions alone, more than one value among them:
 * renaming a copy changes its strings, not its data's numbers (`S_IRGRP = 0o0040` renamed is still
 * `0o0040`), while one value repeated (`x[0]`, `y[0]`) is any code's.
 */
function literalsAgree(region: Region, share: number): boolean {
  const all = region.literalPairs >= MIN_IDENTITY_PAIRS && region.sameLiterals >= share * region.literalPairs;
  const kept =
    region.keptLiteralPairs >= MIN_IDENTITY_PAIRS && region.sameKeptLiterals >= share * region.keptLiteralPairs && region.sameKeptLiteralsVary;
  return all || kept;
}

function sameData(region: Region): boolean {
  const names = region.distinctNames >= MIN_SAME_DATA_NAMES && region.sameNameShare >= MIN_SAME_DATA_SHARE;
  return names || literalsAgree(region, MIN_SAME_DATA_SHARE);
}

/**
 * A repetitive region whose many repeated names all keep one partner, found by seeds in few files:
 * the same code with its names renamed one for one (Baker's parameterized match). Another table
 * of the same shape would not repeat its names in step, and a shape found in many files is an
 * idiom, which unrelated code shares by chance (sweep: without the bound, seeds in 15.5 files on
 * average reported 1 of 200 hard negatives; the copies this finds have 1–4).
 */
function renamedThroughout(region: Region, options: MatchOptions): boolean {
  return renamedOneForOne(region, options) && rareSeeds(region.frequencySum, region.seeds.size);
}

/**
 * Seeds in at most this many files on average: the evidence that lets a renamed region pass where
 * its shape alone would not (renamedThroughout, the indexed side's length).
 */
const RARE_SEEDS_MEAN_FILES = 4;

function rareSeeds(frequencySum: number, seedCount: number): boolean {
  return frequencySum <= RARE_SEEDS_MEAN_FILES * seedCount;
}

/**
 * Many repeated names that all keep one partner: a renaming, one for one. Also the identity
 * evidence a project's repeated shape may show instead of the same text (see showsIdentity): a
 * shape only that project has, renamed throughout, is its code renamed (a CPython codec module
 * with its names changed), while its look-alike files, and another locale table, repeat few names.
 */
function renamedOneForOne(region: Region, options: MatchOptions): boolean {
  return (
    region.distinctNames >= RENAMED_THROUGHOUT_NAMES &&
    region.nameRepeats >= RENAMED_THROUGHOUT_REPEATS * options.minNameRepeats &&
    region.nameConsistency >= RENAMED_THROUGHOUT_CONSISTENCY
  );
}

/** One name repeated (`exports.a = exports.b = …`) is a shape: renaming needs names to map. */
const RENAMED_THROUGHOUT_NAMES = 2;
const RENAMED_THROUGHOUT_REPEATS = 2;
const RENAMED_THROUGHOUT_CONSISTENCY = 0.9;

function showsIdentity(region: Region): boolean {
  const names = region.namePairs >= MIN_IDENTITY_PAIRS && region.sameNameShare >= MIN_IDENTITY_SHARE;
  return names || literalsAgree(region, MIN_IDENTITY_SHARE);
}

function compareNames(region: Region, query: TokenStream, tables: QueryTables, source: SourceTokens): void {
  // Each aligned pair of names as one 32-bit key, both ways round: sorted, a name's pairs are
  // adjacent, so counting needs no maps (this runs for every candidate region).
  const capacity = region.matchedTokens;
  namePairsByQuery = reserve(namePairsByQuery, capacity);
  namePairsBySource = reserve(namePairsBySource, capacity);
  const byQuery = namePairsByQuery;
  const bySource = namePairsBySource;
  let pairs = 0;
  let same = 0;
  let literalPairs = 0;
  let sameLiterals = 0;
  let keptLiteralPairs = 0;
  let sameKeptLiterals = 0;
  let firstSameKept = 0;
  let sameKeptVary = false;
  let covered = -1;
  for (const segment of region.segments) {
    for (let t = Math.max(segment.queryStart, covered); t < segment.queryEnd; t++) {
      const queryName = query.names[t]!;
      if (queryName === 0) continue;
      const sourceName = source.name(segment.sourceStart + (t - segment.queryStart));
      // A fragment can parse a token differently from its whole file (`key: value` cut out of an
      // object literal is a label): a name on one side only is no evidence either way.
      if (sourceName === 0) continue;
      const kind = tables.nameKinds[t]!;
      if (kind !== IDENTIFIER) {
        literalPairs++;
        if (queryName === sourceName) sameLiterals++;
        if (kind === KEPT_LITERAL) {
          keptLiteralPairs++;
          if (queryName === sourceName) {
            sameKeptLiterals++;
            if (firstSameKept === 0) firstSameKept = queryName;
            else if (queryName !== firstSameKept) sameKeptVary = true;
          }
        }
        continue;
      }
      byQuery[pairs] = ((queryName << 16) | sourceName) >>> 0;
      bySource[pairs] = ((sourceName << 16) | queryName) >>> 0;
      pairs++;
      if (queryName === sourceName) same++;
    }
    covered = Math.max(covered, segment.queryEnd);
  }
  let repeats = 0;
  let consistency = 1;
  let distinctNames = 0;
  const sides = [byQuery.subarray(0, pairs).sort(), bySource.subarray(0, pairs).sort()];
  for (let side = 0; side < sides.length; side++) {
    const keys = sides[side]!;
    // Per name (high 16 bits): its pairs beyond the first are repeats; those with its most
    // frequent partner are the consistent ones.
    let sideRepeats = 0;
    let consistent = 0;
    for (let i = 0; i < keys.length; ) {
      const name = keys[i]! >>> 16;
      if (side === 0) distinctNames++;
      let total = 0;
      let best = 0;
      while (i < keys.length && keys[i]! >>> 16 === name) {
        const key = keys[i]!;
        let run = 0;
        while (i < keys.length && keys[i] === key) {
          run++;
          i++;
        }
        total += run;
        if (run > best) best = run;
      }
      sideRepeats += total - 1;
      consistent += best - 1;
    }
    repeats = Math.max(repeats, sideRepeats);
    if (sideRepeats > 0) consistency = Math.min(consistency, consistent / sideRepeats);
  }
  region.nameRepeats = pairs === 0 ? 0 : repeats;
  region.nameConsistency = consistency;
  region.sameNameShare = pairs === 0 ? 1 : same / pairs;
  region.namePairs = pairs;
  region.distinctNames = distinctNames;
  region.literalPairs = literalPairs;
  region.sameLiterals = sameLiterals;
  region.keptLiteralPairs = keptLiteralPairs;
  region.sameKeptLiterals = sameKeptLiterals;
  region.sameKeptLiteralsVary = sameKeptVary;
}

/** A candidate region in toReferences's queue: its rank score once judged, an upper bound of it before. */
interface QueuedRegion {
  readonly region: Region;
  /** Position among the candidates: ties in score and content keep the candidates' order. */
  readonly index: number;
  score: number;
  judged: boolean;
}

/** Whether `a` comes before `b`: higher score, then lower content id, then earlier candidate. */
function queuedBefore(a: QueuedRegion, b: QueuedRegion): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.region.contentId !== b.region.contentId) return a.region.contentId < b.region.contentId;
  return a.index < b.index;
}

/** A binary heap of candidate regions, the one that comes first (queuedBefore) on top. */
class RegionQueue {
  private readonly heap: QueuedRegion[] = [];
  get size(): number {
    return this.heap.length;
  }
  push(entry: QueuedRegion): void {
    const heap = this.heap;
    let at = heap.length;
    heap.push(entry);
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!queuedBefore(entry, heap[parent]!)) break;
      heap[at] = heap[parent]!;
      at = parent;
    }
    heap[at] = entry;
  }
  pop(): QueuedRegion {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        if (left >= heap.length) break;
        const right = left + 1;
        const child = right < heap.length && queuedBefore(heap[right]!, heap[left]!) ? right : left;
        if (!queuedBefore(heap[child]!, last)) break;
        heap[at] = heap[child]!;
        at = child;
      }
      heap[at] = last;
    }
    return top;
  }
}

/**
 * References from candidate regions, best first: ranked by rankScore, one per file and query
 * range, at most maxPerGroup per group. A candidate is judged (isReference: its names and k-grams
 * compared) only when it comes up and would be reported: repetitive code yields dozens of regions
 * per file over the same query lines, and judging each was a tenth of the slowest queries' time.
 * Until judged, a candidate is queued by an upper bound of its score (every query literal it
 * covers counted the same as in the indexed file); judged, by its score. So candidates come up in
 * the order of sorting the judged ones by score, and one left unjudged is one that, when it came
 * up, a reference already kept overlapped in its file or its group was full, which stays so.
 */
function toReferences(
  candidates: readonly Region[],
  isReference: (region: Region) => boolean,
  query: TokenStream,
  reader: IndexReader,
  sourceTokens: Map<number, SourceTokens>,
  maxPerGroup: number,
): Reference[] {
  const queue = new RegionQueue();
  for (const [index, region] of candidates.entries()) queue.push({ region, index, score: rankScoreBound(region), judged: false });
  const references: Reference[] = [];
  const groupRanges: [number, number][] = [];
  const groupSizes: number[] = [];
  const kept: { contentId: number; range: [number, number] }[] = [];
  while (queue.size > 0) {
    const entry = queue.pop();
    const region = entry.region;
    const queryRange: [number, number] = [region.segments[0]!.queryStart, region.segments[region.segments.length - 1]!.queryEnd - 1];
    // The same file matching the same query tokens twice (repetitive code) is one reference.
    if (kept.some((k) => k.contentId === region.contentId && overlapShare(k.range, queryRange) > 0.5)) continue;
    let group = groupRanges.findIndex((range) => overlapShare(range, queryRange) > 0.5);
    if (group !== -1 && groupSizes[group]! >= maxPerGroup) continue;
    if (!entry.judged) {
      if (!isReference(region)) continue;
      entry.judged = true;
      entry.score = rankScore(region);
      queue.push(entry);
      continue;
    }
    if (group === -1) {
      groupRanges.push(queryRange);
      groupSizes.push(0);
      group = groupRanges.length - 1;
    }
    groupSizes[group]!++;
    kept.push({ contentId: region.contentId, range: queryRange });
    references.push(toReference(region, queryRange, group, query, reader, sourceTokens.get(region.contentId)!));
  }
  // Present group by group (groups in order of their best reference), best origin first in each.
  return references
    .map((reference, rank) => ({ reference, rank }))
    .sort((a, b) => a.reference.group - b.reference.group || a.rank - b.rank)
    .map((entry) => entry.reference);
}

function toReference(region: Region, queryRange: [number, number], group: number, query: TokenStream, reader: IndexReader, tokens: SourceTokens): Reference {
  const first = region.segments[0]!;
  const last = region.segments[region.segments.length - 1]!;
  const content = reader.content(region.contentId);
  const sourceLines: [number, number] = [tokens.startLine(first.sourceStart), tokens.endLine(last.sourceEnd - 1)];
  const origins = content.origins.map(
    (origin): Origin => ({
      source: origin.source.name,
      repository: origin.source.repository,
      revision: origin.source.revision,
      path: origin.path,
      license: origin.license,
      licenseProvenance: origin.licenseProvenance,
      url: sourceLink(origin.source, origin.path, sourceLines),
    }),
  );
  const best = origins[0]!;
  return {
    // Field by field, not `...best`: built with the spread, references were promoted to V8's old
    // generation, about 1 MB at each scavenge, and the pauses that land in queries took 1.3 ms;
    // so, 60 bytes and 0.46 ms (4× bench index, --trace-gc-nvp, 6,000 queries).
    source: best.source,
    repository: best.repository,
    revision: best.revision,
    path: best.path,
    license: best.license,
    licenseProvenance: best.licenseProvenance,
    url: best.url,
    origins,
    licenseConflict: new Set(origins.map((o) => o.license)).size > 1,
    sourceLines,
    queryLines: [query.startLines[queryRange[0]]!, query.endLines[queryRange[1]]!],
    matchedTokens: region.matchedTokens,
    similarity: round(region.matchedTokens / query.count),
    group: group + 1,
    explanation: {
      seedFingerprints: region.seeds.size,
      meanSeedFileFrequency: round(region.frequencySum / Math.max(1, region.seeds.size)),
      matchedChars: region.matchedChars,
      sourceMatchedChars: region.sourceMatchedChars >= 0 ? region.sourceMatchedChars : sourceSideChars(region.segments, query, tokens),
      queryCoverage: round(region.matchedTokens / query.count),
      sourceCoverage: round(region.matchedTokens / Math.max(1, content.tokens)),
      distinctKgramShare: round(region.distinctKgramShare),
      nameConsistency: round(region.nameConsistency),
      nameRepeats: region.nameRepeats,
      sameNameShare: round(region.sameNameShare),
      sameLiteralShare: round(region.literalPairs === 0 ? 1 : region.sameLiterals / region.literalPairs),
    },
  };
}

/**
 * Matched tokens, discounted by how common the seeds that found them are: a region found through
 * fingerprints unique to one file keeps its full weight, one found through fingerprints that half
 * the allowed number of files share keeps a little over half. So among origins of similar length
 * the one whose code is rarest in the index — most likely the original — comes first.
 */
function rankScore(region: Region): number {
  // Each literal with the very same text counts as one more matched token: among look-alike files
  // (the same shape, other data) the one whose data the query holds comes first.
  return rarityWeightedTokens(region) + region.sameLiterals;
}

/** rankScore before compareNames: as if every literal the region covers in the query were the same in the file. */
function rankScoreBound(region: Region): number {
  return rarityWeightedTokens(region) + region.literalTokens;
}

function rarityWeightedTokens(region: Region): number {
  const meanFrequency = region.frequencySum / Math.max(1, region.seeds.size);
  return region.matchedTokens * (0.5 + 0.5 / Math.max(1, meanFrequency));
}

/** Overlap of two inclusive ranges as a share of the shorter one. */
function overlapShare(a: readonly [number, number], b: readonly [number, number]): number {
  const overlap = Math.min(a[1], b[1]) - Math.max(a[0], b[0]) + 1;
  if (overlap <= 0) return 0;
  return overlap / Math.min(a[1] - a[0] + 1, b[1] - b[0] + 1);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
