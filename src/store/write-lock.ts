import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { ReftrackError, describeError } from "../errors.js";
import { writerClosed, writerOpened } from "./read-hold.js";

/**
 * One writer per index: `<index>.lock` holds the writing process's id, created exclusively. A
 * second `reftrack index` on the same file is told at once who holds it, instead of failing on
 * SQLite's busy lock mid-build; a lock whose process is gone is taken over. While it is held,
 * this process's readers give back their read transactions after each query (read-hold.ts).
 */
export class WriteLock {
  private released = false;

  private constructor(private readonly path: string) {}

  static acquire(indexPath: string): WriteLock {
    const path = `${indexPath}.lock`;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(path, "wx", 0o644);
        writeSync(fd, String(process.pid));
        closeSync(fd);
        writerOpened();
        return new WriteLock(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== "EEXIST") throw new ReftrackError(`cannot write index ${indexPath}: ${describeError(error)}`);
        const holder = Number(readFileSync(path, "utf8").trim());
        if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
          throw new ReftrackError(`another reftrack process (pid ${holder}) is writing ${indexPath}; wait for it to finish, or stop it`);
        }
        // Left by a process that is gone: take it over.
        unlinkSync(path);
      }
    }
    throw new ReftrackError(`cannot lock index ${indexPath} for writing`);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    writerClosed();
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
