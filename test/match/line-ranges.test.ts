import { describe, expect, it } from "vitest";
import { outermostPerContent, regroup } from "../../src/match/line-ranges.js";
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

describe("grouping matches that share one line", () => {
  const on = (contentId: number, line: number, offsets: [number, number]): Match =>
    ({ contentId, queryLines: [line, line], sourceLines: [1, 1], group: 0, queryOffsets: offsets }) as unknown as Match;

  it("groups them by their characters: twelve libraries on a minified line are twelve groups, none cut by maxPerGroup", () => {
    const libraries = Array.from({ length: 12 }, (_, i) => on(i + 1, 1, [i * 1000, i * 1000 + 900]));
    const grouped = regroup(libraries, 10, true);
    expect(grouped).toHaveLength(12);
    expect(grouped.map((m) => m.group)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // Two origins of one library's stretch still share a group; a match on several lines is grouped by lines.
    expect(regroup([on(1, 1, [0, 900]), on(2, 1, [10, 880]), { ...on(3, 1, [0, 900]), queryLines: [1, 2] } as Match], 10).map((m) => m.group)).toEqual([1, 1, 1]);
  });
});

describe("a content's matches within another's lines", () => {
  const at = (contentId: number, query: [number, number], source: [number, number], group: number, matchedTokens: number): Match =>
    ({ contentId, queryLines: query, sourceLines: source, group, matchedTokens }) as unknown as Match;

  it("are left out, and groups left empty closed up", () => {
    // Regions of one minified line: content 1 three times on line 2 (groups 1 and 2), content 2 once.
    const matches = [at(1, [2, 2], [1, 1], 1, 900), at(2, [2, 2], [1, 1], 1, 800), at(1, [2, 2], [1, 1], 2, 130), at(1, [2, 2], [1, 1], 3, 90), at(2, [5, 5], [4, 4], 4, 70)];
    expect(outermostPerContent(matches).map((m) => [m.contentId, m.matchedTokens, m.group])).toEqual([
      [1, 900, 1],
      [2, 800, 1],
      [2, 70, 2],
    ]);
  });

  it("give way to the one around them whichever ranks first; one within on a single side stays", () => {
    // An older build of a two-line file: its second line matched alone and with the first.
    const matches = [at(1, [2, 2], [2, 2], 1, 6603), at(1, [1, 2], [1, 2], 1, 6565), at(1, [2, 2], [3, 3], 1, 50)];
    expect(outermostPerContent(matches).map((m) => m.matchedTokens)).toEqual([6565, 50]);
  });

  it("widen the columns of the one around them: on a minified line, the content spans both", () => {
    const matches = [
      { ...at(1, [2, 2], [1, 1], 1, 900), queryOffsets: [5000, 9000] as const },
      { ...at(1, [2, 2], [1, 1], 2, 130), queryOffsets: [12000, 12600] as const },
      { ...at(2, [2, 2], [1, 1], 2, 120), queryOffsets: [20000, 20500] as const },
    ];
    expect(outermostPerContent(matches).map((m) => [m.contentId, m.queryOffsets])).toEqual([
      [1, [5000, 12600]],
      [2, [20000, 20500]],
    ]);
  });

  it("leave every other match as it is, the same array when none lies within another", () => {
    const matches = [at(1, [2, 2], [1, 1], 1, 900), at(1, [3, 3], [1, 1], 1, 500), at(1, [2, 2], [2, 2], 2, 100), at(2, [2, 2], [1, 1], 2, 100)];
    expect(outermostPerContent(matches)).toBe(matches);
  });
});
