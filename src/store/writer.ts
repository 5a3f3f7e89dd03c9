import { statSync } from "node:fs";
import type Database from "better-sqlite3";
import { ReftrackError, describeError } from "../errors.js";
import {
  MERGE_ENCODE_BUFFER_BYTES,
  MERGE_INSERT_BATCH,
  REWRITE_SLICE_ROWS,
  STATISTICS_SLICE_ROWS,
  STATISTICS_SCAN_CACHE_KIB,
  WRITER_CACHE_KIB,
  COMMON_FLOOR,
} from "../options.js";
import { runCount, runKeys } from "../util/runs.js";
import { openDatabase, prepareIndexPath } from "./database.js";
import { WriteLock } from "./write-lock.js";
import { assertComplete } from "./completeness.js";
import { FINISHED_BUILD_KEY, assertSourceName, pendingName } from "./pending-sources.js";
import { detachSource, dropUnusedContents } from "./removal.js";
import { type BuildNoteKey, GENERATION_KEY, type IndexParameters, META_KEYS, assertCompatible, readParameters } from "./parameters.js";
import { POSITION_SPAN } from "../match/match-index.js";
import { decodeContents, maxSegmentBytes, withoutContents, writeSegment } from "./posting-list.js";
import type { IndexStatistics, SourceMetadata, SourceRecord, StoredFile } from "./records.js";
import { SCHEMA_SQL } from "./schema.js";
import { StagedFingerprints, distinctHashes, sortDistinctPairs } from "./staging.js";
import { ContentSources, StatisticsPass, currentStatisticsRow, loadCommon, loadFilter } from "./statistics.js";
import { CHUNK_ID_STRIDE, chunkKey } from "./token-chunks.js";

/**
 * Write side. Each source is written in one transaction, so an interrupted build leaves every
 * source either fully indexed or absent, and the next build picks up where this one stopped.
 */
export class IndexWriter {
  /** Sources written by this build whose fingerprints wait in staging, by row id: their names and digests. */
  private readonly unmerged = new Map<number, { readonly name: string; readonly digest: string }>();
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
    private readonly lock: WriteLock,
  ) {}

  /**
   * Opens (or creates) an index to write. A damaged one (a required table gone, files without
   * posting lists or token chunks) is refused, unless `repair`: then everything it holds is
   * dropped and the build writes every source again, into the same file.
   */
  static open(path: string, parameters: IndexParameters, options: { repair?: boolean } = {}): IndexWriter {
    prepareIndexPath(path);
    const lock = WriteLock.acquire(path);
    let db: Database.Database;
    try {
      db = openDatabase(path, false);
    } catch (error) {
      lock.release();
      throw error;
    }
    try {
      // WAL: readers keep working during a build, and a crash never leaves a torn index.
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
      db.pragma("foreign_keys = ON");
      db.pragma(`cache_size = -${WRITER_CACHE_KIB}`);
      // Temporary tables (orphan lists) and sorter spills stay on disk, out of the RSS budget.
      db.pragma("temp_store = FILE");
      const found = readParameters(db, path);
      if (found) {
        assertCompatible(found, parameters, path);
        if (options.repair) {
          clearIndexData(db);
        } else {
          try {
            assertComplete(db, path, { allowUnmerged: true });
          } catch (error) {
            if (error instanceof ReftrackError) throw new ReftrackError(`${error.message.replace(/; rebuild it with .*$/, "")}; run \`reftrack index --repair\` to rebuild it in place`);
            throw error;
          }
        }
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
      const writer = new IndexWriter(db, parameters, path, lock);
      writer.discardUnmerged();
      return writer;
    } catch (error) {
      db.close();
      lock.release();
      throw error instanceof ReftrackError ? error : new ReftrackError(`cannot write index ${path}: ${describeError(error)}`);
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
   * build. Until then the new version is a pending row (pending-sources.ts) and the old one stays
   * searchable: the merge replaces one with the other, and only then does the source get its
   * digest, so a build interrupted before the merge re-indexes the source next time.
   */
  async replaceSource(
    metadata: SourceMetadata,
    files: AsyncIterable<StoredFile>,
    /** Asked once every file is written: the digest of what was indexed. */
    digest: () => string,
    onFile?: (file: StoredFile) => void,
  ): Promise<{ files: number; fingerprints: number; newContents: number }> {
    const db = this.db;
    let fileCount = 0;
    let fingerprintCount = 0;
    const stagedHere = new Set<number>();
    let stagedBefore = this.staged.length;
    assertSourceName(metadata.name, "index");
    db.exec("BEGIN IMMEDIATE");
    try {
      // A version this build already wrote (never twice from one manifest, but the call allows it).
      this.deleteSourceInTransaction(pendingName(metadata.name));
      stagedBefore = this.staged.length;
      const sourceId = Number(
        db
          .prepare(
            "INSERT INTO sources (name, repository, revision, repository_directory, url_template, license, license_provenance, license_evidence, digest, indexed_at, local_root) " +
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          )
          .run(
            pendingName(metadata.name),
            metadata.repository,
            metadata.revision,
            metadata.repositoryDirectory,
            metadata.urlTemplate,
            metadata.license,
            metadata.licenseProvenance,
            metadata.licenseEvidence,
            "",
            new Date().toISOString(),
            metadata.root ?? null,
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
          if (chunk.chunkIndex >= CHUNK_ID_STRIDE) continue;
          insertChunk.run(chunkKey(contentId, chunk.chunkIndex), chunk.firstLine, chunk.data);
        }
        const hashes = file.fingerprintHashes;
        this.staged.append(hashes, contentId, file.fingerprintPositions);
        fingerprintCount += hashes.length;
      }
      db.exec("COMMIT");
      this.unmerged.set(sourceId, { name: metadata.name, digest: digest() });
      for (const id of stagedHere) this.stagedContents.add(id);
    } catch (error) {
      if (db.inTransaction) db.exec("ROLLBACK");
      this.staged.truncate(stagedBefore);
      throw error;
    }
    return { files: fileCount, fingerprints: fingerprintCount, newContents: stagedHere.size };
  }

  /**
   * Makes every source this build wrote searchable, in one transaction: each replaces its old
   * version and gets its name and digest, and staged fingerprints move into the main table in key
   * order. Sorted appends cost one pass over the B-tree, where merging each source as it arrived
   * rewrote most of its pages once per source, and a build slowed as the index grew.
   */
  mergeStaged(): number {
    const db = this.db;
    if (this.unmerged.size === 0 && this.staged.length === 0) return 0;
    let staged = 0;
    db.transaction(() => {
      // First, so the old versions' contents no other file has leave before the new rows arrive.
      this.replaceOldVersions();
      staged = this.staged.length;
      const rows = this.staged.sorted();
      // Into an empty table (a fresh build), the sorted staged rows are the whole table: the
      // statistics are gathered as they are inserted, instead of scanning the table afterwards.
      const fresh = !db.prepare("SELECT 1 FROM postings LIMIT 1").get();
      const statistics = fresh ? new StatisticsPass(distinctHashes(rows), ContentSources.read(db)) : undefined;
      // A hash already stored gets this merge's occurrences as one more segment, concatenated in
      // SQL: no old list is read. (|| gives text; the cast keeps its bytes as a blob.)
      const onConflict = fresh
        ? ""
        : " ON CONFLICT (hash) DO UPDATE SET contents = contents + excluded.contents, occurrences = occurrences + excluded.occurrences, " +
          "data = CAST(data || excluded.data AS BLOB)";
      const insertOne = db.prepare(`INSERT INTO postings (hash, contents, occurrences, data) VALUES (?, ?, ?, ?)${onConflict}`);
      const insertBatch = db.prepare(
        `INSERT INTO postings (hash, contents, occurrences, data) VALUES ${new Array(MERGE_INSERT_BATCH).fill("(?, ?, ?, ?)").join(", ")}${onConflict}`,
      );
      const batch: (number | Buffer)[] = [];
      let bytes = Buffer.allocUnsafe(MERGE_ENCODE_BUFFER_BYTES);
      let used = 0;
      for (let i = 0; i < rows.length; ) {
        const hash = rows.hashes[i]!;
        const from = i;
        // Rows come in append order: content by content, each in position order, and are written
        // from where they lie; unless a content an interrupted build left unmerged is staged again
        // among newer ones, or a position is past POSITION_SPAN (never looked up).
        let inOrder = true;
        let distinct = 0;
        for (let lastContent = -1, lastPosition = -1; i < rows.length && rows.hashes[i] === hash; i++) {
          const content = rows.contents[i]!;
          const position = rows.positions[i]!;
          if (position >= POSITION_SPAN || content < lastContent || (content === lastContent && position <= lastPosition)) inOrder = false;
          if (content !== lastContent) distinct++;
          lastContent = content;
          lastPosition = position;
        }
        let contents: ArrayLike<number> = rows.contents;
        let positions: ArrayLike<number> = rows.positions;
        let [start, stop] = [from, i];
        if (!inOrder) {
          const kept = { contents: [] as number[], positions: [] as number[] };
          for (let row = from; row < i; row++) {
            if (rows.positions[row]! >= POSITION_SPAN) continue;
            kept.contents.push(rows.contents[row]!);
            kept.positions.push(rows.positions[row]!);
          }
          if (kept.contents.length === 0) continue;
          sortDistinctPairs(kept.contents, kept.positions);
          [contents, positions, start, stop, distinct] = [kept.contents, kept.positions, 0, kept.contents.length, runCount(kept.contents)];
        }
        const needed = maxSegmentBytes(stop - start);
        if (used + needed > bytes.length) {
          // Rows waiting in `batch` keep views of the old buffer; it is released with them.
          bytes = Buffer.allocUnsafe(Math.max(MERGE_ENCODE_BUFFER_BYTES, needed));
          used = 0;
        }
        const end = writeSegment(bytes, used, contents, positions, start, stop);
        batch.push(hash, distinct, stop - start, bytes.subarray(used, end));
        used = end;
        statistics?.addHash(hash, distinct, () => runKeys(Array.prototype.slice.call(contents, start, stop) as number[]));
        if (batch.length === MERGE_INSERT_BATCH * 4) {
          insertBatch.run(batch);
          batch.length = 0;
        }
      }
      for (let at = 0; at < batch.length; at += 4) insertOne.run(batch.slice(at, at + 4));
      const setMerged = db.prepare("UPDATE contents SET merged = 1 WHERE id = ?");
      for (const contentId of this.stagedContents) setMerged.run(contentId);
      this.bumpGeneration();
      statistics?.store(db);
    })();
    this.staged.truncate(0);
    this.unmerged.clear();
    this.stagedContents.clear();
    return staged;
  }

  /** Records that a build ran to its end (pending-sources.ts): the index has a state to answer from. */
  markFinished(): void {
    this.recordBuildNote(FINISHED_BUILD_KEY, new Date().toISOString());
  }

  /** Records a fact about how the index was built (the license list's version) in its meta table. */
  recordBuildNote(key: BuildNoteKey, value: string): void {
    this.db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(key, value);
  }

  private bumpGeneration(): void {
    bumpGeneration(this.db);
  }

  /**
   * Whether the stored filter and common-fingerprint table describe the index as it is now, and
   * are readable: a damaged one is rebuilt like a stale one.
   */
  statisticsAreCurrent(): boolean {
    const db = this.db;
    if (!currentStatisticsRow(db, "membership_filter", "1") || !currentStatisticsRow(db, "common_fingerprints", "1")) return false;
    try {
      loadFilter(db);
      loadCommon(db);
      return true;
    } catch (error) {
      if (error instanceof ReftrackError) return false;
      throw error;
    }
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
    db.pragma(`cache_size = -${STATISTICS_SCAN_CACHE_KIB}`);
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
    // Every hash goes into the filter, a slice of plain numbers at a time: a row object per hash,
    // millions of them, cost more than the scan itself. Only common hashes' lists are read, by a
    // second scan that SQLite filters.
    const slice = db.prepare(`SELECT hash FROM postings WHERE hash > ? ORDER BY hash LIMIT ${STATISTICS_SLICE_ROWS}`).pluck(true);
    for (let after = -1; ; ) {
      const hashes = slice.all(after) as number[];
      if (hashes.length === 0) break;
      for (const hash of hashes) pass.addToFilter(hash);
      after = hashes[hashes.length - 1]!;
    }
    const common = db.prepare(`SELECT hash, contents, data FROM postings WHERE contents > ${COMMON_FLOOR} ORDER BY hash`).raw(true);
    for (const [hash, contents, data] of common.iterate() as IterableIterator<[number, number, Buffer]>) {
      pass.addCommon(hash, contents, decodeContents(data));
    }
    db.transaction(() => pass.store(db))();
  }

  /** Removes a source and everything it owns, atomically. */
  /**
   * Whether what the index holds of a source is all there: each file's content stored, merged, and
   * (with tokens) with its first token chunk. A source that fails is written again, not counted
   * unchanged, whatever its digest says.
   */
  sourceIsIntact(name: string): boolean {
    const broken = this.db
      .prepare(
        "SELECT count(*) FROM files f JOIN sources s ON s.id = f.source_id LEFT JOIN contents c ON c.id = f.content_id " +
          "WHERE s.name = ? AND (c.id IS NULL OR c.merged = 0 OR (c.tokens > 0 AND NOT EXISTS (SELECT 1 FROM token_chunks t WHERE t.id = c.id * ?)))",
      )
      .pluck(true)
      .get(name, CHUNK_ID_STRIDE) as number;
    return broken === 0;
  }

  deleteSource(name: string): void {
    this.db.transaction(() => {
      // Searched no more, even where no content leaves with it: readers forget what they cached of it.
      if (this.deleteSourceInTransaction(name)) this.bumpGeneration();
    })();
  }

  /** Whether there was such a source. */
  private deleteSourceInTransaction(name: string): boolean {
    const source = this.sourceId(name);
    if (source !== undefined) this.removeSources([source]);
    return source !== undefined;
  }

  /**
   * The merge's first step: the old versions of the sources this build wrote leave, with the
   * contents no other file has (the new versions' files keep what they share), in one pass over the
   * posting lists for all of them; then each new version takes its name and digest.
   */
  private replaceOldVersions(): void {
    const old = [...this.unmerged.values()].map(({ name }) => this.sourceId(name)).filter((id) => id !== undefined);
    this.removeSources(old);
    const finish = this.db.prepare("UPDATE sources SET name = ?, digest = ? WHERE id = ?");
    for (const [id, { name, digest }] of this.unmerged) finish.run(name, digest, id);
  }

  /**
   * Sources an interrupted build wrote and never merged: readers never searched them, and the
   * build that opened this writer writes them again (their staging died with that build).
   */
  private discardUnmerged(): void {
    const ids = this.db.prepare("SELECT id FROM sources WHERE digest = ''").pluck(true).all() as number[];
    if (ids.length > 0) this.db.transaction(() => this.removeSources(ids))();
  }

  private sourceId(name: string): number | undefined {
    return this.db.prepare("SELECT id FROM sources WHERE name = ?").pluck(true).get(name) as number | undefined;
  }

  /** Deletes sources and their files, then the contents no file points at any more. */
  private removeSources(ids: Iterable<number>): void {
    const left = new Set<number>();
    for (const id of ids) for (const content of detachSource(this.db, id)) left.add(content);
    this.dropContents(left);
  }

  /** Deletes the contents of `candidates` no file points at any more (store/removal.ts). */
  private dropContents(candidates: Iterable<number>): void {
    const removed = dropUnusedContents(this.db, candidates, (ids) => {
      const staged = new Set([...ids].filter((id) => this.stagedContents.delete(id)));
      if (staged.size > 0) this.staged.removeContents(staged);
    });
    // Fingerprints left the index, so the filter must be rebuilt (a superset would stay correct,
    // only slower), and document frequencies changed.
    if (removed) this.bumpGeneration();
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
      // Left in rollback-journal mode, the finished index reads without write access (a read-only
      // folder, mount or image layer): WAL readers need to create a shared-memory file beside it.
      try {
        this.db.pragma("journal_mode = DELETE");
      } catch {
        // Readers hold the file (a service): it stays in WAL mode, as readable as before.
      }
    } finally {
      this.db.close();
      this.lock.release();
    }
  }
}

/** Drops every source, file, content, posting list, token chunk and statistic: a repair rebuilds them all. */
function clearIndexData(db: Database.Database): void {
  const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck(true).all() as string[]);
  db.transaction(() => {
    for (const table of ["postings", "token_chunks", "files", "contents", "sources", "membership_filter", "common_fingerprints"]) {
      if (tables.has(table)) db.exec(`DELETE FROM ${table}`);
    }
    // Emptied, it has no finished state to answer from until this build ends, and readers kept
    // open forget what they read of it.
    db.prepare("DELETE FROM meta WHERE key = ?").run(FINISHED_BUILD_KEY);
    bumpGeneration(db);
  })();
}

/** Every change to what readers search increments the generation: statistics and readers' caches describe one. */
function bumpGeneration(db: Database.Database): void {
  db.prepare("INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)").run(GENERATION_KEY);
}
