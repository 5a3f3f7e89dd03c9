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
