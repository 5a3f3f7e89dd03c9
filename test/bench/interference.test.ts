import { describe, expect, it } from "vitest";
import { PassObserver, measureObserved } from "../../bench/interference.js";

describe("PassObserver", () => {
  it("counts the collections of a timed pass and finds the one in its slowest query", async () => {
    const pass = new PassObserver();
    // A warm-up query is run, not timed.
    pass.query((n: number) => new Array(n).fill(0), 1000);
    pass.begin();
    let kept: unknown[] = [];
    for (let i = 0; i < 200; i++) {
      pass.query((query: number) => {
        // Query 100 allocates enough short-lived objects for several scavenges; the others nothing.
        if (query === 100) for (let j = 0; j < 2_000_000; j++) kept = [j, kept.length];
        return query;
      }, i);
    }
    const found = await pass.end();
    expect(kept.length).toBe(2);
    expect(found.gcPauses).toBeGreaterThan(0);
    expect(found.gcMs).toBeGreaterThan(0);
    expect(found.tailQueries).toBeGreaterThanOrEqual(2);
    expect(found.tailWithGc).toBeGreaterThanOrEqual(1);
    expect(found.majorFaults).toBeGreaterThanOrEqual(0);
  });

  it("reports nothing for a pass without queries", async () => {
    const pass = new PassObserver();
    pass.begin();
    const found = await pass.end();
    expect(found.tailQueries).toBe(0);
    expect(found.tailWithGc).toBe(0);
  });
});

describe("measureObserved", () => {
  it("times each input once after the warm-up, calling beforeTimed once, and observes that pass", async () => {
    const inputs = Array.from({ length: 50 }, (_, i) => i);
    let before = 0;
    let calls = 0;
    const { latency, interference } = await measureObserved("inputs", inputs, () => calls++, () => before++);
    expect(before).toBe(1);
    expect(latency.samples).toBe(50);
    // The warm-up runs too, untimed.
    expect(calls).toBeGreaterThan(50);
    expect(interference.tailQueries).toBeGreaterThanOrEqual(1);
  });
});
