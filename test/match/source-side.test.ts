import { describe, expect, it } from "vitest";
import { sourceSideTokens } from "../../src/match/evidence.js";

const segment = (queryStart: number, queryEnd: number, sourceStart: number, sourceEnd: number) => ({ queryStart, queryEnd, sourceStart, sourceEnd });

describe("the indexed side's matched tokens", () => {
  it("counts each indexed token once where look-alike rows align two query rows with one", () => {
    // Query rows 0–20 and 20–40 both aligned with indexed tokens 100–120, then 120–150.
    expect(sourceSideTokens([segment(0, 20, 100, 120), segment(20, 40, 100, 120), segment(40, 70, 120, 150)])).toBe(50);
    // Overlapping on the indexed side only in part, and out of source order.
    expect(sourceSideTokens([segment(0, 10, 50, 60), segment(10, 30, 5, 25), segment(30, 45, 20, 35)])).toBe(40);
    expect(sourceSideTokens([segment(0, 14, 0, 14)])).toBe(14);
  });
});
