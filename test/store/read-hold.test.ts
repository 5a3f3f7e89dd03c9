import { setTimeout as sleep } from "node:timers/promises";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_FINGERPRINT_PARAMETERS, READ_HOLD_MS } from "../../src/options.js";
import { currentIndexParameters } from "../../src/store/parameters.js";
import { IndexWriter } from "../../src/store/writer.js";
import type { ReferenceTracker } from "../../src/tracker.js";
import { temporaryDirectory, trackerForFiles } from "../helpers.js";

const CODE = `export function clamp(value, low, high) {
  if (value < low) return low;
  if (value > high) return high;
  return value;
}

export function lerp(from, to, share) {
  return from + (to - from) * clamp(share, 0, 1);
}
`;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function indexed(): Promise<{ tracker: ReferenceTracker; db: string }> {
  const dir = temporaryDirectory();
  const tracker = await trackerForFiles(dir.path, { "math.js": CODE });
  cleanups.push(() => {
    tracker.close();
    dir.cleanup();
  });
  return { tracker, db: join(dir.path, "source.db") };
}

/** Whether another connection can take the index's exclusive lock now, without waiting. */
function writable(db: string): boolean {
  const other = new Database(db, { timeout: 0 });
  try {
    other.exec("BEGIN EXCLUSIVE");
    other.exec("ROLLBACK");
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") return false;
    throw error;
  } finally {
    other.close();
  }
}

/** Whether the tracker's connection has a read transaction open between queries. */
function holds(tracker: ReferenceTracker): boolean {
  return (tracker as unknown as { index: { db: Database.Database } }).index.db.inTransaction;
}

describe("a reader's read transaction between queries", () => {
  it("is kept after a query and given back within READ_HOLD_MS, so another writer waits no longer", async () => {
    const { tracker, db } = await indexed();
    expect(writable(db)).toBe(true);
    expect(tracker.match(CODE, { language: "javascript" }).references.length).toBeGreaterThan(0);
    expect(writable(db)).toBe(false);
    await sleep(READ_HOLD_MS * 3);
    expect(writable(db)).toBe(true);
    // The next query takes it again and answers as before.
    expect(tracker.match(CODE, { language: "javascript" }).references.length).toBeGreaterThan(0);
  });

  it("is given back at once when this process opens a writer, and not kept while it is open", async () => {
    const { tracker, db } = await indexed();
    tracker.match(CODE, { language: "javascript" });
    // Without this, the writer would wait on the busy timeout for a lock its own thread holds.
    const writer = IndexWriter.open(db, currentIndexParameters(DEFAULT_FINGERPRINT_PARAMETERS));
    try {
      expect(holds(tracker)).toBe(false);
      tracker.match(CODE, { language: "javascript" });
      expect(holds(tracker)).toBe(false);
      writer.deleteSource("source");
    } finally {
      writer.close();
    }
    expect(tracker.match(CODE, { language: "javascript" }).references).toEqual([]);
    expect(holds(tracker)).toBe(true);
  });
});
