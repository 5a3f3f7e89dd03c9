import { describe, expect, it } from "vitest";
import { lineEndOffset, lineStartOffsets } from "../../src/util/line-starts.js";

describe("line starts and ends", () => {
  it("gives each line's start and the offset of its line break, a trailing newline ending the last line", () => {
    for (const text of ["ab\ncde\n", "ab\ncde", "ab\n\ncde\n", "\n", ""]) {
      const starts = lineStartOffsets(text);
      const lines = starts.map((start, i) => text.slice(start, lineEndOffset(text, starts, i)));
      expect(lines, JSON.stringify(text)).toEqual(text.replace(/\n$/, "").split("\n"));
    }
  });
});
