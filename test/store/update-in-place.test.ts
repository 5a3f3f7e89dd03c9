import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { buildIndex } from "../../src/indexing/build.js";
import { DEFAULT_FINGERPRINT_PARAMETERS, INDEX_FILE_RECHECK_MS, READ_HOLD_MS } from "../../src/options.js";
import { currentIndexParameters } from "../../src/store/parameters.js";
import { IndexReader } from "../../src/store/reader.js";
import { IndexWriter } from "../../src/store/writer.js";
import { verifyIndex } from "../../src/store/verify.js";
import { ReferenceTracker } from "../../src/tracker.js";
import { FIXTURES, temporaryDirectory } from "../helpers.js";
import { dump } from "../index-dump.js";

const BIN = fileURLToPath(new URL("../../dist/src/cli/bin.js", import.meta.url));
const ADDED = "def rolling_total(values, width):\n    window = []\n    totals = []\n    for value in values:\n        window.append(value)\n        if len(window) > width:\n            window.pop(0)\n        totals.append(sum(window) / len(window))\n    return totals\n";

/** Where alpha's report.py is reported from, by source, path and lines. */
function whereFound(tracker: ReferenceTracker, code: string): string[] {
  return tracker.match(code, { language: "python" }).references.map((r) => `${r.source} ${r.path} ${r.sourceLines.join("-")}`);
}

describe("an index updated in place, and readers kept open across its updates", () => {
  let dir: ReturnType<typeof temporaryDirectory>;
  let corpus: string;
  let manifest: string;
  let db: string;
  let report: string;

  beforeEach(async () => {
    dir = temporaryDirectory();
    corpus = join(dir.path, "corpus");
    cpSync(join(FIXTURES, "corpus"), corpus, { recursive: true });
    manifest = join(corpus, "manifest.json");
    db = join(dir.path, "index.db");
    await buildIndex(db, manifest);
    report = readFileSync(join(corpus, "alpha", "tools", "report.py"), "utf8");
    // alpha changes: one file more, report.py as it was.
    writeFileSync(join(corpus, "alpha", "tools", "rolling.py"), ADDED);
  });
  afterEach(() => dir.cleanup());

  it("keeps a replaced source's old version searchable for a reader open during the build", async () => {
    const open = await ReferenceTracker.open(db);
    const before = whereFound(open, report);
    expect(before).toHaveLength(1);
    expect(before[0]).toMatch(/^alpha tools\/report\.py \d+-\d+$/);
    const during: string[][] = [];
    await buildIndex(db, manifest, {
      onSource: (event) => {
        if (event.name !== "alpha" || event.status !== "indexed") return;
        // alpha's new version is written, not merged: the old one still answers, the new file not yet.
        during.push(whereFound(open, report), whereFound(open, ADDED));
      },
    });
    expect(during).toEqual([before, []]);
    // Merged: the new version answers, its new file too, in the tracker kept open as in a new one.
    const after = await ReferenceTracker.open(db);
    for (const tracker of [open, after]) {
      expect(whereFound(tracker, report)).toEqual(before);
      expect(whereFound(tracker, ADDED)).toEqual(["alpha tools/rolling.py 1-9"]);
    }
    open.close();
    after.close();
  });

  it("a tracker kept open follows each finished update: a license changed, a source removed", async () => {
    const open = await ReferenceTracker.open(db);
    const checksum = readFileSync(join(corpus, "beta", "lib", "checksum.py"), "utf8");
    const licenses = (): string[] => open.match(checksum, { language: "python" }).references.map((r) => `${r.source} ${r.license}`);
    // Asked twice, so what the tracker caches from a content's second request is cached.
    for (let i = 0; i < 2; i++) expect(licenses()).toEqual(["beta Apache-2.0 OR MIT"]);
    for (let i = 0; i < 2; i++) expect(whereFound(open, report)).toHaveLength(1);
    const parsed = JSON.parse(readFileSync(manifest, "utf8")) as { sources: { license: string }[] };
    parsed.sources[1]!.license = "MIT";
    writeFileSync(manifest, JSON.stringify(parsed));
    await buildIndex(db, manifest);
    expect(licenses()).toEqual(["beta MIT"]);
    expect(whereFound(open, report)).toHaveLength(1);
    writeFileSync(manifest, JSON.stringify({ sources: [parsed.sources[1]] }));
    await buildIndex(db, manifest);
    expect(whereFound(open, report)).toEqual([]);
    expect(licenses()).toEqual(["beta MIT"]);
    open.close();
  });

  it("a tracker kept open answers from another index copied over its file, whatever that index's generation", async () => {
    const open = await ReferenceTracker.open(db);
    for (let i = 0; i < 2; i++) expect(whereFound(open, report)).toHaveLength(1);
    // Another corpus, built once as the first index was: the same generation, another source.
    const other = join(dir.path, "other");
    cpSync(join(corpus, "alpha"), other, { recursive: true });
    writeFileSync(join(other, "manifest.json"), JSON.stringify({ sources: [{ kind: "dir", name: "other", path: ".", license: "0BSD" }] }));
    const otherDb = join(dir.path, "other.db");
    await buildIndex(otherDb, join(other, "manifest.json"));
    const generation = (path: string): unknown => new Database(path, { readonly: true }).prepare("SELECT value FROM meta WHERE key = 'generation'").pluck().get();
    expect(generation(otherDb)).toBe(generation(db));
    writeFileSync(db, readFileSync(otherDb));
    expect(open.match(report, { language: "python" }).references.map((r) => `${r.source} ${r.license}`)).toEqual(["other 0BSD"]);
    open.close();
  });

  it("a tracker kept open answers from another index renamed over its file, and keeps answering while the path holds none or an unfinished one", async () => {
    const open = await ReferenceTracker.open(db);
    // A scan's tracker keeps the one index its report describes.
    const pinned = await ReferenceTracker.open(db, { followFile: false });
    expect(whereFound(open, report)).toHaveLength(1);
    const other = join(dir.path, "other");
    cpSync(join(corpus, "alpha"), other, { recursive: true });
    writeFileSync(join(other, "manifest.json"), JSON.stringify({ sources: [{ kind: "dir", name: "other", path: ".", license: "0BSD" }] }));
    const next = join(dir.path, "next.db");
    await buildIndex(next, join(other, "manifest.json"));
    const pastRecheck = () => new Promise((resolve) => setTimeout(resolve, INDEX_FILE_RECHECK_MS * 2));
    // The path empty for a moment: the open index answers.
    renameSync(db, join(dir.path, "moved.db"));
    await pastRecheck();
    expect(whereFound(open, report)).toHaveLength(1);
    // An index whose first build has not finished: refused, so the open one answers.
    IndexWriter.open(db, currentIndexParameters(DEFAULT_FINGERPRINT_PARAMETERS)).close();
    await pastRecheck();
    expect(open.match(report, { language: "python" }).references.map((r) => r.source)).toEqual(["alpha"]);
    renameSync(next, db);
    await pastRecheck();
    expect(open.match(report, { language: "python" }).references.map((r) => `${r.source} ${r.license}`)).toEqual(["other 0BSD"]);
    expect(open.describeIndex().sources.map((s) => s.name)).toEqual(["other"]);
    expect(pinned.match(report, { language: "python" }).references.map((r) => r.source)).toEqual(["alpha"]);
    open.close();
    pinned.close();
  });

  it("a reader kept open drops statistics a change left stale, and takes them once a build stores them again", async () => {
    const reader = IndexReader.open(db, { statistics: "at-open" });
    const inMemory = async (): Promise<boolean> => {
      const answer = reader.withinRead(() => reader.answersAbsenceInMemory);
      // Past the read transaction a reader keeps between queries, which a write here would wait for.
      await new Promise((resolve) => setTimeout(resolve, READ_HOLD_MS * 3));
      return answer;
    };
    try {
      expect(await inMemory()).toBe(true);
      const raw = new Database(db);
      // What a merge does before the build rebuilds the statistics: a new generation.
      raw.exec("UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'generation'");
      expect(await inMemory()).toBe(false);
      raw.exec("UPDATE membership_filter SET generation = generation + 1; UPDATE common_fingerprints SET generation = generation + 1");
      raw.close();
      expect(await inMemory()).toBe(true);
    } finally {
      reader.close();
    }
  });

  it("after an update killed before its merge, answers from the old version, verify says why, and the next build finishes it as a fresh build would", async () => {
    const first = await ReferenceTracker.open(db);
    const before = whereFound(first, report);
    first.close();
    await expect(
      buildIndex(db, manifest, {
        onSource: (event) => {
          if (event.name === "alpha" && event.status === "indexed") throw new Error("simulated crash");
        },
      }),
    ).rejects.toThrow("simulated crash");
    const reopened = await ReferenceTracker.open(db);
    expect(whereFound(reopened, report)).toEqual(before);
    expect(whereFound(reopened, ADDED)).toEqual([]);
    expect(reopened.describeIndex().sources.map((s) => s.name)).toEqual(["alpha", "beta"]);
    reopened.close();
    const verified = verifyIndex(db);
    expect(verified.problems).toEqual([]);
    expect(verified.unfinishedSources).toBe(1);
    expect(verified.checked.sources).toBe(2);
    const cli = spawnSync(process.execPath, [BIN, "verify", "--db", db], { encoding: "utf8" });
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(/sound \(2 sources, 6 files/);
    expect(cli.stdout).toMatch(/: 1 source written by a build that has not finished \(it is running, or was interrupted\) is not searched yet: queries answer from the versions before it/);

    const resumed = await buildIndex(db, manifest);
    expect(resumed.sourcesIndexed).toBe(1);
    expect(resumed.sourcesUnchanged).toBe(1);
    const fresh = join(dir.path, "fresh.db");
    await buildIndex(fresh, manifest);
    expect(dump(db)).toEqual(dump(fresh));
    expect(dump(db)).toMatchObject({ orphanFingerprints: 0, miscountedPostings: 0, orphanChunks: 0, unusedContents: 0 });
    expect(verifyIndex(db).unfinishedSources).toBeUndefined();
  });

  it("stores a replaced source's unchanged files once, fingerprinting only what changed", async () => {
    const update = await buildIndex(db, manifest);
    expect(update.sourcesIndexed).toBe(1);
    // Only rolling.py is new: report.py and debounce.ts, alpha's alone, keep their stored fingerprints.
    const alone = join(dir.path, "alone");
    cpSync(join(corpus, "alpha", "tools", "rolling.py"), join(alone, "rolling.py"));
    writeFileSync(join(alone, "manifest.json"), JSON.stringify({ sources: [{ kind: "dir", name: "alone", path: ".", license: "MIT" }] }));
    const one = await buildIndex(join(dir.path, "alone.db"), join(alone, "manifest.json"));
    expect(update.fingerprintsAdded).toBe(one.fingerprintsAdded);
    const fresh = join(dir.path, "fresh.db");
    await buildIndex(fresh, manifest);
    expect(dump(db)).toEqual(dump(fresh));
  });

  it("a tracker kept open refuses to answer while a repair rebuilds the index, and answers again once it is done", async () => {
    const open = await ReferenceTracker.open(db);
    const before = whereFound(open, report);
    await expect(
      buildIndex(db, manifest, {
        repair: true,
        onSource: () => {
          throw new Error("simulated crash");
        },
      }),
    ).rejects.toThrow("simulated crash");
    // Emptied and not rebuilt: an error, never "no references".
    expect(() => whereFound(open, report)).toThrow(/is incomplete: 1 source is not finished/);
    await buildIndex(db, manifest, { repair: true });
    expect(whereFound(open, report)).toEqual(before);
    open.close();
  });

  it("refuses a first build killed before its merge: an index that never finished has no old state to answer from", async () => {
    const first = join(dir.path, "first.db");
    await expect(
      buildIndex(first, manifest, {
        onSource: () => {
          throw new Error("simulated crash");
        },
      }),
    ).rejects.toThrow("simulated crash");
    await expect(ReferenceTracker.open(first)).rejects.toThrow(/is incomplete: 1 source is not finished/);
    // Before it wrote any source, too.
    const empty = join(dir.path, "empty.db");
    IndexWriter.open(empty, currentIndexParameters(DEFAULT_FINGERPRINT_PARAMETERS)).close();
    await expect(ReferenceTracker.open(empty)).rejects.toThrow(/is incomplete: no build has finished writing it/);
  });
});
