import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { temporaryDirectory, trackerForFiles } from "../helpers.js";

// The worker thread exists only in the compiled package (a .js file): these tests open indexes
// through dist/, which `npm test` builds first.
const dist = (path: string): string => new URL(`../../dist/src/${path}`, import.meta.url).href;
const { IndexReader } = (await import(dist("store/reader.js"))) as typeof import("../../src/store/reader.js");
const { ReferenceTracker } = (await import(dist("tracker.js"))) as typeof import("../../src/tracker.js");
const { scanPaths } = (await import(dist("cli/scan.js"))) as typeof import("../../src/cli/scan.js");

const helper = "function clamp(value, low, high) {\n  if (value < low) return low;\n  if (value > high) return high;\n  return value;\n}\n";
const files: Record<string, string> = {};
for (let i = 0; i < 12; i++) {
  files[`${i < 6 ? "one" : "two"}/f${i}.js`] = `${helper}export function scale${i}(items) {\n  return items.map((item) => clamp(item * ${i + 2}, ${i}, ${i * 10 + 5}));\n}\n`;
}

let dir: ReturnType<typeof temporaryDirectory>;
let path: string;

beforeAll(async () => {
  dir = temporaryDirectory();
  (await trackerForFiles(dir.path, files, { sourcePerFolder: true })).close();
  path = join(dir.path, "source.db");
});

afterAll(() => dir.cleanup());

describe("statistics read on a thread of their own", () => {
  it("give the reader what reading them at open gives, and the same references before and after they arrive", async () => {
    const atOpen = IndexReader.open(path, { statistics: "at-open" });
    const background = IndexReader.open(path, { statistics: "background" });
    try {
      expect(atOpen.answersAbsenceInMemory).toBe(true);
      await background.statisticsLoaded();
      expect(background.answersAbsenceInMemory).toBe(true);
      const hashes = new Database(path, { readonly: true }).prepare("SELECT hash FROM postings").pluck().all() as number[];
      for (const hash of hashes) {
        expect(background.mayContain(hash)).toBe(true);
        expect(background.commonContentCount(hash)).toBe(atOpen.commonContentCount(hash));
        expect(background.commonSourceCount(hash)).toBe(atOpen.commonSourceCount(hash));
      }
      expect(hashes.some((hash) => background.commonContentCount(hash) === 12)).toBe(true);
    } finally {
      atOpen.close();
      background.close();
    }
    const query = `${helper}export function scale3(items) {\n  return items.map((item) => clamp(item * 5, 3, 35));\n}\n`;
    const reference = await ReferenceTracker.openWith(path, { statistics: "at-open" });
    const early = await ReferenceTracker.openWith(path, { statistics: "background" });
    try {
      const expected = reference.match(query, { language: "javascript" });
      expect(expected.references.length).toBeGreaterThan(0);
      // Asked at once (most likely before the worker is done), then again once it is.
      expect(early.match(query, { language: "javascript" })).toEqual(expected);
      await early.statisticsLoaded();
      expect(early.match(query, { language: "javascript" })).toEqual(expected);
    } finally {
      reference.close();
      early.close();
    }
  });

  it("report a damaged filter as reading it at open does, at the next query", async () => {
    const damagedDir = temporaryDirectory();
    try {
      (await trackerForFiles(damagedDir.path, files, { sourcePerFolder: true })).close();
      const damagedPath = join(damagedDir.path, "source.db");
      const db = new Database(damagedPath);
      db.prepare("UPDATE membership_filter SET bits = zeroblob(100)").run();
      db.close();
      expect(() => IndexReader.open(damagedPath, { statistics: "at-open" })).toThrow(/index is damaged: its membership filter is unreadable/);
      const tracker = await ReferenceTracker.openWith(damagedPath, { statistics: "background" });
      try {
        await expect(tracker.statisticsLoaded()).rejects.toThrow(/index is damaged: its membership filter is unreadable/);
        expect(() => tracker.match(helper, { language: "javascript" })).toThrow(/index is damaged: its membership filter is unreadable/);
        // A scan stops at its first file with that one error, as a failed open does, not one per file.
        const scanned = ["a.js", "b.js"].map((name) => join(damagedDir.path, name));
        for (const file of scanned) writeFileSync(file, helper);
        await expect(scanPaths(tracker, scanned)).rejects.toThrow(/index is damaged: its membership filter is unreadable/);
        // So does a scan on helper threads, each of which finds the index as damaged.
        await expect(scanPaths(tracker, scanned, { parallel: { dbPath: damagedPath, threads: 2, minBytes: 0 } })).rejects.toThrow(
          /index is damaged: its membership filter is unreadable/,
        );
      } finally {
        tracker.close();
      }
    } finally {
      damagedDir.cleanup();
    }
  });

  it("are given up when the reader closes first", async () => {
    const reader = IndexReader.open(path, { statistics: "background" });
    reader.close();
    // Nothing is taken after the close, and nothing is left waiting.
    await reader.statisticsLoaded();
    expect(reader.answersAbsenceInMemory).toBe(false);
  });
});
