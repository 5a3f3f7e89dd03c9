import { describe, expect, it } from "vitest";
import { IntCounts } from "../../src/util/int-counts.js";
import { seededUint32s } from "../helpers.js";

describe("a count per integer key", () => {
  it("keeps what a Map keeps, past the keys it was sized for and with key 0", () => {
    const next = seededUint32s(5);
    for (const [expected, keys, spread] of [
      [0, 50, 10],
      [10, 10, 1000],
      [100, 3000, 1 << 24],
      [4, 200, 64],
    ] as const) {
      const counts = new IntCounts(expected);
      const map = new Map<number, number>();
      for (let i = 0; i < keys * 3; i++) {
        const key = next() % spread;
        const delta = 1 + (next() % 5);
        counts.add(key, delta);
        map.set(key, (map.get(key) ?? 0) + delta);
        if (i % 7 === 0) {
          counts.set(key, 0);
          map.set(key, 0);
        }
      }
      expect(counts.size).toBe(map.size);
      for (const [key, value] of map) expect(counts.get(key)).toBe(value);
      const seen = new Map<number, number>();
      counts.forEach((value, key) => seen.set(key, value));
      expect(seen).toEqual(map);
      // A key never set has no value (not 0).
      expect(counts.get(spread + 1)).toBeUndefined();
    }
  });
});
