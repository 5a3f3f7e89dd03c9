import type Database from "better-sqlite3";
import { REWRITE_SLICE_ROWS } from "../options.js";
import { withoutContents } from "./posting-list.js";
import { CHUNK_ID_STRIDE } from "./token-chunks.js";

/** Deletes a source's row and its files; returns the contents they pointed at. */
export function detachSource(db: Database.Database, sourceId: number): number[] {
  const contentIds = db.prepare("SELECT DISTINCT content_id FROM files WHERE source_id = ?").pluck(true).all(sourceId) as number[];
  db.prepare("DELETE FROM files WHERE source_id = ?").run(sourceId);
  db.prepare("DELETE FROM sources WHERE id = ?").run(sourceId);
  return contentIds;
}

/**
 * Deletes those of `candidates` no file points at any more, with their tokens and fingerprints;
 * `forgetStaged` is told them first, for the writer to drop what it staged of them. Returns whether
 * any was deleted. Runs inside the caller's transaction.
 */
export function dropUnusedContents(db: Database.Database, candidates: Iterable<number>, forgetStaged: (ids: ReadonlySet<number>) => void): boolean {
  // Contents another source still has are kept, fingerprints and all.
  const stillUsed = db.prepare("SELECT 1 FROM files WHERE content_id = ? LIMIT 1");
  const orphans = new Set([...candidates].filter((id) => !stillUsed.get(id)));
  if (orphans.size === 0) return false;
  db.exec("CREATE TEMP TABLE IF NOT EXISTS orphan_contents (id INTEGER PRIMARY KEY)");
  db.exec("DELETE FROM temp.orphan_contents");
  const addOrphan = db.prepare("INSERT INTO temp.orphan_contents (id) VALUES (?)");
  const deleteChunks = db.prepare("DELETE FROM token_chunks WHERE id >= ? AND id < ?");
  const isMerged = db.prepare("SELECT merged FROM contents WHERE id = ?").pluck(true);
  const merged = new Set<number>();
  for (const id of orphans) {
    addOrphan.run(id);
    deleteChunks.run(id * CHUNK_ID_STRIDE, (id + 1) * CHUNK_ID_STRIDE);
    if (isMerged.get(id) === 1) merged.add(id);
  }
  forgetStaged(orphans);
  // Unmerged contents have no posting lists to rewrite.
  if (merged.size > 0) removeOccurrences(db, merged);
  db.exec("DELETE FROM contents WHERE id IN (SELECT id FROM temp.orphan_contents)");
  return true;
}

/**
 * Rewrites every posting list holding one of `removed` contents without them. Lists are keyed by
 * hash, not content, so this is one scan of the table, a slice of keys at a time (a statement
 * cannot write while another iterates); it runs only when a source changed or left the
 * manifest, never on an unchanged rebuild.
 */
function removeOccurrences(db: Database.Database, removed: ReadonlySet<number>): void {
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
