import { describe, expect, it } from "vitest";
import { SecondUseCache } from "../../src/util/second-use-cache.js";

describe("second-use cache", () => {
  it("keeps a value only when its key is offered a second time", () => {
    const cache = new SecondUseCache<number, string>(4);
    cache.offer(1, "one");
    expect(cache.get(1)).toBeUndefined();
    expect(cache.size).toBe(0);
    cache.offer(1, "one again");
    expect(cache.get(1)).toBe("one again");
    expect(cache.size).toBe(1);
  });

  it("forgets keys seen once beyond its capacity, so a rare key never gets in", () => {
    const cache = new SecondUseCache<number, number>(2);
    cache.offer(1, 1);
    cache.offer(2, 2);
    cache.offer(3, 3); // 1 is forgotten
    cache.offer(1, 1);
    expect(cache.get(1)).toBeUndefined();
    cache.offer(3, 3);
    expect(cache.get(3)).toBe(3);
  });

  it("holds at most its capacity of kept values, dropping the least recently used", () => {
    const cache = new SecondUseCache<number, number>(2);
    for (const key of [1, 2, 3]) {
      cache.offer(key, key);
      cache.offer(key, key);
    }
    expect(cache.size).toBe(2);
    expect([cache.get(1), cache.get(2), cache.get(3)]).toEqual([undefined, 2, 3]);
  });

  it("forgets both what it kept and what it saw when cleared", () => {
    const cache = new SecondUseCache<number, number>(2);
    cache.offer(1, 1);
    cache.offer(1, 1);
    cache.offer(2, 2);
    cache.clear();
    expect(cache.get(1)).toBeUndefined();
    cache.offer(2, 2);
    expect(cache.get(2)).toBeUndefined();
  });
});
