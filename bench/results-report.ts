/**
 * bench/RESULTS.md from `npm run bench`'s figures: the targets table, latency and stage tables,
 * builds and scaling, and where the time goes.
 */
import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { DEFAULT_MATCH_OPTIONS } from "../src/options.js";
import type { BenchSource } from "./corpus.js";
import type { Interference } from "./interference.js";
import type { Latency } from "./latency.js";
import type { Snippet } from "./snippets.js";
import { FLOOR_ROUNDS, type ThroughputFloor } from "./throughput-floor.js";

export interface BuildRecord {
  seconds: number;
  sourceBytes: number;
  files: number;
  fingerprints: number;
  indexBytes: number;
  threads: number;
  peakRssBytes: number;
}

export function ms(value: number): string {
  return value < 0.1 ? `${(value * 1000).toFixed(1)} µs` : `${value.toFixed(3)} ms`;
}

export function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(0)} MB`;
}

export interface QuerySet {
  name: string;
  snippets: Snippet[];
}

export interface MatchFigures {
  latency: Latency;
  /** The collections and disk reads of the timed pass. */
  interference: Interference;
  /** Each query's fastest of STEADY_ROUNDS further runs: the code's cost without the machine's pauses. */
  steady: { p50: number; p99: number };
  withReferences: number;
  withOwnFile: number;
}

export interface ResultsInput {
  builds: { label: string; factor: number; db: string; record: BuildRecord }[];
  perScale: MatchFigures[][];
  sets: QuerySet[];
  stageRows: string[];
  stageFigures: Record<string, Record<string, Latency>>;
  /** Share of each query set the miss screen answers before any lookup of rows. */
  answeredAtScreen: Record<string, number>;
  /** The misses with the screen on and off, interleaved (pairedLatency). */
  screenedMiss: Latency;
  unscreenedMiss: Latency;
  /** Each query set with queries parsed by tree-sitter. */
  parsed: MatchFigures[];
  /** The fastest of the scaling rounds' builds on one thread and on two. */
  serial: BuildRecord;
  parallel: BuildRecord;
  scaling: { serial: readonly BuildRecord[]; parallel: readonly BuildRecord[] };
  speedSource: BenchSource;
  open: { openMs: number; firstQueryMs: number; totalMs: number; statisticsMs: number };
  throughput: ThroughputFloor;
  /** Single-run latency in fresh processes, by the V8 flags they were started with. */
  youngGeneration: readonly { flags: readonly string[]; latencies: Record<string, Latency>; interference: Record<string, Interference>; rssBytes: number }[];
  seconds: number;
}

/** The p99s of the fresh processes with a larger young generation, for the targets table. */
function youngGenerationSummary(input: ResultsInput, sets: readonly QuerySet[]): string {
  return input.youngGeneration
    .filter((run) => run.flags.length > 0)
    .map((run) => `${run.flags.map((f) => `\`${f}\``).join(" ")}: ${sets.map((set) => ms(run.latencies[set.name]!.p99)).join(", ")}`)
    .join("; ");
}

/** A pass's GC pauses (count, ms) and its p99 tail's queries a collection ran in. */
function gcFigures(i: Interference): [string, string] {
  return [`${i.gcPauses} (${i.gcMs.toFixed(1)} ms)`, `${i.tailWithGc} of ${i.tailQueries}`];
}

/** The latency tables' last cells: GC pauses, the tail's queries with a GC, and major faults. */
function interferenceCells(i: Interference): string {
  return [...gcFigures(i), i.majorFaults].join(" | ");
}

function pctOf(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)}%`;
}

function verdict(ok: boolean): string {
  return ok ? "met" : "**not met**";
}

/** Where and how a run is recorded: the file written, the commit measured, the rounds behind the steady figures. */
export interface ResultsRun {
  readonly target: string;
  readonly commit: string;
  /** src/ or bench/ had uncommitted changes. */
  readonly dirty: boolean;
  readonly quick: boolean;
  readonly steadyRounds: number;
}

/** bench/RESULTS.md (or a --quick run's copy in the cache) from a run's figures. */
export function writeResults(input: ResultsInput, run: ResultsRun): void {
  const { builds, perScale, sets, stageRows, stageFigures, answeredAtScreen, screenedMiss, unscreenedMiss, parsed, serial, parallel, scaling, speedSource, open, throughput } =
    input;
  const big = builds[2]!;
  const headline = perScale[2]!;
  const [hit, renamedFig, miss] = headline as [MatchFigures, MatchFigures, MatchFigures];
  const { commit, dirty, steadyRounds: STEADY_ROUNDS } = run;
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  const mbPerSecond = (r: BuildRecord): number => r.sourceBytes / 1e6 / r.seconds;
  const lookupRatio = (name: string): number => stageFigures[name]!.lookup!.p50 / Math.max(1e-6, stageFigures[name]!["floor: raw SQLite lookups"]!.p50);
  const lines: string[] = [];
  lines.push("# Benchmark results", "");
  lines.push(
    `Machine: ${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}. ` +
      `Date: ${new Date().toISOString().slice(0, 10)}. Commit: ${commit}${dirty ? " (with uncommitted changes)" : ""}. ` +
      `Run: \`npm run bench\`${run.quick ? " --quick" : ""}, ${input.seconds.toFixed(0)} s.`,
    "",
  );
  lines.push(
    "Corpus: real source on this machine — this project's node_modules, the system npm's node_modules (npm's own `lib/` held out), " +
      "Debian's Python packages and standard library, the JS and Python files of the Rust toolchain under ~/.rustup, " +
      "the Google Cloud SDK's Python (with its vendored libraries), " +
      "the standard library (with site-packages) of every pyenv Python, " +
      "and 120 MB (compressed) of pure-Python wheels from the machine's PyPI mirror (/opt/pypi/files, in name order, extracted with reftrack's archive reader), " +
      "test suites left out — as the 1× index. Identical files (the same stdlib module in eleven Python trees) are stored once. " +
      "2× and 4× add 1 and 3 varied copies of it (see `bench/corpus.ts`: calls become subscripts and/or comparison and " +
      "arithmetic operators swap, consistently, so a copy's k-grams mostly differ). Queries: 20-line windows with at least " +
      "300 non-blank characters, fixed seeds: verbatim from indexed files, the same renamed and re-indented, and misses " +
      "from the held-out code.",
    "",
  );
  lines.push("## Targets", "");
  lines.push("| target | figure | verdict |", "|---|---|---|");
  const p50Target = hit.latency.p50 <= 0.3 && renamedFig.latency.p50 <= 0.3;
  lines.push(
    `| match() p50 ≤ 0.3 ms (index ≥ 20 M fingerprints) | verbatim ${ms(hit.latency.p50)}, renamed ${ms(renamedFig.latency.p50)} on ${(big.record.fingerprints / 1e6).toFixed(1)} M ` +
      `(each query's fastest of ${STEADY_ROUNDS} runs: ${ms(hit.steady.p50)}, ${ms(renamedFig.steady.p50)}) | ${verdict(p50Target && big.record.fingerprints >= 20e6)} |`,
  );
  lines.push(
    `| match() p99 ≤ 1.5 ms | verbatim ${ms(hit.latency.p99)}, renamed ${ms(renamedFig.latency.p99)}, miss ${ms(miss.latency.p99)} ` +
      `(fastest of ${STEADY_ROUNDS}: ${ms(hit.steady.p99)}, ${ms(renamedFig.steady.p99)}, ${ms(miss.steady.p99)}; ` +
      `in processes started with ${youngGenerationSummary(input, sets)}) | ` +
      `${verdict(Math.max(hit.latency.p99, renamedFig.latency.p99, miss.latency.p99) <= 1.5)} |`,
  );
  lines.push(
    `| misses p50 ≤ 0.1 ms | ${ms(miss.latency.p50)}: queries are lexed, not parsed, and the miss screen answers ${(100 * answeredAtScreen[sets[2]!.name]!).toFixed(1)}% of misses ` +
      `(interleaved with the screen off: ${ms(screenedMiss.p50)} on, ${ms(unscreenedMiss.p50)} off; ${ms(parsed[2]!.latency.p50)} parsed; tree-sitter's parse alone: ${ms(stageFigures[sets[2]!.name]!["floor: tree-sitter parse"]!.p50)}) | ${verdict(miss.latency.p50 <= 0.1)} |`,
  );
  lines.push(`| lookup within 2× of raw SQLite floor | verbatim ${lookupRatio(sets[0]!.name).toFixed(2)}×, renamed ${lookupRatio(sets[1]!.name).toFixed(2)}×, miss ${lookupRatio(sets[2]!.name).toFixed(2)}× | ${verdict(lookupRatio(sets[0]!.name) <= 2 && lookupRatio(sets[1]!.name) <= 2 && lookupRatio(sets[2]!.name) <= 2)} |`);
  lines.push(
    `| build ≥ 5 MB/s per core | ${(mbPerSecond(parallel) / parallel.threads).toFixed(2)} MB/s per core with ${parallel.threads} threads ` +
      `(${mbPerSecond(serial).toFixed(2)} MB/s on one); one thread's floor on this corpus (best of ${FLOOR_ROUNDS} rounds): tree-sitter parse alone ${throughput.nativeParseMBps.toFixed(2)} MB/s ` +
      `(${throughput.parseMBps.toFixed(2)} through its Node binding), parse + native walk writing every node ${throughput.nativeWalkMBps.toFixed(2)} MB/s, ` +
      `parse + normalize ${throughput.normalizeMBps.toFixed(2)} MB/s, + fingerprint ${throughput.fingerprintMBps.toFixed(2)} MB/s | ` +
      `${verdict(mbPerSecond(parallel) / parallel.threads >= 5)}${throughput.fingerprintMBps < 5 ? " (parse + normalize + fingerprint alone is below 5 MB/s)" : ""} |`,
  );
  const roundRatios = scaling.serial.map((one, round) => (one.seconds / scaling.parallel[round]!.seconds).toFixed(2)).join(", ");
  lines.push(
    `| both cores ≥ 1.7× one | ${(serial.seconds / parallel.seconds).toFixed(2)}×: fastest of ${scaling.serial.length} builds each, ` +
      `${serial.seconds.toFixed(1)} s on one thread, ${parallel.seconds.toFixed(1)} s on two (each round's pair: ${roundRatios}×) | ` +
      `${verdict(serial.seconds / parallel.seconds >= 1.7)} |`,
  );
  const peak = Math.max(...builds.map((b) => b.record.peakRssBytes), ...scaling.serial.map((r) => r.peakRssBytes), ...scaling.parallel.map((r) => r.peakRssBytes));
  lines.push(`| peak build RSS < 1 GB at any size | ${mb(peak)} (largest, over all builds) | ${verdict(peak < 1e9)} |`);
  const ratio = big.record.indexBytes / big.record.sourceBytes;
  const ratio1 = builds[0]!.record.indexBytes / builds[0]!.record.sourceBytes;
  lines.push(`| index ≤ 0.6 bytes per source byte | ${ratio1.toFixed(3)} (1×, real code), ${ratio.toFixed(3)} (4×) | ${verdict(Math.max(ratio, ratio1) <= 0.6)} |`);
  lines.push(`| open + first query ≤ 200 ms | ${open.totalMs.toFixed(0)} ms (open ${open.openMs.toFixed(0)} ms, first query ${open.firstQueryMs.toFixed(1)} ms, answered while the index's statistics were read on another thread, done ${open.statisticsMs.toFixed(0)} ms after the start; median of 3 fresh processes) | ${verdict(open.totalMs <= 200)} |`);
  lines.push("");
  lines.push(`## match() latency, 4× index (${(big.record.fingerprints / 1e6).toFixed(1)} M fingerprints, ${mb(big.record.indexBytes)})`, "");
  lines.push(
    "Each set is run once untimed (its pages read), then timed once per query with the index reader's caches dropped first, " +
      "so no query finds the contents it reports already read, as a service asked about many different files does not.",
    "",
  );
  lines.push(
    "What else the timed pass held: the garbage collector's pauses (all of them, and how many of the queries at or above p99 one ran in) " +
      "and pages read from disk (major faults: where the page cache holds less than the indexes, a pass reads them again).",
    "",
  );
  const latencyHeader = "| queries | n | p50 | p99 | max | mean | with a reference | reference to its own file | GC pauses | p99 tail with a GC | pages read from disk |";
  lines.push(latencyHeader, "|---|---|---|---|---|---|---|---|---|---|---|");
  const latencyRow = (name: string, n: number, f: MatchFigures): string =>
    `| ${name} | ${n} | ${ms(f.latency.p50)} | ${ms(f.latency.p99)} | ${ms(f.latency.max)} | ${ms(f.latency.mean)} | ${((100 * f.withReferences) / n).toFixed(1)}% | ${((100 * f.withOwnFile) / n).toFixed(1)}% | ${interferenceCells(f.interference)} |`;
  headline.forEach((f, i) => lines.push(latencyRow(sets[i]!.name, sets[i]!.snippets.length, f)));
  lines.push(
    "",
    "The misses again, with the miss screen on and off, interleaved query by query (each run once after a warm-up pass of both):",
    "",
    "| queries | n | p50 | p99 | max | mean |",
    "|---|---|---|---|---|---|",
  );
  for (const [name, latency] of [["screen on", screenedMiss], ["screen off", unscreenedMiss]] as const) {
    lines.push(`| ${sets[2]!.name}, ${name} | ${latency.samples} | ${ms(latency.p50)} | ${ms(latency.p99)} | ${ms(latency.max)} | ${ms(latency.mean)} |`);
  }
  lines.push(
    "",
    "Queries parsed by tree-sitter instead of read by the lexer (`ReferenceTracker.open(db, { queryReading: \"parsed\" })`, " +
      "the default before this run; the index is parsed either way; bench/QUALITY.md's sweep has its detection figures):",
    "",
    latencyHeader,
    "|---|---|---|---|---|---|---|---|---|---|---|",
  );
  parsed.forEach((f, i) => lines.push(latencyRow(sets[i]!.name, sets[i]!.snippets.length, f)));
  lines.push("");
  lines.push(
    "The host process's young generation: the same queries, each set's single runs, each setting in a fresh process on the 4× index " +
      "(a scavenge lands in whichever query is running; with more room it comes less often), with each pass's GC pauses and how many of its p99 tail's queries one ran in. " +
      "RSS is the process's at the end.",
    "",
    "| V8 flags | " + sets.map((set) => `${set.name} p50 / p99 / max; GC pauses; tail with a GC`).join(" | ") + " | RSS |",
    "|---|" + sets.map(() => "---|").join("") + "---|",
  );
  for (const run of input.youngGeneration) {
    const cells = sets.map((set) => {
      const l = run.latencies[set.name]!;
      const i = run.interference[set.name]!;
      return [`${ms(l.p50)} / ${ms(l.p99)} / ${ms(l.max)}`, ...gcFigures(i)].join("; ");
    });
    lines.push(`| ${run.flags.length === 0 ? "Node's default" : run.flags.map((f) => `\`${f}\``).join(" ")} | ${cells.join(" | ")} | ${mb(run.rssBytes)} |`);
  }
  lines.push("");
  lines.push("## By stage, with floors (p50 / p99 per query, 4× index)", "");
  lines.push(
    "| queries | tokens | distinct fingerprints | answered by the screen | lex + screen | fingerprint | lookup | lookup without filter | align/score | parsed reading: parse+normalize | floor: tree-sitter parse | floor: raw SQLite lookups |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...stageRows,
  );
  lines.push(
    "",
    "The floors: tree-sitter's own parse of the same snippet (no walk), and one raw better-sqlite3 point lookup per distinct " +
      "fingerprint of the snippet on the same database, reading its posting list's blob (no filter, no decoding, whatever its length). Lex + screen reads the query (both readings " +
      "when it may begin inside a string or comment), winnows it and asks whether any file can yield a reference; the stages " +
      "after it are measured on every query, as for one it lets through. Parse+normalize is the parsed reading's first stage, for comparison.",
    "",
  );
  lines.push("## Build and scaling", "");
  lines.push("| index | source | files | fingerprints | build time | MB/s | files/s | peak RSS | index size | bytes per source byte | match p50 verbatim / miss | p99 verbatim / miss | verbatim with a reference | pages read from disk, verbatim / miss |");
  lines.push("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  builds.forEach((b, i) => {
    const r = b.record;
    const f = perScale[i]!;
    lines.push(
      `| ${b.factor}× | ${mb(r.sourceBytes)} | ${r.files} | ${(r.fingerprints / 1e6).toFixed(2)} M | ${r.seconds.toFixed(0)} s | ${mbPerSecond(r).toFixed(2)} | ${(r.files / r.seconds).toFixed(0)} | ${mb(r.peakRssBytes)} | ${mb(r.indexBytes)} | ${(r.indexBytes / r.sourceBytes).toFixed(3)} | ${ms(f[0]!.latency.p50)} / ${ms(f[2]!.latency.p50)} | ${ms(f[0]!.latency.p99)} / ${ms(f[2]!.latency.p99)} | ${pctOf(f[0]!.withReferences, sets[0]!.snippets.length)} | ${f[0]!.interference.majorFaults} / ${f[2]!.interference.majorFaults} |`,
    );
  });
  lines.push(
    "",
    `Threads: ${speedSource.name} (${mb(serial.sourceBytes)}), built ${scaling.serial.length} times on each, alternating which goes first: ` +
      `one thread ${scaling.serial.map((r) => `${r.seconds.toFixed(1)} s`).join(", ")}; two threads ${scaling.parallel.map((r) => `${r.seconds.toFixed(1)} s`).join(", ")}. ` +
      `Fastest of each: ${mbPerSecond(serial).toFixed(2)} MB/s on one thread and ${mbPerSecond(parallel).toFixed(2)} MB/s on ${parallel.threads} ` +
      `(${(mbPerSecond(parallel) / mbPerSecond(serial)).toFixed(2)}×).`,
    "",
  );
  const stage = (set: number, name: string): Latency => stageFigures[sets[set]!.name]![name]!;
  lines.push(
    "## Where the time goes",
    "",
    `- Queries are not parsed. A lexer (src/normalize/lexical.ts) reads the tokens tree-sitter would give, in ` +
      `${ms(stage(0, "lex + screen").p50)} (verbatim) and ${ms(stage(2, "lex + screen").p50)} (misses) at p50 with the screen's ` +
      `lookups, where tree-sitter's parse alone takes ${ms(stage(0, "floor: tree-sitter parse").p50)} and ${ms(stage(2, "floor: tree-sitter parse").p50)} ` +
      `(p99 ${ms(stage(0, "floor: tree-sitter parse").p99)} / ${ms(stage(2, "floor: tree-sitter parse").p99)}: fragments cut at random lines parse ` +
      "with errors, and error recovery costs more than parsing) and the parsed reading's normalize " +
      `${ms(stage(0, "parsed reading: parse+normalize").p50)}. It also finds more copies (bench/QUALITY.md): a fragment's parse ` +
      "recovers from its cut ends in ways the whole file's parse does not, while the lexer reads the file's own tokens more often.",
    `- The miss screen (src/match/screen.ts) answers ${(100 * answeredAtScreen[sets[2]!.name]!).toFixed(1)}% of misses "no references" ` +
      `when no indexed file holds ${DEFAULT_MATCH_OPTIONS.minSeeds} of their fingerprints that could seed, from the in-memory filter ` +
      "and common table and one posting list read per candidate (its contents only) until a file holds enough, without reading token chunks.",
    `- After reading: fingerprinting ${ms(stage(0, "fingerprint").p50)}, lookup ${ms(stage(0, "lookup").p50)} ` +
      `(${ms(stage(0, "lookup without filter").p50)} without the in-memory filter and common-fingerprint table), align/score ` +
      `${ms(stage(0, "align/score").p50)} at p50 for verbatim queries; align/score's tail (p99 ${ms(stage(0, "align/score").p99)}) is ` +
      "code present in many files (the varied copies keep most of a file's code, so at 4× most hits have four or more files), each " +
      `needing its token chunks read and its names compared; files hit by fewer than ${DEFAULT_MATCH_OPTIONS.minSeeds} distinct ` +
      "fingerprints are not read at all, since they cannot yield a reference.",
    "- The raw-SQLite floor reads each hash's whole posting list (one row; boilerplate hashes' lists hold thousands of occurrences), " +
      "which is why reftrack's lookup (nothing read for hashes the filter says are absent or the common-fingerprint table says are " +
      `boilerplate, and at most ${DEFAULT_MATCH_OPTIONS.maxFileFrequency * 4 + 1} occurrences decoded) is below it.`,
    "- Build: the index is parsed (whole files parse without the fragments' errors). A walk through tree-sitter's Node binding " +
      `costs a native call per node and step: visiting every node and reading nothing takes parse throughput from ` +
      `${throughput.parseMBps.toFixed(2)} to ${throughput.walkMBps.toFixed(2)} MB/s on one thread. So the normalizer parses and walks in one ` +
      `native call (native/syntax-walk.c), which writes the nodes it reads as records: ${throughput.nativeParseMBps.toFixed(2)} MB/s parsing alone, ` +
      `${throughput.nativeWalkMBps.toFixed(2)} MB/s writing every node, ${throughput.normalizeMBps.toFixed(2)} MB/s normalizing. The lexer that reads queries reads the same files at ${throughput.lexMBps.toFixed(1)} MB/s, ` +
      "but the index is what tree-sitter parses, by design (the lexer is checked against the parse, not the other way round). Two threads reach " +
      `${(mbPerSecond(parallel) / mbPerSecond(serial)).toFixed(2)}× because the main ` +
      "thread's SQLite writes and the final merge and statistics pass run alone, and a build on one thread already has V8's compiler and " +
      "collector working on the second core (bench/DECISIONS.md, Building). Throughput falls from 1× to 2× because the " +
      "copies parse slower (calls rewritten to subscripts leave syntax errors in JavaScript) and the B-tree outgrows the cache.",
    "- Not every verbatim window gets a reference: this bench's windows are chosen for timing, not detection; much stdlib code differs " +
      "slightly between the eleven Python trees (so it is not one deduplicated content) and exceeds the " +
      `${DEFAULT_MATCH_OPTIONS.maxFileFrequency}-content boilerplate cut-off across sources. Detection is measured properly by \`npm run bench:quality\`.`,
    "",
  );
  writeFileSync(run.target, `${lines.join("\n")}\n`);
}
