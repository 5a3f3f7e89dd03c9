/** Brings a cached benchmark index's statistics (filter, common fingerprints) up to date. */
import { DEFAULT_FINGERPRINT_PARAMETERS } from "../src/options.js";
import { currentIndexParameters } from "../src/store/parameters.js";
import { IndexWriter } from "../src/store/writer.js";

const [db] = process.argv.slice(2);
if (!db) throw new Error("usage: refresh-child <db>");
const writer = IndexWriter.open(db, currentIndexParameters(DEFAULT_FINGERPRINT_PARAMETERS));
const started = performance.now();
const stale = !writer.statisticsAreCurrent();
if (stale) writer.rebuildStatistics();
writer.close();
process.stdout.write(JSON.stringify({ rebuilt: stale, seconds: (performance.now() - started) / 1000 }));
