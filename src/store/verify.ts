import type Database from "better-sqlite3";
import { describeError } from "../errors.js";
import { occurrenceContent } from "../match/match-index.js";
import { assertComplete } from "./completeness.js";
import { assertIndexFile, openDatabase } from "./database.js";
import { assertCompatible, currentIndexParameters, readParameters } from "./parameters.js";
import { decodeOccurrences } from "./posting-list.js";
import { loadCommon, loadFilter } from "./statistics.js";
import { CHUNK_ID_STRIDE } from "./token-chunks.js";

/** What a full check of an index found. */
export interface VerifyReport {
  /** Each problem, one line; empty when the index is sound. */
  readonly problems: string[];
  /**
   * The in-memory statistics (membership filter, common-fingerprint table) are out of date, as an
   * interrupted build leaves them: not damage, since queries then go to the tables themselves and
   * find the same references, more slowly, until the next build rebuilds them.
   */
  readonly staleStatistics?: true;
  /**
   * Sources a build wrote and did not merge (it is running, or was interrupted): not searched, and
   * not damage, since their old versions answer until the next build finishes them.
   */
  readonly unfinishedSources?: number;
  /** What was checked, for the summary. */
  readonly checked: { readonly sources: number; readonly files: number; readonly contents: number; readonly postings: number };
}

/** Problems beyond this many are counted, not listed. */
const LISTED_PROBLEMS = 20;

/**
 * Checks an index fully (`reftrack verify`): SQLite's own page check, the parameters, every table,
 * every source merged, every file's content present and merged with its tokens, every posting list
 * decodable and naming contents that exist, and the statistics current. Read-only.
 */
export function verifyIndex(path: string): VerifyReport {
  const problems: string[] = [];
  const note = (problem: string): void => {
    problems.push(problem);
  };
  const checked = { sources: 0, files: 0, contents: 0, postings: 0 };
  assertIndexFile(path);
  let db: Database.Database;
  try {
    db = openDatabase(path, true);
  } catch (error) {
    return { problems: [describeError(error)], checked };
  }
  try {
    const pages = db.pragma("quick_check", { simple: false }) as { quick_check: string }[];
    for (const row of pages.slice(0, LISTED_PROBLEMS)) if (row.quick_check !== "ok") note(`SQLite: ${row.quick_check}`);
    if (problems.length > 0) return { problems, checked };
    const parameters = readParameters(db, path);
    if (!parameters) return { problems: ["not a reftrack index (no parameters)"], checked };
    let pending = 0;
    try {
      assertCompatible(parameters, currentIndexParameters(parameters), path);
      pending = assertComplete(db, path).pending;
    } catch (error) {
      return { problems: [describeError(error)], checked };
    }
    checked.sources = db.prepare("SELECT count(*) FROM sources WHERE digest != ''").pluck(true).get() as number;
    checked.files = db.prepare("SELECT count(*) FROM files f JOIN sources s ON s.id = f.source_id WHERE s.digest != ''").pluck(true).get() as number;
    const searched = db.prepare("SELECT 1 FROM files f JOIN sources s ON s.id = f.source_id WHERE f.content_id = ? AND s.digest != '' LIMIT 1");
    const listed = db.prepare("SELECT 1 FROM files WHERE content_id = ? LIMIT 1");
    const orphans = db.prepare("SELECT count(*) FROM files f LEFT JOIN contents c ON c.id = f.content_id WHERE c.id IS NULL").pluck(true).get() as number;
    if (orphans > 0) note(`${orphans} file(s) name a content the index does not hold`);
    const contents = new Set<number>();
    for (const row of db.prepare("SELECT id, merged, tokens FROM contents").raw(true).iterate() as IterableIterator<[number, number, number]>) {
      const [id, merged, tokens] = row;
      contents.add(id);
      // A content only pending sources list waits for their merge.
      const waiting = !merged && !searched.get(id) && listed.get(id) !== undefined;
      if (!merged && !waiting && problems.length < LISTED_PROBLEMS) note(`content ${id}: its fingerprints were never merged into the posting lists`);
      if (tokens > 0 && !db.prepare("SELECT 1 FROM token_chunks WHERE id = ?").get(id * CHUNK_ID_STRIDE) && problems.length < LISTED_PROBLEMS) {
        note(`content ${id}: its tokens are missing`);
      }
    }
    checked.contents = contents.size;
    let damaged = 0;
    let dangling = 0;
    for (const [hash, data] of db.prepare("SELECT hash, data FROM postings").raw(true).iterate() as IterableIterator<[number, Buffer]>) {
      checked.postings++;
      try {
        for (const packed of decodeOccurrences(data, -1)) {
          if (!contents.has(occurrenceContent(packed))) {
            dangling++;
            break;
          }
        }
      } catch {
        if (damaged++ < LISTED_PROBLEMS) note(`posting list of fingerprint ${hash >>> 0} is damaged`);
      }
    }
    if (damaged > LISTED_PROBLEMS) note(`… ${damaged - LISTED_PROBLEMS} more damaged posting lists`);
    if (dangling > 0) note(`${dangling} posting list(s) name contents the index does not hold`);
    let stale = false;
    try {
      stale = !loadFilter(db) || !loadCommon(db);
    } catch (error) {
      note(describeError(error));
    }
    return { problems, checked, ...(stale ? { staleStatistics: true as const } : {}), ...(pending > 0 ? { unfinishedSources: pending } : {}) };
  } finally {
    db.close();
  }
}
