/**
 * A service worker thread (and the service's own thread, for short code): answers checks on its
 * own read-only connections to the indexes, one tracker per index for the thread's life. The
 * tracker follows its index: an update in place (store/reader.ts) and another file renamed over
 * it (store/index-file.ts), opened in the old one's place with no task seeing a missing index.
 */
import type { Policy } from "../policy/policy.js";
import type { CheckResult } from "../pipeline/stream.js";
import type { IndexDescription } from "../store/records.js";
import { ReferenceTracker } from "../tracker.js";
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

const open = new Map<string, ReferenceTracker>();

async function trackerFor(path: string): Promise<ReferenceTracker> {
  let tracker = open.get(path);
  if (!tracker) {
    tracker = await ReferenceTracker.open(path);
    // Another task may have opened it while this one waited.
    const raced = open.get(path);
    if (raced) {
      tracker.close();
      return raced;
    }
    open.set(path, tracker);
  }
  return tracker;
}

/** Closes every index this thread opened (the service's main thread, when it stops). */
export function closeIndexes(): void {
  for (const tracker of open.values()) tracker.close();
  open.clear();
}

/** One task, on whichever thread calls it: a pool worker, or the service's own thread for short code. */
export default async function answer(task: WorkerTask): Promise<WorkerAnswer> {
  const tracker = await trackerFor(task.indexPath);
  if (task.kind === "describe") return tracker.describeIndex();
  const result = tracker.check(task.code, { language: task.language, whole: task.whole === true, ...(task.policy ? { policy: task.policy } : {}) });
  return { json: JSON.stringify(result), references: result.references.length, action: result.decision.action };
}
