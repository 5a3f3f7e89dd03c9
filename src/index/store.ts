import { existsSync, statSync } from "node:fs";
import Database from "better-sqlite3";
import { ReftrackError, describeError } from "../errors.js";
import { FINGERPRINT_VERSION, type FingerprintParameters } from "../fingerprint/fingerprint.js";
import type { LicenseProvenance } from "../corpus/license-detect.js";
import type { LanguageName } from "../languages/language.js";
import { NORMALIZER_VERSION } from "../normalize/normalize.js";
import { MembershipFilter, wordsOf } from "./membership-filter.js";
import type { PreparedFile } from "./prepare.js";
import { SCHEMA_SQL, SCHEMA_VERSION } from "./schema.js";
import { BoundedMap } from "./bounded-map.js";
import { CHUNK_ID_STRIDE, type DecodedChunk, chunkKey, decodeTokenChunk } from "./token-chunks.js";
import { decodeContents, decodeOccurrences, maxSegmentBytes, occurrenceContent, POSITION_SPAN, withoutContents, writeSegment } from "./posting-list.js";

/** What an index was built with; a query with different values would silently find nothing. */
export interface IndexParameters extends FingerprintParameters {
  readonly normalizerVersion: number;
  readonly fingerprintVersion: number;
  readonly schemaVersion: number;
}

export function currentIndexParameters(fingerprinting: FingerprintParameters): IndexParameters {
  return { ...fingerprinting, normalizerVersion: NORMALIZER_VERSION, fingerprintVersion: FINGERPRINT_VERSION, schemaVersion: SCHEMA_VERSION };
}

export interface SourceRecord {
  readonly id: number;
  readonly name: string;
  readonly repository: string | null;
  readonly revision: string | null;
  readonly repositoryDirectory: string;
  readonly urlTemplate: string | null;
  readonly license: string;
  readonly licenseProvenance: LicenseProvenance;
  readonly licenseEvidence: string;
  readonly digest: string;
}

/** One place a content occurs: a file of a source, with the license that file is under. */
export interface OriginRecord {
  readonly fileId: number;
  readonly path: string;
  readonly license: string;
  readonly licenseProvenance: LicenseProvenance;
  readonly source: SourceRecord;
}

/** A distinct file content (stored and fingerprinted once) and every file it occurs as. */
export interface ContentRecord {
  readonly id: number;
  readonly language: LanguageName;
  readonly lines: number;
  readonly tokens: number;
  /** In indexing order (the first indexed origin first); never empty. */
  readonly origins: readonly OriginRecord[];
}

export interface IndexStatistics {
  readonly sources: number;
  readonly files: number;
  /** Distinct file contents: files minus identical copies. */
  readonly contents: number;
  readonly fingerprints: number;
  readonly bytes: number;
}

/**
 * Fingerprints in more than this many files are listed, with their count, in the
 * common-fingerprint table. Below any sensible maxFileFrequency (default 16), so the query-time
 * cut-off can be chosen freely above it; below it, posting lists decide as before.
 */
export const COMMON_FLOOR = 8;

/** Fingerprint rows per INSERT statement when merging (3 parameters each, well under SQLite's limit). */
const INSERT_BATCH = 100;

/** Page cache while rebuilding statistics (in KiB, as SQLite reads a negative cache_size). */
const SCAN_CACHE_SIZE = -8192;

/** meta key of the counter every source change increments; the filter records the one it saw. */
const GENERATION_KEY = "generation";

const META_KEYS = {
  kgramTokens: "kgram_tokens",
  windowKgrams: "window_kgrams",
  normalizerVersion: "normalizer_version",
  fingerprintVersion: "fingerprint_version",
  schemaVersion: "schema_version",
} as const;

function openDatabase(path: string, readonly: boolean): Database.Database {
  try {
    const db = new Database(path, { readonly, fileMustExist: readonly });
    // Touch the header so "not a database" surfaces here, as a clear error, not mid-query.
    db.pragma("schema_version");
    return db;
  } catch (error) {
    throw new ReftrackError(`cannot open index ${path}: ${describeError(error)}`);
  }
}

function readParameters(db: Database.Database, path: string): IndexParameters | undefined {
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
  if (!hasMeta) return undefined;
  const rows = db.prepare("SELECT key, value FROM meta").all() as { key: string; value: string }[];
  if (rows.length === 0) return undefined;
  const meta = new Map(rows.map((r) => [r.key, Number(r.value)]));
  const get = (key: string): number => {
    const value = meta.get(key);
    if (value === undefined || !Number.isFinite(value)) {
      throw new ReftrackError(`index ${path} is missing parameter ${key}; rebuild it with \`reftrack index\``);
    }
    return value;
  };
  return {
    kgramTokens: get(META_KEYS.kgramTokens),
    windowKgrams: get(META_KEYS.windowKgrams),
    normalizerVersion: get(META_KEYS.normalizerVersion),
    fingerprintVersion: get(META_KEYS.fingerprintVersion),
    schemaVersion: get(META_KEYS.schemaVersion),
  };
}

function describeParameters(p: IndexParameters): string {
  return `k=${p.kgramTokens} w=${p.windowKgrams} normalizer v${p.normalizerVersion} fingerprints v${p.fingerprintVersion} schema v${p.schemaVersion}`;
}

function assertCompatible(found: IndexParameters, expected: IndexParameters, path: string): void {
  const same =
    found.kgramTokens === expected.kgramTokens &&
    found.windowKgrams === expected.windowKgrams &&
    found.normalizerVersion === expected.normalizerVersion &&
    found.fingerprintVersion === expected.fingerprintVersion &&
    found.schemaVersion === expected.schemaVersion;
  if (!same) {
    throw new ReftrackError(
      `index ${path} was built with ${describeParameters(found)}, this reftrack uses ` +
        `${describeParameters(expected)}; rebuild it with \`reftrack index\` into a new file`,
    );
  }
}

export interface ReaderOptions {
  /**
   * Answer absent hashes from the in-memory filter, and boilerplate ones from the common-fingerprint
   * table (default true). Off only to measure what they save.
   */
  readonly useFilter?: boolean;
}

function loadFilter(db: Database.Database): MembershipFilter | undefined {
  const row = db
    .prepare(
      "SELECT f.log2_bits AS log2Bits, f.bits AS bits FROM membership_filter f " +
        "JOIN meta m ON m.key = 'generation' AND CAST(m.value AS INTEGER) = f.generation WHERE f.id = 1",
    )
    .get() as { log2Bits: number; bits: Buffer } | undefined;
  if (!row) return undefined;
  try {
    return MembershipFilter.fromBytes(row.bits, row.log2Bits);
  } catch {
    return undefined;
  }
}

/**
 * Fingerprints found in more than `floor` indexed files, with how many and in how many sources: a
 * sorted array searched in memory, so the hot path knows a hash is boilerplate without reading its
 * (long) posting list.
 */
export class CommonFingerprints {
  constructor(
    readonly floor: number,
    /** Unsigned, increasing. */
    private readonly hashes: Uint32Array,
    private readonly counts: Uint32Array,
    private readonly sourceCounts: Uint32Array,
  ) {}

  private find(signedHash: number): number {
    const hash = signedHash >>> 0;
    let lo = 0;
    let hi = this.hashes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const value = this.hashes[mid]!;
      if (value < hash) lo = mid + 1;
      else if (value > hash) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  /** Files `hash` occurs in when that is more than `floor`; undefined means "floor or fewer". */
  fileCount(hash: number): number | undefined {
    const at = this.find(hash);
    return at < 0 ? undefined : this.counts[at];
  }

  /** Sources those files belong to, for a hash in more than `floor` files; undefined otherwise. */
  sourceCount(hash: number): number | undefined {
    const at = this.find(hash);
    return at < 0 ? undefined : this.sourceCounts[at];
  }
}

function loadCommon(db: Database.Database): CommonFingerprints | undefined {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'common_fingerprints'").get();
  if (!hasTable) return undefined;
  const row = db
    .prepare(
      "SELECT c.floor AS floor, c.hashes AS hashes, c.counts AS counts, c.sources AS sources FROM common_fingerprints c " +
        "JOIN meta m ON m.key = 'generation' AND CAST(m.value AS INTEGER) = c.generation WHERE c.id = 1",
    )
    .get() as { floor: number; hashes: Buffer; counts: Buffer; sources: Buffer } | undefined;
  if (
    !row ||
    row.hashes.byteLength !== row.counts.byteLength ||
    row.hashes.byteLength !== row.sources.byteLength ||
    row.hashes.byteLength % 4 !== 0
  ) {
    return undefined;
  }
  return new CommonFingerprints(row.floor, wordsOf(row.hashes, Uint32Array), wordsOf(row.counts, Uint32Array), wordsOf(row.sources, Uint32Array));
}

/**
 * Entries in each of the reader's caches (contents with their origins, sources, a content's
 * sources). Popular files stay cached; a service answering for the whole index keeps a bounded heap.
 */
const READER_CACHE_ENTRIES = 8192;

/** Requested memory-map size for readers; SQLite lowers it to its compile-time maximum. */
const READER_MMAP_BYTES = 2 ** 40;

/** Read side of an index, used by matching. Every statement is prepared once. */
export class IndexReader {
  private readonly postingStatement: Database.Statement<[number], Buffer>;
  private readonly chunkStatement: Database.Statement<[number], [number, Buffer]>;
  private readonly chunksStatement: Database.Statement<[string], [number, number, Buffer]>;
  private readonly contentStatement: Database.Statement<[number]>;
  private readonly originStatement: Database.Statement<[number]>;
  private readonly contentSourcesStatement: Database.Statement<[number], [number]>;
  private readonly contentSources = new BoundedMap<number, readonly number[]>(READER_CACHE_ENTRIES);
  private readonly contents = new BoundedMap<number, ContentRecord>(READER_CACHE_ENTRIES);
  private readonly sources = new BoundedMap<number, SourceRecord>(READER_CACHE_ENTRIES);

  private constructor(
    private readonly db: Database.Database,
    readonly parameters: IndexParameters,
    /** Undefined when the index has none or it is stale: then every hash goes to SQLite. */
    readonly filter: MembershipFilter | undefined,
    /** Undefined when the index has none or it is stale: then posting lists tell. */
    readonly common: CommonFingerprints | undefined,
  ) {
    this.postingStatement = db.prepare<[number], Buffer>("SELECT data FROM postings WHERE hash = ?").pluck(true);
    this.chunkStatement = db.prepare<[number], [number, Buffer]>("SELECT first_line, data FROM token_chunks WHERE id = ?").raw(true);
    this.chunksStatement = db
      .prepare<[string], [number, number, Buffer]>("SELECT id, first_line, data FROM token_chunks WHERE id IN (SELECT value FROM json_each(?))")
      .raw(true);
    this.contentStatement = db.prepare("SELECT id, language, lines, tokens FROM contents WHERE id = ?");
    this.contentSourcesStatement = db.prepare<[number], [number]>("SELECT DISTINCT source_id FROM files WHERE content_id = ?").raw(true);
    this.originStatement = db.prepare(
      "SELECT f.id AS fileId, f.path, f.license AS fileLicense, f.license_provenance AS fileProvenance, s.id AS sourceId, s.name, s.repository, " +
        "s.revision, s.repository_directory, s.url_template, s.license, s.license_provenance, s.license_evidence, s.digest " +
        "FROM files f JOIN sources s ON s.id = f.source_id WHERE f.content_id = ? ORDER BY f.id",
    );
  }

  static open(path: string, expected: IndexParameters, options: ReaderOptions = {}): IndexReader {
    if (!existsSync(path)) {
      throw new ReftrackError(`index not found: ${path} (build one with \`reftrack index --db ${path} <manifest.json>\`)`);
    }
    if (!statSync(path).isFile()) throw new ReftrackError(`index path is not a file: ${path}`);
    const db = openDatabase(path, true);
    try {
      const found = readParameters(db, path);
      if (!found) throw new ReftrackError(`${path} is an SQLite database but not a reftrack index`);
      assertCompatible(found, expected, path);
      const useFilter = options.useFilter !== false;
      // Pages are read where they lie in the mapped file, not copied through a read() call each:
      // lookups and token chunks touch a few scattered pages per query (bench/RESULTS.md). SQLite
      // maps at most the file, and at most its build's limit (2 GiB here); the rest is read as before.
      db.pragma(`mmap_size = ${READER_MMAP_BYTES}`);
      return new IndexReader(db, found, useFilter ? loadFilter(db) : undefined, useFilter ? loadCommon(db) : undefined);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /**
   * Occurrences of a fingerprint, at most `limit` of them, ordered by content, then position; each
   * packs both (occurrenceContent, occurrencePosition).
   */
  lookup(hash: number, limit: number): number[] {
    if (this.filter && !this.filter.mayContain(hash)) return [];
    const data = this.postingStatement.get(hash >>> 0);
    return data ? decodeOccurrences(data, limit) : [];
  }

  /**
   * Whether some indexed content holds at least `atLeast` of the distinct `hashes`. One point
   * lookup per hash, stopping at the first content found often enough: measured 2.4× faster than
   * one GROUP BY statement over all of them (json_each), whose planning costs more than the rows.
   */
  someContentHolds(hashes: readonly number[], atLeast: number): boolean {
    const found = new Map<number, number>();
    for (const hash of hashes) {
      if (this.filter && !this.filter.mayContain(hash)) continue;
      const data = this.postingStatement.get(hash >>> 0);
      if (!data) continue;
      for (const contentId of decodeContents(data)) {
        const count = (found.get(contentId) ?? 0) + 1;
        if (count >= atLeast) return true;
        found.set(contentId, count);
      }
    }
    return false;
  }

  /**
   * In how many sources the contents of `rows` (one hash's occurrences) are: from the common table
   * when it lists the hash, else counted from the files table.
   */
  sourceCount(hash: number, occurrences: readonly number[]): number {
    const stored = this.common?.sourceCount(hash);
    if (stored !== undefined) return stored;
    const sources = new Set<number>();
    let previous = -1;
    for (const occurrence of occurrences) {
      const contentId = occurrenceContent(occurrence);
      if (contentId === previous) continue;
      previous = contentId;
      let ids = this.contentSources.get(contentId);
      if (!ids) {
        ids = this.contentSourcesStatement.all(contentId).map(([id]) => id);
        this.contentSources.set(contentId, ids);
      }
      for (const id of ids) sources.add(id);
    }
    return sources.size;
  }

  chunk(contentId: number, chunkIndex: number): DecodedChunk | undefined {
    const row = this.chunkStatement.get(chunkKey(contentId, chunkIndex));
    if (!row) return undefined;
    return decodeTokenChunk(row[0], row[1]);
  }

  /**
   * Several chunks in one statement, keyed by chunkKey; absent ones are left out. Alignment knows
   * from its hits which chunks it will read, and one statement for all of them cost 3.4 µs per
   * chunk where a statement each cost 6 (4× bench index): the rest of a read is the call itself.
   */
  chunks(keys: readonly number[]): Map<number, DecodedChunk> {
    const found = new Map<number, DecodedChunk>();
    for (const [key, firstLine, data] of this.chunksStatement.all(JSON.stringify(keys))) found.set(key, decodeTokenChunk(firstLine, data));
    return found;
  }

  content(contentId: number): ContentRecord {
    let content = this.contents.get(contentId);
    if (content) return content;
    const row = this.contentStatement.get(contentId) as { id: number; language: LanguageName; lines: number; tokens: number } | undefined;
    const originRows = this.originStatement.all(contentId) as {
      fileId: number;
      path: string;
      fileLicense: string;
      fileProvenance: LicenseProvenance;
      sourceId: number;
      name: string;
      repository: string | null;
      revision: string | null;
      repository_directory: string;
      url_template: string | null;
      license: string;
      license_provenance: LicenseProvenance;
      license_evidence: string;
      digest: string;
    }[];
    if (!row || originRows.length === 0) throw new ReftrackError(`index is inconsistent: fingerprint points at missing content ${contentId}`);
    const origins = originRows.map((r): OriginRecord => {
      let source = this.sources.get(r.sourceId);
      if (!source) {
        source = {
          id: r.sourceId,
          name: r.name,
          repository: r.repository,
          revision: r.revision,
          repositoryDirectory: r.repository_directory,
          urlTemplate: r.url_template,
          license: r.license,
          licenseProvenance: r.license_provenance,
          licenseEvidence: r.license_evidence,
          digest: r.digest,
        };
        this.sources.set(source.id, source);
      }
      return { fileId: r.fileId, path: r.path, license: r.fileLicense, licenseProvenance: r.fileProvenance, source };
    });
    content = { id: row.id, language: row.language, lines: row.lines, tokens: row.tokens, origins };
    this.contents.set(contentId, content);
    return content;
  }

  close(): void {
    this.db.close();
  }
}

export type SourceMetadata = Omit<SourceRecord, "id" | "digest">;

/**
 * Which sources hold each content. Nearly always one (identical files in several sources share a
 * content), so a typed array indexed by content id holds the first, and a map the rare others,
 * where a map held an array for every content.
 */
class ContentSources {
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

/** An append-only list of 32-bit integers in a typed array, grown by doubling. */
class GrowableWords {
  private words = new Uint32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.words.length) {
      const grown = new Uint32Array(this.words.length * 2);
      grown.set(this.words);
      this.words = grown;
    }
    this.words[this.length++] = value;
  }
  bytes(): Buffer {
    return Buffer.from(this.words.buffer, 0, this.length * 4);
  }
}

/**
 * The membership filter and the common-fingerprint table, accumulated one hash at a time in key
 * order, as a fresh build merges its posting lists or as a rebuild scans them.
 */
class StatisticsPass {
  private readonly filter: MembershipFilter;
  private readonly commonHashes = new GrowableWords();
  private readonly commonCounts = new GrowableWords();
  private readonly commonSources = new GrowableWords();
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
    if (contents <= COMMON_FLOOR) return;
    this.groupSources.clear();
    for (const contentId of contentsOf()) this.sourcesOfContent.addTo(this.groupSources, contentId);
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
    ).run(generation?.g ?? 0, COMMON_FLOOR, this.commonHashes.bytes(), this.commonCounts.bytes(), this.commonSources.bytes());
  }
}

/**
 * Rows per block of staged fingerprints. Staging grows by whole blocks and never copies: a doubling
 * array held the old and the new copy at once, and a source that pushed staging past a power of two
 * (10 M rows) briefly needed 300 MB for what 120 MB holds.
 */
const STAGED_BLOCK_SHIFT = 18;
const STAGED_BLOCK_ROWS = 1 << STAGED_BLOCK_SHIFT;
const STAGED_BLOCK_MASK = STAGED_BLOCK_ROWS - 1;

/**
 * Fingerprint rows waiting to be merged into the searchable table, in append order. Kept in memory
 * rather than in an SQLite temp table: appending is a copy, and sorting them for the merge is a
 * bucket sort in JavaScript, where the temp table cost an insert per row while parsing (on the
 * thread that feeds the workers) and an external sort at merge time.
 */
export class StagedFingerprints {
  private readonly hashBlocks: Int32Array[] = [];
  private readonly contentBlocks: Uint32Array[] = [];
  private readonly positionBlocks: Uint32Array[] = [];
  length = 0;

  hash(row: number): number {
    return this.hashBlocks[row >>> STAGED_BLOCK_SHIFT]![row & STAGED_BLOCK_MASK]!;
  }

  content(row: number): number {
    return this.contentBlocks[row >>> STAGED_BLOCK_SHIFT]![row & STAGED_BLOCK_MASK]!;
  }

  position(row: number): number {
    return this.positionBlocks[row >>> STAGED_BLOCK_SHIFT]![row & STAGED_BLOCK_MASK]!;
  }

  append(hashes: Int32Array, contentId: number, positions: Uint32Array): void {
    for (let from = 0; from < hashes.length; ) {
      const block = this.length >>> STAGED_BLOCK_SHIFT;
      const offset = this.length & STAGED_BLOCK_MASK;
      if (block === this.hashBlocks.length) {
        this.hashBlocks.push(new Int32Array(STAGED_BLOCK_ROWS));
        this.contentBlocks.push(new Uint32Array(STAGED_BLOCK_ROWS));
        this.positionBlocks.push(new Uint32Array(STAGED_BLOCK_ROWS));
      }
      const take = Math.min(hashes.length - from, STAGED_BLOCK_ROWS - offset);
      this.hashBlocks[block]!.set(hashes.subarray(from, from + take), offset);
      this.contentBlocks[block]!.fill(contentId, offset, offset + take);
      this.positionBlocks[block]!.set(positions.subarray(from, from + take), offset);
      from += take;
      this.length += take;
    }
  }

  /** Keeps the first `length` rows; blocks no longer needed are released. */
  truncate(length: number): void {
    this.length = Math.min(this.length, length);
    const blocks = Math.ceil(this.length / STAGED_BLOCK_ROWS);
    this.hashBlocks.length = blocks;
    this.contentBlocks.length = blocks;
    this.positionBlocks.length = blocks;
  }

  /** Drops every row of the given contents, keeping the others in order. */
  removeContents(contentIds: ReadonlySet<number>): void {
    let kept = 0;
    for (let row = 0; row < this.length; row++) {
      const content = this.content(row);
      if (contentIds.has(content)) continue;
      const block = kept >>> STAGED_BLOCK_SHIFT;
      const offset = kept & STAGED_BLOCK_MASK;
      this.hashBlocks[block]![offset] = this.hash(row);
      this.contentBlocks[block]![offset] = content;
      this.positionBlocks[block]![offset] = this.position(row);
      kept++;
    }
    this.truncate(kept);
  }

  /**
   * Row indexes in the table's key order: by the hash as stored (unsigned), rows with equal hashes
   * in append order, which is nearly always content then position order (mergeStaged checks).
   * One bucket pass on the top 16 bits, then each bucket (about n / 65536 rows) sorted on the rest with scratch the size of the largest bucket: one index
   * array of 4 bytes per row, where a radix sort over all rows needed a second one as scratch,
   * at the build's memory peak.
   */
  sortedOrder(): Uint32Array {
    const n = this.length;
    const starts = new Uint32Array(BUCKETS + 1);
    for (let row = 0; row < n; row++) starts[(sortKey(this.hash(row)) >>> 16) + 1]!++;
    let largest = 0;
    for (let bucket = 1; bucket <= BUCKETS; bucket++) {
      largest = Math.max(largest, starts[bucket]!);
      starts[bucket]! += starts[bucket - 1]!;
    }
    const order = new Uint32Array(n);
    const next = starts.slice(0, BUCKETS);
    for (let row = 0; row < n; row++) order[next[sortKey(this.hash(row)) >>> 16]!++] = row;
    // Within a bucket rows are in append order, and both sorts below are stable.
    const scratch = new Uint32Array(largest);
    const counts = new Uint32Array(256);
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      const from = starts[bucket]!;
      const to = starts[bucket + 1]!;
      if (to - from <= INSERTION_SORT_ROWS) {
        for (let i = from + 1; i < to; i++) {
          const row = order[i]!;
          const key = this.hash(row) & 0xffff;
          let j = i - 1;
          while (j >= from && (this.hash(order[j]!) & 0xffff) > key) {
            order[j + 1] = order[j]!;
            j--;
          }
          order[j + 1] = row;
        }
        continue;
      }
      // Two 8-bit counting passes on the low half, through scratch and back.
      for (const shift of [0, 8]) {
        const [source, target, base] = shift === 0 ? [order, scratch, from] : [scratch, order, 0];
        const size = to - from;
        counts.fill(0);
        for (let i = 0; i < size; i++) counts[(this.hash(source[base + i]!) >>> shift) & 0xff]!++;
        let total = 0;
        for (let digit = 0; digit < 256; digit++) {
          const count = counts[digit]!;
          counts[digit] = total;
          total += count;
        }
        const targetBase = shift === 0 ? 0 : from;
        for (let i = 0; i < size; i++) {
          const row = source[base + i]!;
          target[targetBase + counts[(this.hash(row) >>> shift) & 0xff]!++] = row;
        }
      }
    }
    return order;
  }
}

const BUCKETS = 1 << 16;
/** Buckets up to this size are insertion-sorted; larger ones by two counting passes. */
const INSERTION_SORT_ROWS = 32;

/** A 32-bit hash as the unsigned key it is stored under (postings.hash). */
function sortKey(hash: number): number {
  return hash >>> 0;
}

/** Distinct hashes among staged rows in `order` (sorted by hash): what the filter will hold. */
function distinctHashes(staging: StagedFingerprints, order: Uint32Array): number {
  let count = 0;
  for (let i = 0; i < order.length; i++) if (i === 0 || staging.hash(order[i]!) !== staging.hash(order[i - 1]!)) count++;
  return count;
}

/** Sorts parallel (content, position) arrays by content, then position, and drops repeated pairs. */
function sortDistinctPairs(contents: number[], positions: number[]): void {
  const pairs = contents.map((content, i) => [content, positions[i]!] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  contents.length = 0;
  positions.length = 0;
  for (const [content, position] of pairs) {
    const last = contents.length - 1;
    if (last >= 0 && contents[last] === content && positions[last] === position) continue;
    contents.push(content);
    positions.push(position);
  }
}

/** Posting lists read per statement when removed contents are cut out of them. */
const REWRITE_SLICE_ROWS = 4096;

/** Bytes of the buffer posting lists are encoded into before a batch of inserts. */
const ENCODE_BUFFER_BYTES = 1 << 20;

/**
 * Write side. Each source is written in one transaction, so an interrupted build leaves every
 * source either fully indexed or absent, and the next build picks up where this one stopped.
 */
export class IndexWriter {
  /** Sources written by this build whose fingerprints wait in staging, with their digests. */
  private readonly unmerged = new Map<number, string>();
  /** Contents whose fingerprints this build staged; marked merged when they are. */
  private readonly stagedContents = new Set<number>();
  /** Fingerprint rows waiting for the merge, in memory: 12 bytes each. */
  private readonly staged = new StagedFingerprints();

  /** Rows waiting in staging. */
  get stagedRows(): number {
    return this.staged.length;
  }

  private constructor(
    private readonly db: Database.Database,
    readonly parameters: IndexParameters,
    readonly path: string,
  ) {}

  static open(path: string, parameters: IndexParameters): IndexWriter {
    const db = openDatabase(path, false);
    try {
      // WAL: readers keep working during a build, and a crash never leaves a torn index.
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
      db.pragma("foreign_keys = ON");
      // 64 MiB: plenty for appends in key order, and peak RSS stays well under 1 GB.
      db.pragma("cache_size = -65536");
      // Temporary tables (orphan lists) and sorter spills stay on disk, out of the RSS budget.
      db.pragma("temp_store = FILE");
      const found = readParameters(db, path);
      if (found) {
        assertCompatible(found, parameters, path);
        // Tables added within a schema version are created IF NOT EXISTS, then filled at build end.
        db.exec(SCHEMA_SQL);
      } else {
        const hasTables = db.prepare("SELECT count(*) AS n FROM sqlite_master").get() as { n: number };
        if (hasTables.n > 0) throw new ReftrackError(`${path} is an SQLite database but not a reftrack index; refusing to write to it`);
        db.transaction(() => {
          db.exec(SCHEMA_SQL);
          const insert = db.prepare("INSERT INTO meta (key, value) VALUES (?, ?)");
          for (const [field, key] of Object.entries(META_KEYS)) {
            insert.run(key, String(parameters[field as keyof IndexParameters]));
          }
        })();
      }
      return new IndexWriter(db, parameters, path);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  sources(): SourceRecord[] {
    return this.db
      .prepare(
        "SELECT id, name, repository, revision, repository_directory AS repositoryDirectory, url_template AS urlTemplate, license, " +
          "license_provenance AS licenseProvenance, license_evidence AS licenseEvidence, digest FROM sources ORDER BY id",
      )
      .all() as SourceRecord[];
  }

  /**
   * Replaces (or adds) a source with the given files, atomically: the transaction stays open while
   * files arrive (from worker threads), and commits only when the last one is written; any error
   * rolls it back. A file whose content is already stored (another source's copy, a twin in this
   * one) becomes one more origin of that content, with no fingerprints of its own. New contents'
   * fingerprints go to a staging table; `mergeStaged` makes them searchable at the end of the
   * build, and only then does the source get its digest, so a build interrupted before the merge
   * re-indexes the source next time instead of trusting it.
   */
  async replaceSource(
    metadata: SourceMetadata,
    files: AsyncIterable<PreparedFile>,
    /** Asked once every file is written: the digest of what was indexed. */
    digest: () => string,
    onFile?: (file: PreparedFile) => void,
  ): Promise<{ files: number; fingerprints: number; newContents: number }> {
    const db = this.db;
    let fileCount = 0;
    let fingerprintCount = 0;
    const stagedHere = new Set<number>();
    let stagedBefore = this.staged.length;
    db.exec("BEGIN IMMEDIATE");
    try {
      this.deleteSourceInTransaction(metadata.name);
      // Deleting may have dropped staged rows of contents the old version alone had.
      stagedBefore = this.staged.length;
      const sourceId = Number(
        db
          .prepare(
            "INSERT INTO sources (name, repository, revision, repository_directory, url_template, license, license_provenance, license_evidence, digest, indexed_at) " +
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          )
          .run(
            metadata.name,
            metadata.repository,
            metadata.revision,
            metadata.repositoryDirectory,
            metadata.urlTemplate,
            metadata.license,
            metadata.licenseProvenance,
            metadata.licenseEvidence,
            "",
            new Date().toISOString(),
          ).lastInsertRowid,
      );
      const findContent = db.prepare("SELECT id, merged FROM contents WHERE content_hash = ? AND language = ?");
      const insertContent = db.prepare("INSERT INTO contents (content_hash, language, lines, tokens) VALUES (?, ?, ?, ?)");
      const insertFile = db.prepare(
        "INSERT INTO files (source_id, path, content_id, license, license_provenance) VALUES (?, ?, ?, ?, ?)",
      );
      const insertChunk = db.prepare(
        "INSERT OR REPLACE INTO token_chunks (id, first_line, data) VALUES (?, ?, ?)",
      );
      for await (const file of files) {
        const existing = findContent.get(file.contentHash, file.language) as { id: number; merged: number } | undefined;
        let contentId: number;
        let needsFingerprints: boolean;
        if (existing) {
          contentId = existing.id;
          // Unmerged and not staged by this build: left by an interrupted one, whose staging is gone.
          needsFingerprints = existing.merged === 0 && !this.stagedContents.has(contentId) && !stagedHere.has(contentId);
        } else {
          contentId = Number(insertContent.run(file.contentHash, file.language, file.lines, file.tokens).lastInsertRowid);
          needsFingerprints = true;
        }
        const headerLicense = file.headerLicense;
        insertFile.run(
          sourceId,
          file.path,
          contentId,
          headerLicense ?? metadata.license,
          headerLicense ? "file-header" : metadata.licenseProvenance,
        );
        fileCount++;
        onFile?.(file);
        if (!needsFingerprints) continue;
        stagedHere.add(contentId);
        for (const chunk of file.chunks) {
          if (chunk.chunkIndex >= CHUNK_ID_STRIDE) break;
          insertChunk.run(chunkKey(contentId, chunk.chunkIndex), chunk.firstLine, chunk.data);
        }
        const hashes = file.fingerprintHashes;
        this.staged.append(hashes, contentId, file.fingerprintPositions);
        fingerprintCount += hashes.length;
      }
      db.exec("COMMIT");
      this.unmerged.set(sourceId, digest());
      for (const id of stagedHere) this.stagedContents.add(id);
    } catch (error) {
      if (db.inTransaction) db.exec("ROLLBACK");
      this.staged.truncate(stagedBefore);
      throw error;
    }
    return { files: fileCount, fingerprints: fingerprintCount, newContents: stagedHere.size };
  }

  /**
   * Makes every source this build wrote searchable, in one transaction: staged fingerprints move
   * into the main table in key order, and the sources get their digests. Sorted appends cost one
   * pass over the B-tree, where merging each source as it arrived rewrote most of its pages once
   * per source (measured: build throughput fell from 5.4 to 3.5 MB/s between 0.5 and 1 GB).
   */
  mergeStaged(): number {
    const db = this.db;
    const staged = this.staged.length;
    if (this.unmerged.size === 0 && staged === 0) return 0;
    const order = this.staged.sortedOrder();
    const staging = this.staged;
    // Into an empty table (a fresh build), the sorted staged rows are the whole table: the
    // statistics are gathered as they are inserted, instead of scanning the table afterwards.
    const fresh = !db.prepare("SELECT 1 FROM postings LIMIT 1").get();
    const statistics = fresh ? new StatisticsPass(distinctHashes(staging, order), ContentSources.read(db)) : undefined;
    db.transaction(() => {
      // A hash already stored gets this merge's occurrences as one more segment, concatenated in
      // SQL: no old list is read. (|| gives text; the cast keeps its bytes as a blob.)
      const onConflict = fresh
        ? ""
        : " ON CONFLICT (hash) DO UPDATE SET contents = contents + excluded.contents, occurrences = occurrences + excluded.occurrences, " +
          "data = CAST(data || excluded.data AS BLOB)";
      const insertOne = db.prepare(`INSERT INTO postings (hash, contents, occurrences, data) VALUES (?, ?, ?, ?)${onConflict}`);
      const insertBatch = db.prepare(
        `INSERT INTO postings (hash, contents, occurrences, data) VALUES ${new Array(INSERT_BATCH).fill("(?, ?, ?, ?)").join(", ")}${onConflict}`,
      );
      const batch: (number | Buffer)[] = [];
      let bytes = Buffer.allocUnsafe(ENCODE_BUFFER_BYTES);
      let used = 0;
      const contents: number[] = [];
      const positions: number[] = [];
      const distinctContents: number[] = [];
      for (let i = 0; i < order.length; ) {
        const hash = staging.hash(order[i]!);
        contents.length = 0;
        positions.length = 0;
        let increasing = true;
        for (; i < order.length && staging.hash(order[i]!) === hash; i++) {
          const row = order[i]!;
          const content = staging.content(row);
          const position = staging.position(row);
          // Never looked up (see POSITION_SPAN).
          if (position >= POSITION_SPAN) continue;
          const last = contents.length - 1;
          if (last >= 0 && (content < contents[last]! || (content === contents[last]! && position <= positions[last]!))) increasing = false;
          contents.push(content);
          positions.push(position);
        }
        if (contents.length === 0) continue;
        // Rows come in append order: content by content, each in position order, unless a content
        // an interrupted build left unmerged is staged again among newer ones.
        if (!increasing) sortDistinctPairs(contents, positions);
        const needed = maxSegmentBytes(contents.length);
        if (used + needed > bytes.length) {
          // Rows waiting in `batch` keep views of the old buffer; it is released with them.
          bytes = Buffer.allocUnsafe(Math.max(ENCODE_BUFFER_BYTES, needed));
          used = 0;
        }
        const end = writeSegment(bytes, used, contents, positions, 0, contents.length);
        distinctContents.length = 0;
        for (const content of contents) if (distinctContents[distinctContents.length - 1] !== content) distinctContents.push(content);
        batch.push(sortKey(hash), distinctContents.length, contents.length, bytes.subarray(used, end));
        used = end;
        statistics?.addHash(hash, distinctContents.length, () => distinctContents);
        if (batch.length === INSERT_BATCH * 4) {
          insertBatch.run(batch);
          batch.length = 0;
        }
      }
      for (let at = 0; at < batch.length; at += 4) insertOne.run(batch.slice(at, at + 4));
      const setMerged = db.prepare("UPDATE contents SET merged = 1 WHERE id = ?");
      for (const contentId of this.stagedContents) setMerged.run(contentId);
      const setDigest = db.prepare("UPDATE sources SET digest = ? WHERE id = ?");
      for (const [sourceId, digest] of this.unmerged) setDigest.run(digest, sourceId);
      this.bumpGeneration();
      statistics?.store(db);
    })();
    this.staged.truncate(0);
    this.unmerged.clear();
    this.stagedContents.clear();
    return staged;
  }

  private bumpGeneration(): void {
    this.db
      .prepare(
        "INSERT INTO meta (key, value) VALUES (?, '1') " +
          "ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)",
      )
      .run(GENERATION_KEY);
  }

  /** Whether the stored filter and common-fingerprint table describe the index as it is now. */
  statisticsAreCurrent(): boolean {
    const current = (table: string): boolean =>
      Boolean(
        this.db
          .prepare(`SELECT 1 FROM ${table} t JOIN meta m ON m.key = ? AND CAST(m.value AS INTEGER) = t.generation WHERE t.id = 1`)
          .get(GENERATION_KEY),
      );
    return current("membership_filter") && current("common_fingerprints");
  }

  /**
   * Rebuilds the membership filter and the common-fingerprint table in one pass over the posting
   * lists in key order. Stored with
   * the generation they describe; a later change makes them stale, and readers then ignore them
   * until the next build refreshes them.
   */
  rebuildStatistics(): void {
    const db = this.db;
    // A scan in key order needs few cached pages; what the merges cached would only add to the
    // filter's memory at the build's peak.
    const cacheSize = db.pragma("cache_size", { simple: true }) as number;
    db.pragma(`cache_size = ${SCAN_CACHE_SIZE}`);
    db.pragma("shrink_memory");
    try {
      this.rebuildStatisticsNow();
    } finally {
      db.pragma(`cache_size = ${cacheSize}`);
    }
  }

  private rebuildStatisticsNow(): void {
    const db = this.db;
    const count = (db.prepare("SELECT count(*) AS n FROM postings").get() as { n: number }).n;
    const pass = new StatisticsPass(count, ContentSources.read(db));
    // Only common hashes' lists are read: the rest is two small columns of one row per hash.
    const rows = db.prepare(`SELECT hash, contents, CASE WHEN contents > ${COMMON_FLOOR} THEN data END FROM postings ORDER BY hash`).raw(true);
    for (const [hash, contents, data] of rows.iterate() as IterableIterator<[number, number, Buffer | null]>) {
      pass.addHash(hash | 0, contents, () => (data ? decodeContents(data) : []));
    }
    db.transaction(() => pass.store(db))();
  }

  /** Removes a source and everything it owns, atomically. */
  deleteSource(name: string): void {
    this.db.transaction(() => this.deleteSourceInTransaction(name))();
  }

  private deleteSourceInTransaction(name: string): void {
    const db = this.db;
    const source = db.prepare("SELECT id FROM sources WHERE name = ?").get(name) as { id: number } | undefined;
    if (!source) return;
    const contentIds = (db.prepare("SELECT DISTINCT content_id FROM files WHERE source_id = ?").raw(true).all(source.id) as [number][]).map(
      ([id]) => id,
    );
    db.prepare("DELETE FROM files WHERE source_id = ?").run(source.id);
    db.prepare("DELETE FROM sources WHERE id = ?").run(source.id);
    // Contents another source still has are kept, fingerprints and all.
    const stillUsed = db.prepare("SELECT 1 FROM files WHERE content_id = ? LIMIT 1");
    const orphans = contentIds.filter((id) => !stillUsed.get(id));
    if (orphans.length === 0) return;
    db.exec("CREATE TEMP TABLE IF NOT EXISTS orphan_contents (id INTEGER PRIMARY KEY)");
    db.exec("DELETE FROM temp.orphan_contents");
    const addOrphan = db.prepare("INSERT INTO temp.orphan_contents (id) VALUES (?)");
    const deleteChunks = db.prepare("DELETE FROM token_chunks WHERE id >= ? AND id < ?");
    const orphanedStaged = new Set<number>();
    for (const id of orphans) {
      addOrphan.run(id);
      deleteChunks.run(id * CHUNK_ID_STRIDE, (id + 1) * CHUNK_ID_STRIDE);
      if (this.stagedContents.delete(id)) orphanedStaged.add(id);
    }
    if (orphanedStaged.size > 0) this.staged.removeContents(orphanedStaged);
    this.removeOccurrences(new Set(orphans));
    db.exec("DELETE FROM contents WHERE id IN (SELECT id FROM temp.orphan_contents)");
    // Fingerprints left the index, so the filter must be rebuilt (a superset would stay correct,
    // only slower), and document frequencies changed.
    this.bumpGeneration();
  }

  /**
   * Rewrites every posting list holding one of `removed` contents without them. Lists are keyed by
   * hash, not content, so this is one scan of the table, a slice of keys at a time (a statement
   * cannot write while another iterates); it runs only when a source changed or left the
   * manifest, never on an unchanged rebuild.
   */
  private removeOccurrences(removed: ReadonlySet<number>): void {
    const db = this.db;
    const slice = db.prepare(`SELECT hash, data FROM postings WHERE hash > ? ORDER BY hash LIMIT ${REWRITE_SLICE_ROWS}`).raw(true);
    const update = db.prepare("UPDATE postings SET contents = ?, occurrences = ?, data = ? WHERE hash = ?");
    const remove = db.prepare("DELETE FROM postings WHERE hash = ?");
    for (let after = -1; ; ) {
      const rows = slice.all(after) as [number, Buffer][];
      if (rows.length === 0) break;
      for (const [hash, data] of rows) {
        const rest = withoutContents(data, removed);
        if (!rest) continue;
        if (rest.occurrences === 0) remove.run(hash);
        else update.run(rest.contents, rest.occurrences, rest.data, hash);
      }
      after = rows[rows.length - 1]![0];
    }
  }

  statistics(): IndexStatistics {
    const count = (sql: string): number => (this.db.prepare(sql).get() as { n: number }).n;
    this.db.pragma("wal_checkpoint(TRUNCATE)");
    return {
      sources: count("SELECT count(*) AS n FROM sources"),
      files: count("SELECT count(*) AS n FROM files"),
      contents: count("SELECT count(*) AS n FROM contents"),
      fingerprints: count("SELECT coalesce(sum(occurrences), 0) AS n FROM postings"),
      bytes: statSync(this.path).size,
    };
  }

  close(): void {
    try {
      this.db.pragma("wal_checkpoint(TRUNCATE)");
    } finally {
      this.db.close();
    }
  }
}
