/**
 * `node dist/bench/compare-builds.js <db> <queries.json> <distA> <distB> [rounds]`: two compiled
 * builds of reftrack (e.g. before and after a change) on the same queries, in one process,
 * interleaved query by query (which build goes first alternates), so the machine's drift and
 * page cache treat both alike. Reports each build's single-run p50/p99 and each query's fastest
 * of `rounds`, and counts queries whose results differ (a refactoring must have none). The queries
 * file is the speed bench's (bench/.cache/young-generation-queries.json).
 */
import { readFileSync } from "node:fs";
import type { LanguageName } from "../src/languages/language.js";
import { openBuild } from "./build-tracker.js";
import { quantile } from "./latency.js";

interface QueryFile {
  readonly sets: readonly { readonly name: string; readonly queries: readonly { readonly code: string; readonly language: LanguageName }[] }[];
}

const [db, queriesPath, distA, distB, roundsArg] = process.argv.slice(2);
if (!db || !queriesPath || !distA || !distB) throw new Error("usage: compare-builds <db> <queries.json> <distA> <distB> [rounds]");
const rounds = Number(roundsArg ?? 5);


const { sets } = JSON.parse(readFileSync(queriesPath, "utf8")) as QueryFile;
const trackers = [await openBuild(distA, db), await openBuild(distB, db)];
const rows: string[] = [];
let differing = 0;
for (const set of sets) {
  const single = [new Array<number>(set.queries.length), new Array<number>(set.queries.length)];
  const fastest = [new Array<number>(set.queries.length).fill(Infinity), new Array<number>(set.queries.length).fill(Infinity)];
  // A warm-up pass, as the bench does: the first call of a query reads its pages.
  set.queries.forEach((q, i) => {
    const a = JSON.stringify(trackers[0]!.match(q.code, { language: q.language }));
    const b = JSON.stringify(trackers[1]!.match(q.code, { language: q.language }));
    if (a !== b) differing++;
    void i;
  });
  for (let round = 0; round < rounds; round++) {
    // The warm-up read every content these queries report: each round starts with none cached.
    for (const tracker of trackers) tracker.dropCaches?.();
    set.queries.forEach((q, i) => {
      for (const which of (i + round) % 2 === 0 ? [0, 1] : [1, 0]) {
        const start = performance.now();
        trackers[which]!.match(q.code, { language: q.language });
        const ms = performance.now() - start;
        if (round === 0) single[which]![i] = ms;
        fastest[which]![i] = Math.min(fastest[which]![i]!, ms);
      }
    });
  }
  const f = (ms: number): string => `${ms.toFixed(3)} ms`;
  rows.push(
    `| ${set.name} | ${set.queries.length} | ${f(quantile(single[0]!, 0.5))} / ${f(quantile(single[1]!, 0.5))} | ${f(quantile(single[0]!, 0.99))} / ${f(quantile(single[1]!, 0.99))} | ` +
      `${f(quantile(fastest[0]!, 0.5))} / ${f(quantile(fastest[1]!, 0.5))} | ${f(quantile(fastest[0]!, 0.99))} / ${f(quantile(fastest[1]!, 0.99))} |`,
  );
}
for (const tracker of trackers) tracker.close();
process.stdout.write(
  [
    `A = ${distA}, B = ${distB}; ${rounds} interleaved rounds; queries whose results differ: ${differing}`,
    "",
    "| queries | n | p50 single run (A / B) | p99 single run (A / B) | p50 fastest of rounds (A / B) | p99 fastest of rounds (A / B) |",
    "|---|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n"),
);
