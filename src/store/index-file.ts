import { statSync } from "node:fs";
import { INDEX_FILE_RECHECK_MS } from "../options.js";

/**
 * The file an index was opened from, watched for another renamed over it (built beside it, then
 * moved into place): its device and inode, looked at no more often than INDEX_FILE_RECHECK_MS. An
 * update in place keeps the file, and the reader follows it itself (IndexReader's generation).
 */
export class IndexFileWatch {
  private identity: string | undefined;
  private checkedAt: number;

  constructor(readonly path: string) {
    this.identity = identityOf(path);
    this.checkedAt = performance.now();
  }

  /**
   * The identity of another file now at the path, when one is and the last look is long enough
   * ago; undefined otherwise (the same file, none there, or not time to look).
   */
  replacement(): string | undefined {
    const now = performance.now();
    if (now - this.checkedAt < INDEX_FILE_RECHECK_MS) return undefined;
    this.checkedAt = now;
    const identity = identityOf(this.path);
    return identity !== undefined && identity !== this.identity ? identity : undefined;
  }

  /** The file with `identity` is now the one opened. */
  opened(identity: string): void {
    this.identity = identity;
  }
}

function identityOf(path: string): string | undefined {
  try {
    const stat = statSync(path);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    // Gone (deleted, or between a rename's two steps): the open file keeps answering.
    return undefined;
  }
}
