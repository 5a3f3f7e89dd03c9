import { readFileSync } from "node:fs";
import { loadManifest } from "../corpus/manifest.js";
import { ReftrackError, describeError } from "../errors.js";
import { DEFAULT_FINGERPRINT_PARAMETERS } from "../fingerprint/fingerprint.js";
import { type BuildProgress, type BuildSummary, type SourceProgress, buildIndex } from "../index/build.js";
import { languageByName } from "../languages/registry.js";
import { formatJson } from "../output/json.js";
import { ansiStyle, formatText, plainStyle } from "../output/text.js";
import { ReferenceTracker } from "../tracker.js";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { parsePositiveInteger, withUsageErrors } from "./args.js";
import { runDemo } from "./demo.js";
import { ProgressLine } from "./progress.js";
import { scanPaths } from "./scan.js";

/** Exit codes, as grep and ripgrep use them. */
export const EXIT_NO_MATCH = 0;
export const EXIT_MATCH = 1;
export const EXIT_ERROR = 2;

const USAGE = `reftrack — find where code comes from, with its license

Usage:
  reftrack index --db <file> [--cache <dir>] [--quiet] <manifest.json>
      Build or update an index from a corpus manifest (kinds: dir, git, npm, archive,
      python-stdlib). Fetched packages and extracted archives are kept in --cache
      (default $REFTRACK_CACHE, else ~/.cache/reftrack).
  reftrack scan --db <file> [--format text|json] [--language <lang>] [--min-chars N] [--quiet] <path|dir|->...
      Scan files, folders (recursively, known extensions) or standard input ("-").
      Exit status: 0 nothing matched, 1 references found, 2 error.
  reftrack demo
      Build the default index from corpus/default.json and scan examples (what \`npm start\` runs).

Languages: typescript, tsx, javascript, python.
`;

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
}

const processOutput: Output = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
};

export async function main(argv: string[], out: Output = processOutput): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "index":
        return await indexCommand(rest, out);
      case "scan":
        return await scanCommand(rest, out);
      case "demo":
        return await runDemo(out);
      case "--version":
      case "-V":
        out.stdout(`${packageVersion()}\n`);
        return EXIT_NO_MATCH;
      case undefined:
      case "help":
      case "--help":
      case "-h":
        out.stdout(USAGE);
        return command === undefined ? EXIT_ERROR : EXIT_NO_MATCH;
      default:
        throw new ReftrackError(`unknown command "${command}" (see \`reftrack --help\`)`);
    }
  } catch (error) {
    if (error instanceof ReftrackError) {
      out.stderr(`reftrack: ${error.message}\n`);
      return EXIT_ERROR;
    }
    // Not the user's fault: keep the stack, it is what a bug report needs.
    out.stderr(`reftrack: internal error: ${error instanceof Error ? (error.stack ?? error.message) : describeError(error)}\n`);
    return EXIT_ERROR;
  }
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

function requireDb(db: string | undefined, command: string): string {
  if (!db) throw new ReftrackError(`${command}: --db <file> is required`);
  return db;
}

export function describeProgress(event: SourceProgress): string {
  const mb = (event.bytes / 1e6).toFixed(1);
  switch (event.status) {
    case "indexed":
      return `indexed    ${event.name}: ${event.files} files, ${mb} MB, ${event.fingerprints} fingerprints${event.detail ? `; license ${event.detail}` : ""}`;
    case "unchanged":
      return `unchanged  ${event.name}${event.files > 0 ? `: ${event.files} files` : ""}`;
    case "removed":
      return `removed    ${event.name}`;
    case "unavailable":
      return `skipped    ${event.name}: ${event.detail ?? "unavailable"}`;
  }
}

export function describeSummary(summary: BuildSummary): string {
  const skipped = Object.entries(summary.skipped)
    .map(([reason, n]) => `${n} ${reason}`)
    .join(", ");
  const copies = summary.index.files - summary.index.contents;
  return (
    `index: ${summary.index.sources} sources, ${summary.index.files} files` +
    `${copies > 0 ? ` (${copies} identical ${copies === 1 ? "copy" : "copies"} stored once)` : ""}, ${summary.index.fingerprints} fingerprints, ` +
    `${(summary.index.bytes / 1e6).toFixed(1)} MB on disk\n` +
    `this run: ${summary.sourcesIndexed} indexed, ${summary.sourcesUnchanged} unchanged, ${summary.sourcesRemoved} removed` +
    `${summary.sourcesUnavailable ? `, ${summary.sourcesUnavailable} unavailable` : ""}; ` +
    `${summary.filesIndexed} files, ${(summary.sourceBytes / 1e6).toFixed(1)} MB of source in ${summary.seconds.toFixed(1)} s` +
    `${skipped ? `; skipped files: ${skipped}` : ""}\n`
  );
}

async function indexCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = withUsageErrors("index", () =>
    parseArgs({
      args,
      allowPositionals: true,
      options: { db: { type: "string" }, cache: { type: "string" }, quiet: { type: "boolean", short: "q" } },
    }),
  );
  const db = requireDb(values.db, "index");
  if (positionals.length !== 1) throw new ReftrackError("index: give exactly one manifest file");
  const quiet = values.quiet === true;
  const manifest = loadManifest(positionals[0]!, values.cache !== undefined ? { cacheDirectory: resolve(values.cache) } : {});
  // The bar only where a person watches; logs and pipes get one line per source instead.
  const bar = !quiet && out.stderrIsTTY ? new ProgressLine((text) => out.stderr(text)) : undefined;
  const summary = await buildIndex(db, manifest.sources, manifest.unavailable, {
    fingerprinting: DEFAULT_FINGERPRINT_PARAMETERS,
    onSource: quiet
      ? undefined
      : (event) => {
          bar?.clear();
          out.stderr(`${describeProgress(event)}\n`);
        },
    ...(bar ? { onPlan: (total: BuildProgress) => bar.plan(total), onProgress: (done: BuildProgress) => bar.update(done) } : {}),
  });
  bar?.clear();
  if (!quiet) out.stderr(describeSummary(summary));
  return EXIT_NO_MATCH;
}

async function scanCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = withUsageErrors("scan", () =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        db: { type: "string" },
        format: { type: "string" },
        language: { type: "string" },
        "min-chars": { type: "string" },
        quiet: { type: "boolean", short: "q" },
      },
    }),
  );
  const db = requireDb(values.db, "scan");
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json") throw new ReftrackError(`scan: --format must be text or json, got "${format}"`);
  if (positionals.length === 0) throw new ReftrackError("scan: give at least one path, folder or - for standard input");
  const stdinLanguage = values.language !== undefined ? languageByName(values.language) : undefined;
  const minMatchedChars = parsePositiveInteger(values["min-chars"], "--min-chars");
  const quiet = values.quiet === true;
  const style = out.stdoutIsTTY && !process.env.NO_COLOR ? ansiStyle : plainStyle;

  const tracker = await ReferenceTracker.open(db);
  try {
    const report = scanPaths(tracker, positionals, {
      ...(stdinLanguage ? { stdinLanguage } : {}),
      ...(minMatchedChars !== undefined ? { minMatchedChars } : {}),
      onResult: quiet || format !== "text" ? undefined : (result) => out.stdout(formatText(result, style)),
      onSkip: quiet ? undefined : (skip) => out.stderr(`reftrack: skipped ${skip.path}: ${skip.detail}\n`),
      onError: (message) => out.stderr(`reftrack: ${message}\n`),
    });
    if (format === "json" && !quiet) out.stdout(formatJson(report));
    const matched = report.results.filter((r) => r.references.length > 0).length;
    if (format === "text" && !quiet) {
      out.stderr(
        `scanned ${report.results.length} file${report.results.length === 1 ? "" : "s"}: ` +
          `${matched} with references, ${report.skipped.length} skipped, ${report.errors.length} errors\n`,
      );
    }
    if (report.errors.length > 0) return EXIT_ERROR;
    return matched > 0 ? EXIT_MATCH : EXIT_NO_MATCH;
  } finally {
    tracker.close();
  }
}
