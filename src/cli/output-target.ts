import { existsSync, realpathSync, statSync } from "node:fs";
import { resolve, sep } from "node:path";
import { ReftrackError } from "../errors.js";
import { scannedLanguage } from "./scan.js";

/**
 * Refuses a report file (`--output`) that is the index or a file the scan reads: written after the
 * scan, it would replace the code it reports on, or the index, and lose it. A new file, or any other
 * existing one, is the user's to overwrite.
 */
export function refuseOverwriting(output: string | undefined, paths: readonly string[], db: string): void {
  if (output === undefined || !existsSync(output)) return;
  const target = canonical(output);
  if (existsSync(db) && canonical(db) === target) throw new ReftrackError(`--output ${output} is the index: the report would overwrite it`);
  for (const path of paths) {
    if (path === "-" || !existsSync(path)) continue;
    const scanned = canonical(path);
    const read =
      scanned === target ||
      (statSync(scanned).isDirectory() && target.startsWith(scanned + sep) && scannedLanguage(target, target) !== undefined);
    if (read) throw new ReftrackError(`--output ${output} is a file this scan reads: the report would overwrite it`);
  }
}

/** The path with symbolic links followed, so two names of one file compare equal. */
function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}
