/**
 * `npm run bench`: hot-path latency, stage breakdown, floors, build throughput and scaling.
 * Builds its indexes once into bench/.cache (reused while the corpus and code are unchanged),
 * then writes bench/RESULTS.md. `--quick` runs fewer queries, for a smoke test.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import Parser from "tree-sitter";
import { Fingerprinter } from "../src/fingerprint/fingerprint.js";
import type { Fingerprints } from "../src/fingerprint/winnow.js";
import { loadTokenHasher } from "../src/hashing.js";
import { IndexReader } from "../src/store/reader.js";
import { currentIndexParameters } from "../src/store/parameters.js";
import { languageByName } from "../src/languages/registry.js";
import { collectHits } from "../src/match/lookup.js";
import { Matcher } from "../src/match/matcher.js";
import type { HitsByFile } from "../src/match/types.js";
import { DEFAULT_FINGERPRINT_PARAMETERS, DEFAULT_MATCH_OPTIONS } from "../src/options.js";
import { toReferences } from "../src/output/references.js";
import { MissScreen } from "../src/match/screen.js";
import { Normalizer } from "../src/normalize/normalizer.js";
import type { TokenStream } from "../src/normalize/token-stream.js";
import { ReferenceTracker } from "../src/tracker.js";
import { type BenchSource, baseSources, heldOutSources, manifestFor, sourceFiles, writeCopy } from "./corpus.js";
import { type Latency, measure, pairedLatency, quantile } from "./latency.js";
import { type Interference, measureObserved } from "./interference.js";
import { type BuildRecord, type MatchFigures, type QuerySet, type ResultsInput, ms, writeResults } from "./results-report.js";
import { Rng, type Snippet, renameAndReformat, sampleWindows } from "./snippets.js";
import type { ThroughputFloor } from "./throughput-floor.js";

const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CACHE = join(PROJECT_ROOT, "bench", ".cache");
const DIST_BENCH = fileURLToPath(new URL("./", import.meta.url));
const QUICK = process.argv.includes("--quick");
/**
 * `--dump-references FILE`: build (or reuse) the indexes, sample the queries, write every query's
 * match() result on the 4× index as one JSON line each, and stop: two code versions' files compare
 * their results on exactly the benchmark's queries (a refactoring must leave them identical).
 */
const DUMP = process.argv.includes("--dump-references") ? process.argv[process.argv.indexOf("--dump-references") + 1] : undefined;
const QUERIES = QUICK ? 200 : 2000;
const SNIPPET_LINES = 20;

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function digestOf(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** Code version: a rebuilt index is needed whenever src/ changes what gets stored. */
function codeVersion(): string {
  return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: PROJECT_ROOT, encoding: "utf8" }).trim();
}

function runChild<T>(script: string, args: string[], nodeFlags: readonly string[] = []): T {
  const output = execFileSync(process.execPath, [...nodeFlags, join(DIST_BENCH, script), ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(output) as T;
}

/** Builds (or reuses) the index for `sources`, fresh, in a child process. */
function ensureIndex(label: string, sources: readonly BenchSource[]): { db: string; record: BuildRecord } {
  const manifestText = manifestFor(sources);
  const manifest = join(CACHE, `manifest-${label}.json`);
  const db = join(CACHE, `index-${label}.db`);
  const recordPath = join(CACHE, `build-${label}.json`);
  // Same manifest, same schema version and parameters: the stored rows would be the same.
  const identity = digestOf(manifestText + JSON.stringify(currentIndexParameters(DEFAULT_FINGERPRINT_PARAMETERS)));
  if (existsSync(recordPath) && existsSync(db)) {
    const cached = JSON.parse(readFileSync(recordPath, "utf8")) as { identity: string; record: BuildRecord };
    if (cached.identity === identity) {
      const refreshed = runChild<{ rebuilt: boolean; seconds: number }>("refresh-child.js", [db]);
      log(`reusing ${label} index (${(cached.record.fingerprints / 1e6).toFixed(1)} M fingerprints)${refreshed.rebuilt ? `, statistics rebuilt in ${refreshed.seconds.toFixed(0)} s` : ""}`);
      return { db, record: cached.record };
    }
  }
  writeFileSync(manifest, manifestText);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(db + suffix, { force: true });
  log(`building ${label} index from ${sources.length} sources…`);
  const record = runChild<BuildRecord>("build-child.js", [db, manifest]);
  writeFileSync(recordPath, JSON.stringify({ identity, record }));
  log(`built ${label}: ${(record.sourceBytes / 1e6).toFixed(0)} MB in ${record.seconds.toFixed(0)} s, ${(record.fingerprints / 1e6).toFixed(1)} M fingerprints`);
  return { db, record };
}


/**
 * Runs per query for the steady figures. This machine's single runs move by a quarter between
 * identical runs (other tenants, frequency scaling); a query's fastest of five is what the code
 * costs. Targets are judged on the single-run figures all the same.
 */
const STEADY_ROUNDS = 5;

/**
 * V8 settings the host process may start with, compared on the same queries: Node's default
 * young generation, and a 64 MB semi-space from the start, so scavenges (which land in whichever
 * query is running) come less often. The minimum must be set too: V8 grows the semi-space only
 * while much of it survives, and a query's garbage does not.
 */
const YOUNG_GENERATION_FLAGS: readonly (readonly string[])[] = [[], ["--min-semi-space-size=64", "--max-semi-space-size=64"]];

function steadyLatency<T>(inputs: readonly T[], fn: (input: T) => unknown, beforeRound: () => void): { p50: number; p99: number } {
  const fastest = inputs.map(() => Number.POSITIVE_INFINITY);
  for (let round = 0; round < STEADY_ROUNDS; round++) {
    beforeRound();
    inputs.forEach((input, i) => {
      const start = performance.now();
      fn(input);
      fastest[i] = Math.min(fastest[i]!, performance.now() - start);
    });
  }
  return { p50: quantile(fastest, 0.5), p99: quantile(fastest, 0.99) };
}

/**
 * A full collection before each timed set (`npm run bench` starts Node with --expose-gc): what the
 * bench built or dropped before (file lists, earlier trackers) is garbage of its own, and its
 * marking should not land in the queries timed. The scavenges the queries cause themselves still do.
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function matchFigures(tracker: ReferenceTracker, set: QuerySet, roots: Map<string, string>): Promise<MatchFigures> {
  collectGarbage();
  let withReferences = 0;
  let withOwnFile = 0;
  for (const snippet of set.snippets) {
    const { references } = tracker.match(snippet.code, { language: snippet.language });
    if (references.length > 0) withReferences++;
    if (references.some((r) => roots.has(r.source) && join(roots.get(r.source)!, r.path) === snippet.file)) withOwnFile++;
  }
  const run = (s: Snippet): unknown => tracker.match(s.code, { language: s.language });
  // The pass above read every content these queries report; a service asked about many different
  // files has not, so each timed pass starts with the index's caches empty (only the pages stay).
  const dropCaches = (): void => tracker.dropCaches();
  const { latency, interference } = await measureObserved(`match ${set.name}`, set.snippets, run, dropCaches);
  return { latency, interference, steady: steadyLatency(set.snippets, run, dropCaches), withReferences, withOwnFile };
}

/**
 * The query sets. The corpora's file lists they are drawn from (a quarter of a million paths) are
 * left behind here, not held while the queries are timed: a process holding them had scavenges
 * of about 1 ms where one without had 0.46 ms, and a scavenge lands in whichever query is running.
 */
async function sampleQueries(base: readonly BenchSource[]): Promise<QuerySet[]> {
  const baseFiles = base.flatMap((s) => [...sourceFiles(s)].map((p) => join(s.root, p)));
  const heldOutFiles = heldOutSources(base).flatMap((h) => [...sourceFiles(h)].map((p) => join(h.root, p)));
  const verbatim = sampleWindows(baseFiles, QUERIES, SNIPPET_LINES, new Rng(1));
  const renameRng = new Rng(2);
  const renamed = verbatim.map((s) => renameAndReformat(s, renameRng));
  const misses = sampleWindows(heldOutFiles, QUERIES, SNIPPET_LINES, new Rng(3));
  return [
    { name: "verbatim", snippets: verbatim },
    { name: "renamed+reformatted", snippets: renamed },
    { name: "miss (not indexed)", snippets: misses },
  ];
}

/**
 * Rounds of one-thread and two-thread builds of the same source, alternating which goes first.
 * One pair is not enough on this machine: its speed moves by a quarter and more between minutes,
 * and a single pair has read anywhere from 1.58× to 2.05×. Each build's fastest round is its cost
 * with the least interference, so the ratio of the fastest is the figure the target is judged on,
 * with every round's ratio shown beside it.
 */
const SCALING_ROUNDS = 5;

function measureThreadScaling(source: BenchSource): { serial: BuildRecord[]; parallel: BuildRecord[] } {
  const manifest = join(CACHE, "manifest-scaling.json");
  const db = join(CACHE, "index-scaling.db");
  const removeIndex = (): void => {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(db + suffix, { force: true });
  };
  writeFileSync(manifest, manifestFor([source]));
  const serial: BuildRecord[] = [];
  const parallel: BuildRecord[] = [];
  for (let round = 0; round < SCALING_ROUNDS; round++) {
    for (const threads of round % 2 === 0 ? [1, 2] : [2, 1]) {
      removeIndex();
      const record = runChild<BuildRecord>("build-child.js", [db, manifest, String(threads)]);
      (threads === 1 ? serial : parallel).push(record);
      log(`scaling round ${round + 1}: ${source.name} on ${threads} thread${threads === 1 ? "" : "s"} in ${record.seconds.toFixed(1)} s`);
    }
  }
  removeIndex();
  return { serial, parallel };
}

/** Every query's match() result, one JSON line per query, in set order (see DUMP). */
async function dumpReferences(db: string, sets: readonly QuerySet[], target: string): Promise<void> {
  const tracker = await ReferenceTracker.open(db);
  const lines: string[] = [];
  try {
    for (const set of sets) {
      for (const snippet of set.snippets) lines.push(JSON.stringify({ set: set.name, ...tracker.match(snippet.code, { language: snippet.language }) }));
    }
  } finally {
    tracker.close();
  }
  writeFileSync(target, `${lines.join("\n")}\n`);
  log(`wrote ${lines.length} results to ${target}`);
}

function fastestBuild(records: readonly BuildRecord[]): BuildRecord {
  return [...records].sort((a, b) => a.seconds - b.seconds)[0]!;
}

async function main(): Promise<void> {
  mkdirSync(CACHE, { recursive: true });
  const started = Date.now();
  const base = baseSources(PROJECT_ROOT, CACHE);
  log(`base corpus: ${base.map((s) => s.name).join(", ")}`);
  const copies = [1, 2, 3].map((c) => {
    log(`preparing varied copy ${c}…`);
    return writeCopy(base, c, CACHE);
  });
  const scales = [
    { label: "1x", factor: 1, sources: base },
    { label: "2x", factor: 2, sources: [...base, ...copies[0]!] },
    { label: "4x", factor: 4, sources: [...base, ...copies.flat()] },
  ];
  const builds = scales.map((scale) => ({ ...scale, ...ensureIndex(scale.label, scale.sources) }));
  if (DUMP) {
    await dumpReferences(builds[2]!.db, await sampleQueries(base), DUMP);
    return;
  }

  // Parallel speedup, on the largest single real source.
  const speedSource = [...base].sort((a, b) => sizeOf(b) - sizeOf(a))[0]!;
  const scaling = measureThreadScaling(speedSource);
  const serial = fastestBuild(scaling.serial);
  const parallel = fastestBuild(scaling.parallel);

  const throughput = runChild<ThroughputFloor>("throughput-floor-child.js", [PROJECT_ROOT, CACHE]);

  // Queries.
  const roots = new Map(scales[2]!.sources.map((s) => [s.name, s.root]));
  const sets = await sampleQueries(base);
  const [verbatim] = sets.map((set) => set.snippets) as [Snippet[]];
  log(`queries: ${sets.map((s) => `${s.snippets.length} ${s.name}`).join(", ")}`);

  // Latency on every scale (the 4× figures are the headline).
  const perScale: MatchFigures[][] = [];
  for (const build of builds) {
    const tracker = await ReferenceTracker.open(build.db);
    // Timed at steady state: with the statistics a large index reads after opening.
    await tracker.statisticsLoaded();
    const figures: MatchFigures[] = [];
    for (const set of sets) figures.push(await matchFigures(tracker, set, roots));
    tracker.close();
    log(`${build.label}: ${figures.map((f, i) => `${sets[i]!.name} p50 ${ms(f.latency.p50)}`).join(", ")}`);
    perScale.push(figures);
  }

  // What the miss screen saves: the misses with it and without it, interleaved query by query.
  // Measured one set after the other, the later set reads pages the earlier one brought in.
  const big = builds[2]!;
  collectGarbage();
  const screenedTracker = await ReferenceTracker.open(big.db);
  const unscreenedTracker = await ReferenceTracker.openWith(big.db, { screen: false });
  await Promise.all([screenedTracker.statisticsLoaded(), unscreenedTracker.statisticsLoaded()]);
  const matchWith = (tracker: ReferenceTracker) => (s: Snippet): unknown => tracker.match(s.code, { language: s.language });
  const [screenedMiss, unscreenedMiss] = pairedLatency(sets[2]!.snippets, matchWith(screenedTracker), matchWith(unscreenedTracker), () => {
    screenedTracker.dropCaches();
    unscreenedTracker.dropCaches();
  });
  screenedTracker.close();
  unscreenedTracker.close();

  // Queries parsed by tree-sitter instead of read by the lexer (OpenOptions.queryReading "parsed").
  const parsedTracker = await ReferenceTracker.open(big.db, { queryReading: "parsed" });
  await parsedTracker.statisticsLoaded();
  const parsed: MatchFigures[] = [];
  for (const set of sets) parsed.push(await matchFigures(parsedTracker, set, roots));
  parsedTracker.close();

  // Stage breakdown and floors on the 4× index.
  const hasher = await loadTokenHasher();
  const normalizer = new Normalizer(hasher);
  const reader = IndexReader.open(big.db);
  await reader.statisticsLoaded();
  const readerNoFilter = IndexReader.open(big.db, { useFilter: false });
  const fingerprinter = new Fingerprinter(reader.parameters);
  const matcher = new Matcher(reader, reader.parameters);
  const raw = new Database(big.db, { readonly: true });
  const rawLookup = raw.prepare("SELECT data FROM postings WHERE hash = ?").pluck(true);
  const parser = new Parser();
  const screen = new MissScreen(reader, normalizer, new Fingerprinter(reader.parameters));
  const answeredAtScreen: Record<string, number> = {};
  const stageRows: string[] = [];
  const stageFigures: Record<string, Record<string, Latency>> = {};
  for (const set of sets) {
    const prepared = set.snippets.map((s) => {
      const language = languageByName(s.language);
      // As match() reads it: lexed, every reading screened.
      const query = screen.lexedQuery(s.code, language, DEFAULT_MATCH_OPTIONS);
      const tokens = query.tokens;
      const prints = query.fingerprints;
      const hits = collectHits(prints, reader, DEFAULT_MATCH_OPTIONS);
      return { snippet: s, language, tokens, prints, hits, distinct: [...new Set(prints.hashes)], mayMatch: query.mayMatch };
    });
    answeredAtScreen[set.name] = prepared.filter((p) => !p.mayMatch).length / prepared.length;
    const figures: Record<string, Latency> = {
      "lex + screen": measure("screen", prepared, (p) => screen.lexedQuery(p.snippet.code, p.language, DEFAULT_MATCH_OPTIONS)),
      fingerprint: measure("fingerprint", prepared, (p) => fingerprinter.fingerprint(p.tokens as TokenStream)),
      lookup: measure("lookup", prepared, (p) => collectHits(p.prints as Fingerprints, reader, DEFAULT_MATCH_OPTIONS)),
      "lookup without filter": measure("lookup-nofilter", prepared, (p) => collectHits(p.prints, readerNoFilter, DEFAULT_MATCH_OPTIONS)),
      "align/score": measure(
        "align",
        prepared,
        (p) => toReferences(matcher.matchHits(p.tokens, p.prints, p.hits as HitsByFile, DEFAULT_MATCH_OPTIONS), reader),
        () => reader.dropCaches(),
      ),
      "parsed reading: parse+normalize": measure("normalize", prepared, (p) => normalizer.normalize(p.snippet.code, p.language)),
      "floor: tree-sitter parse": measure("parse", prepared, (p) => {
        parser.setLanguage(p.language.grammar());
        parser.parse(p.snippet.code);
      }),
      "floor: raw SQLite lookups": measure("raw-lookup", prepared, (p) => {
        for (const hash of p.distinct) rawLookup.get(hash >>> 0);
      }),
    };
    stageFigures[set.name] = figures;
    const meanFingerprints = prepared.reduce((a, p) => a + p.distinct.length, 0) / prepared.length;
    const meanTokens = prepared.reduce((a, p) => a + p.tokens.count, 0) / prepared.length;
    stageRows.push(
      `| ${set.name} | ${meanTokens.toFixed(0)} | ${meanFingerprints.toFixed(1)} | ${(100 * answeredAtScreen[set.name]!).toFixed(1)}% | ` +
        Object.values(figures)
          .map((f) => `${ms(f.p50)} / ${ms(f.p99)}`)
          .join(" | ") +
        " |",
    );
  }
  reader.close();
  readerNoFilter.close();
  raw.close();

  // Opening an index and answering a first query, in a fresh process.
  const firstQuery = verbatim[0]!;
  const opens = [0, 1, 2].map(() => runChild<{ openMs: number; firstQueryMs: number; totalMs: number; statisticsMs: number }>("open-child.js", [big.db, firstQuery.code, firstQuery.language]));
  const open = opens.sort((a, b) => a.totalMs - b.totalMs)[1]!;

  // The host process's young generation: the same queries, single runs, each setting in a fresh process.
  const queryFile = join(CACHE, "young-generation-queries.json");
  writeFileSync(queryFile, JSON.stringify({ sets: sets.map((set) => ({ name: set.name, queries: set.snippets.map((q) => ({ code: q.code, language: q.language })) })) }));
  const youngGeneration = YOUNG_GENERATION_FLAGS.map((flags) => {
    const run = runChild<{ latencies: Record<string, Latency>; interference: Record<string, Interference>; rssBytes: number }>("young-generation-child.js", [big.db, queryFile], flags);
    log(`young generation ${flags.join(" ") || "(Node's default)"}: ${sets.map((set) => `${set.name} p99 ${ms(run.latencies[set.name]!.p99)}`).join(", ")}`);
    return { flags, ...run };
  });

  const results: ResultsInput = {
    builds,
    perScale,
    sets,
    stageRows,
    stageFigures,
    answeredAtScreen,
    screenedMiss,
    unscreenedMiss,
    parsed,
    serial,
    parallel,
    scaling,
    speedSource,
    open,
    throughput,
    youngGeneration,
    seconds: (Date.now() - started) / 1000,
  };
  // A --quick run is a smoke test: its figures stay in the cache, not in the recorded results.
  const target = QUICK ? join(CACHE, "RESULTS.quick.md") : join(PROJECT_ROOT, "bench", "RESULTS.md");
  const dirty = execFileSync("git", ["status", "--porcelain", "--", "src", "bench"], { cwd: PROJECT_ROOT, encoding: "utf8" }).trim() !== "";
  writeResults(results, { target, commit: codeVersion(), dirty, quick: QUICK, steadyRounds: STEADY_ROUNDS });
  log(`wrote ${target}`);
}

function sizeOf(source: BenchSource): number {
  let bytes = 0;
  for (const path of sourceFiles(source)) {
    try {
      bytes += statSync(join(source.root, path)).size;
    } catch {
      // vanished: ignore
    }
  }
  return bytes;
}


await main();
