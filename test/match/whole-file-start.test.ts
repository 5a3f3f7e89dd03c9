import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileOutcome } from "../../src/cli/scan-file.js";
import { scanPaths } from "../../src/cli/scan.js";
import type { ReferenceTracker } from "../../src/tracker.js";
import { temporaryDirectory } from "../helpers.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for this test: a scheduler's code, which the module below quotes in its docstring.
const SCHEDULER = `import heapq


class Scheduler:
    def __init__(self, clock):
        self.clock = clock
        self.queue = []
        self.sequence = 0

    def call_later(self, delay, callback, *args):
        self.sequence += 1
        entry = (self.clock() + delay, self.sequence, callback, args)
        heapq.heappush(self.queue, entry)
        return entry

    def cancel(self, entry):
        self.queue.remove(entry)
        heapq.heapify(self.queue)

    def run_due(self):
        now = self.clock()
        while self.queue and self.queue[0][0] <= now:
            when, sequence, callback, args = heapq.heappop(self.queue)
            callback(*args)
        return len(self.queue)
`;

// Written for this test: a retry helper, which the module below copies as its code.
const RETRY = `import time


def retry(operation, attempts=3, delay=0.5, backoff=2.0, errors=(OSError,)):
    wait = delay
    for attempt in range(1, attempts + 1):
        try:
            return operation()
        except errors as error:
            if attempt == attempts:
                raise
            time.sleep(wait)
            wait = min(wait * backoff, 30.0)
            last = error
    raise RuntimeError("unreachable") from last
`;

// A whole module: its docstring (opening on the first line) shows the scheduler's code as an
// example; its code is the retry helper. Its delimiters alone cannot tell a whole file from a
// fragment cut inside a docstring, whose second quotes would open the string the code is in.
const MODULE = `"""Timers for the worker.

The worker schedules its timers as the scheduler does:

${SCHEDULER.slice(SCHEDULER.indexOf("class Scheduler"))
  .trimEnd()
  .split("\n")
  .map((line) => (line === "" ? "" : `    ${line}`))
  .join("\n")}
"""
${RETRY}`;

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
