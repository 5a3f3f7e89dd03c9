import type Database from "better-sqlite3";
import { ReftrackError, describeError } from "../errors.js";
import { assertComplete } from "./completeness.js";
import type { MatchIndex, TokenChunk } from "../match/match-index.js";
import { occurrenceContent } from "../match/match-index.js";
import { COMMON_FLOOR, READER_CACHE_ENTRIES, READER_MMAP_BYTES, READ_HOLD_MS } from "../options.js";
import { BoundedMap } from "../util/bounded-map.js";
import { IntCounts } from "../util/int-counts.js";
import { SecondUseCache } from "../util/second-use-cache.js";
import { runKeys } from "../util/runs.js";
import type { CommonFingerprints } from "./common-fingerprints.js";
import { assertIndexFile, openDatabase } from "./database.js";
import type { MembershipFilter } from "./membership-filter.js";
import { GENERATION_KEY, type IndexParameters, assertCompatible, currentIndexParameters, readParameters } from "./parameters.js";
import { decodeContents, decodeOccurrences } from "./posting-list.js";
import type { IndexDescription, LicenseProvenance, OriginRecord, SourceRecord } from "./records.js";
import { FINISHED_BUILD_KEY, PENDING_NAME_RANGE } from "./pending-sources.js";
import { holdingRead, mayHoldReads, releasedRead } from "./read-hold.js";
import { PendingStatistics, type StatisticsReading, openStatistics } from "./statistics-loader.js";
import { TEXT_CHUNK_BASE, TOKENS_PER_CHUNK, chunkKey, decodeTokenChunk, unpackChunk } from "./token-chunks.js";

export interface ReaderOptions {
  /**
   * Answer absent hashes from the in-memory filter, and boilerplate ones from the common-fingerprint
   * table (default true). Off only to measure what they save.
   */
  readonly useFilter?: boolean;
  /**
   * When the statistics are read (statistics-loader.ts): by their size (default), at open, or on a
   * thread of their own whatever their size (for the tests of that path).
   */
  readonly statistics?: StatisticsReading;
}

/**
 * An index opened read-only and checked as every reader opens it: a file, a reftrack index of this
 * version's parameters, complete. A missing or damaged one is a ReftrackError naming it; no
 * statistics are read, so a supervisor can check an index it will not query (service/server.ts).
 */
export function openIndexDatabase(path: string): { readonly db: Database.Database; readonly parameters: IndexParameters } {
  assertIndexFile(path);
  const db = openDatabase(path, true);
  try {
    const parameters = readParameters(db, path);
    if (!parameters) throw new ReftrackError(`${path} is an SQLite database but not a reftrack index`);
    assertCompatible(parameters, currentIndexParameters(parameters), path);
    // Never "no references" from an index that cannot answer: checked on every open, cheaply.
    assertComplete(db, path);
    return { db, parameters };
  } catch (error) {
    db.close();
    throw error instanceof ReftrackError ? error : new ReftrackError(`index ${path} is damaged or not a reftrack index: ${describeError(error)}`);
  }
}

/**
 * The read side of an index: what matching asks (MatchIndex) and what references are made of
 * (the output stage's OriginCatalog, which it satisfies by shape). Every statement is prepared
 * once; what it caches is bounded.
 */
export class IndexReader implements MatchIndex {
  readonly tokensPerChunk = TOKENS_PER_CHUNK;
  private readonly postingStatement: Database.Statement<[number], Buffer>;
  private readonly contentCountStatement: Database.Statement<[number], number>;
  private readonly chunkStatement: Database.Statement<[number], [number, Buffer]>;
  private readonly tokensStatement: Database.Statement<[number], number>;
  private readonly lastChunkStatement: Database.Statement<[number, number], [number, Buffer]>;
  private readonly filesStatement: Database.Statement<[number], FileRow>;
  private readonly sourceStatement: Database.Statement<[number], SourceRow>;
  private readonly contentSourcesStatement: Database.Statement<[number], [number]>;
  private readonly finishedFilesStatement: Database.Statement<[number], FileRow>;
  private readonly finishedContentSourcesStatement: Database.Statement<[number], [number]>;
  private readonly anyPendingStatement: Database.Statement<[string, string]>;
  /** Whether the read transaction now open sees sources a build has not merged; asked once per transaction, when origins are first read. */
  private pendingInSnapshot: boolean | undefined;
  private readonly beginStatement: Database.Statement;
  private readonly commitStatement: Database.Statement;
  private readonly contentSources = new BoundedMap<number, readonly number[]>(READER_CACHE_ENTRIES);
  private readonly tokenCounts = new BoundedMap<number, number>(READER_CACHE_ENTRIES);
  private readonly wordCounts = new BoundedMap<number, number>(READER_CACHE_ENTRIES);
  private readonly originLists = new SecondUseCache<number, readonly OriginRecord[]>(READER_CACHE_ENTRIES);
  private readonly sources = new BoundedMap<number, SourceRecord>(READER_CACHE_ENTRIES);
  /**
   * Every source, read at open when there are no more than READER_CACHE_ENTRIES (a corpus has a
   * few hundred, like the filter a part of the index kept in memory): a reference's sources then
   * cost no lookup, at its first query as at later ones.
   */
  private readonly catalog = new Map<number, SourceRecord>();
  /**
   * Posting lists read during one withinRead, by hash: the screen reads a query's candidate seeds
   * and the lookup then reads the same ones again. Replaced by a new map when the read ends, so it
   * holds one query's (or one window's) lists at most, and nothing of a query outlives it. Not
   * cleared: V8 gives a cleared map's new table the old one's generation, and once a table was
   * promoted, the dead tables left behind kept every later query's lists alive through scavenges.
   */
  private readPostings = new Map<number, Buffer | undefined>();
  /** withinRead's nesting: the outermost one ends the query. */
  private depth = 0;
  /** When the read transaction now open began (performance.now()). */
  private heldSince = 0;
  private releaseTimer: NodeJS.Timeout | undefined;
  /** Undefined when the index has none, it is stale, or it is still being read: then every hash goes to SQLite. */
  private filter: MembershipFilter | undefined;
  /** Undefined when the index has none, it is stale, or it is still being read: then posting lists tell. */
  private common: CommonFingerprints | undefined;
  /** The statistics while a worker reads them; taken at a query's start once there. */
  private pending: PendingStatistics | undefined;

  /**
   * The index's generation and the time its last build finished (meta), which this reader's caches
   * and statistics describe: every change to what is searched bumps the generation, and another
   * index copied over this file has another finishing time, whatever its generation.
   */
  private indexState: string | undefined;
  /** SQLite's data_version when the state was last read: it changes with any other connection's commit. */
  private dataVersion = -1;
  private readonly indexStateStatement: Database.Statement<[string, string], string | undefined>;
  private readonly dataVersionStatement: Database.Statement<[], number>;

  private constructor(
    private readonly db: Database.Database,
    readonly parameters: IndexParameters,
    private readonly path: string,
    /** How statistics are read; undefined when they are not used (ReaderOptions.useFilter). */
    private readonly statisticsReading: StatisticsReading | undefined,
  ) {
    this.indexStateStatement = db
      .prepare<[string, string], string | undefined>("SELECT (SELECT value FROM meta WHERE key = ?) || ' ' || coalesce((SELECT value FROM meta WHERE key = ?), '')")
      .pluck(true);
    this.dataVersionStatement = db.prepare<[], number>("PRAGMA data_version").pluck(true);
    this.indexState = this.indexStateStatement.get(GENERATION_KEY, FINISHED_BUILD_KEY);
    this.dataVersion = this.dataVersionStatement.get()!;
    this.readStatistics();
    this.postingStatement = db.prepare<[number], Buffer>("SELECT data FROM postings WHERE hash = ?").pluck(true);
    this.contentCountStatement = db.prepare<[number], number>("SELECT contents FROM postings WHERE hash = ?").pluck(true);
    this.chunkStatement = db.prepare<[number], [number, Buffer]>("SELECT first_line, data FROM token_chunks WHERE id = ?").raw(true);
    this.tokensStatement = db.prepare<[number], number>("SELECT tokens FROM contents WHERE id = ?").pluck(true);
    this.lastChunkStatement = db.prepare<[number, number], [number, Buffer]>("SELECT id, data FROM token_chunks WHERE id >= ? AND id < ? ORDER BY id DESC LIMIT 1").raw(true);
    this.beginStatement = db.prepare("BEGIN");
    this.commitStatement = db.prepare("COMMIT");
    // Raw rows, unjoined: a content's origins were a join returning every source column per file,
    // and building those rows cost more than reading them.
    const files = "SELECT f.id, f.path, f.license, f.license_provenance, f.source_id FROM files f";
    const sources = "SELECT DISTINCT f.source_id FROM files f";
    this.filesStatement = db.prepare<[number], FileRow>(`${files} WHERE f.content_id = ? ORDER BY f.id`).raw(true);
    this.contentSourcesStatement = db.prepare<[number], [number]>(`${sources} WHERE f.content_id = ?`).raw(true);
    // Joined to their sources only while a build's unmerged sources (digest '') are there, whose
    // files readers do not see: the versions they replace answer (pending-sources.ts).
    const finished = "JOIN sources s ON s.id = f.source_id WHERE f.content_id = ? AND s.digest != ''";
    this.finishedFilesStatement = db.prepare<[number], FileRow>(`${files} ${finished} ORDER BY f.id`).raw(true);
    this.finishedContentSourcesStatement = db.prepare<[number], [number]>(`${sources} ${finished}`).raw(true);
    this.anyPendingStatement = db.prepare<[string, string]>("SELECT 1 FROM sources WHERE name >= ? AND name < ? LIMIT 1").pluck(true);
    this.sourceStatement = db.prepare<[number], SourceRow>(`${SELECT_SOURCES} WHERE id = ?`).raw(true);
    this.readCatalog();
  }

  private readCatalog(): void {
    this.catalog.clear();
    const sourceCount = this.db.prepare<[], number>("SELECT count(*) FROM sources").pluck(true).get() ?? 0;
    if (sourceCount > READER_CACHE_ENTRIES) return;
    for (const row of this.db.prepare<[], SourceRow>(`${SELECT_SOURCES} WHERE digest != ''`).raw(true).all()) this.catalog.set(row[0], sourceRecord(row));
  }

  /** Reads the statistics current for the index as it is now, or starts a worker reading them. */
  private readStatistics(): void {
    if (this.statisticsReading === undefined) return;
    const statistics = openStatistics(this.db, this.path, this.statisticsReading);
    if (statistics instanceof PendingStatistics) {
      this.pending = statistics;
      // Taken when the worker ends, if no query took them first; damaged ones are left for the next
      // query to report (it throws the same error, and says it).
      this.takeWhenEnded(statistics, false).catch(() => undefined);
    } else {
      this.filter = statistics.filter;
      this.common = statistics.common;
    }
  }

  /**
   * At each read transaction's start: when another process changed what the index searches (a
   * build merged, removed or replaced sources), the index is checked as at open, what this reader
   * cached of it is forgotten and the statistics read again, so a reader kept open answers as a new
   * one would; statistics a build stores after its merge are taken once there. Two point reads
   * when nothing changed.
   */
  private followIndex(): void {
    const indexState = this.indexStateStatement.get(GENERATION_KEY, FINISHED_BUILD_KEY);
    const dataVersion = this.dataVersionStatement.get()!;
    if (indexState !== this.indexState) {
      // As at open: a repair or a first build under way is an error until it ends, never "no references".
      assertComplete(this.db, this.path);
      this.indexState = indexState;
      this.dataVersion = dataVersion;
      this.dropCaches();
      this.readCatalog();
      this.pending?.cancel();
      this.pending = undefined;
      this.filter = undefined;
      this.common = undefined;
      this.readStatistics();
    } else if (dataVersion !== this.dataVersion) {
      this.dataVersion = dataVersion;
      if (!this.filter && !this.common && !this.pending) this.readStatistics();
    }
  }

  /**
   * Opens an index for reading. Its k and w are the index's own (a query is fingerprinted as the
   * index was); its normalizer, fingerprint and schema versions must be this reftrack's.
   */
  static open(path: string, options: ReaderOptions = {}): IndexReader {
    const { db, parameters: found } = openIndexDatabase(path);
    try {
      const useFilter = options.useFilter !== false;
      // Pages are read where they lie in the mapped file, not copied through a read() call each:
      // lookups and token chunks touch a few scattered pages per query.
      db.pragma(`mmap_size = ${READER_MMAP_BYTES}`);
      return new IndexReader(db, found, path, useFilter ? (options.statistics ?? "by-size") : undefined);
    } catch (error) {
      db.close();
      throw error instanceof ReftrackError ? error : new ReftrackError(`index ${path} is damaged or not a reftrack index: ${describeError(error)}`);
    }
  }

  /**
   * Runs a query's reads as one read transaction: SQLite takes its shared lock (or WAL read mark)
   * once, not once per statement; a query makes dozens. The transaction is kept for the next
   * query up to READ_HOLD_MS after it began (read-hold.ts), then given back, by the next query or a
   * timer, so a writer waits no longer than that and a query sees a snapshot no older.
   */
  withinRead<T>(read: () => T): T {
    if (this.depth > 0) return read();
    if (this.db.inTransaction && performance.now() - this.heldSince > READ_HOLD_MS) this.release();
    const begins = !this.db.inTransaction;
    if (begins) {
      this.beginStatement.run();
      this.heldSince = performance.now();
      this.pendingInSnapshot = undefined;
    }
    this.depth++;
    try {
      // Inside the try: an index found incomplete still ends (or hands back) the transaction.
      if (begins) this.followIndex();
      if (this.pending) this.takeStatistics();
      return read();
    } finally {
      this.depth--;
      if (this.readPostings.size > 0) this.readPostings = new Map();
      if (this.db.inTransaction) {
        if (mayHoldReads()) this.hold();
        else this.commitStatement.run();
      }
    }
  }

  private hold(): void {
    if (this.releaseTimer) return;
    holdingRead(this.release);
    this.releaseTimer = setTimeout(this.release, READ_HOLD_MS);
    this.releaseTimer.unref();
  }

  /** Gives back a read transaction held between queries. */
  private readonly release = (): void => {
    clearTimeout(this.releaseTimer);
    this.releaseTimer = undefined;
    releasedRead(this.release);
    if (this.db.open && this.db.inTransaction && this.depth === 0) this.commitStatement.run();
  };

  /**
   * Whether files must be told apart from those of unmerged sources: asked of the name index once
   * per read transaction (a snapshot cannot change within it), and assumed outside one.
   */
  private mayHavePending(): boolean {
    if (!this.db.inTransaction) return true;
    this.pendingInSnapshot ??= this.anyPendingStatement.get(...PENDING_NAME_RANGE) !== undefined;
    return this.pendingInSnapshot;
  }

  /** A hash's posting list blob, read once per withinRead (readPostings). */
  private posting(hash: number): Buffer | undefined {
    const key = hash >>> 0;
    if (this.depth === 0) return this.postingStatement.get(key);
    if (this.readPostings.has(key)) return this.readPostings.get(key);
    const data = this.postingStatement.get(key);
    this.readPostings.set(key, data);
    return data;
  }

  /**
   * Without the filter (the index has none, or it is stale until a build's last step), presence is
   * read: the screen then weighs a query's readings by the fingerprints the index holds, as it does
   * with the filter, and the query gets the references it gets with the filter.
   */
  mayContain(hash: number): boolean {
    return this.filter ? this.filter.mayContain(hash) : this.posting(hash) !== undefined;
  }

  /** From the common table; without one, from the stored count, as the table would list it. */
  commonContentCount(hash: number): number | undefined {
    if (this.common) return this.common.contentCount(hash);
    const contents = this.contentCountStatement.get(hash >>> 0);
    return contents !== undefined && contents > COMMON_FLOOR ? contents : undefined;
  }

  /** From the common table; without one, counted over every occurrence, as the table's count was. */
  commonSourceCount(hash: number): number | undefined {
    if (this.common) return this.common.sourceCount(hash);
    return this.commonContentCount(hash) === undefined ? undefined : this.sourceCount(hash, this.occurrences(hash, -1));
  }

  occurrences(hash: number, limit: number): number[] {
    const data = this.posting(hash);
    return data ? decodeOccurrences(data, limit) : [];
  }

  /**
   * One point lookup per hash, stopping at the first content found often enough: faster than one
   * GROUP BY statement over all of them, whose planning costs more than the rows.
   */
  someContentHolds(hashes: readonly number[], atLeast: number): boolean {
    const found = new IntCounts(SCREEN_CONTENTS_EXPECTED);
    for (const hash of hashes) {
      const data = this.posting(hash);
      if (!data) continue;
      for (const contentId of decodeContents(data)) {
        const count = (found.get(contentId) ?? 0) + 1;
        if (count >= atLeast) return true;
        found.set(contentId, count);
      }
    }
    return false;
  }

  /** From the common table when it lists the hash, else counted from the files table. */
  sourceCount(hash: number, occurrences: readonly number[]): number {
    const stored = this.common?.sourceCount(hash);
    if (stored !== undefined) return stored;
    const sources = new Set<number>();
    for (const contentId of runKeys(occurrences, occurrenceContent)) {
      let ids = this.contentSources.get(contentId);
      if (!ids) {
        ids = (this.mayHavePending() ? this.finishedContentSourcesStatement : this.contentSourcesStatement).all(contentId).map(([id]) => id);
        this.contentSources.set(contentId, ids);
      }
      for (const id of ids) sources.add(id);
    }
    return sources.size;
  }

  tokenChunk(contentId: number, chunkIndex: number): TokenChunk | undefined {
    const row = this.chunkStatement.get(chunkKey(contentId, chunkIndex));
    if (!row) return undefined;
    return decodeTokenChunk(row[0], row[1]);
  }

  /**
   * Forgets the cached contents, origins and sources looked up one by one (not the catalog read at
   * open): the speed bench measures a query whose contents no earlier query has read, as a service
   * asked about many different files sees it.
   */
  dropCaches(): void {
    this.tokenCounts.clear();
    this.wordCounts.clear();
    this.originLists.clear();
    this.sources.clear();
    this.contentSources.clear();
  }

  /**
   * Every file a content occurs as, in indexing order, cached from the second time it is asked for
   * (SecondUseCache, READER_CACHE_ENTRIES). The files alone are read per content; their sources, a
   * few hundred in all, from the catalog.
   */
  origins(contentId: number): readonly OriginRecord[] {
    let origins = this.originLists.get(contentId);
    if (origins) return origins;
    const rows = (this.mayHavePending() ? this.finishedFilesStatement : this.filesStatement).all(contentId);
    if (rows.length === 0) throw inconsistent(contentId);
    origins = rows.map(
      ([fileId, path, license, licenseProvenance, sourceId]): OriginRecord => ({ fileId, path, license, licenseProvenance, source: this.source(sourceId) }),
    );
    this.originLists.offer(contentId, origins);
    return origins;
  }

  /** A content's token count, cached apart from its origins: candidates are sized before any is reported. */
  contentTokens(contentId: number): number {
    let tokens = this.tokenCounts.get(contentId);
    if (tokens !== undefined) return tokens;
    tokens = this.tokensStatement.get(contentId);
    if (tokens === undefined) throw inconsistent(contentId);
    this.tokenCounts.set(contentId, tokens);
    return tokens;
  }

  /**
   * Words of a content's prose, cached: not a column of its own, but where its last text chunk ends
   * (the prose is stored as chunks from TEXT_POSITION_BASE on, every one full but the last).
   */
  contentWords(contentId: number): number {
    let words = this.wordCounts.get(contentId);
    if (words !== undefined) return words;
    const first = chunkKey(contentId, TEXT_CHUNK_BASE);
    const last = this.lastChunkStatement.get(first, chunkKey(contentId + 1, 0));
    words = last ? (last[0] - first) * TOKENS_PER_CHUNK + unpackChunk(last[1]).signatures.length : 0;
    this.wordCounts.set(contentId, words);
    return words;
  }

  private source(sourceId: number): SourceRecord {
    let source = this.catalog.get(sourceId) ?? this.sources.get(sourceId);
    if (source) return source;
    const row = this.sourceStatement.get(sourceId);
    if (!row) throw new ReftrackError(`index is inconsistent: a file points at missing source ${sourceId}`);
    source = sourceRecord(row);
    this.sources.set(sourceId, source);
    return source;
  }

  /** The index's parameters and the corpus it was built from, for reports to record (output/provenance.ts). */
  describe(): IndexDescription {
    const sources = this.db
      .prepare(
        "SELECT s.name, s.repository, s.revision, s.license, s.indexed_at AS indexedAt, s.local_root AS root, (SELECT count(*) FROM files f WHERE f.source_id = s.id) AS files " +
          "FROM sources s WHERE s.digest != '' ORDER BY s.name",
      )
      .all() as { name: string; repository: string | null; revision: string | null; license: string; indexedAt: string | number | null; root: string | null; files: number }[];
    const note = this.db.prepare("SELECT value FROM meta WHERE key = 'license_list_version'").pluck(true).get() as string | undefined;
    return {
      parameters: this.parameters,
      sources: sources.map((s) => ({ ...s, indexedAt: s.indexedAt === null ? null : new Date(typeof s.indexedAt === "number" ? s.indexedAt : Date.parse(s.indexedAt)).toISOString() })),
      licenseListVersion: note ?? null,
    };
  }

  /** Whether absent hashes are answered in memory: once the filter is there. */
  get answersAbsenceInMemory(): boolean {
    return this.filter !== undefined;
  }

  /**
   * Resolves once the statistics are read or will not be (they are read at open, or on another
   * thread for a large index while queries are answered without them, with the same references).
   */
  async statisticsLoaded(): Promise<void> {
    if (this.pending) await this.takeWhenEnded(this.pending, true);
  }

  /** Takes `pending`'s statistics once its worker has ended, unless a query took them first; `wait` keeps the process running until then. */
  private async takeWhenEnded(pending: PendingStatistics, wait: boolean): Promise<void> {
    await pending.finished(wait);
    if (this.pending === pending) this.takeStatistics(true);
  }

  /**
   * Takes the statistics the worker has read. Once it has `ended` without them (it failed, or found
   * them rebuilt), queries go on without statistics and it is not asked again. Throws when the
   * worker found them damaged.
   */
  private takeStatistics(ended = false): void {
    const statistics = this.pending!.take();
    if (!statistics && !ended) return;
    this.filter = statistics?.filter;
    this.common = statistics?.common;
    this.pending = undefined;
  }

  close(): void {
    this.pending?.cancel();
    this.pending = undefined;
    this.release();
    this.db.close();
  }
}

function inconsistent(contentId: number): ReftrackError {
  return new ReftrackError(`index is inconsistent: fingerprint points at missing content ${contentId}`);
}

/** filesStatement's row: a file's id, path, license and its provenance, and its source's id. */
type FileRow = [number, string, string, LicenseProvenance, number];

/** sourceStatement's row, in SourceRecord's field order. */
type SourceRow = [number, string, string | null, string | null, string, string | null, string, LicenseProvenance, string, string];

/** Contents the screen's lookups expect to count for one query (IntCounts grows past it). */
const SCREEN_CONTENTS_EXPECTED = 256;

const SELECT_SOURCES =
  "SELECT id, name, repository, revision, repository_directory, url_template, license, license_provenance, license_evidence, digest FROM sources";

function sourceRecord(row: SourceRow): SourceRecord {
  const [id, name, repository, revision, repositoryDirectory, urlTemplate, license, licenseProvenance, licenseEvidence, digest] = row;
  return { id, name, repository, revision, repositoryDirectory, urlTemplate, license, licenseProvenance, licenseEvidence, digest };
}
