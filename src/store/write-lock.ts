import { describeError } from "../errors.js";
import { PidLock } from "../util/pid-lock.js";
import { writerClosed, writerOpened } from "./read-hold.js";

/**
 * One writer per index: `<index>.lock` holds the writing process's id, created exclusively. A
 * second `reftrack index` on the same file is told at once who holds it, instead of failing on
 * SQLite's busy lock mid-build; a lock whose process is gone is taken over. While it is held,
 * this process's readers give back their read transactions after each query (read-hold.ts).
 */
export class WriteLock {
  private released = false;

  private constructor(private readonly lock: PidLock) {}

  static acquire(indexPath: string): WriteLock {
    const lock = PidLock.acquire(`${indexPath}.lock`, {
      busy: (holder) => `another reftrack process (pid ${holder}) is writing ${indexPath}; wait for it to finish, or stop it`,
      failed: (error) => `cannot write index ${indexPath}: ${describeError(error)}`,
    });
    writerOpened();
    return new WriteLock(lock);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    writerClosed();
    this.lock.release();
  }
}
