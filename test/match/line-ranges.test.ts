import { describe, expect, it } from "vitest";
import { oncePerLines, regroup } from "../../src/match/line-ranges.js";
import type { Match } from "../../src/match/types.js";

function match(contentId: number, from: number, to: number): Match {
  return { contentId, queryLines: [from, to], sourceLines: [from, to], group: 0 } as unknown as Match;
}

describe("grouping matches by query lines", () => {
  const outer = match(1, 1, 200);
  const inner = [match(2, 10, 20), match(3, 50, 60), match(4, 52, 60)];

  it("puts a match inside a longer one in its group (half of the shorter range shared)", () => {
    expect(regroup([outer, ...inner], 10).map((m) => m.group)).toEqual([1, 1, 1, 1]);
  });

  it("by the longer range, gives each inner stretch a group, shared by matches of that stretch", () => {
    expect(regroup([outer, ...inner], 10, true).map((m) => m.group)).toEqual([1, 2, 3, 3]);
  });

  it("keeps at most maxPerGroup matches in a group", () => {
    expect(regroup([outer, ...inner], 2)).toHaveLength(2);
  });
});

describe("matches on the very same lines", () => {
  const at = (contentId: number, query: number, source: number, group: number, matchedTokens: number): Match =>
    ({ contentId, queryLines: [query, query], sourceLines: [source, source], group, matchedTokens }) as unknown as Match;

  it("are one reference per content, the best-ranked kept, and groups left empty closed up", () => {
    // Regions of one minified line: content 1 three times on line 2 (groups 1 and 2), content 2 once.
    const matches = [at(1, 2, 1, 1, 900), at(2, 2, 1, 1, 800), at(1, 2, 1, 2, 130), at(1, 2, 1, 3, 90), at(2, 5, 4, 4, 70)];
    const once = oncePerLines(matches);
    expect(once.map((m) => [m.contentId, m.matchedTokens, m.group])).toEqual([
      [1, 900, 1],
      [2, 800, 1],
      [2, 70, 2],
    ]);
  });

  it("leave matches on other lines as they are, the same array when nothing repeats", () => {
    const matches = [at(1, 2, 1, 1, 900), at(1, 3, 1, 1, 500), at(1, 2, 2, 2, 100)];
    expect(oncePerLines(matches)).toBe(matches);
  });
});
