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
  ].join("\n"),
);
