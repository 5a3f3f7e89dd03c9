import { describe, expect, it } from "vitest";
import { BoundedMap } from "../../src/util/bounded-map.js";

describe("bounded map", () => {
  it("keeps at most its capacity, dropping the least recently used", () => {
    const map = new BoundedMap<string, number>(3);
    map.set("a", 1);
    map.set("b", 2);
    map.set("c", 3);
    expect(map.get("a")).toBe(1); // now b is the least recently used
    map.set("d", 4);
    expect(map.size).toBe(3);
    expect(map.get("b")).toBeUndefined();
    expect([map.get("a"), map.get("c"), map.get("d")]).toEqual([1, 3, 4]);
    map.set("c", 30); // replacing counts as a use and does not grow the map
    map.set("e", 5);
    expect(map.size).toBe(3);
    expect(map.get("a")).toBeUndefined();
    expect([map.get("c"), map.get("d"), map.get("e")]).toEqual([30, 4, 5]);
  });

  it("forgets every entry when cleared, and keeps working", () => {
    const map = new BoundedMap<string, number>(2);
    map.set("a", 1);
    map.set("b", 2);
    map.clear();
    expect(map.size).toBe(0);
    expect(map.get("a")).toBeUndefined();
    map.set("c", 3);
    expect([map.size, map.get("c")]).toEqual([1, 3]);
  });

  it("refuses a capacity below one", () => {
    expect(() => new BoundedMap(0)).toThrow(/capacity must be at least 1/);
    expect(() => new BoundedMap(Number.NaN)).toThrow(/capacity must be at least 1/);
  });
});
