import { join } from "node:path";
import type Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { IndexReader } from "../../src/store/reader.js";
import { temporaryDirectory, trackerForFiles } from "../helpers.js";

/** Indexes `files` as trackerForFiles does, runs `read` on a reader of the index, then closes and removes it all. */
async function withReader(files: Record<string, string>, read: (reader: IndexReader) => void, options: { sourcePerFolder?: boolean } = {}): Promise<void> {
  const dir = temporaryDirectory();
  try {
    (await trackerForFiles(dir.path, files, options)).close();
    const reader = IndexReader.open(join(dir.path, "source.db"));
    try {
      read(reader);
    } finally {
      reader.close();
    }
  } finally {
    dir.cleanup();
  }
}

/** The reader's own connection, for the tests to look up ids and watch its statements. */
function databaseOf(reader: IndexReader): Database.Database {
  return (reader as unknown as { db: Database.Database }).db;
}

/** The content id of the file at `path`. */
function contentOf(reader: IndexReader, path: string): number {
  return databaseOf(reader).prepare("SELECT content_id FROM files WHERE path = ?").pluck().get(path) as number;
}

describe("reading token chunks", () => {
  it("reads each chunk of a content by its index, every one full but the last, and nothing past the end", async () => {
    // About 3,000 tokens: three chunks.
    const lines = Array.from({ length: 300 }, (_, i) => `export const value${i} = compute(${i}, "label ${i}");`);
    await withReader({ "big.js": `${lines.join("\n")}\n` }, (reader) => {
      const chunks = [0, 1, 2].map((index) => reader.tokenChunk(1, index)!);
      expect(chunks[0]!.signatures.length).toBe(reader.tokensPerChunk);
      expect(chunks[1]!.signatures.length).toBe(reader.tokensPerChunk);
      expect(chunks.reduce((sum, chunk) => sum + chunk.signatures.length, 0)).toBe(reader.contentTokens(1));
      // Lines run on from one chunk to the next, and the first token is on the first line.
      expect(chunks[0]!.startLine(0)).toBe(1);
      const lastOfFirst = chunks[0]!.startLine(reader.tokensPerChunk - 1);
      expect(chunks[1]!.startLine(0)).toBeGreaterThanOrEqual(lastOfFirst);
      expect(chunks[1]!.startLine(0)).toBeLessThanOrEqual(lastOfFirst + 1);
      expect(chunks[2]!.startLine(chunks[2]!.signatures.length - 1)).toBe(300);
      expect(reader.tokenChunk(1, 3)).toBeUndefined();
      expect(reader.tokenChunk(1, 50)).toBeUndefined();
      expect(reader.tokenChunk(999, 0)).toBeUndefined();
    });
  });
});

describe("posting lists within one read", () => {
  it("reads a list once per read, answers as outside a read, and keeps nothing after it", async () => {
    const lines = Array.from({ length: 40 }, (_, i) => `export const value${i} = compute(${i}, "label ${i}") + other(${i * 7});`);
    await withReader({ "a.js": `${lines.join("\n")}\n` }, (reader) => {
      const held = reader as unknown as { readPostings: Map<number, unknown>; postingStatement: { get(hash: number): unknown } };
      const hashes = databaseOf(reader).prepare("SELECT hash FROM postings LIMIT 5").pluck().all() as number[];
      expect(hashes.length).toBeGreaterThan(0);
      const outside = hashes.map((hash) => reader.occurrences(hash, -1));
      let statementReads = 0;
      const get = held.postingStatement.get.bind(held.postingStatement);
      held.postingStatement.get = (hash: number) => {
        statementReads++;
        return get(hash);
      };
      const inside = reader.withinRead(() => {
        reader.someContentHolds(hashes, hashes.length + 1);
        expect(held.readPostings.size).toBe(hashes.length);
        return hashes.map((hash) => reader.occurrences(hash, -1));
      });
      expect(inside).toEqual(outside);
      expect(statementReads).toBe(hashes.length);
      expect(held.readPostings.size).toBe(0);
    });
  });
});

describe("a content's origins and size", () => {
  it("lists every file a content occurs as, in indexing order, with its source, and reads them again after the caches are dropped", async () => {
    const code = `${Array.from({ length: 30 }, (_, i) => `export function step${i}(x) { return x * ${i} + offset(${i}); }`).join("\n")}\n`;
    const other = "export const unrelated = [1, 2, 3].map((n) => n * 2);\n";
    const files = { "alpha/copy.js": code, "beta/lib/copy.js": code, "beta/other.js": other };
    await withReader(
      files,
      (reader) => {
        const contentId = contentOf(reader, "copy.js");
        const tokens = databaseOf(reader).prepare("SELECT tokens FROM contents WHERE id = ?").pluck().get(contentId) as number;
        const read = (): unknown => reader.origins(contentId).map((o) => [o.path, o.license, o.licenseProvenance, o.source.name, o.source.license]);
        const first = read();
        expect(first).toEqual([
          ["copy.js", "MIT", "manifest", "alpha", "MIT"],
          ["lib/copy.js", "MIT", "manifest", "beta", "MIT"],
        ]);
        expect(reader.contentTokens(contentId)).toBe(tokens);
        expect(tokens).toBeGreaterThan(300);
        // Two contents of one source share its record.
        expect(reader.origins(contentOf(reader, "other.js"))[0]!.source).toBe(reader.origins(contentId)[1]!.source);
        reader.dropCaches();
        expect(read()).toEqual(first);
        expect(reader.contentTokens(contentId)).toBe(tokens);
        expect(() => reader.origins(987654)).toThrow(/index is inconsistent: fingerprint points at missing content 987654/);
        expect(() => reader.contentTokens(987654)).toThrow(/missing content 987654/);
      },
      { sourcePerFolder: true },
    );
  });
});

describe("a content's words of prose", () => {
  it("counts the words its prose chunks hold, past one chunk, and none for a file without prose", async () => {
    const comment = "// alpha beta gamma delta epsilon zeta eta theta iota kappa";
    const wordy = `${Array.from({ length: 120 }, (_, i) => `${comment}\nexport const v${i} = ${i};`).join("\n")}\n`;
    const plain = "export function twice(x) {\n  return [x, x];\n}\n";
    await withReader({ "wordy.js": wordy, "plain.js": plain }, (reader) => {
      // 120 comments of 10 words: two chunks of prose, 1,024 words and 176.
      expect(reader.contentWords(contentOf(reader, "wordy.js"))).toBe(1200);
      expect(reader.contentWords(contentOf(reader, "plain.js"))).toBe(0);
      reader.dropCaches();
      expect(reader.contentWords(contentOf(reader, "wordy.js"))).toBe(1200);
    });
  });
});

describe("a reader without the index's statistics", () => {
  it("answers presence and common counts as the filter and the common table do", async () => {
    // A helper twelve files share (more than COMMON_FLOOR contents, in two sources), each file with code of its own.
    const helper = "function clamp(value, low, high) {\n  if (value < low) return low;\n  if (value > high) return high;\n  return value;\n}\n";
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) {
      files[`${i < 6 ? "one" : "two"}/f${i}.js`] = `${helper}export function scale${i}(items) {\n  return items.map((item) => clamp(item * ${i + 2}, ${i}, ${i * 10 + 5}));\n}\n`;
    }
    const dir = temporaryDirectory();
    try {
      (await trackerForFiles(dir.path, files, { sourcePerFolder: true })).close();
      const path = join(dir.path, "source.db");
      const withStatistics = IndexReader.open(path);
      const without = IndexReader.open(path, { useFilter: false });
      try {
        const present = databaseOf(withStatistics).prepare("SELECT hash FROM postings").pluck().all() as number[];
        const shared = present.filter((hash) => withStatistics.commonContentCount(hash) !== undefined);
        expect(shared.length).toBeGreaterThan(0);
        for (const hash of present) {
          expect(without.mayContain(hash)).toBe(true);
          expect(without.commonContentCount(hash)).toBe(withStatistics.commonContentCount(hash));
          expect(without.commonSourceCount(hash)).toBe(withStatistics.commonSourceCount(hash));
        }
        expect(withStatistics.commonContentCount(shared[0]!)).toBe(12);
        expect(without.commonSourceCount(shared[0]!)).toBe(2);
        // Absent hashes: the filter may let a few through; without it, presence is read.
        const stored = new Set(present.map((hash) => hash >>> 0));
        const absent = Array.from({ length: 200 }, (_, i) => (0x9e3779b9 * (i + 1)) >>> 0).filter((hash) => !stored.has(hash));
        for (const hash of absent) expect(without.mayContain(hash | 0)).toBe(false);
      } finally {
        withStatistics.close();
        without.close();
      }
    } finally {
      dir.cleanup();
    }
  });
});
