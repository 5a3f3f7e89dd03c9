import Database from "better-sqlite3";
import { occurrenceContent, occurrencePosition } from "../src/match/match-index.js";
import { decodeContents, decodeOccurrences } from "../src/store/posting-list.js";

/** Everything an index says, with row ids replaced by the names they stand for. */
export function dump(dbPath: string): unknown {
  const db = new Database(dbPath, { readonly: true });
  try {
    const fileKey = "s.name || ':' || f.path";
    // Contents are named by what they are, so ids assigned in another order compare equal.
    const contentKey = "c.content_hash || ':' || c.language";
    return {
      sources: db
        .prepare(
          "SELECT name, repository, revision, repository_directory, url_template, license, license_provenance, license_evidence, digest FROM sources ORDER BY name",
        )
        .all(),
      files: db
        .prepare(
          `SELECT ${fileKey} AS file, ${contentKey} AS content, f.license, f.license_provenance FROM files f ` +
            "JOIN sources s ON s.id = f.source_id JOIN contents c ON c.id = f.content_id ORDER BY file",
        )
        .all(),
      contents: db.prepare(`SELECT ${contentKey} AS content, c.lines, c.tokens, c.merged FROM contents c ORDER BY content`).all(),
      ...postings(db, contentKey),
      chunks: db
        .prepare(
          `SELECT ${contentKey} AS content, x.id % 65536 AS chunk, x.first_line, hex(x.data) AS data ` +
            "FROM token_chunks x JOIN contents c ON c.id = x.id / 65536 ORDER BY content, chunk",
        )
        .all(),
      orphanChunks: (db.prepare("SELECT count(*) AS n FROM token_chunks WHERE id / 65536 NOT IN (SELECT id FROM contents)").get() as { n: number }).n,
      unusedContents: (db.prepare("SELECT count(*) AS n FROM contents WHERE id NOT IN (SELECT content_id FROM files)").get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

/**
 * Every stored occurrence as (hash, content key, position), whatever segments hold it; those of
 * contents no longer in the index; and lists whose counts disagree with what they hold.
 */
function postings(db: Database.Database, contentKey: string): { fingerprints: unknown[]; orphanFingerprints: number; miscountedPostings: number } {
  const keys = new Map((db.prepare(`SELECT c.id AS id, ${contentKey} AS key FROM contents c`).all() as { id: number; key: string }[]).map((r) => [r.id, r.key]));
  const fingerprints: { hash: number; content: string; token_pos: number }[] = [];
  let orphanFingerprints = 0;
  let miscountedPostings = 0;
  const rows = db.prepare("SELECT hash, contents, occurrences, data FROM postings").raw(true).iterate() as IterableIterator<[number, number, number, Buffer]>;
  for (const [hash, contents, occurrences, data] of rows) {
    const found = decodeOccurrences(data, -1);
    if (found.length !== occurrences || decodeContents(data).length !== contents) miscountedPostings++;
    for (const occurrence of found) {
      const content = keys.get(occurrenceContent(occurrence));
      if (content === undefined) orphanFingerprints++;
      else fingerprints.push({ hash: hash | 0, content, token_pos: occurrencePosition(occurrence) });
    }
  }
  fingerprints.sort((a, b) => a.hash - b.hash || (a.content < b.content ? -1 : a.content > b.content ? 1 : 0) || a.token_pos - b.token_pos);
  return { fingerprints, orphanFingerprints, miscountedPostings };
}
