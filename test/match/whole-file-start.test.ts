import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileOutcome } from "../../src/cli/scan-file.js";
import { scanPaths } from "../../src/cli/scan.js";
import type { ReferenceTracker } from "../../src/tracker.js";
import { temporaryDirectory } from "../helpers.js";
import { MODULE, RETRY, SCHEDULER } from "../support/docstring-module.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

let tracker: ReferenceTracker;
beforeAll(async () => {
  tracker = await memoryTrackerForFiles({ "timers/scheduler.py": SCHEDULER, "net/retry.py": RETRY });
});
afterAll(() => tracker.close());

describe("a whole file", () => {
  it("is read from its start: its docstring is prose and its code is code", () => {
    const { references } = tracker.match(MODULE, { language: "python", whole: true });
    const retry = references.find((reference) => reference.path === "net/retry.py");
    expect(retry?.queryLines).toEqual([31, 42]);
    expect(retry!.explanation.basis).toBe("code");
    // The docstring's example is prose in a whole file, not code.
    expect(references.some((reference) => reference.path === "timers/scheduler.py" && reference.explanation.basis === "code")).toBe(false);
  });

  it("read as a fragment, may be read from inside a docstring, which makes its code a string", () => {
    // What the same text gives as a suggestion: the reading with more evidence wins, here the
    // example read as code (the longer copy), the code after the closing quotes then a string.
    const { references } = tracker.match(MODULE, { language: "python" });
    expect(references.some((reference) => reference.path === "timers/scheduler.py" && reference.explanation.basis === "code")).toBe(true);
    expect(references.some((reference) => reference.path === "net/retry.py" && reference.explanation.basis === "code")).toBe(false);
  });

  it("says so with a boolean or not at all", () => {
    expect(() => tracker.match(MODULE, { language: "python", whole: "yes" as unknown as boolean })).toThrow("whole must be true or false, got yes");
  });
});

describe("a scan", () => {
  const codeReferences = (references: readonly { path: string; explanation: { basis: string } }[]): string[] =>
    references.filter((reference) => reference.explanation.basis === "code").map((reference) => reference.path);

  it("matches a file as a whole file", async () => {
    const dir = temporaryDirectory();
    try {
      const file = join(dir.path, "timers.py");
      writeFileSync(file, MODULE);
      const report = await scanPaths(tracker, [file]);
      expect(codeReferences(report.results[0]!.references)).toEqual(["net/retry.py"]);
    } finally {
      dir.cleanup();
    }
  });

  it("matches what standard input holds as a fragment, which a suggestion piped in may be", () => {
    const read = () => ({ ok: true as const, text: MODULE });
    const piped = fileOutcome(tracker, read, "python", undefined, false, false, false);
    expect(piped.kind === "matched" && codeReferences(piped.references)).toEqual(["timers/scheduler.py"]);
  });
});
