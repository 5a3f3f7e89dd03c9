import Database from "better-sqlite3";
import { ReftrackError, describeError } from "../errors.js";

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
