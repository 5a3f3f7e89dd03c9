import { IndexUnusableError, describeError } from "../errors.js";
import { type SkipReason, readSourceFile } from "../files/source-file.js";
import type { LanguageName } from "../languages/language.js";
import type { MatchOptions } from "../options.js";
import type { Reference } from "../output/reference.js";
import { ReferenceTracker } from "../tracker.js";

/** One file of a scan, read and matched on a helper thread (scan.ts). */
export interface ScanTask {
  readonly dbPath: string;
  /** The path as given (relative to the working directory, which threads share). */
  readonly path: string;
  readonly language: LanguageName;
  readonly maxBytes: number;
  readonly minified: boolean;
  readonly match: Partial<MatchOptions>;
  /** Send the text back too: reports that show or checksum it (html, spdx) need it. */
  readonly wantText: boolean;
}

/** What became of one file: the same on the scan's own thread and on a helper. */
export type FileOutcome =
  | { readonly kind: "unread"; readonly reason: SkipReason; readonly detail: string }
  | { readonly kind: "matched"; readonly language: LanguageName; readonly references: Reference[]; readonly text?: string }
  | { readonly kind: "failed"; readonly message: string; readonly indexUnusable: boolean };

/** A failure as an outcome: an unusable index stops the scan, any other failure is the file's. */
export function failedOutcome(error: unknown): FileOutcome {
  return { kind: "failed", message: describeError(error), indexUnusable: error instanceof IndexUnusableError };
}

const trackers = new Map<string, Promise<ReferenceTracker>>();

function trackerFor(dbPath: string): Promise<ReferenceTracker> {
  let tracker = trackers.get(dbPath);
  if (!tracker) {
    tracker = ReferenceTracker.open(dbPath);
    trackers.set(dbPath, tracker);
    // A failed open is told to this file, and the next one tries again.
    tracker.catch(() => trackers.delete(dbPath));
  }
  return tracker;
}

/** A helper thread's task: the file read and matched as the scan's own thread would. */
export default async function scanFile(task: ScanTask): Promise<FileOutcome> {
  try {
    const tracker = await trackerFor(task.dbPath);
    const read = readSourceFile(task.path, task.maxBytes, { minified: task.minified });
    if (!read.ok) return { kind: "unread", reason: read.reason, detail: read.detail };
    const matched = tracker.match(read.text, { ...task.match, language: task.language });
    return { kind: "matched", language: matched.language, references: matched.references, ...(task.wantText ? { text: read.text } : {}) };
  } catch (error) {
    return failedOutcome(error);
  }
}
