import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// A short method under a short comment: neither reaches its threshold alone, nor, code, its seeds.
const CLOCK_TS = `import { Clock } from "./clock";

/** The clock the schedulers read: performance.now when the platform has it. */
export const clockSource: ClockSource = {
  now() {
    // Read through the object rather than \`this\`, so the method still works when it is
    // handed around as a bare function, detached from the clock source it belongs to.
    return (clockSource.delegate || performance).now();
  },
  delegate: undefined,
};

export function drift(clock: Clock, base: number): number {
  const measured = clock.now() - base;
  return measured < 0 ? 0 : measured;
}
`;
const copiedClock = CLOCK_TS.split("\n").slice(4, 11).join("\n");

/** A character table in the style of a codec module: its rows described the same way in every table of the project. */
function codecTable(name: string, first: number): string {
  const rows = [
    "NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT", "END OF TRANSMISSION", "ENQUIRY", "ACKNOWLEDGE", "BELL",
    "BACKSPACE", "HORIZONTAL TABULATION", "LINE FEED", "VERTICAL TABULATION", "FORM FEED", "CARRIAGE RETURN",
  ];
  // Each table maps the rows to its own characters; their descriptions are the project's.
  const table = rows.map((label, i) => `    '\\u${(0x100 + first * 64 + i * 3).toString(16).padStart(4, "0")}'  #  0x${i.toString(16).padStart(2, "0").toUpperCase()} -> ${label}`).join("\n");
  return `"""Codec ${name}, generated from ${name}.TXT."""\n\nimport codecs\n\n\nclass Codec${first}(codecs.Codec):\n    def encode(self, text, errors="strict"):\n        return codecs.charmap_encode(text, errors, encoding_${first})\n\n\ndecoding_table = (\n${table}\n)\n`;
}
const tables = (prefix: string, from: number, count: number) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}/cp${900 + from + i}.py`, codecTable(`cp${900 + from + i}`, from + i)]));
const copiedRows = codecTable("cp900", 0).split("\n").slice(12, 24).join("\n");

describe("code and text together", () => {
  let tracker: ReferenceTracker;
  beforeAll(async () => {
    tracker = await memoryTrackerForFiles({ "time/clock-source.ts": CLOCK_TS, "time/other.ts": "export const epoch = 0;\n" });
  });
  afterAll(() => tracker.close());

  it("finds a short method under a short comment, the code's one seed counted with the comment's", () => {
    const [reference, ...rest] = tracker.match(copiedClock, { language: "typescript" }).references;
    expect(rest).toEqual([]);
    expect(reference?.path).toBe("time/clock-source.ts");
    expect(reference!.explanation.basis).toBe("code and text");
    expect(reference!.explanation.matchedChars).toBeLessThan(150);
    expect(reference!.explanation.textChars).toBeLessThan(150);
    expect(reference!.queryLines).toEqual([1, 7]);
  });

  it("does not report either half alone", () => {
    const codeAlone = copiedClock.replace(/\n *\/\/[^\n]*/g, "");
    const commentAlone = copiedClock.split("\n").slice(1, 3).join("\n");
    expect(tracker.match(codeAlone, { language: "typescript" }).references).toEqual([]);
    expect(tracker.match(commentAlone, { language: "typescript" }).references).toEqual([]);
  });
});

// A helper with its doc comment, as a bundle or a long file carries it among other code.
const ENTRY_INDEX_JS = `/**
 * Finds where a key is stored in a list of key-value pairs, searching from the end so that the
 * most recently added pair wins when a key was stored twice; -1 when it is not there at all.
 */
function entryIndex(pairs, key) {
  let at = pairs.length;
  while (at--) {
    if (sameKey(pairs[at][0], key)) return at;
  }
  return -1;
}

module.exports = entryIndex;
`;

/** Original code around `middle`: long enough that a region in it needs more seeds than a snippet's two. */
function longFile(middle: string): string {
  const helper = (i: number) =>
    `function scale${i}(values, factor${i}) {\n  const out${i} = [];\n  for (const v of values) if (v % ${i + 3} !== 0) out${i}.push(v * factor${i} + ${i});\n  return out${i}.length > ${i} ? out${i} : null;\n}\n`;
  const before = Array.from({ length: 30 }, (_, i) => helper(i)).join("\n");
  const after = Array.from({ length: 30 }, (_, i) => helper(i + 30)).join("\n");
  return `${before}\n${middle}\n${after}`;
}

describe("a long file's short copy", () => {
  it("pools the seeds of a function and its doc comment, each short of what a long file needs alone", async () => {
    const tracker = await memoryTrackerForFiles({ "lists/entry-index.js": ENTRY_INDEX_JS, "lists/other.js": "module.exports = [];\n" });
    const copied = ENTRY_INDEX_JS.split("\n").slice(0, 12).join("\n");
    const scanned = longFile(copied);
    const references = tracker.match(scanned, { language: "javascript" }).references;
    const alone = tracker.match(copied, { language: "javascript" }).references;
    tracker.close();
    // As a snippet, each channel's seeds suffice; in the long file, only the two together do.
    expect(alone[0]?.path).toBe("lists/entry-index.js");
    expect(references.map((r) => r.path)).toEqual(["lists/entry-index.js"]);
    expect(references[0]!.explanation.basis).toBe("code and text");
    const firstLine = scanned.split("\n").indexOf("/**") + 1;
    // The comment's words and the function's lines, within the copy.
    const [from, to] = references[0]!.queryLines;
    expect(from).toBeGreaterThanOrEqual(firstLine);
    expect(to).toBeLessThanOrEqual(firstLine + 11);
    expect(to - from).toBeGreaterThanOrEqual(8);
  });
});

describe("a project's repeated text", () => {
  it("names the project when all the files holding it are that project's", async () => {
    const tracker = await memoryTrackerForFiles(tables("codecs", 0, 20), { sourcePerFolder: true });
    const references = tracker.match(copiedRows, { language: "python" }).references;
    tracker.close();
    expect(references.length).toBeGreaterThan(0);
    expect(new Set(references.map((r) => r.source))).toEqual(new Set(["codecs"]));
  });

  it("is boilerplate when another project's files hold it too", async () => {
    const tracker = await memoryTrackerForFiles({ ...tables("codecs", 0, 10), ...tables("charsets", 10, 10) }, { sourcePerFolder: true });
    const references = tracker.match(copiedRows, { language: "python" }).references;
    tracker.close();
    expect(references).toEqual([]);
  });
});
