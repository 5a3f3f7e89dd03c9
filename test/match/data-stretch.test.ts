import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { temporaryDirectory, trackerForFiles } from "../helpers.js";

/** Rows of one shape, `name = '[object Kind]',`: only their strings tell one list from another. */
function tagList(kinds: readonly string[], suffix = "Tag"): string {
  const rows = kinds.map((kind) => `${kind[0]!.toLowerCase()}${kind.slice(1)}${suffix} = '[object ${kind}]'`);
  return `var ${rows.join(",\n    ")};\n`;
}

const BUILT_INS = ["Arguments", "Array", "Boolean", "Date", "Error", "Function", "Map", "Number", "Object", "RegExp", "Set", "String"];
const TYPED = ["ArrayBuffer", "DataView", "Float32Array", "Float64Array", "Int8Array", "Int16Array", "Int32Array", "Uint8Array", "Uint8ClampedArray", "Uint16Array", "Uint32Array"];
const OTHERS = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliett", "Kilo", "Lima", "Mike", "November"];

const workspace = temporaryDirectory();
let tracker: ReferenceTracker;

beforeAll(async () => {
  // The indexed file: a list of built-in tags, then the typed-array tags.
  tracker = await trackerForFiles(workspace.path, { "tags.js": `${tagList(BUILT_INS)}\n${tagList(TYPED)}\nmodule.exports = { argsTag, uint32Tag };\n` });
});
afterAll(() => {
  tracker.close();
  workspace.cleanup();
});

describe("a copied list after a look-alike list", () => {
  it("is reported at its own lines, though its rows align on their shape from the look-alike list's first row", () => {
    // A list of other strings (as many rows and more), then the typed-array list verbatim.
    const query = `${tagList(OTHERS, "Kind")}\n${tagList(TYPED)}`;
    const typedFirst = query.split("\n").findIndex((line) => line.includes("arrayBufferTag")) + 1;
    const typedLast = typedFirst + TYPED.length - 1;
    const { references } = tracker.match(query, { language: "javascript" });
    const copy = references.find((r) => r.path === "tags.js" && r.queryLines[0] <= typedLast && r.queryLines[1] >= typedFirst);
    expect(copy, JSON.stringify(references.map((r) => [r.path, r.queryLines, r.sourceLines]))).toBeDefined();
    // The look-alike rows are not part of what is reported.
    expect(copy!.queryLines[0]).toBeGreaterThanOrEqual(typedFirst);
    expect(copy!.sourceLines[0]).toBeGreaterThan(BUILT_INS.length);
  });

  it("is not reported where the strings differ throughout", () => {
    const query = `${tagList(OTHERS, "Kind")}\n${tagList(TYPED.map((kind) => `${kind}View`))}`;
    expect(tracker.match(query, { language: "javascript" }).references).toEqual([]);
  });
});
