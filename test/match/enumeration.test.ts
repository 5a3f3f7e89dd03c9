import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for this test: a file format's field numbers, and another project's error codes.
const FIELDS = ["MAGIC", "VERSION", "FLAGS", "HEADER_SIZE", "ENTRY_COUNT", "INDEX_OFFSET", "DATA_OFFSET", "CHECKSUM", "CREATED_AT", "MODIFIED_AT", "OWNER_ID", "RESERVED"];
const CODES = ["OK", "NOT_FOUND", "TIMED_OUT", "REFUSED", "UNREACHABLE", "BAD_REQUEST", "TOO_LARGE", "UNSUPPORTED", "CONFLICT", "EXPIRED", "THROTTLED", "INTERNAL"];
const table = (prefix: string, names: readonly string[]): string => names.map((name, value) => `${prefix}${name} = ${value}`).join("\n");
const INDEXED = `"""Field numbers of the archive header."""\n\n${table("_FIELD_", FIELDS)}\n\n\ndef field_name(number):\n    return _NAMES.get(number, "unknown")\n`;

let tracker: ReferenceTracker;
beforeAll(async () => {
  tracker = await memoryTrackerForFiles({ "archive/fields.py": INDEXED });
});
afterAll(() => tracker.close());

describe("an enumeration", () => {
  it("is not reported for its counter: other names numbered 0, 1, 2, … are another enumeration", () => {
    const other = `class Status:\n${table("    ", CODES)}\n`;
    expect(tracker.match(other, { language: "python" }).references).toEqual([]);
  });

  it("is reported when its names are copied with it", () => {
    const [reference] = tracker.match(`${table("_FIELD_", FIELDS)}\n`, { language: "python" }).references;
    expect(reference?.path).toBe("archive/fields.py");
    expect(reference!.sourceLines).toEqual([3, 14]);
  });
});
