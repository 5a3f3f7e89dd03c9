/**
 * Vendored minified libraries: `reftrack scan --minified` in a fresh process on real published
 * minified builds, against an index of seven libraries' published builds (minified and not,
 * "minified": true). Positives are vendor files made the way projects make them (the builds one
 * after another, or joined on one line) and older versions of indexed libraries; every expected
 * library must be reported at the query lines its build is on (on the one shared line, at columns
 * overlapping its build's). Negatives are minified builds of
 * libraries not indexed; a reference there is false unless the two files share a run of 150
 * identical characters (white space and Babel's helper messages aside). Prints a Markdown section for bench/PIPELINE.md.
 *
 *   npm run bench:minified
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildIndex } from "../src/indexing/build.js";
import { near } from "../src/match/line-ranges.js";
import type { ScanReport } from "../src/output/json.js";
import { fetchPackage } from "./quality/packages.js";
import { sharesRun } from "./quality/text-runs.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CACHE = join(ROOT, "bench", ".cache", "quality");
const WORK = join(ROOT, "bench", ".cache", "minified");
const CHILD = join(ROOT, "dist", "bench", "scan-child.js");
const SHARED_RUN_CHARS = 150;

const log = (message: string): void => void process.stderr.write(`[minified] ${message}\n`);
const fetch = (spec: string) => fetchPackage(spec, CACHE, log);

/** The indexed libraries: each one's published build and its minified build. */
const INDEXED = [
  { spec: "jquery@3.7.1", name: "jquery", build: "dist/jquery.js", minified: "dist/jquery.min.js", license: "MIT" },
  { spec: "lodash@4.17.21", name: "lodash", build: "lodash.js", minified: "lodash.min.js", license: "MIT" },
  { spec: "d3@7.9.0", name: "d3", build: "dist/d3.js", minified: "dist/d3.min.js", license: "ISC" },
  { spec: "moment@2.30.1", name: "moment", build: "moment.js", minified: "min/moment.min.js", license: "MIT" },
  { spec: "bootstrap@5.3.3", name: "bootstrap", build: "dist/js/bootstrap.js", minified: "dist/js/bootstrap.min.js", license: "MIT" },
  // Its locales and fp builds have files of the same names (a glob without "/" matches at any depth).
  { spec: "date-fns@4.1.0", name: "date-fns", build: "cdn.js", minified: "cdn.min.js", license: "MIT", exclude: ["locale/**", "fp/**"] },
  { spec: "rxjs@7.8.1", name: "rxjs", build: "dist/bundles/rxjs.umd.js", minified: "dist/bundles/rxjs.umd.min.js", license: "Apache-2.0" },
] as const;

/** Minified builds of libraries the index does not hold. */
const NEGATIVES = [
  { spec: "axios@1.7.9", file: "dist/axios.min.js" },
  { spec: "react-dom@18.3.1", file: "cjs/react-dom.production.min.js" },
  { spec: "vue@3.5.13", file: "dist/vue.global.prod.js" },
  { spec: "chart.js@4.4.7", file: "dist/chart.umd.js" },
  { spec: "underscore@1.13.7", file: "underscore-umd-min.js" },
  { spec: "dayjs@1.11.13", file: "dayjs.min.js" },
  { spec: "preact@10.25.4", file: "dist/preact.min.js" },
  { spec: "glob@13.0.6", file: "dist/esm/index.min.js" },
  { spec: "tar@7.5.22", file: "dist/esm/index.min.js" },
] as const;

/** Older versions of indexed libraries, each vendored as its own minified build. */
const OLDER = [
  { spec: "jquery@3.6.0", file: "dist/jquery.min.js", expected: "jquery" },
  { spec: "lodash@4.17.20", file: "lodash.min.js", expected: "lodash" },
  { spec: "d3@7.8.5", file: "dist/d3.min.js", expected: "d3" },
  { spec: "moment@2.29.4", file: "min/moment.min.js", expected: "moment" },
  { spec: "bootstrap@5.3.3", file: "dist/js/bootstrap.bundle.min.js", expected: "bootstrap" },
] as const;

interface Part {
  readonly name: string;
  readonly lines: [number, number];
  /** On a line shared with other parts, its columns there (1-based, inclusive): a reference must give columns overlapping them. */
  readonly columns?: [number, number];
}

/** Whether a reference names the part's library where the part is: its lines, and its columns on a shared line. */
function locates(reference: { source: string; queryLines: [number, number]; queryColumns?: [number, number] }, part: Part): boolean {
  if (reference.source !== part.name || !near(reference.queryLines, part.lines, 0)) return false;
  return !part.columns || (reference.queryColumns !== undefined && near(reference.queryColumns, part.columns, 0));
}

interface Scanned {
  readonly report: ScanReport;
  readonly ms: number;
  readonly maxRssKiB: number;
}

function scan(file: string, db: string): Scanned {
  const started = performance.now();
  const child = spawnSync(process.execPath, [CHILD, "scan", "--minified", "--db", db, "--format", "json", file], {
    encoding: "utf8",
    maxBuffer: 1 << 30,
    env: { ...process.env, REFTRACK_SCAN_CHILD_REPORT: "1" },
  });
  const ms = performance.now() - started;
  if (child.stdout === "") throw new Error(`scan failed: ${child.stderr}`);
  const out = JSON.parse(child.stdout) as { report: ScanReport; maxRssKiB: number };
  return { report: out.report, ms, maxRssKiB: out.maxRssKiB };
}

/** A minified build's text without its line comments (a banner, a source-map comment), which would end a joined line. */
function minifiedText(path: string): string {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => !/^\s*\/\//.test(line))
    .join("\n")
    .replace(/\s+$/, "");
}

/**
 * The messages of Babel's iterable helpers, which every package built with it carries (minified,
 * under other names): a run of identical text inside one is compiler output, not a copy.
 */
const HELPER_MESSAGES = /Invalid attempt to (?:spread|destructure|iterate) non-iterable instance\.(?:\\n|\n)In order to be iterable, non-array objects must have a \[Symbol\.iterator\]\(\) method\./g;

/** Builds joined one after another (each on its own lines), or all on one line. */
function vendorFile(parts: readonly { name: string; text: string }[], oneLine: boolean): { text: string; parts: Part[] } {
  const banner = "/*! vendor bundle */";
  if (oneLine) {
    const texts = parts.map((p) => p.text.replace(/\n/g, " "));
    const placed: Part[] = [];
    let column = banner.length + 1;
    texts.forEach((text, i) => {
      placed.push({ name: parts[i]!.name, lines: [1, 1], columns: [column, column + text.length - 1] });
      column += text.length + 1;
    });
    return { text: `${banner}${texts.join(";")}\n`, parts: placed };
  }
  let line = 2;
  const placed: Part[] = [];
  for (const part of parts) {
    const lines = part.text.split("\n").length;
    placed.push({ name: part.name, lines: [line, line + lines - 1] });
    line += lines;
  }
  return { text: `${banner}\n${parts.map((p) => p.text).join("\n")}\n`, parts: placed };
}

/**
 * Whether two texts share a run of `length` identical characters once white space and compiler
 * helpers' messages are removed: the quality benchmark's test (text-runs.ts sharesRun), each text
 * as one line, since its line rules (import and license lines left out) would leave out a minified
 * file's only line.
 */
function shareRun(a: string, b: string, length: number): boolean {
  const asLine = (text: string) => [{ line: 1, key: text.replace(HELPER_MESSAGES, "").replace(/\s+/g, "") }];
  return sharesRun(asLine(a), asLine(b), length);
}

rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
const indexed = INDEXED.map((library) => ({ ...library, root: fetch(library.spec).root }));
const manifest = join(WORK, "manifest.json");
writeFileSync(
  manifest,
  JSON.stringify({
    sources: indexed.map((l) => ({
      kind: "dir",
      name: l.name,
      path: l.root,
      license: l.license,
      include: [l.build, l.minified],
      exclude: "exclude" in l ? l.exclude : [],
      minified: true,
    })),
  }),
);
const db = join(WORK, "minified.db");
const built = await buildIndex(db, manifest);
log(`indexed ${built.filesIndexed} files, ${(built.sourceBytes / 1e6).toFixed(2)} MB, in ${built.seconds.toFixed(1)} s`);
const library = (name: string) => indexed.find((l) => l.name === name)!;
/** The text of the indexed file a reference names. */
const referenced = (reference: { source: string; path: string }): string => readFileSync(join(library(reference.source).root, reference.path), "utf8");

const rows: string[] = [];
let expectedTotal = 0;
let expectedFound = 0;

// Positives made of the indexed builds: the five that a web page would vendor together.
const vendored = ["jquery", "lodash", "d3", "moment", "bootstrap"].map((name) => ({
  name,
  text: minifiedText(join(library(name).root, library(name).minified)),
}));
for (const oneLine of [false, true]) {
  const vendor = vendorFile(vendored, oneLine);
  const file = join(WORK, oneLine ? "vendor-one-line.min.js" : "vendor.min.js");
  writeFileSync(file, vendor.text);
  const { report, ms, maxRssKiB } = scan(file, db);
  const references = report.results.flatMap((r) => r.references);
  const found = vendor.parts.filter((part) => references.some((r) => locates(r, part)));
  const others = references.filter((r) => !vendor.parts.some((part) => locates(r, part)));
  expectedTotal += vendor.parts.length;
  expectedFound += found.length;
  rows.push(
    `| ${oneLine ? "the five joined on one line" : "jquery, lodash, d3, moment, bootstrap one after another"} | ${(statSync(file).size / 1e6).toFixed(2)} | ${Math.round(ms)} | ${Math.round(maxRssKiB / 1024)} | ${found.length} of ${vendor.parts.length} | ${references.length} (${others.length} elsewhere) |`,
  );
}

// Older versions: each must name its library.
for (const older of OLDER) {
  const file = join(fetch(older.spec).root, older.file);
  const { report, ms, maxRssKiB } = scan(file, db);
  const references = report.results.flatMap((r) => r.references);
  const found = references.some((r) => r.source === older.expected);
  const others = references.filter((r) => r.source !== older.expected);
  expectedTotal++;
  if (found) expectedFound++;
  rows.push(`| ${older.spec} ${older.file} | ${(statSync(file).size / 1e6).toFixed(2)} | ${Math.round(ms)} | ${Math.round(maxRssKiB / 1024)} | ${found ? "1 of 1" : "0 of 1"} | ${references.length} (${others.length} elsewhere) |`);
}

// Negatives: libraries the index does not hold.
const negativeRows: string[] = [];
let falseReferences = 0;
for (const negative of NEGATIVES) {
  const file = join(fetch(negative.spec).root, negative.file);
  const { report, ms, maxRssKiB } = scan(file, db);
  const references = report.results.flatMap((r) => r.references);
  const text = readFileSync(file, "utf8");
  const real = references.filter((r) => shareRun(text, referenced(r), SHARED_RUN_CHARS));
  falseReferences += references.length - real.length;
  negativeRows.push(
    `| ${negative.spec} ${negative.file} | ${(statSync(file).size / 1e6).toFixed(2)} | ${Math.round(ms)} | ${Math.round(maxRssKiB / 1024)} | ${references.length} | ${references.length - real.length} |`,
  );
}

const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
process.stdout.write(
  [
    `Vendored minified libraries (\`npm run bench:minified\`): \`reftrack scan --minified --format json\` in a fresh process, against an index of ${INDEXED.length} libraries' published builds, minified and not ("minified": true; ${built.filesIndexed} files, ${(built.sourceBytes / 1e6).toFixed(1)} MB); ` +
      `${new Date().toISOString().slice(0, 10)}, commit ${commit}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB.`,
    "",
    `Expected libraries reported at their query lines (and, on the one shared line, columns): ${expectedFound} of ${expectedTotal}. False references in minified builds of libraries not indexed: ${falseReferences}.`,
    "",
    "| vendored file | MB | wall ms | peak RSS MiB | expected libraries found | references |",
    "|---|---|---|---|---|---|",
    ...rows,
    "",
    "| not indexed | MB | wall ms | peak RSS MiB | references | false (no 150-character identical run outside compiler helpers' messages) |",
    "|---|---|---|---|---|---|",
    ...negativeRows,
    "",
  ].join("\n"),
);
