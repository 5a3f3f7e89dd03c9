import { describe, expect, it } from "vitest";
import { interval95 } from "../../bench/quality/evaluate.js";

// The quality report's 95% interval: how far another draw of as many queries could move a rate.

describe("the quality report's 95% interval", () => {
  it("brackets a rate near 100% inside [0, 100] (Wilson's score interval)", () => {
    // 1,595 of 1,600: the verbatim rate's order; the normal approximation would reach past 100%.
    expect(interval95(1595, 1600)).toBe("99.3–99.9%");
    expect(interval95(1600, 1600)).toBe("99.8–100.0%");
  });

  it("gives none found an upper bound above 0: 0 of 800 negatives is not shown under 0.3%", () => {
    expect(interval95(0, 800)).toBe("0.0–0.5%");
  });

  it("narrows as the queries grow, around the same rate", () => {
    expect(interval95(85, 100)).toBe("76.7–90.7%");
    expect(interval95(1360, 1600)).toBe("83.2–86.7%");
    expect(interval95(0, 0)).toBe("–");
  });
});
