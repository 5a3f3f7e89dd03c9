import { afterAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for this test: two modules of one task library, each opening with a long doc comment.
// `sequence` documents its callback with a paragraph `concurrent` repeats word for word, as a
// project's sibling modules do.
const CALLBACK_PARAGRAPH = ` * @param {Function} [done] - An optional function called once every queued job has settled or
 * one of them has failed. It receives the collected outputs, gathered into a list or a keyed record
 * to match the shape of the jobs that were given. Invoked with (failure, outputs).`;

const SEQUENCE = `import runJobs from './internal/runJobs.js'

/**
 * Runs the jobs of a list one after another, starting each job only after the one before it has
 * reported back. Should a job hand a failure to its continuation, the remaining jobs are skipped and
 * the final continuation hears about that failure straight away, with the outputs gathered so far.
 *
 * A keyed record of jobs works the same way: each entry is started in the record's own key order,
 * and the outputs come back under the same keys, which reads better than counting positions when a
 * workflow has many named steps that depend on each other in a fixed order.
 *
 * @name sequence
 * @param {Array|Object} jobs - The jobs to run, each a function taking a continuation.
${CALLBACK_PARAGRAPH}
 * @returns {Promise} a promise of the outputs, when no continuation is given
 */
export default function sequence (jobs, done) {
    return runJobs(jobs, 1, done)
}
`;

const CONCURRENT = `import runJobs from './internal/runJobs.js'

/**
 * Starts every job of a list at once and waits for all of them to report back, keeping each output
 * in the position of the job that produced it. The first failure is passed on to the continuation
 * immediately; jobs already started keep running, but their outputs are no longer collected at all.
 *
 * @name concurrent
 * @param {Array|Object} jobs - The jobs to start together, each a function taking a continuation.
${CALLBACK_PARAGRAPH}
 * @returns {Promise} a promise of the outputs, when no continuation is given
 */
export default function concurrent (jobs, done) {
    return runJobs(jobs, Infinity, done)
}
`;

/** `sequence` as an ES-module build of the library would ship it: the doc comment whole, other code. */
const QUERY = SEQUENCE.replace("return runJobs(jobs, 1, done)", "return _runJobs(jobs, 1, done)").replace("import runJobs", "import _runJobs");

const referencedPaths = (tracker: ReferenceTracker): string[] =>
  tracker.match(QUERY, { language: "javascript", whole: true }).references.flatMap((reference) => reference.origins.map((origin) => `${origin.source}:${origin.path}`));

describe("a sibling module's paragraph inside a file the query holds whole", () => {
  const trackers: ReferenceTracker[] = [];
  afterAll(() => trackers.forEach((tracker) => tracker.close()));
  const open = async (files: Record<string, string>): Promise<ReferenceTracker> => {
    const tracker = await memoryTrackerForFiles(files, { sourcePerFolder: true });
    trackers.push(tracker);
    return tracker;
  };

  it("names no second origin when the sibling is of the same source", async () => {
    const tracker = await open({ "tasks/sequence.js": SEQUENCE, "tasks/concurrent.js": CONCURRENT });
    expect(referencedPaths(tracker)).toEqual(["tasks:sequence.js"]);
  });

  it("still names another project that carries the paragraph", async () => {
    const tracker = await open({ "tasks/sequence.js": SEQUENCE, "jobs/concurrent.js": CONCURRENT });
    expect(referencedPaths(tracker)).toEqual(["tasks:sequence.js", "jobs:concurrent.js"]);
  });
});
