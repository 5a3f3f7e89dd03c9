import type Database from "better-sqlite3";
import { ReftrackError } from "../errors.js";
import { FINISHED_BUILD_KEY, isPendingName } from "./pending-sources.js";

/** The tables an index cannot answer without. */
export const REQUIRED_TABLES = ["meta", "sources", "contents", "files", "postings", "token_chunks"] as const;

/**
 * Whether an index can answer queries, told in one statement each: every table present, every
 * source merged, and, when it holds files, posting lists and token chunks to match them with. A
 * damaged index is an error, never "no references". Sources a build wrote and has not merged yet
 * (pending-sources.ts) are not searched, and the index answers as its last finished build left it;
 * an index no build has finished has no such state (pending sources or none at all), and unmerged
 * sources under their own names mean their old versions are gone: all are incomplete. Returns
 * how many sources are pending.
 */
export function assertComplete(db: Database.Database, path: string, options: { allowUnmerged?: boolean } = {}): { pending: number } {
  const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck(true).all() as string[]));
  const missing = REQUIRED_TABLES.filter((table) => !tables.has(table));
  if (missing.length > 0) {
    throw new ReftrackError(`index ${path} is damaged: table ${missing.join(", ")} is missing; rebuild it with \`reftrack index --repair --db ${path} <manifest>\``);
  }
  const unmergedNames = db.prepare("SELECT name FROM sources WHERE digest = ''").pluck(true).all() as string[];
  const pending = unmergedNames.filter(isPendingName).length;
  const finished = db.prepare("SELECT 1 FROM meta WHERE key = ?").get(FINISHED_BUILD_KEY) !== undefined;
  const unmerged = finished ? unmergedNames.length - pending : unmergedNames.length;
  // An interrupted build's sources: its next run finishes them (the writer allows it).
  if (unmerged > 0 && options.allowUnmerged) return { pending };
  if (unmerged > 0) {
    throw new ReftrackError(
      `index ${path} is incomplete: ${unmerged} source${unmerged === 1 ? " is" : "s are"} not finished (a build is running, or was interrupted: run \`reftrack index\` again to finish it)`,
    );
  }
  // A first build (or a repair, which empties the index) before it wrote a source: nothing to answer from yet.
  if (!finished && !options.allowUnmerged && db.prepare("SELECT 1 FROM sources LIMIT 1").get() === undefined) {
    throw new ReftrackError(`index ${path} is incomplete: no build has finished writing it (a build is running, or was interrupted: run \`reftrack index\` again to finish it)`);
  }
  const hasFiles = db.prepare("SELECT 1 FROM files f JOIN sources s ON s.id = f.source_id WHERE s.digest != '' LIMIT 1").get() !== undefined;
  if (!hasFiles) return { pending };
  const hasPostings = db.prepare("SELECT 1 FROM postings LIMIT 1").get() !== undefined;
  const hasChunks = db.prepare("SELECT 1 FROM token_chunks LIMIT 1").get() !== undefined;
  if (!hasPostings || !hasChunks) {
    throw new ReftrackError(`index ${path} is damaged: it lists files but has no ${hasPostings ? "token chunks" : "posting lists"}; rebuild it with \`reftrack index --repair --db ${path} <manifest>\``);
  }
  return { pending };
}
