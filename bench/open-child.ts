/**
 * Measures opening an index and answering a first query, in a process that has done nothing else;
 * then how long after the start the index's statistics were read (on a thread of their own for a
 * large index, while the first query is answered without them).
 */
import { ReferenceTracker } from "../src/tracker.js";

const [db, code, language] = process.argv.slice(2);
if (!db || code === undefined || !language) throw new Error("usage: open-child <db> <code> <language>");
const started = performance.now();
const tracker = await ReferenceTracker.open(db);
const opened = performance.now();
const result = tracker.match(code, { language: language as "python" });
const answered = performance.now();
await tracker.statisticsLoaded();
const statisticsMs = performance.now() - started;
tracker.close();
process.stdout.write(
  JSON.stringify({ openMs: opened - started, firstQueryMs: answered - opened, totalMs: answered - started, statisticsMs, references: result.references.length }),
);
