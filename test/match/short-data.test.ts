import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for this test: a long table of tags, and code around it.
const KINDS = ["Archive", "Bitmap", "Calendar", "Document", "Envelope", "Folder", "Gallery", "Headline", "Invoice", "Journal", "Keyboard", "Ledger", "Mailbox", "Notebook", "Outline", "Palette"];
// Its keys are member names, which carry no text: the table's only texts are its strings.
const TAGS_JS = `/** The tags a record's kind is known by. */
var tags = {
    ${KINDS.map((kind) => `${kind.toLowerCase()}: '[record ${kind}]'`).join(",\n    ")}
};

function tagOf(record) {
  return record == null ? tags.empty : '[record ' + record.kind + ']';
}

module.exports = tagOf;
`;

let tracker: ReferenceTracker;
beforeAll(async () => {
  tracker = await memoryTrackerForFiles({ "records/tags.js": TAGS_JS });
});
afterAll(() => tracker.close());

const lines = TAGS_JS.split("\n");
const rows = (first: number, last: number, edit: (line: string) => string = (line) => line): string => `${lines.slice(first - 1, last).map(edit).join("\n")}\n`;

describe("a short copied table", () => {
  it("is found on one seed when its data is the very same", () => {
    const [reference] = tracker.match(rows(9, 15), { language: "javascript" }).references;
    expect(reference?.path).toBe("records/tags.js");
    expect(reference!.explanation.seedFingerprints).toBe(1);
    expect(reference!.explanation.sameLiteralShare).toBe(1);
    expect(reference!.sourceLines).toEqual([9, 15]);
  });

  it("is not found on one seed with other data in the same shape", () => {
    const other = rows(6, 13, (line) => line.replace(/\[record (\w+)\]/, (_, kind: string) => `[entry ${kind.split("").reverse().join("")}]`));
    expect(tracker.match(other, { language: "javascript" }).references).toEqual([]);
  });
});
