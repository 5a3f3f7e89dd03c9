import { readSourceFile } from "../files/source-file.js";
import type { LanguageName } from "../languages/language.js";
import type { MatchOptions } from "../options.js";
import { ReferenceTracker } from "../tracker.js";
import { type FileOutcome, failedOutcome, fileOutcome } from "./scan-file.js";

/** One file of a scan, read and matched on a helper thread (scan.ts) as the scan's own thread would (scan-file.ts). */
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
  /** A Jupyter notebook: its code cells are matched (files/notebook.ts). */
  readonly notebook: boolean;
}

const trackers = new Map<string, Promise<ReferenceTracker>>();

function trackerFor(dbPath: string): Promise<ReferenceTracker> {
  let tracker = trackers.get(dbPath);
  if (!tracker) {
    tracker = ReferenceTracker.open(dbPath, { followFile: false });
    trackers.set(dbPath, tracker);
    // A failed open is told to this file, and the next one tries again.
    tracker.catch(() => trackers.delete(dbPath));
  }
  return tracker;
}

/** A helper thread's task: the file read and matched as the scan's own thread would. */
export default async function scanFile(task: ScanTask): Promise<FileOutcome> {
  let tracker: ReferenceTracker;
  try {
    tracker = await trackerFor(task.dbPath);
  } catch (error) {
    return failedOutcome(error);
  }
  return fileOutcome(tracker, () => readSourceFile(task.path, task.maxBytes, { minified: task.minified }), task.language, task.match, task.wantText, task.notebook);
}
