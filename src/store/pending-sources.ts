import { ReftrackError } from "../errors.js";

/**
 * A source a build has written but not merged is a row of its own, beside the version readers
 * search, under its name behind this prefix and with an empty digest. The merge deletes the old
 * version and gives the new one its name, in one transaction: until then readers see the index as
 * its last finished build left it, and never one source twice or none. A control character cannot
 * begin a source's name (assertSourceName), so the prefix is never a name of its own.
 */
const PENDING_PREFIX = "\u0001pending:";

/** Every pending row's name sorts within [start, end): one seek of the names' index finds them. */
export const PENDING_NAME_RANGE: readonly [string, string] = [PENDING_PREFIX, PENDING_PREFIX.slice(0, -1) + ";"];

/** The name a build writes a source under until the merge. */
export function pendingName(name: string): string {
  return PENDING_PREFIX + name;
}

/** Whether a stored name is a pending row's. */
export function isPendingName(stored: string): boolean {
  return stored.startsWith(PENDING_PREFIX);
}

/**
 * Meta key recording that a build ran to its end: an index some build finished has a state to
 * answer from while a later one is pending; one never finished has none.
 */
export const FINISHED_BUILD_KEY = "finished_build";

/** A source's name is shown in every report and keys the index's rows: no control characters. */
export function assertSourceName(name: string, where: string): void {
  if (/[\u0000-\u001f\u007f]/.test(name)) {
    throw new ReftrackError(`${where}: source name ${JSON.stringify(name)} holds a control character`);
  }
}
