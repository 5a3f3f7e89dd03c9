import { describe, expect, it } from "vitest";
import { joinOverlapping, regroup } from "../../src/match/line-ranges.js";
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

describe("a content's matches overlapping on both sides", () => {
  const at = (contentId: number, query: [number, number], source: [number, number], group: number, matchedTokens: number, textChars = 0): Match =>
    ({
      contentId,
      queryLines: query,
      sourceLines: source,
      group,
      matchedTokens,
      evidence: { basis: textChars > 0 ? "code and text" : "code", textChars, matchedChars: matchedTokens * 3, sourceMatchedChars: matchedTokens * 3 },
    }) as unknown as Match;

  it("within another's lines are left out, and groups left empty closed up", () => {
    // Regions of one minified line: content 1 three times on line 2 (groups 1 and 2), content 2 once.
    const matches = [at(1, [2, 2], [1, 1], 1, 900), at(2, [2, 2], [1, 1], 1, 800), at(1, [2, 2], [1, 1], 2, 130), at(1, [2, 2], [1, 1], 3, 90), at(2, [5, 5], [4, 4], 4, 70)];
    expect(joinOverlapping(matches, 0).map((m) => [m.contentId, m.matchedTokens, m.group])).toEqual([
      [1, 900, 1],
      [2, 800, 1],
      [2, 70, 2],
    ]);
  });

  it("give way to the one around them whichever ranks first; one within on a single side stays", () => {
    // An older build of a two-line file: its second line matched alone and with the first.
    const matches = [at(1, [2, 2], [2, 2], 1, 6603), at(1, [1, 2], [1, 2], 1, 6565), at(1, [2, 2], [3, 3], 1, 50)];
    expect(joinOverlapping(matches, 0).map((m) => m.matchedTokens)).toEqual([6565, 50]);
  });

  it("widen the columns of the one around them: on a minified line, the content spans both", () => {
    const matches = [
      { ...at(1, [2, 2], [1, 1], 1, 900), queryOffsets: [5000, 9000] as const },
      { ...at(1, [2, 2], [1, 1], 2, 130), queryOffsets: [12000, 12600] as const },
      { ...at(2, [2, 2], [1, 1], 2, 120), queryOffsets: [20000, 20500] as const },
    ];
    expect(joinOverlapping(matches, 0).map((m) => [m.contentId, m.queryOffsets])).toEqual([
      [1, [5000, 12600]],
      [2, [20000, 20500]],
    ]);
  });

  it("leave every other match as it is, the same array when none overlaps another on both sides", () => {
    const matches = [at(1, [2, 2], [1, 1], 1, 900), at(1, [3, 3], [1, 1], 1, 500), at(1, [2, 2], [2, 2], 2, 100), at(2, [2, 2], [1, 1], 2, 100)];
    expect(joinOverlapping(matches, 0)).toBe(matches);
  });

  it("that only overlap are one match over both, with the larger's figures and the prose either rests on", () => {
    // One copy as two chains: a long one joined with its doc comments, and a denser one starting two lines earlier.
    const long = at(1, [5, 577], [3, 554], 1, 1119, 3131);
    const dense = at(1, [3, 280], [1, 277], 2, 1162);
    const elsewhere = at(1, [600, 640], [3, 40], 3, 90);
    const [joined, other] = joinOverlapping([long, dense, elsewhere], 0);
    expect([joined!.queryLines, joined!.sourceLines, joined!.matchedTokens, joined!.group]).toEqual([[3, 577], [1, 554], 1162, 1]);
    expect(joined!.evidence).toMatchObject({ basis: "code and text", textChars: 3131, matchedChars: 1162 * 3 });
    // The same lines of the content again, elsewhere in the query: another copy, kept apart.
    expect([other!.queryLines, other!.group]).toEqual([[600, 640], 2]);
  });

  it("take the figures of the part around the others, the largest of two on the same lines, whatever lies within", () => {
    const joined = joinOverlapping([at(1, [1, 10], [1, 10], 1, 90), at(1, [1, 10], [1, 10], 1, 100), at(1, [3, 5], [3, 5], 2, 120)], 0);
    expect(joined.map((m) => [m.queryLines, m.matchedTokens, m.group])).toEqual([[[1, 10], 100, 1]]);
  });

  it("join through a third that overlaps both, and not across lines that are only adjacent", () => {
    const joined = joinOverlapping([at(1, [1, 10], [1, 10], 1, 40), at(1, [20, 30], [20, 30], 2, 50), at(1, [8, 22], [8, 22], 3, 30), at(1, [31, 40], [31, 40], 4, 20)], 0);
    expect(joined.map((m) => [m.queryLines, m.matchedTokens])).toEqual([
      [[1, 30], 50],
      [[31, 40], 20],
    ]);
    expect(joinOverlapping([at(1, [1, 10], [1, 10], 1, 40), at(1, [11, 20], [11, 20], 2, 50)], 1).map((m) => m.queryLines)).toEqual([[1, 20]]);
  });
});
