/**
 * A service worker thread (and the service's own thread, for short code): answers checks on its
 * own read-only connections to the indexes. An index file replaced on disk (built to a new file,
 * renamed over the old) is noticed within INDEX_RECHECK_MS by its identity (device and inode) and
 * reopened; the old connection is closed once the new one is open, so no task ever sees a missing
 * index. An index updated in place keeps its connection: the reader follows the update itself
 * (store/reader.ts), where reopening at each of the build's commits would read the statistics again
 * each time.
 */
import { statSync } from "node:fs";
import type { Policy } from "../policy/policy.js";
import type { CheckResult } from "../pipeline/stream.js";
import type { IndexDescription } from "../store/records.js";
import { ReferenceTracker } from "../tracker.js";
import { INDEX_RECHECK_MS } from "./limits.js";
import type { LanguageName } from "../languages/language.js";

export type WorkerTask =
  | {
      readonly kind: "check";
      readonly indexPath: string;
      readonly code: string;
      readonly language: LanguageName;
      readonly policy?: Policy;
      /** The code is a whole file, not a suggestion (MatchTarget.whole). */
      readonly whole?: boolean;
    }
  | { readonly kind: "describe"; readonly indexPath: string };

/**
 * A check's answer as the JSON the service sends, with the figures its log keeps: a string crosses
 * to the main thread at a fraction of an object's cost, and the main thread need not serialize it.
 */
export interface CheckAnswer {
  readonly json: string;
  readonly references: number;
  readonly action: CheckResult["decision"]["action"];
}

export type WorkerAnswer = CheckAnswer | IndexDescription;

interface OpenIndex {
  readonly tracker: ReferenceTracker;
  readonly identity: string;
  /** When the identity was last confirmed (performance.now()). */
  checkedAt: number;
}

const open = new Map<string, OpenIndex>();

function identityOf(path: string): string {
  const stat = statSync(path);
  return `${stat.dev}:${stat.ino}`;
}

async function trackerFor(path: string): Promise<ReferenceTracker> {
  const known = open.get(path);
  const now = performance.now();
  if (known && now - known.checkedAt < INDEX_RECHECK_MS) return known.tracker;
  const identity = identityOf(path);
  if (known && known.identity === identity) {
    known.checkedAt = now;
    return known.tracker;
  }
  let tracker: ReferenceTracker;
  try {
    tracker = await ReferenceTracker.open(path);
  } catch (error) {
    // Not openable now (replaced by a file whose first build is running, or damaged): keep answering from the open one.
    // Its identity is not recorded, so the check after the next INDEX_RECHECK_MS tries again.
    if (known) {
      known.checkedAt = now;
      return known.tracker;
    }
    throw error;
  }
  open.set(path, { tracker, identity, checkedAt: now });
  known?.tracker.close();
  return tracker;
}

/** Closes every index this thread opened (the service's main thread, when it stops). */
export function closeIndexes(): void {
  for (const known of open.values()) known.tracker.close();
  open.clear();
}

/** One task, on whichever thread calls it: a pool worker, or the service's own thread for short code. */
export default async function answer(task: WorkerTask): Promise<WorkerAnswer> {
  const tracker = await trackerFor(task.indexPath);
  if (task.kind === "describe") return tracker.describeIndex();
  const result = tracker.check(task.code, { language: task.language, whole: task.whole === true, ...(task.policy ? { policy: task.policy } : {}) });
  return { json: JSON.stringify(result), references: result.references.length, action: result.decision.action };
}
