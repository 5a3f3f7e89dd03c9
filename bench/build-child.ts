/** Builds one index in a fresh process, so peak RSS and time belong to this build alone. */
import { buildIndex } from "../src/indexing/build.js";

const [db, manifest, threads] = process.argv.slice(2);
if (!db || !manifest) throw new Error("usage: build-child <db> <manifest> [threads]");
const summary = await buildIndex(db, manifest, threads ? { threads: Number(threads) } : {});
process.stdout.write(
  JSON.stringify({
    seconds: summary.seconds,
    sourceBytes: summary.sourceBytes,
    files: summary.filesIndexed,
    fingerprints: summary.index.fingerprints,
    indexBytes: summary.index.bytes,
    threads: summary.threads,
    skipped: summary.skipped,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  }),
);
