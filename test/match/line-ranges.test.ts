import { describe, expect, it } from "vitest";
import { regroup } from "../../src/match/line-ranges.js";
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
