import { describe, expect, it } from "vitest";
import { StagedFingerprints } from "../../src/index/store.js";

describe("staged fingerprints", () => {
  it("orders rows as SQLite orders the key: signed hash, then content, then position", () => {
    const staged = new StagedFingerprints();
    const rows: [number, number, number][] = [];
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) | 0);
    for (let content = 1; content <= 300; content++) {
      const count = 1 + (Math.abs(random()) % 400);
      // A few hashes repeat across contents (shared code), and both signs occur.
      const hashes = Int32Array.from({ length: count }, (_, i) => (i % 7 === 0 ? (i % 3) - 1 : random()));
      const positions = Uint32Array.from({ length: count }, (_, i) => i * 3);
      staged.append(hashes, content, positions);
      hashes.forEach((h, i) => rows.push([h, content, positions[i]!]));
    }
    expect(staged.length).toBe(rows.length);
    const order = staged.sortedOrder();
    const sorted = Array.from(order, (row) => [staged.hashes[row]!, staged.contents[row]!, staged.positions[row]!]);
    const expected = [...rows].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    expect(sorted).toEqual(expected);
  });

  it("drops the rows of removed contents and truncates back after a failed source", () => {
    const staged = new StagedFingerprints();
    staged.append(Int32Array.of(5, -5), 1, Uint32Array.of(0, 1));
    staged.append(Int32Array.of(9), 2, Uint32Array.of(4));
    staged.append(Int32Array.of(-9, 3), 3, Uint32Array.of(2, 8));
    staged.removeContents(new Set([2]));
    expect(Array.from(staged.contents.subarray(0, staged.length))).toEqual([1, 1, 3, 3]);
    expect(Array.from(staged.hashes.subarray(0, staged.length))).toEqual([5, -5, -9, 3]);
    staged.truncate(2);
    expect(staged.length).toBe(2);
    expect(Array.from(staged.sortedOrder())).toEqual([1, 0]);
  });
});
