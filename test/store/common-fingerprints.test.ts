import { describe, expect, it } from "vitest";
import { CommonFingerprints } from "../../src/store/common-fingerprints.js";
import { seededUint32s } from "../helpers.js";

describe("the common-fingerprint table in memory", () => {
  it("finds every listed hash with its counts and no other, at the ends of the hash range and between neighbours", () => {
    const next = seededUint32s(7);
    const listed = new Set<number>([0, 1, 0xffff, 0x10000, 0x1ffff, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff]);
    while (listed.size < 5000) listed.add(next());
    // Dense runs inside one directory bucket and across a bucket's edge.
    for (let i = 0; i < 40; i++) listed.add(0x12340000 + i * 3).add(0x1234ffff - i);
    const hashes = Uint32Array.from([...listed].sort((a, b) => a - b));
    const counts = hashes.map((_, i) => 9 + (i % 50));
    const sources = hashes.map((_, i) => 1 + (i % 7));
    const table = new CommonFingerprints(8, hashes, counts, sources);
    for (let i = 0; i < hashes.length; i++) {
      // Hashes come signed from the fingerprinter: both spellings are one hash.
      const signed = hashes[i]! | 0;
      expect(table.contentCount(signed)).toBe(counts[i]);
      expect(table.sourceCount(hashes[i]!)).toBe(sources[i]);
    }
    let absent = 0;
    for (let i = 0; i < 20000; i++) {
      const hash = next();
      if (listed.has(hash)) continue;
      absent++;
      expect(table.contentCount(hash)).toBeUndefined();
    }
    for (const hash of [2, 0xfffd, 0x12340001, 0x1234ffff - 40, 0xfffffffd]) {
      if (!listed.has(hash)) expect(table.contentCount(hash)).toBeUndefined();
    }
    expect(absent).toBeGreaterThan(19000);
  });

  it("answers an empty table", () => {
    const empty = new CommonFingerprints(8, new Uint32Array(0), new Uint32Array(0), new Uint32Array(0));
    expect(empty.contentCount(0)).toBeUndefined();
    expect(empty.sourceCount(-1)).toBeUndefined();
  });
});
