import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for this test: object-mapping code, the shape every DTO conversion has.
const INDEXED = `export function describeFields(fields) {
  return mapValues(fields, (field) => ({
    description: field.description,
    type: field.type,
    args: convertArguments(field.args),
    resolve: field.resolve,
    subscribe: field.subscribe,
    deprecationReason: field.deprecationReason,
    extensions: field.extensions,
    astNode: field.astNode,
  }));
}
`;

// Original code of the same kind: other keys, other members, one variable mapped.
const ORIGINAL = `function toReport(result, ledger) {
  const totals = ledger.totals(result.id);
  return {
    origin: result.origin,
    explanation: {
      basis: summary.basis,
      textChars: summary.textChars,
      seeds: summary.seeds,
      meanFrequency: summary.meanFrequency,
      matchedChars: summary.matchedChars,
      sourceChars: summary.sourceChars,
      queryShare: summary.queryShare,
      sourceShare: round3(result.tokens / Math.max(1, ledger.tokensOf(result.id))),
      distinctShare: summary.distinctShare,
      consistency: summary.consistency,
      repeats: summary.repeats,
      sameNames: summary.sameNames,
    },
  };
}
`;

let tracker: ReferenceTracker;
beforeAll(async () => {
  tracker = await memoryTrackerForFiles({ "schema/fields.js": INDEXED });
});
afterAll(() => tracker.close());

describe("mapping code", () => {
  it("is not reported for its shape: rows of `key: x.key` around one renamed variable, found by 3 fingerprints", () => {
    expect(tracker.match(ORIGINAL, { language: "javascript" }).references).toEqual([]);
  });

  it("is not reported when only the variable it maps is the same: one name, however often it recurs, is the shape's variable", () => {
    const keptVariable = ORIGINAL.replace(/summary\.(\w+)/g, "field.$1");
    expect(tracker.match(keptVariable, { language: "javascript" }).references).toEqual([]);
  });

  it("is reported when the rows are copied, with the lines on both sides", () => {
    const rows = INDEXED.split("\n").slice(1, 11).map((line) => `  ${line}`);
    rows[0] = rows[0]!.replace("return ", "explanation: ");
    rows[9] = rows[9]!.replace("}));", "})),");
    const start = ORIGINAL.indexOf("    explanation: {");
    const end = ORIGINAL.indexOf("    },\n") + "    },\n".length;
    const copied = ORIGINAL.slice(0, start) + rows.join("\n") + "\n" + ORIGINAL.slice(end);
    const [reference] = tracker.match(copied, { language: "javascript" }).references;
    expect(reference?.path).toBe("schema/fields.js");
    expect(reference!.queryLines).toEqual([5, 15]);
    expect(reference!.sourceLines).toEqual([2, 12]);
  });
});
