import { CHAIN_SEED_SCAN_HITS } from "../options.js";
import { lowerBound } from "../util/search.js";
import type { FileHits, Segment } from "./types.js";

/** A chain's seeds: the distinct fingerprints with a hit inside its span on both sides. */
export interface ChainSeeds {
  readonly count: number;
  /** Of them, fingerprints only a short query's second look took (MatchScope edge seeds). */
  readonly edgeSeeds: number;
  /** Their file frequencies summed, and the least of them. */
  readonly frequencySum: number;
  readonly rarestFrequency: number;
}

/**
 * The seeds of the chain from `first` to `last`: every fingerprint with a hit whose query position
 * lies in the chain's query span and whose source position lies in its source span. Found by
 * scanning the hits in the source span (`hitsBySource`, the hits' indexes in source order), unless
 * that span holds more than CHAIN_SEED_SCAN_HITS: a content repeating the query's text (a
 * documentation table, a file of strings) has a hit for every pair of a fingerprint's positions,
 * hundreds of thousands in a chain's span, where the chain's own fingerprints are a few thousand.
 */
export function chainSeeds(
  first: Segment,
  last: Segment,
  hits: FileHits,
  hitsBySource: Uint32Array,
  edgeOnly: ReadonlySet<number> | undefined,
  /** When given, only the fingerprints it accepts are counted. */
  counted?: (hash: number) => boolean,
): ChainSeeds {
  const from = lowerBound(hits.sourcePositions, first.sourceStart, hitsBySource);
  const to = lowerBound(hits.sourcePositions, last.sourceEnd, hitsBySource, from);
  const tally = new SeedTally(edgeOnly, counted);
  if (to - from <= CHAIN_SEED_SCAN_HITS) {
    for (let o = from; o < to; o++) {
      const i = hitsBySource[o]!;
      const q = hits.queryPositions[i]!;
      if (q >= first.queryStart && q < last.queryEnd) tally.add(hits.hashes[i]!, hits.frequencies[i]!);
    }
    return tally;
  }
  // Hits are every pair of a fingerprint's query and source positions (lookup.ts hitsOf), so one
  // lies in both spans exactly when the fingerprint has a position in each.
  const table = seedTableOf(hits);
  for (let k = lowerBound(table.queryPositions, first.queryStart); k < table.queryPositions.length && table.queryPositions[k]! < last.queryEnd; k++) {
    const hash = table.queryHashes[k]!;
    if (tally.has(hash)) continue;
    const sources = table.sources.get(hash)!;
    const at = lowerBound(sources.positions, first.sourceStart);
    if (at < sources.positions.length && sources.positions[at]! < last.sourceEnd) tally.add(hash, sources.frequency);
  }
  return tally;
}

/** Seeds a tally lists in its shared array before it keeps them in a set: most chains have a few. */
const LISTED_SEEDS = 16;

/** The seeds listed by the tally being made; chainSeeds makes one tally at a time. */
const listed = new Int32Array(LISTED_SEEDS);

class SeedTally implements ChainSeeds {
  /** All the distinct seeds, once there are more than LISTED_SEEDS. */
  private many: Set<number> | undefined;
  count = 0;
  edgeSeeds = 0;
  frequencySum = 0;
  rarestFrequency = Infinity;

  constructor(
    private readonly edgeOnly: ReadonlySet<number> | undefined,
    private readonly counted: ((hash: number) => boolean) | undefined,
  ) {}

  has(hash: number): boolean {
    if (this.many) return this.many.has(hash);
    for (let i = 0; i < this.count; i++) if (listed[i] === hash) return true;
    return false;
  }

  add(hash: number, frequency: number): void {
    if (this.has(hash) || (this.counted && !this.counted(hash))) return;
    if (this.many) this.many.add(hash);
    else if (this.count < LISTED_SEEDS) listed[this.count] = hash;
    else this.many = new Set([...listed, hash]);
    this.count++;
    if (this.edgeOnly?.has(hash)) this.edgeSeeds++;
    this.frequencySum += frequency;
    this.rarestFrequency = Math.min(this.rarestFrequency, frequency);
  }
}

/** A content's hits by fingerprint: its distinct query positions in order, and each fingerprint's distinct source positions. */
interface SeedTable {
  readonly queryPositions: Int32Array;
  readonly queryHashes: Int32Array;
  readonly sources: Map<number, { readonly positions: Int32Array; readonly frequency: number }>;
}

/** Made once per content and query, the first time a chain of it needs one. */
const tables = new WeakMap<FileHits, SeedTable>();

function seedTableOf(hits: FileHits): SeedTable {
  let table = tables.get(hits);
  if (!table) {
    table = seedTable(hits);
    tables.set(hits, table);
  }
  return table;
}

function seedTable(hits: FileHits): SeedTable {
  const queryPairs = new Map<number, Set<number>>();
  const sourceSets = new Map<number, { set: Set<number>; frequency: number }>();
  for (let i = 0; i < hits.hashes.length; i++) {
    const hash = hits.hashes[i]!;
    const q = hits.queryPositions[i]!;
    let atQuery = queryPairs.get(q);
    if (!atQuery) queryPairs.set(q, (atQuery = new Set()));
    atQuery.add(hash);
    let sources = sourceSets.get(hash);
    if (!sources) sourceSets.set(hash, (sources = { set: new Set(), frequency: hits.frequencies[i]! }));
    sources.set.add(hits.sourcePositions[i]!);
  }
  const positions = [...queryPairs.keys()].sort((a, b) => a - b);
  const pairs = positions.reduce((n, q) => n + queryPairs.get(q)!.size, 0);
  const queryPositions = new Int32Array(pairs);
  const queryHashes = new Int32Array(pairs);
  let at = 0;
  for (const q of positions) {
    for (const hash of queryPairs.get(q)!) {
      queryPositions[at] = q;
      queryHashes[at++] = hash;
    }
  }
  const sources = new Map<number, { positions: Int32Array; frequency: number }>();
  for (const [hash, { set, frequency }] of sourceSets) sources.set(hash, { positions: Int32Array.from(set).sort(), frequency });
  return { queryPositions, queryHashes, sources };
}
