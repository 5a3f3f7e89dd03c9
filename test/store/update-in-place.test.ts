import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildIndex } from "../../src/indexing/build.js";
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

describe("an index updated in place answers from its last finished state until the update is merged", () => {
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
    expect(whereFound(open, report)).toEqual(before);
    open.close();
    // Merged: the new version answers, its new file too.
    const after = await ReferenceTracker.open(db);
    expect(whereFound(after, report)).toEqual(before);
    expect(whereFound(after, ADDED)).toEqual(["alpha tools/rolling.py 1-9"]);
    after.close();
  });

  it("after an update killed before its merge, answers from the old version, verify says why, and the next build finishes it as a fresh build would", async () => {
    const before = whereFound(await ReferenceTracker.open(db), report);
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
  });
});
