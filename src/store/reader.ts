import { existsSync, statSync } from "node:fs";
import type Database from "better-sqlite3";
import { ReftrackError, describeError } from "../errors.js";
import { assertComplete } from "./completeness.js";
import type { MatchIndex, TokenChunk } from "../match/match-index.js";
import { occurrenceContent } from "../match/match-index.js";
import { READER_CACHE_ENTRIES, READER_MMAP_BYTES } from "../options.js";
import { BoundedMap } from "../util/bounded-map.js";
import { runKeys } from "../util/runs.js";
import type { CommonFingerprints } from "./common-fingerprints.js";
import { openDatabase } from "./database.js";
import type { MembershipFilter } from "./membership-filter.js";
import { type IndexParameters, assertCompatible, currentIndexParameters, readParameters } from "./parameters.js";
import { decodeContents, decodeOccurrences } from "./posting-list.js";
import type { ContentRecord, IndexDescription, LicenseProvenance, OriginRecord, SourceRecord } from "./records.js";
import { loadCommon, loadFilter } from "./statistics.js";
import { CHUNK_ID_STRIDE, TOKENS_PER_CHUNK, chunkKey, decodeTokenChunk } from "./token-chunks.js";

export interface ReaderOptions {
  /**
   * Answer absent hashes from the in-memory filter, and boilerplate ones from the common-fingerprint
   * table (default true). Off only to measure what they save.
   */
  readonly useFilter?: boolean;
}

/**
 * The read side of an index: what matching asks (MatchIndex) and what references are made of
 * (the output stage's OriginCatalog, which it satisfies by shape). Every statement is prepared
 * once; what it caches is bounded.
 */
export class IndexReader implements MatchIndex {
  readonly tokensPerChunk = TOKENS_PER_CHUNK;
  readonly answersAbsenceInMemory: boolean;
  private readonly postingStatement: Database.Statement<[number], Buffer>;
  private readonly chunkStatement: Database.Statement<[number], [number, Buffer]>;
  private readonly chunksStatement: Database.Statement<[string], [number, number, Buffer]>;
  private readonly contentStatement: Database.Statement<[number]>;
  private readonly originStatement: Database.Statement<[number]>;
  private readonly contentSourcesStatement: Database.Statement<[number], [number]>;
  private readonly beginStatement: Database.Statement;
  private readonly commitStatement: Database.Statement;
  private readonly contentSources = new BoundedMap<number, readonly number[]>(READER_CACHE_ENTRIES);
  private readonly contents = new BoundedMap<number, ContentRecord>(READER_CACHE_ENTRIES);
  private readonly sources = new BoundedMap<number, SourceRecord>(READER_CACHE_ENTRIES);
  /**
   * Posting lists read during one withinRead, by hash: the screen reads a query's candidate seeds
   * and the lookup then reads the same ones again. Emptied when the read ends, so it holds one
   * query's (or one window's) lists at most, and nothing of a query outlives it.
   */
  private readonly readPostings = new Map<number, Buffer | undefined>();

  private constructor(
    private readonly db: Database.Database,
    readonly parameters: IndexParameters,
    /** Undefined when the index has none or it is stale: then every hash goes to SQLite. */
    private readonly filter: MembershipFilter | undefined,
    /** Undefined when the index has none or it is stale: then posting lists tell. */
    private readonly common: CommonFingerprints | undefined,
  ) {
    this.answersAbsenceInMemory = filter !== undefined;
    this.postingStatement = db.prepare<[number], Buffer>("SELECT data FROM postings WHERE hash = ?").pluck(true);
    this.chunkStatement = db.prepare<[number], [number, Buffer]>("SELECT first_line, data FROM token_chunks WHERE id = ?").raw(true);
    this.chunksStatement = db
      .prepare<[string], [number, number, Buffer]>("SELECT id, first_line, data FROM token_chunks WHERE id IN (SELECT value FROM json_each(?))")
      .raw(true);
    this.contentStatement = db.prepare("SELECT id, language, lines, tokens FROM contents WHERE id = ?");
    this.beginStatement = db.prepare("BEGIN");
    this.commitStatement = db.prepare("COMMIT");
    this.contentSourcesStatement = db.prepare<[number], [number]>("SELECT DISTINCT source_id FROM files WHERE content_id = ?").raw(true);
    this.originStatement = db.prepare(
      "SELECT f.id AS fileId, f.path, f.license AS fileLicense, f.license_provenance AS fileProvenance, s.id AS sourceId, s.name, s.repository, " +
        "s.revision, s.repository_directory, s.url_template, s.license, s.license_provenance, s.license_evidence, s.digest " +
        "FROM files f JOIN sources s ON s.id = f.source_id WHERE f.content_id = ? ORDER BY f.id",
    );
  }

  /**
   * Opens an index for reading. Its k and w are the index's own (a query is fingerprinted as the
   * index was); its normalizer, fingerprint and schema versions must be this reftrack's.
   */
  static open(path: string, options: ReaderOptions = {}): IndexReader {
    if (!existsSync(path)) {
      throw new ReftrackError(`index not found: ${path} (build one with \`reftrack index --db ${path} <manifest.json>\`)`);
    }
    if (!statSync(path).isFile()) throw new ReftrackError(`index path is not a file: ${path}`);
    const db = openDatabase(path, true);
    try {
      const found = readParameters(db, path);
      if (!found) throw new ReftrackError(`${path} is an SQLite database but not a reftrack index`);
      assertCompatible(found, currentIndexParameters(found), path);
      // Never "no references" from an index that cannot answer: checked on every open, cheaply.
      assertComplete(db, path);
      const useFilter = options.useFilter !== false;
      // Pages are read where they lie in the mapped file, not copied through a read() call each:
      // lookups and token chunks touch a few scattered pages per query.
      db.pragma(`mmap_size = ${READER_MMAP_BYTES}`);
      return new IndexReader(db, found, useFilter ? loadFilter(db) : undefined, useFilter ? loadCommon(db) : undefined);
    } catch (error) {
      db.close();
      throw error instanceof ReftrackError ? error : new ReftrackError(`index ${path} is damaged or not a reftrack index: ${describeError(error)}`);
    }
  }

  /**
   * Runs a query's reads as one read transaction: SQLite takes its shared lock (or WAL read mark)
   * once, not once per statement; a query makes dozens.
   */
  withinRead<T>(read: () => T): T {
    if (this.db.inTransaction) return read();
    this.beginStatement.run();
    try {
      return read();
    } finally {
      this.readPostings.clear();
      if (this.db.inTransaction) this.commitStatement.run();
    }
  }

  /** A hash's posting list blob, read once per withinRead (readPostings). */
  private posting(hash: number): Buffer | undefined {
    const key = hash >>> 0;
    if (!this.db.inTransaction) return this.postingStatement.get(key);
    if (this.readPostings.has(key)) return this.readPostings.get(key);
    const data = this.postingStatement.get(key);
    this.readPostings.set(key, data);
    return data;
  }

  mayContain(hash: number): boolean {
    return !this.filter || this.filter.mayContain(hash);
  }

  commonContentCount(hash: number): number | undefined {
    return this.common?.contentCount(hash);
  }

  commonSourceCount(hash: number): number | undefined {
    return this.common?.sourceCount(hash);
  }

  occurrences(hash: number, limit: number): number[] {
    if (this.filter && !this.filter.mayContain(hash)) return [];
    const data = this.posting(hash);
    return data ? decodeOccurrences(data, limit) : [];
  }

  /**
   * One point lookup per hash, stopping at the first content found often enough: faster than one
   * GROUP BY statement over all of them, whose planning costs more than the rows.
   */
  someContentHolds(hashes: readonly number[], atLeast: number): boolean {
    const found = new Map<number, number>();
    for (const hash of hashes) {
      if (this.filter && !this.filter.mayContain(hash)) continue;
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
        ids = this.contentSourcesStatement.all(contentId).map(([id]) => id);
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

  /** One statement for all of them: the rest of a read is the call itself. */
  tokenChunks(wanted: ReadonlyMap<number, ReadonlySet<number>>): Map<number, Map<number, TokenChunk>> {
    const keys: number[] = [];
    for (const [contentId, chunks] of wanted) for (const chunk of chunks) keys.push(chunkKey(contentId, chunk));
    const found = new Map<number, Map<number, TokenChunk>>();
    for (const [key, firstLine, data] of this.chunksStatement.all(JSON.stringify(keys))) {
      const contentId = Math.floor(key / CHUNK_ID_STRIDE);
      let chunks = found.get(contentId);
      if (!chunks) found.set(contentId, (chunks = new Map()));
      chunks.set(key - contentId * CHUNK_ID_STRIDE, decodeTokenChunk(firstLine, data));
    }
    return found;
  }

  /**
   * Forgets the cached contents, origins and sources: the speed bench measures a query whose
   * contents no earlier query has read, as a service asked about many different files sees it.
   */
  dropCaches(): void {
    this.contents.clear();
    this.sources.clear();
    this.contentSources.clear();
  }

  origins(contentId: number): readonly OriginRecord[] {
    return this.content(contentId).origins;
  }

  contentTokens(contentId: number): number {
    return this.content(contentId).tokens;
  }

  /** A content with every file it occurs as, cached (READER_CACHE_ENTRIES). */
  content(contentId: number): ContentRecord {
    let content = this.contents.get(contentId);
    if (content) return content;
    const row = this.contentStatement.get(contentId) as { id: number; language: ContentRecord["language"]; lines: number; tokens: number } | undefined;
    const originRows = this.originStatement.all(contentId) as OriginRow[];
    if (!row || originRows.length === 0) throw new ReftrackError(`index is inconsistent: fingerprint points at missing content ${contentId}`);
    const origins = originRows.map((r): OriginRecord => ({
      fileId: r.fileId,
      path: r.path,
      license: r.fileLicense,
      licenseProvenance: r.fileProvenance,
      source: this.source(r),
    }));
    content = { id: row.id, language: row.language, lines: row.lines, tokens: row.tokens, origins };
    this.contents.set(contentId, content);
    return content;
  }

  private source(r: OriginRow): SourceRecord {
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
    return source;
  }

  /** The index's parameters and the corpus it was built from, for reports to record (output/provenance.ts). */
  describe(): IndexDescription {
    const sources = this.db
      .prepare(
        "SELECT s.name, s.repository, s.revision, s.license, s.indexed_at AS indexedAt, s.local_root AS root, (SELECT count(*) FROM files f WHERE f.source_id = s.id) AS files " +
          "FROM sources s ORDER BY s.name",
      )
      .all() as { name: string; repository: string | null; revision: string | null; license: string; indexedAt: string | number | null; root: string | null; files: number }[];
    const note = this.db.prepare("SELECT value FROM meta WHERE key = 'license_list_version'").pluck(true).get() as string | undefined;
    return {
      parameters: this.parameters,
      sources: sources.map((s) => ({ ...s, indexedAt: s.indexedAt === null ? null : new Date(typeof s.indexedAt === "number" ? s.indexedAt : Date.parse(s.indexedAt)).toISOString() })),
      licenseListVersion: note ?? null,
    };
  }

  close(): void {
    this.db.close();
  }
}

/** originStatement's row. */
interface OriginRow {
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
}
