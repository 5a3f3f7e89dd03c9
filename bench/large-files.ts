/**
 * Scanning large files end to end: `reftrack scan` in a fresh process on real bundles and on
 * files made of them, against the default index (`npm start` builds it), recording wall time and
 * the process's peak memory. Prints a Markdown table for bench/RESULTS.md.
 *
 *   npm run bench:large
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { fetchPackage } from "./quality/packages.js";
import { DEBIAN_PYTHON, NPM_BUNDLED, SITE_PACKAGES } from "./quality/whole-file-sets.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const DB = join(ROOT, ".reftrack", "default.db");
const CACHE = join(ROOT, "bench", ".cache", "quality");
const WORK = join(ROOT, "bench", ".cache", "large-files");
const CHILD = join(ROOT, "dist", "bench", "scan-child.js");
const RUNS = 3;

const log = (message: string): void => void process.stderr.write(`[large] ${message}\n`);

if (!existsSync(DB)) {
  log(`no default index at ${DB}: run \`npm start\` first`);
  process.exit(2);
}
mkdirSync(WORK, { recursive: true });

/** Real published bundles: each is scanned whole. */
const bundles = [
  { name: "d3 7.9.0 dist/d3.js (rollup)", file: join(fetchPackage("d3@7.9.0", CACHE, log).root, "dist/d3.js") },
  { name: "corepack 0.31.0 dist/lib/corepack.cjs (esbuild)", file: join(fetchPackage("corepack@0.31.0", CACHE, log).root, "dist/lib/corepack.cjs") },
  { name: "yarn 1.22.22 lib/cli.js (webpack)", file: join(fetchPackage("yarn@1.22.22", CACHE, log).root, "lib/cli.js") },
  // A js_of_ocaml build ending in a 2.5 MB inline source map: one long line without separators.
  { name: "xml2js 0.6.2 lib/xml2js.bc.js (js_of_ocaml, inline source map)", file: join(fetchPackage("xml2js@0.6.2", CACHE, log).root, "lib/xml2js.bc.js") },
];

/** The first `bytes` of a text, cut at a line break: a bundle of that size. */
function prefix(text: string, bytes: number): string {
  const cut = text.lastIndexOf("\n", bytes);
  return text.slice(0, cut + 1);
}

const yarn = readFileSync(bundles[2]!.file, "utf8");
const made: { name: string; file: string }[] = [];
for (const megabytes of [1, 2, 4]) {
  const file = join(WORK, `yarn-first-${megabytes}MB.js`);
  writeFileSync(file, prefix(yarn, megabytes * 1_000_000));
  made.push({ name: `yarn cli.js, its first ${megabytes} MB`, file });
}
const repeated = join(WORK, "yarn-x12.js");
writeFileSync(repeated, yarn.repeat(12));
made.push({ name: "yarn cli.js 12 times over (the 64 MiB guard's size)", file: repeated });

const rows: string[] = [];
for (const { name, file } of [...bundles, ...made]) {
  const bytes = statSync(file).size;
  const times: number[] = [];
  let last: { references: number; maxRssKiB: number; skipped: number } | undefined;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const child = spawnSync(process.execPath, [CHILD, "scan", "--db", DB, "--format", "json", "--language", "javascript", file], { encoding: "utf8", maxBuffer: 1 << 30 });
    times.push(performance.now() - started);
    if (child.status !== 0 && child.status !== null && child.stdout === "") throw new Error(`scan failed: ${child.stderr}`);
    last = JSON.parse(child.stdout) as { references: number; maxRssKiB: number; skipped: number };
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const row = `| ${name} | ${(bytes / 1e6).toFixed(2)} | ${Math.round(median)} | ${((bytes / 1e6) / (median / 1000)).toFixed(1)} | ${Math.round(last!.maxRssKiB / 1024)} | ${last!.references} | ${last!.skipped} |`;
  log(row);
  rows.push(row);
}

/**
 * Folders of real code scanned as CI scans a repository, on one thread and on helper threads
 * (`--threads`, one per core): below SCAN_PARALLEL_MIN_BYTES the scan stays on one thread either
 * way. Roots this machine lacks are left out and said so.
 */
const folderSets = [
  { name: "pip 23 (Debian 12)", paths: [join(DEBIAN_PYTHON, "pip")] },
  { name: "Debian 12's system Python packages", paths: [DEBIAN_PYTHON] },
  {
    name: "those, npm 11's bundled dependencies and 7 packages of Python 3.11's site-packages",
    paths: [
      DEBIAN_PYTHON,
      NPM_BUNDLED,
      ...["sympy", "moto", "hypothesis", "libcst", "awscli", "cfnlint", "samtranslator"].map((name) => join(SITE_PACKAGES, name)),
    ],
  },
];
const threadCounts = [1, cpus().length];
const folderRows: string[] = [];
for (const set of folderSets) {
  const paths = set.paths.filter((path) => existsSync(path));
  if (paths.length < set.paths.length) log(`${set.name}: ${set.paths.length - paths.length} of its folders are not on this machine; scanned without them`);
  if (paths.length === 0) continue;
  const times = new Map<number, number[]>(threadCounts.map((threads) => [threads, []]));
  const outcome = new Map<number, string>();
  for (let run = 0; run < RUNS; run++) {
    // Alternated, so a slower phase of the machine falls on both.
    for (const threads of run % 2 === 0 ? threadCounts : [...threadCounts].reverse()) {
      const started = performance.now();
      const child = spawnSync(process.execPath, [CHILD, "scan", "--db", DB, "--format", "json", "--threads", String(threads), ...paths], { encoding: "utf8", maxBuffer: 1 << 30 });
      times.get(threads)!.push(performance.now() - started);
      if (child.stdout === "") throw new Error(`scan failed: ${child.stderr}`);
      const report = JSON.parse(child.stdout) as { references: number; skipped: number; maxRssKiB: number };
      outcome.set(threads, `${report.references} | ${report.skipped} | ${Math.round(report.maxRssKiB / 1024)}`);
    }
  }
  const median = (threads: number): number => [...times.get(threads)!].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  for (const threads of threadCounts) {
    const row = `| ${set.name} | ${threads} | ${Math.round(median(threads))} | ${(median(threadCounts[0]!) / median(threads)).toFixed(2)}× | ${outcome.get(threads)} |`;
    log(row);
    folderRows.push(row);
  }
}

const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
process.stdout.write(
  [
    `Large files, scanned end to end (\`reftrack scan --format json\` in a fresh process, median of ${RUNS}) against the default index; ` +
      `${new Date().toISOString().slice(0, 10)}, commit ${commit}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB.`,
    "",
    "| file | MB | wall ms | MB/s | peak RSS MiB | references | skipped |",
    "|---|---|---|---|---|---|---|",
    ...rows,
    "",
    `Folders scanned whole (the same, with \`--threads\`; the same references and skips on every thread count), median of ${RUNS}, alternating:`,
    "",
    "| folders | threads | wall ms | against one thread | references | skipped | peak RSS MiB |",
    "|---|---|---|---|---|---|---|",
    ...folderRows,
    "",
  ].join("\n"),
);
