import type Database from "better-sqlite3";
import { IndexUnusableError } from "../errors.js";
import { COMMON_FLOOR } from "../options.js";
import { Growable } from "../util/growable.js";
import { CommonFingerprints } from "./common-fingerprints.js";
import { MembershipFilter, wordsOf } from "./membership-filter.js";
import { GENERATION_KEY } from "./parameters.js";

/**
 * The index's statistics tables: the membership filter (every stored hash) and the
 * common-fingerprint table (hashes in more than COMMON_FLOOR contents, with their content and
 * source counts). Both are stamped with the generation they describe; any source change bumps the
 * generation, so stale statistics are ignored until the build's last step rebuilds them.
 */

export type StatisticsTable = "membership_filter" | "common_fingerprints";

/** The table's row when it describes the index as it is now (its generation is current), else undefined. */
export function currentStatisticsRow<T>(db: Database.Database, table: StatisticsTable, columns: string): T | undefined {
  return db
    .prepare(`SELECT ${columns} FROM ${table} t JOIN meta m ON m.key = ? AND CAST(m.value AS INTEGER) = t.generation WHERE t.id = 1`)
    .get(GENERATION_KEY) as T | undefined;
}

export type StatisticsPart = "membership filter" | "common-fingerprint table";

export function statisticsDamaged(what: StatisticsPart): IndexUnusableError {
  return new IndexUnusableError(`index is damaged: its ${what} is unreadable (run \`reftrack index\` to rebuild it)`);
}

/** The current membership filter, or undefined when the index has none or it is stale. */
export function loadFilter(db: Database.Database): MembershipFilter | undefined {
  const row = currentStatisticsRow<{ log2Bits: number; bits: Buffer }>(db, "membership_filter", "t.log2_bits AS log2Bits, t.bits AS bits");
  if (!row) return undefined;
  try {
    return MembershipFilter.fromBytes(row.bits, row.log2Bits);
  } catch {
    throw statisticsDamaged("membership filter");
  }
}

/** The common-fingerprint table's columns: hashes, their content counts and source counts, one word each. */
export interface CommonColumns {
  readonly floor: number;
  readonly hashes: Uint32Array;
  readonly counts: Uint32Array;
  readonly sources: Uint32Array;
}

/** The current common-fingerprint table's columns, or undefined when the index has none or it is stale. */
export function commonColumns(db: Database.Database): CommonColumns | undefined {
  if (!hasCommonTable(db)) return undefined;
  const row = currentStatisticsRow<{ floor: number; hashes: Buffer; counts: Buffer; sources: Buffer }>(
    db,
    "common_fingerprints",
    "t.floor AS floor, t.hashes AS hashes, t.counts AS counts, t.sources AS sources",
  );
  if (!row) return undefined;
  if (row.hashes.byteLength !== row.counts.byteLength || row.hashes.byteLength !== row.sources.byteLength || row.hashes.byteLength % 4 !== 0) {
    throw statisticsDamaged("common-fingerprint table");
  }
  return { floor: row.floor, hashes: wordsOf(row.hashes, Uint32Array), counts: wordsOf(row.counts, Uint32Array), sources: wordsOf(row.sources, Uint32Array) };
}

/** The current common-fingerprint table, or undefined when the index has none or it is stale. */
export function loadCommon(db: Database.Database): CommonFingerprints | undefined {
  const columns = commonColumns(db);
  return columns && new CommonFingerprints(columns.floor, columns.hashes, columns.counts, columns.sources);
}

/** The sizes of the current statistics (0 for a part the index lacks or holds stale), read without reading them. */
export interface StatisticsSizes {
  readonly filterBytes: number;
  readonly filterLog2Bits: number;
  /** Bytes of each of the common table's three columns. */
  readonly commonColumnBytes: number;
  readonly commonFloor: number;
}

export function statisticsSizes(db: Database.Database): StatisticsSizes {
  // length() of a blob reads its row's header, not its pages.
  const filter = currentStatisticsRow<{ log2Bits: number; bytes: number }>(db, "membership_filter", "t.log2_bits AS log2Bits, length(t.bits) AS bytes");
  const common = hasCommonTable(db)
    ? currentStatisticsRow<{ bytes: number; floor: number }>(db, "common_fingerprints", "length(t.hashes) AS bytes, t.floor AS floor")
    : undefined;
  return { filterBytes: filter?.bytes ?? 0, filterLog2Bits: filter?.log2Bits ?? 0, commonColumnBytes: common?.bytes ?? 0, commonFloor: common?.floor ?? 0 };
}

function hasCommonTable(db: Database.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'common_fingerprints'").get() !== undefined;
}

/**
 * Which sources hold each content. Nearly always one (identical files in several sources share a
 * content), so a typed array indexed by content id holds the first, and a map the rare others.
 */
export class ContentSources {
  private constructor(
    private readonly first: Int32Array,
    private readonly others: Map<number, number[]>,
  ) {}

  static read(db: Database.Database): ContentSources {
    const maxId = (db.prepare("SELECT coalesce(max(id), 0) AS m FROM contents").get() as { m: number }).m;
    const first = new Int32Array(maxId + 1);
    const others = new Map<number, number[]>();
    for (const [contentId, sourceId] of db.prepare("SELECT content_id, source_id FROM files").raw(true).iterate() as IterableIterator<[number, number]>) {
      if (contentId > maxId) continue;
      const known = first[contentId]!;
      if (known === 0) first[contentId] = sourceId;
      else if (known !== sourceId) {
        const more = others.get(contentId);
        if (!more) others.set(contentId, [sourceId]);
        else if (!more.includes(sourceId)) more.push(sourceId);
      }
    }
    return new ContentSources(first, others);
  }

  addTo(into: Set<number>, contentId: number): void {
    const known = this.first[contentId] ?? 0;
    if (known !== 0) into.add(known);
    for (const id of this.others.get(contentId) ?? []) into.add(id);
  }
}

/**
 * The membership filter and the common-fingerprint table, accumulated one hash at a time in key
 * order, as a fresh build merges its posting lists or as a rebuild scans them.
 */
export class StatisticsPass {
  private readonly filter: MembershipFilter;
  private readonly commonHashes = new Growable(Uint32Array);
  private readonly commonCounts = new Growable(Uint32Array);
  private readonly commonSources = new Growable(Uint32Array);
  private readonly groupSources = new Set<number>();

  constructor(
    distinctHashes: number,
    private readonly sourcesOfContent: ContentSources,
  ) {
    this.filter = MembershipFilter.forCount(distinctHashes);
  }

  /**
   * One hash with the number of contents it is in; `contentsOf` lists them, asked only when that
   * is more than COMMON_FLOOR, which lists the hash with how many sources those contents are in.
   */
  addHash(hash: number, contents: number, contentsOf: () => Iterable<number>): void {
    this.filter.add(hash);
    if (contents > COMMON_FLOOR) this.addCommon(hash, contents, contentsOf());
  }

  /** A hash for the filter alone, in any order: one whose contents another call gives, or none. */
  addToFilter(hash: number): void {
    this.filter.add(hash);
  }

  /**
   * A hash in more than COMMON_FLOOR contents, listed in the common table with how many sources
   * those contents are in; common hashes must come in increasing order.
   */
  addCommon(hash: number, contents: number, contentIds: Iterable<number>): void {
    this.groupSources.clear();
    for (const contentId of contentIds) this.sourcesOfContent.addTo(this.groupSources, contentId);
    this.commonHashes.push(hash >>> 0);
    this.commonCounts.push(contents);
    this.commonSources.push(this.groupSources.size);
  }

  /** Writes both, stamped with the current generation; call inside a transaction. */
  store(db: Database.Database): void {
    const generation = db.prepare("SELECT CAST(value AS INTEGER) AS g FROM meta WHERE key = ?").get(GENERATION_KEY) as { g: number } | undefined;
    db.prepare(
      "INSERT INTO membership_filter (id, generation, log2_bits, bits) VALUES (1, ?, ?, ?) " +
        "ON CONFLICT (id) DO UPDATE SET generation = excluded.generation, log2_bits = excluded.log2_bits, bits = excluded.bits",
    ).run(generation?.g ?? 0, this.filter.log2Bits, this.filter.toBytes());
    db.prepare(
      "INSERT INTO common_fingerprints (id, generation, floor, hashes, counts, sources) VALUES (1, ?, ?, ?, ?, ?) " +
        "ON CONFLICT (id) DO UPDATE SET generation = excluded.generation, floor = excluded.floor, hashes = excluded.hashes, " +
        "counts = excluded.counts, sources = excluded.sources",
    ).run(generation?.g ?? 0, COMMON_FLOOR, bytesOf(this.commonHashes.view()), bytesOf(this.commonCounts.view()), bytesOf(this.commonSources.view()));
  }
}

function bytesOf(words: Uint32Array): Buffer {
  return Buffer.from(words.buffer, words.byteOffset, words.byteLength);
}
