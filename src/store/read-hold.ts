/**
 * Readers that keep their read transaction between queries (IndexReader.withinRead), and writers
 * open in this process. Taking SQLite's shared lock and giving it back cost about as much as a
 * miss's other reads; a reader holds it for up to READ_HOLD_MS instead. Another process's writer
 * waits that long at most. A writer in this process cannot wait (the reader gives the lock back on
 * a timer, and the writer's statements block the thread), so while one is open readers do not hold.
 */
const holders = new Set<() => void>();
let writersOpen = 0;

/** A writer opens: every held read transaction is given back, and none is held until it closes. */
export function writerOpened(): void {
  writersOpen++;
  for (const release of [...holders]) release();
}

export function writerClosed(): void {
  writersOpen = Math.max(0, writersOpen - 1);
}

export function mayHoldReads(): boolean {
  return writersOpen === 0;
}

/** `release` gives back a read transaction held now. */
export function holdingRead(release: () => void): void {
  holders.add(release);
}

export function releasedRead(release: () => void): void {
  holders.delete(release);
}
