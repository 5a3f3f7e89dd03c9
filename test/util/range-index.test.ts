import { describe, expect, it } from "vitest";
import { RangeIndex } from "../../src/util/range-index.js";

describe("RangeIndex", () => {
  it("finds the first-added overlapping range the predicate accepts, as a scan in order would", () => {
    const ranges: [number, number][] = [];
    const index = new RangeIndex();
    // Ranges of every length, near and far apart, some spanning many buckets.
    let seed = 7;
    const next = (bound: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % bound;
    };
    for (let i = 0; i < 400; i++) {
      const start = next(20_000);
      const range: [number, number] = [start, start + (i % 10 === 0 ? next(5_000) : next(300))];
      ranges.push(range);
      expect(index.add(range)).toBe(i);
    }
    const longerHalf = (a: readonly [number, number], b: readonly [number, number]): boolean =>
      Math.min(a[1], b[1]) - Math.max(a[0], b[0]) + 1 > 0.5 * Math.max(a[1] - a[0], b[1] - b[0]);
    for (let q = 0; q < 500; q++) {
      const start = next(21_000);
      const probe: [number, number] = [start, start + next(q % 7 === 0 ? 4_000 : 200)];
      const overlaps = (r: readonly [number, number]): boolean => r[0] <= probe[1] && probe[0] <= r[1];
      expect(index.first(probe, () => true)).toBe(ranges.findIndex(overlaps));
      expect(index.first(probe, (r) => longerHalf(r, probe))).toBe(ranges.findIndex((r) => overlaps(r) && longerHalf(r, probe)));
      // Every accepted overlapping range once, however many buckets it spans.
      const wide = (r: readonly [number, number]): boolean => r[1] - r[0] > 100;
      expect(new Set(index.overlapping(probe, wide))).toEqual(new Set(ranges.filter((r) => overlaps(r) && wide(r))));
      expect(index.overlapping(probe, wide)).toHaveLength(ranges.filter((r) => overlaps(r) && wide(r)).length);
    }
  });

  it("finds nothing where nothing is stored", () => {
    const index = new RangeIndex();
    index.add([10, 20]);
    expect(index.first([21, 400], () => true)).toBe(-1);
    expect(index.first([0, 9], () => true)).toBe(-1);
    expect(index.first([20, 20], () => true)).toBe(0);
    expect(index.overlapping([21, 400], () => true)).toEqual([]);
    expect(new RangeIndex().overlapping([0, 400], () => true)).toEqual([]);
    expect(new RangeIndex().size).toBe(0);
    expect(index.size).toBe(1);
  });
});
