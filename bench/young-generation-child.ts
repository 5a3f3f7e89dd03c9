/**
 * match() latency in a process of its own, started with the V8 flags the parent chose: how the
 * host process's young-generation size moves the single-run tail (the garbage collector's
 * scavenges land in queries). Each query is run once first, as the bench does, then timed once with
 * the index's caches dropped first.
 */
import { readFileSync } from "node:fs";
import type { LanguageName } from "../src/languages/language.js";
import { ReferenceTracker } from "../src/tracker.js";
import { type Interference, measureObserved } from "./interference.js";
import type { Latency } from "./latency.js";

interface QueryFile {
  readonly sets: readonly { readonly name: string; readonly queries: readonly { readonly code: string; readonly language: LanguageName }[] }[];
}

const [db, queriesPath] = process.argv.slice(2);
if (!db || !queriesPath) throw new Error("usage: young-generation-child <db> <queries.json>");
const { sets } = JSON.parse(readFileSync(queriesPath, "utf8")) as QueryFile;
const tracker = await ReferenceTracker.open(db);
await tracker.statisticsLoaded();
const latencies: Record<string, Latency> = {};
const interference: Record<string, Interference> = {};
for (const set of sets) {
  const run = (q: { code: string; language: LanguageName }): unknown => tracker.match(q.code, { language: q.language });
  for (const query of set.queries) run(query);
  const observed = await measureObserved(set.name, set.queries, run, () => tracker.dropCaches());
  latencies[set.name] = observed.latency;
  interference[set.name] = observed.interference;
}
tracker.close();
process.stdout.write(JSON.stringify({ latencies, interference, rssBytes: process.memoryUsage().rss }));
