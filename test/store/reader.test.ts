import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { IndexReader } from "../../src/store/reader.js";
import { temporaryDirectory, trackerForFiles } from "../helpers.js";

describe("reading token chunks", () => {
  it("reads several chunks in one statement as it reads each alone, leaving out absent ones", async () => {
    const dir = temporaryDirectory();
    try {
      // About 3,000 tokens: three chunks.
      const lines = Array.from({ length: 300 }, (_, i) => `export const value${i} = compute(${i}, "label ${i}");`);
      (await trackerForFiles(dir.path, { "big.js": `${lines.join("\n")}\n` })).close();
      const reader = IndexReader.open(join(dir.path, "source.db"));
      try {
        const read = reader.tokenChunks(new Map([[1, new Set([0, 1, 2, 50])], [999, new Set([0])]]));
        expect([...read.keys()]).toEqual([1]);
        expect([...read.get(1)!.keys()].sort((a, b) => a - b)).toEqual([0, 1, 2]);
        for (const index of [0, 1, 2]) {
          const alone = reader.tokenChunk(1, index)!;
          const together = read.get(1)!.get(index)!;
          expect(together.signatures).toEqual(alone.signatures);
          for (const offset of [0, 17, alone.signatures.length - 1]) {
            expect(together.startLine(offset)).toBe(alone.startLine(offset));
            expect(together.name(offset)).toBe(alone.name(offset));
          }
        }
        expect(reader.tokenChunk(1, 50)).toBeUndefined();
      } finally {
        reader.close();
      }
    } finally {
      dir.cleanup();
    }
  });
});

describe("posting lists within one read", () => {
  it("reads a list once per read, answers as outside a read, and keeps nothing after it", async () => {
    const dir = temporaryDirectory();
    try {
      const lines = Array.from({ length: 40 }, (_, i) => `export const value${i} = compute(${i}, "label ${i}") + other(${i * 7});`);
      (await trackerForFiles(dir.path, { "a.js": `${lines.join("\n")}\n` })).close();
      const reader = IndexReader.open(join(dir.path, "source.db"));
      try {
        const held = reader as unknown as { readPostings: Map<number, unknown>; postingStatement: { get(hash: number): unknown } };
        const hashes = [...(reader as unknown as { db: { prepare(sql: string): { pluck(): { all(): number[] } } } }).db.prepare("SELECT hash FROM postings LIMIT 5").pluck().all()];
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
      } finally {
        reader.close();
      }
    } finally {
      dir.cleanup();
    }
  });
});

describe("a content's origins and size", () => {
  it("lists every file a content occurs as, in indexing order, with its source, and reads them again after the caches are dropped", async () => {
    const dir = temporaryDirectory();
    try {
      const code = `${Array.from({ length: 30 }, (_, i) => `export function step${i}(x) { return x * ${i} + offset(${i}); }`).join("\n")}\n`;
      const other = "export const unrelated = [1, 2, 3].map((n) => n * 2);\n";
      (await trackerForFiles(dir.path, { "alpha/copy.js": code, "beta/lib/copy.js": code, "beta/other.js": other }, { sourcePerFolder: true })).close();
      const reader = IndexReader.open(join(dir.path, "source.db"));
      try {
        const db = (reader as unknown as { db: { prepare(sql: string): { get(...args: unknown[]): unknown } } }).db;
        const { contentId, tokens } = db.prepare("SELECT c.id AS contentId, c.tokens AS tokens FROM contents c JOIN files f ON f.content_id = c.id WHERE f.path = 'copy.js'").get() as { contentId: number; tokens: number };
        const read = (): unknown => reader.origins(contentId).map((o) => [o.path, o.license, o.licenseProvenance, o.source.name, o.source.license]);
        const first = read();
        expect(first).toEqual([
          ["copy.js", "MIT", "manifest", "alpha", "MIT"],
          ["lib/copy.js", "MIT", "manifest", "beta", "MIT"],
        ]);
        expect(reader.contentTokens(contentId)).toBe(tokens);
        expect(tokens).toBeGreaterThan(300);
        // Two contents of one source share its record.
        const otherId = (db.prepare("SELECT content_id FROM files WHERE path = 'other.js'").get() as { content_id: number }).content_id;
        expect(reader.origins(otherId)[0]!.source).toBe(reader.origins(contentId)[1]!.source);
        reader.dropCaches();
        expect(read()).toEqual(first);
        expect(reader.contentTokens(contentId)).toBe(tokens);
        expect(() => reader.origins(987654)).toThrow(/index is inconsistent: fingerprint points at missing content 987654/);
        expect(() => reader.contentTokens(987654)).toThrow(/missing content 987654/);
      } finally {
        reader.close();
      }
    } finally {
      dir.cleanup();
    }
  });
});

describe("a content's words of prose", () => {
  it("counts the words its prose chunks hold, past one chunk, and none for a file without prose", async () => {
    const dir = temporaryDirectory();
    try {
      const comment = "// alpha beta gamma delta epsilon zeta eta theta iota kappa";
      const wordy = `${Array.from({ length: 120 }, (_, i) => `${comment}\nexport const v${i} = ${i};`).join("\n")}\n`;
      const plain = "export function twice(x) {\n  return [x, x];\n}\n";
      (await trackerForFiles(dir.path, { "wordy.js": wordy, "plain.js": plain })).close();
      const reader = IndexReader.open(join(dir.path, "source.db"));
      try {
        const db = (reader as unknown as { db: { prepare(sql: string): { pluck(): { get(path: string): number } } } }).db;
        const id = (path: string): number => db.prepare("SELECT content_id FROM files WHERE path = ?").pluck().get(path);
        // 120 comments of 10 words: two chunks of prose, 1,024 words and 176.
        expect(reader.contentWords(id("wordy.js"))).toBe(1200);
        expect(reader.contentWords(id("plain.js"))).toBe(0);
        reader.dropCaches();
        expect(reader.contentWords(id("wordy.js"))).toBe(1200);
      } finally {
        reader.close();
      }
    } finally {
      dir.cleanup();
    }
  });
});
