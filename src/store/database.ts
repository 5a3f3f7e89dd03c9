import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import Database from "better-sqlite3";
import { ReftrackError, describeError } from "../errors.js";
import { makeFolder } from "../util/make-folder.js";

/** Opens an SQLite file, touching its header so "not a database" surfaces here as a clear error, not mid-query. */
export function openDatabase(path: string, readonly: boolean): Database.Database {
  try {
    const db = new Database(path, { readonly, fileMustExist: readonly });
    db.pragma("schema_version");
    return db;
  } catch (error) {
    throw new ReftrackError(`cannot open index ${path}: ${describeError(error)}`);
  }
}

/** An index path that names no file is told as such, with how to build one: not as a damaged index. */
export function assertIndexFile(path: string): void {
  if (!existsSync(path)) {
    throw new ReftrackError(`index not found: ${path} (build one with \`reftrack index --db ${path} <manifest.json>\`)`);
  }
  if (!statSync(path).isFile()) throw new ReftrackError(`index path is not a file: ${path}`);
}

/**
 * An index file's place: a folder there is the user's mistake, told as such, and a missing folder
 * above it is made, as `npm start` makes `.reftrack/` (a build would otherwise fail on its lock file).
 */
export function prepareIndexPath(path: string): void {
  if (existsSync(path) && statSync(path).isDirectory()) throw new ReftrackError(`index path is a folder: ${path} (give the index file's path, such as ${join(path, "corpus.db")})`);
  const problem = makeFolder(dirname(resolve(path)));
  if (problem) throw new ReftrackError(`cannot write index ${path}: its folder cannot be made: ${problem}`);
}
