/**
 * Windows of real code as a pipeline asks about them, against the default index (`npm start`
 * builds it): `match()` on windows of 8 to 40 lines, drawn with a fixed seed by their raw text (150
 * non-blank characters at least, nothing of reftrack's reading), from Debian's Python packages, the
 * standard library the default corpus indexes and npm's bundled packages. Each is timed once with
 * the reader's caches dropped, after an untimed pass. Its tail is what a suggestion pipeline on the
 * default corpus waits for: lists of names and tables are windows too, and they match every list
 * of the index's largest source by their shape.
 *
 * With `--db <file>`, another index is asked instead (the speed bench's, a corpus of your own).
 * With `--compare <dist>`, that build (another commit's `dist`, e.g. from `git archive` and `tsc
 * --outDir`) is timed on the same windows, interleaved window by window, and windows whose
 * references differ are counted.
 *
 *   npm run bench:windows [-- --compare <dist>] [-- --windows <n>] [-- --db <file>]
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { LanguageName } from "../src/languages/language.js";
import { type BuildTracker, openBuild } from "./build-tracker.js";
import { quantile } from "./latency.js";
import { filesOf } from "./quality/packages.js";
import { DEBIAN_PYTHON, NPM_BUNDLED } from "./quality/whole-file-sets.js";
import { Rng } from "./snippets.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const DEFAULT_DB = join(ROOT, ".reftrack", "default.db");
const SEED = 777;
const MIN_LINES = 8;
const MAX_LINES = 40;
const MIN_NON_BLANK = 150;

const log = (message: string): void => void process.stderr.write(`[windows] ${message}\n`);

interface Window {
  readonly file: string;
  readonly startLine: number;
  readonly lines: number;
  readonly code: string;
  readonly language: LanguageName;
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

async function open(dist: string): Promise<BuildTracker> {
  const tracker = await openBuild(dist, db);
  await tracker.statisticsLoaded?.();
  return tracker;
}

function draw(count: number): Window[] {
  const stdlib = spawnSync("python3", ["-c", 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: "utf8" }).stdout.trim();
  const roots = [DEBIAN_PYTHON, stdlib, NPM_BUNDLED].filter((root) => root !== "" && existsSync(root));
  const files = roots.flatMap((root) => filesOf({ root, exclude: ["**/test/**", "**/tests/**", "**/site-packages/**"] })).sort();
  const rng = new Rng(SEED);
  const windows: Window[] = [];
  for (let tries = 0; windows.length < count && tries < 50 * count; tries++) {
    const file = rng.pick(files);
    const language: LanguageName | undefined = file.endsWith(".py") ? "python" : /\.[cm]?js$/.test(file) ? "javascript" : file.endsWith(".ts") ? "typescript" : file.endsWith(".tsx") ? "tsx" : undefined;
    if (!language || statSync(file).size > 2_000_000) continue;
    const lines = readFileSync(file, "utf8").split("\n");
    const length = MIN_LINES + rng.int(MAX_LINES - MIN_LINES + 1);
    if (lines.length < length) continue;
    const start = rng.int(lines.length - length + 1);
    const code = lines.slice(start, start + length).join("\n");
    if (code.replace(/\s/g, "").length < MIN_NON_BLANK) continue;
    windows.push({ file, startLine: start + 1, lines: length, code, language });
  }
  return windows;
}

const db = argument("--db") ?? DEFAULT_DB;
if (!existsSync(db)) {
  log(db === DEFAULT_DB ? `no default index at ${db}: run \`npm start\` first` : `no index at ${db}`);
  process.exit(2);
}
const count = Number(argument("--windows") ?? 4000);
if (!Number.isInteger(count) || count < 1) {
  log(`--windows takes a whole number of windows, 1 or more (got ${argument("--windows")})`);
  process.exit(2);
}
const compare = argument("--compare");
const windows = draw(count);
log(`${windows.length} windows drawn`);
const builds = compare ? [{ name: compare, tracker: await open(compare) }] : [];
builds.push({ name: "this build", tracker: await open(join(ROOT, "dist")) });
for (const window of windows) for (const { tracker } of builds) tracker.match(window.code, { language: window.language });
const times = builds.map(() => new Array<number>(windows.length));
let differing = 0;
windows.forEach((window, w) => {
  const results: string[] = [];
  for (let k = 0; k < builds.length; k++) {
    // Which build goes first alternates, so drift treats both alike.
    const b = (w + k) % builds.length;
    const { tracker } = builds[b]!;
    tracker.dropCaches?.();
    const start = performance.now();
    const result = tracker.match(window.code, { language: window.language });
    times[b]![w] = performance.now() - start;
    results[b] = JSON.stringify(result.references);
  }
  if (results.length === 2 && results[0] !== results[1]) differing++;
});
const ms = (value: number): string => `${value.toFixed(3)} ms`;
const lines = ["| build | windows | p50 | p90 | p99 | p99.9 | max | total |", "|---|---|---|---|---|---|---|---|"];
builds.forEach(({ name }, b) => {
  const sorted = times[b]!.slice().sort((x, y) => x - y);
  const total = sorted.reduce((sum, t) => sum + t, 0);
  lines.push(`| ${name} | ${sorted.length} | ${ms(quantile(sorted, 0.5))} | ${ms(quantile(sorted, 0.9))} | ${ms(quantile(sorted, 0.99))} | ${ms(quantile(sorted, 0.999))} | ${ms(sorted[sorted.length - 1]!)} | ${(total / 1000).toFixed(2)} s |`);
});
const slowest = windows.map((window, w) => ({ window, time: times[builds.length - 1]![w]! })).sort((x, y) => y.time - x.time).slice(0, 10);
lines.push("", "Slowest windows (this build):", "");
for (const { window, time } of slowest) lines.push(`- ${ms(time)}: ${window.file}, lines ${window.startLine}–${window.startLine + window.lines - 1}`);
if (compare) lines.push("", `Windows whose references differ between the builds: ${differing} of ${windows.length}.`);
process.stdout.write(`${lines.join("\n")}\n`);
for (const { tracker } of builds) tracker.close();
