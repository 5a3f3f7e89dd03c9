import { describe, expect, it } from "vitest";
import { countSkipReasons, describeSkipCounts, skipWorthALine } from "../../src/cli/skip-counts.js";

describe("skip counts", () => {
  it("counts skipped files by reason and lists the most common first, ties by name", () => {
    const counts = countSkipReasons([{ reason: "empty" }, { reason: "minified" }, { reason: "empty" }, { reason: "binary" }]);
    expect(counts).toEqual({ empty: 2, minified: 1, binary: 1 });
    expect(describeSkipCounts(counts)).toBe("2 empty, 1 binary, 1 minified");
    expect(describeSkipCounts({ empty: 0, binary: undefined })).toBe("");
  });

  it("gives an empty file found in a folder no line of its own, any other skip one", () => {
    expect(skipWorthALine("empty", false)).toBe(false);
    expect(skipWorthALine("empty", true)).toBe(true);
    expect(skipWorthALine("binary", false)).toBe(true);
    expect(skipWorthALine("too-large", false)).toBe(true);
  });
});
