import { describe, expect, it } from "vitest";
import { type SortedRows, StagedFingerprints, distinctHashes } from "../../src/store/staging.js";

/** Sorted rows as [signed hash, content, position] triples, as they were appended. */
function triples(rows: SortedRows): [number, number, number][] {
  return Array.from({ length: rows.length }, (_, i) => [rows.hashes[i]! | 0, rows.contents[i]!, rows.positions[i]!]);
}

/** A small deterministic generator of signed 32-bit values. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => (state = (Math.imul(state, 1103515245) + 12345) | 0);
}

describe("staged fingerprints", () => {
  it("orders rows as the postings table keys them: unsigned hash, then content, then position", () => {
    const staged = new StagedFingerprints();
    const rows: [number, number, number][] = [];
    const random = lcg(7);
    for (let content = 1; content <= 300; content++) {
      const count = 1 + (Math.abs(random()) % 400);
      // A few hashes repeat across contents (shared code), and both signs occur.
      const hashes = Int32Array.from({ length: count }, (_, i) => (i % 7 === 0 ? (i % 3) - 1 : random()));
      const positions = Uint32Array.from({ length: count }, (_, i) => i * 3);
      staged.append(hashes, content, positions);
      hashes.forEach((h, i) => rows.push([h, content, positions[i]!]));
    }
    expect(staged.length).toBe(rows.length);
    const sorted = staged.sorted();
    const expected = [...rows].sort((a, b) => (a[0] >>> 0) - (b[0] >>> 0) || a[1] - b[1] || a[2] - b[2]);
    expect(triples(sorted)).toEqual(expected);
    // The keys are the hashes as the table stores them, unsigned.
    expect(Math.min(...sorted.hashes)).toBeGreaterThanOrEqual(0);
    expect(distinctHashes(sorted)).toBe(new Set(rows.map((row) => row[0])).size);
  });

  it("orders a crowded hash prefix (one bucket of many rows), and few rows with equal hashes, by the rest of the hash, then by append order", () => {
    const staged = new StagedFingerprints();
    const rows: [number, number, number][] = [];
    const random = lcg(11);
    for (let content = 1; content <= 40; content++) {
      // All share the top 16 bits, both signs' prefixes appear, and low halves repeat.
      const hashes = Int32Array.from({ length: 50 }, (_, i) => ((content % 2 === 0 ? 0x1234 : -0x1234) << 16) | (Math.abs(random()) % (i % 2 ? 70 : 65536)));
      const positions = Uint32Array.from({ length: 50 }, (_, i) => i);
      staged.append(hashes, content, positions);
      hashes.forEach((h, i) => rows.push([h, content, i]));
    }
    // And a few hashes shared by five contents each, alone in their buckets: ties in a small bucket.
    const shared = Int32Array.of(0x7f00_0001, -0x7f00_0001, 0x0abc_0000, 0x0abc_0001);
    for (let content = 41; content <= 45; content++) {
      staged.append(shared, content, Uint32Array.of(9, 8, 7, 6));
      shared.forEach((h, i) => rows.push([h, content, 9 - i]));
    }
    expect(triples(staged.sorted())).toEqual([...rows].sort((a, b) => (a[0] >>> 0) - (b[0] >>> 0) || a[1] - b[1] || a[2] - b[2]));
  });

  it("drops the rows of removed contents and truncates back after a failed source", () => {
    const staged = new StagedFingerprints();
    staged.append(Int32Array.of(5, -5), 1, Uint32Array.of(0, 1));
    staged.append(Int32Array.of(9), 2, Uint32Array.of(4));
    staged.append(Int32Array.of(-9, 3), 3, Uint32Array.of(2, 8));
    staged.removeContents(new Set([2]));
    const column = (get: (row: number) => number) => Array.from({ length: staged.length }, (_, row) => get(row));
    expect(column((row) => staged.content(row))).toEqual([1, 1, 3, 3]);
    expect(column((row) => staged.hash(row))).toEqual([5, -5, -9, 3]);
    staged.truncate(2);
    expect(staged.length).toBe(2);
    expect(triples(staged.sorted())).toEqual([
      [5, 1, 0],
      [-5, 1, 1],
    ]);
  });

  it("spans blocks: a content larger than a block, rows across block ends, truncation back into a block", () => {
    const staged = new StagedFingerprints();
    const rows: [number, number, number][] = [];
    // 2^18 rows per block: these straddle two block boundaries.
    for (const [content, count] of [
      [1, 200_000],
      [2, 300_000],
      [3, 70_000],
    ] as const) {
      const hashes = Int32Array.from({ length: count }, (_, i) => Math.imul(i + content * 1_000_003, 0x9e3779b1));
      const positions = Uint32Array.from({ length: count }, (_, i) => i);
      staged.append(hashes, content, positions);
      hashes.forEach((h, i) => rows.push([h, content, i]));
    }
    expect(staged.length).toBe(570_000);
    expect([staged.hash(262_144), staged.content(262_144), staged.position(262_144)]).toEqual(rows[262_144]);
    const sorted = staged.sorted();
    // Keys ascending; equal keys in append order (content, then position, here).
    let outOfOrder = 0;
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [i - 1, i];
      const ordered =
        sorted.hashes[a]! < sorted.hashes[b]! ||
        (sorted.hashes[a] === sorted.hashes[b] && (sorted.contents[a]! < sorted.contents[b]! || (sorted.contents[a] === sorted.contents[b] && sorted.positions[a]! < sorted.positions[b]!)));
      if (!ordered) outOfOrder++;
    }
    expect(sorted.length).toBe(570_000);
    expect(outOfOrder).toBe(0);
    expect(triples(sorted).sort((a, b) => a[1] - b[1] || a[2] - b[2])).toEqual(rows);
    staged.removeContents(new Set([2]));
    expect(staged.length).toBe(270_000);
    expect(staged.content(199_999)).toBe(1);
    expect([staged.hash(200_000), staged.content(200_000), staged.position(200_000)]).toEqual(rows[500_000]);
    staged.truncate(100);
    staged.append(Int32Array.of(42), 9, Uint32Array.of(7));
    expect([staged.hash(100), staged.content(100), staged.position(100)]).toEqual([42, 9, 7]);
  });
});
