import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { temporaryDirectory, trackerForFiles } from "../helpers.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for these tests: a code page's table, each row annotated with the name of its character,
// and another project's table of the same characters in the same order, rows of its own shape.
const LETTERS = [
  "ALPHA", "BETA", "GAMMA", "DELTA", "EPSILON", "ZETA", "ETA", "THETA",
  "IOTA", "KAPPA", "LAMDA", "MU", "NU", "XI", "OMICRON", "PI",
];
const hex = (n: number, width: number): string => `0x${n.toString(16).padStart(width, "0")}`;

const INDEXED_TABLE = `"""Byte values of a Greek code page and the characters they stand for."""

decoding_map = {
${LETTERS.map((name, i) => `    ${hex(0x80 + i, 4)}: ${hex(0x391 + i, 4)},  # GREEK CAPITAL LETTER ${name}`).join("\n")}
}
`;

// Another standard's table: its own byte values, a pair per character, the same names.
const OTHER_TABLE = `"""The Greek set of a cataloguing standard, as Unicode code points and combining flags."""

GREEK_SET = {
${LETTERS.map((name, i) => `    ${hex(0x41 + i, 2)}: (${hex(0x391 + i, 3)}, 0),  # GREEK CAPITAL LETTER ${name}`).join("\n")}
}
`;

// Another code page of the same shape: the same characters at its own byte values.
const OTHER_PAGE = `"""Byte values of another Greek code page."""

decoding_table = {
${LETTERS.map((name, i) => `    ${hex(0xc1 + i, 4)}: ${hex(0x391 + i, 4)},  # GREEK CAPITAL LETTER ${name}`).join("\n")}
}
`;

// The names alone, a file of comments and no code: an indexed file whose prose has no rows beside it.
const NAMES_ONLY = `# The Greek capitals, in code point order.\n${LETTERS.map((name) => `# GREEK CAPITAL LETTER ${name}`).join("\n")}\n`;

// The indexed table renamed and reformatted: its rows keep their tokens.
const RENAMED_COPY = INDEXED_TABLE.replace("decoding_map", "BYTE_TO_CHAR").replaceAll(",  #", ",    #");

let tracker: ReferenceTracker;
beforeAll(async () => {
  tracker = await memoryTrackerForFiles({ "codecs/greek.py": INDEXED_TABLE });
});
afterAll(() => tracker.close());

describe("annotated rows", () => {
  it("does not report another table of the same characters by the names its rows are annotated with", () => {
    expect(tracker.match(OTHER_TABLE, { language: "python" }).references).toEqual([]);
  });

  it("does not report another code page of the same shape, the same characters at its own byte values", () => {
    expect(tracker.match(OTHER_PAGE, { language: "python" }).references).toEqual([]);
  });

  it("reports the table copied, verbatim or renamed", () => {
    for (const copy of [INDEXED_TABLE, RENAMED_COPY]) {
      const [reference] = tracker.match(copy, { language: "python" }).references;
      expect(reference?.path).toBe("codecs/greek.py");
    }
  });

  it("does not report it by an indexed file of the names alone, which has no code to compare its rows with", async () => {
    // A SQLite index: a file of prose alone is stored with no code chunk at all.
    const dir = temporaryDirectory();
    const names = await trackerForFiles(dir.path, { "docs/greek_names.py": NAMES_ONLY });
    try {
      expect(names.match(OTHER_TABLE, { language: "python" }).references).toEqual([]);
    } finally {
      names.close();
      dir.cleanup();
    }
  });
});
