import { cpSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { buildIndex } from "../../src/indexing/build.js";
import answer, { type CheckAnswer, closeIndexes } from "../../src/service/check-worker.js";
import { INDEX_FILE_RECHECK_MS } from "../../src/options.js";
import { IndexReader } from "../../src/store/reader.js";
import { FIXTURES, temporaryDirectory } from "../helpers.js";

const dir = temporaryDirectory();
afterAll(() => {
  closeIndexes();
  dir.cleanup();
});

const ADDED = "def rolling_total(values, width):\n    window = []\n    totals = []\n    for value in values:\n        window.append(value)\n        if len(window) > width:\n            window.pop(0)\n        totals.append(sum(window) / len(window))\n    return totals\n";

async function sourcesFound(indexPath: string, code: string): Promise<string[]> {
  const answered = (await answer({ kind: "check", indexPath, code, language: "python" })) as CheckAnswer;
  return (JSON.parse(answered.json) as { references: { source: string }[] }).references.map((r) => r.source);
}

const pastRecheck = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, INDEX_FILE_RECHECK_MS * 2));

describe("the service's connection to an index", () => {
  it("is kept through an update in place, which the reader follows, and replaced when another file is renamed over the index", async () => {
    const corpus = join(dir.path, "corpus");
    cpSync(join(FIXTURES, "corpus"), corpus, { recursive: true });
    const manifest = join(corpus, "manifest.json");
    const db = join(dir.path, "index.db");
    await buildIndex(db, manifest);
    const report = readFileSync(join(corpus, "alpha", "tools", "report.py"), "utf8");
    expect(await sourcesFound(db, report)).toEqual(["alpha"]);
    const opened = vi.spyOn(IndexReader, "open");
    try {
      writeFileSync(join(corpus, "alpha", "tools", "rolling.py"), ADDED);
      await buildIndex(db, manifest);
      await pastRecheck();
      expect(await sourcesFound(db, ADDED)).toEqual(["alpha"]);
      expect(opened).not.toHaveBeenCalled();
      // Built beside it under another name, then renamed over it: a new file, opened anew.
      const next = join(dir.path, "next.db");
      writeFileSync(manifest, JSON.stringify({ sources: [{ kind: "dir", name: "renamed", path: "alpha", license: "MIT" }] }));
      await buildIndex(next, manifest);
      renameSync(next, db);
      await pastRecheck();
      expect(await sourcesFound(db, ADDED)).toEqual(["renamed"]);
      expect(opened).toHaveBeenCalledTimes(1);
    } finally {
      opened.mockRestore();
    }
  });
});
