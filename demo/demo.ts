import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describeProgress, describeSummary } from "../src/cli/index-command.js";
import { type Output, processOutput } from "../src/cli/output.js";
import { scanPaths } from "../src/cli/scan.js";
import { type ResolvedSource, loadManifest } from "../src/corpus/manifest.js";
import { ReftrackError, describeError } from "../src/errors.js";
import { readSourceFile } from "../src/files/source-file.js";
import { buildFromSources } from "../src/indexing/build.js";
import { ansiStyle, formatText, plainStyle } from "../src/output/text.js";
import { ReferenceTracker } from "../src/tracker.js";

/**
 * `npm start`: the README's first command. Builds the default index (corpus/default.json), copies
 * a few regions of that corpus at run time (never committed: it is other people's code), disguises
 * some as a code assistant or a person would, and scans them with reftrack's own examples/.
 * A demonstration script of this repository, not a command of the product.
 */

/** The repository's root, from this script's place in it (demo/ under tsx, dist/demo/ built). */
const PACKAGE_ROOT = fileURLToPath(new URL(import.meta.url.includes("/dist/") ? "../../" : "../", import.meta.url));

/**
 * What the demo copies out of the corpus at run time (never committed: it is other people's
 * code), and how it disguises each copy the way a code assistant or a person would.
 */
interface DemoCopy {
  readonly source: string;
  readonly path: string;
  /** The copy starts at the first line containing this; the middle of the file if absent. */
  readonly anchor: string;
  readonly lines: number;
  readonly form: "verbatim" | "renamed";
  readonly writeAs: string;
}

const DEMO_COPIES: readonly DemoCopy[] = [
  { source: "cpython-stdlib", path: "textwrap.py", anchor: "def dedent(", lines: 40, form: "renamed", writeAs: "text_utils.py" },
  { source: "cpython-stdlib", path: "bisect.py", anchor: "def insort_right(", lines: 30, form: "verbatim", writeAs: "sorted_insert.py" },
  { source: "lodash", path: "debounce.js", anchor: "function debounce(", lines: 45, form: "renamed", writeAs: "delay-calls.js" },
  { source: "semver", path: "functions/cmp.js", anchor: "const cmp", lines: 50, form: "verbatim", writeAs: "version-compare.ts" },
];

const KEYWORDS = new Set(
  (
    "and as assert async await break class const continue def del elif else except export extends false finally for from " +
    "function global if import in is lambda let new nonlocal none not null or pass raise return self static super switch " +
    "this throw true try typeof undefined var void while with yield module exports require length prototype"
  ).split(" "),
);

/** Renames the most frequent identifiers consistently, re-indents and drops comment lines. */
function disguise(code: string): string {
  const counts = new Map<string, number>();
  for (const word of code.match(/\b[A-Za-z_][A-Za-z0-9_]{2,}\b/g) ?? []) {
    if (!KEYWORDS.has(word.toLowerCase())) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const renames = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5);
  let out = code;
  renames.forEach(([word], i) => {
    out = out.replace(new RegExp(`\\b${word}\\b`, "g"), `renamed${i + 1}`);
  });
  return out
    .split("\n")
    .filter((line) => !/^\s*(#|\/\/)/.test(line))
    .map((line) => line.replace(/^( +)/, (indent) => " ".repeat(Math.ceil(indent.length / 2))))
    .join("\n");
}

function extractCopy(copy: DemoCopy, source: ResolvedSource): string | undefined {
  const read = readSourceFile(join(source.root, copy.path));
  if (!read.ok) return undefined;
  const lines = read.text.split("\n");
  let start = lines.findIndex((line) => line.includes(copy.anchor));
  if (start === -1) start = Math.max(0, Math.floor(lines.length / 2) - copy.lines / 2);
  const region = lines.slice(start, start + copy.lines).join("\n");
  return copy.form === "renamed" ? disguise(region) : region;
}

/** `npm start`: build the default index, write disguised copies of corpus code, scan them. */
async function runDemo(out: Output): Promise<number> {
  const manifest = loadManifest(join(PACKAGE_ROOT, "corpus", "default.json"));
  // REFTRACK_DEMO_DIR lets the demo's own test run it without touching the user's .reftrack/.
  const workDir = process.env.REFTRACK_DEMO_DIR ?? join(PACKAGE_ROOT, ".reftrack");
  const db = join(workDir, "default.db");
  mkdirSync(workDir, { recursive: true });
  out.stdout(`Building the default index (${db}) from corpus/default.json…\n`);
  const build = () =>
    buildFromSources(db, manifest.sources, manifest.unavailable, {
      onSource: (event) => out.stdout(`  ${describeProgress(event)}\n`),
    });
  let summary;
  try {
    summary = await build();
  } catch (error) {
    // The demo's own index is disposable: one left by an older reftrack is rebuilt, not refused.
    if (!(error instanceof ReftrackError) || !/was built with/.test(error.message)) throw error;
    out.stdout("  (the existing demo index was built by another reftrack version: rebuilding it)\n");
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${db}${suffix}`, { force: true });
    summary = await build();
  }
  out.stdout(describeSummary(summary));

  const examplesDir = join(workDir, "examples");
  rmSync(examplesDir, { recursive: true, force: true });
  mkdirSync(examplesDir, { recursive: true });
  const sources = new Map(manifest.sources.map((s) => [s.name, s]));
  const written: string[] = [];
  for (const copy of DEMO_COPIES) {
    const source = sources.get(copy.source);
    const code = source && extractCopy(copy, source);
    if (!code) continue;
    writeFileSync(join(examplesDir, copy.writeAs), `${code}\n`);
    written.push(join(examplesDir, copy.writeAs));
  }
  const ownExamples = join(PACKAGE_ROOT, "examples");
  out.stdout(
    `\nScanning ${examplesDir} (code copied from the corpus just now, some of it renamed and re-indented)\n` +
      `and ${ownExamples} (original code written for reftrack, which should match nothing):\n\n`,
  );
  const style = out.stdoutIsTTY && !process.env.NO_COLOR ? ansiStyle : plainStyle;
  const tracker = await ReferenceTracker.open(db);
  try {
    const report = await scanPaths(tracker, [examplesDir, ownExamples], {
      onResult: (result) => out.stdout(formatText(result, style)),
      onSkip: (skip) => out.stderr(`reftrack: skipped ${skip.path}: ${skip.detail}\n`),
      onError: (message) => out.stderr(`reftrack: ${message}\n`),
    });
    const clean = report.results.filter((r) => r.references.length === 0).map((r) => r.path);
    out.stdout(`\nNo references: ${clean.length ? clean.join(", ") : "(none)"}\n`);
    out.stdout(`\nTry it yourself: node dist/src/cli/bin.js scan --db ${db} <file or folder>\n`);
    if (report.errors.length > 0) return 2;
    // Every copy is of indexed code: a demo that finds none of them shows a broken reftrack, so it says so.
    const missed = written.filter((path) => !report.results.some((r) => r.path === path && r.references.length > 0));
    for (const path of missed) out.stderr(`reftrack demo: ${path} is a copy of indexed code but no reference was found\n`);
    return missed.length > 0 ? 1 : 0;
  } finally {
    tracker.close();
  }
}


runDemo(processOutput).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`reftrack demo: ${error instanceof ReftrackError ? error.message : error instanceof Error ? (error.stack ?? error.message) : describeError(error)}\n`);
    process.exitCode = 2;
  },
);
