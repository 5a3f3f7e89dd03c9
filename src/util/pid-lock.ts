import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { ReftrackError } from "../errors.js";

/** What a lock says when it cannot be taken. */
export interface PidLockMessages {
  /** Another live process holds it. */
  readonly busy: (holder: number) => string;
  /** The lock file could not be created or read. */
  readonly failed: (error: unknown) => string;
}

/**
 * A lock file holding its process's id, created exclusively: a second process is told at once
 * who holds it, and a lock whose process is gone is taken over.
 */
export class PidLock {
  private released = false;

  private constructor(private readonly path: string) {}

  static acquire(path: string, messages: PidLockMessages): PidLock {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(path, "wx", 0o644);
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return new PidLock(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw new ReftrackError(messages.failed(error));
        let holder: number;
        try {
          holder = Number(readFileSync(path, "utf8").trim());
        } catch (readError) {
          // Released between our attempt and this read: try again.
          if ((readError as NodeJS.ErrnoException).code === "ENOENT") continue;
          throw new ReftrackError(messages.failed(readError));
        }
        if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) throw new ReftrackError(messages.busy(holder));
        // Left by a process that is gone: take it over.
        unlinkSync(path);
      }
    }
    throw new ReftrackError(messages.failed(new Error(`${path} keeps being taken`)));
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    try {
      unlinkSync(this.path);
    } catch {
      // Already gone: nothing to release.
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
