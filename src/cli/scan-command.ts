import { writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { type ReftrackConfig, loadConfig } from "../config/config.js";
import { readJsonFile } from "../config/json-file.js";
import { validateAgainstSchema } from "../config/schema-validation.js";
import { ReftrackError, describeError } from "../errors.js";
import { addedLinesSince } from "../files/git-diff.js";
import type { OriginalBytes } from "../files/source-file.js";
import { languageByName } from "../languages/registry.js";
import { formatHtml } from "../output/html.js";
import { type ScanReport, formatJson } from "../output/json.js";
import { formatNotice } from "../output/notice.js";
import type { Provenance } from "../output/provenance.js";
import type { ReportInput } from "../output/report.js";
import { formatSarif } from "../output/sarif.js";
import { type FileFacts, fileFacts, formatSpdx } from "../output/spdx.js";
import { printable } from "../output/printable.js";
import { ansiStyle, formatText, plainStyle } from "../output/text.js";
import { type Policy, compilePolicy } from "../policy/policy.js";
import { SCAN_DEFAULT_MAX_THREADS } from "../options.js";
import { ReferenceTracker } from "../tracker.js";
import { reftrackVersion } from "../version.js";
import { parseByteSize, parsePositiveInteger, parseThreadCount, withUsageErrors } from "./args.js";
import { EXIT_ERROR, EXIT_MATCH, EXIT_NO_MATCH, type Output } from "./output.js";
import { refuseOverwriting } from "./output-target.js";
import { ProgressLine } from "./progress.js";
import { scanPaths, stdinLanguage } from "./scan.js";
import { countSkipReasons, describeSkipCounts, skipWorthALine } from "./skip-counts.js";
import { counted } from "../util/counted.js";

const FORMATS = ["text", "json", "sarif", "spdx", "html"] as const;
type Format = (typeof FORMATS)[number];
const FAIL_ON = ["references", "policy", "never"] as const;
type FailOn = (typeof FAIL_ON)[number];

/** The flags `scan` and `notice` share. */
export const SCAN_FLAGS = {
  db: { type: "string" },
  config: { type: "string" },
  language: { type: "string" },
  "stdin-path": { type: "string" },
  "min-chars": { type: "string" },
  "max-file-size": { type: "string" },
  minified: { type: "boolean" },
  policy: { type: "string" },
  diff: { type: "string" },
  output: { type: "string", short: "o" },
  quiet: { type: "boolean", short: "q" },
  threads: { type: "string" },
} as const;

interface ScanFlags {
  db?: string;
  config?: string;
  language?: string;
  "stdin-path"?: string;
  "min-chars"?: string;
  "max-file-size"?: string;
  minified?: boolean;
  policy?: string;
  diff?: string;
  output?: string;
  quiet?: boolean;
  threads?: string;
}

/** A scan's results with what every report records. */
export interface CompletedScan {
  readonly report: ScanReport;
  readonly input: ReportInput;
  readonly texts: Map<string, string>;
  readonly facts: Map<string, FileFacts>;
  readonly config: ReftrackConfig;
  readonly policyGiven: boolean;
}

/** Runs a scan as `scan` and `notice` do: config, flags, index, policy, diff, progress. */
export async function runScan(values: ScanFlags, positionals: string[], out: Output, format: Format | "notice", showText: boolean): Promise<CompletedScan> {
  const { config } = loadConfig(values.config);
  const db = values.db ?? config.db ?? process.env.REFTRACK_DB;
  if (!db) throw new ReftrackError("scan: no index given: use --db <file>, `db` in reftrack.config.json, or REFTRACK_DB");
  const paths = positionals.length > 0 ? positionals : values.diff !== undefined ? ["."] : [];
  if (paths.length === 0) throw new ReftrackError("scan: give at least one path, folder or - for standard input");
  const named = new Set(paths);
  const language = values.language !== undefined ? languageByName(values.language) : undefined;
  const stdinPath = values["stdin-path"];
  if (stdinPath !== undefined && !paths.includes("-")) throw new ReftrackError("scan: --stdin-path names what standard input holds: give - among the paths");
  if (stdinPath === "") throw new ReftrackError("scan: --stdin-path needs a file path");
  // The diff's added lines are the work tree's; what arrives on standard input has none to go by.
  if (values.diff !== undefined && paths.includes("-")) throw new ReftrackError("scan: --diff reads the work tree's changed files, not standard input: scan - without --diff");
  if (paths.includes("-") && !stdinLanguage({ ...(language ? { language } : {}), ...(stdinPath !== undefined ? { stdinPath } : {}) })) {
    throw new ReftrackError(
      stdinPath === undefined
        ? "scan: standard input needs --language (python, typescript, tsx, javascript; or py, ts, js)"
        : `scan: --stdin-path ${stdinPath}: no known language for its extension (give --language)`,
    );
  }
  refuseOverwriting(values.output, paths, db);
  const minMatchedChars = parsePositiveInteger(values["min-chars"], "--min-chars");
  const configSize = config.scan?.maxFileSize;
  const maxFileBytes = parseByteSize(values["max-file-size"] ?? (configSize === undefined ? undefined : String(configSize)), "--max-file-size");
  const policy = values.policy !== undefined ? readPolicy(values.policy) : config.policy;
  // A bad policy is told before any file is read.
  if (policy) compilePolicy(policy);
  const added = values.diff !== undefined ? addedLinesSince(values.diff, process.cwd()) : undefined;
  const quiet = values.quiet === true;
  const style = out.stdoutIsTTY && !process.env.NO_COLOR ? ansiStyle : plainStyle;
  const keepTexts = format === "html" || format === "spdx";
  const texts = new Map<string, string>();
  const facts = new Map<string, FileFacts>();
  const progress = !quiet && out.stderrIsTTY && !showText ? new ProgressLine((text) => out.stderr(text)) : undefined;

  // Text streamed to a reader that has gone: the scan stops starting files (bin.ts then ends quietly).
  const readerGone = showText && !quiet && out.stdoutClosed ? new AbortController() : undefined;
  const threads = parseThreadCount(values.threads, "--threads") ?? config.scan?.threads ?? Math.min(availableParallelism(), SCAN_DEFAULT_MAX_THREADS);
  // One index for the whole scan, as its report says: another renamed over the file mid-scan is not taken.
  const tracker = await ReferenceTracker.open(db, { followFile: false });
  try {
    const report = await scanPaths(tracker, paths, {
      ...(language ? { language } : {}),
      ...(stdinPath !== undefined ? { stdinPath } : {}),
      match: { ...config.match, ...(minMatchedChars !== undefined ? { minMatchedChars } : {}) },
      ...(maxFileBytes !== undefined ? { maxFileBytes } : {}),
      ...(values.minified === true || config.scan?.minified === true ? { minified: true } : {}),
      parallel: { dbPath: db, threads },
      ...(policy ? { policy } : {}),
      ...(added ? { added } : {}),
      ...(keepTexts
        ? {
            onText: (path: string, text: string, original: OriginalBytes | undefined) => {
              facts.set(path, fileFacts(text, original));
              if (format === "html") texts.set(path, text);
            },
          }
        : {}),
      ...(progress ? { onPlan: (files: number, bytes: number) => progress.plan({ files, bytes }), onProgress: (files: number, bytes: number) => progress.update({ files, bytes }) } : {}),
      onResult: quiet || !showText ? undefined : (result) => {
        out.stdout(formatText(result, style, policy !== undefined));
        if (readerGone && out.stdoutClosed?.()) readerGone.abort();
      },
      ...(readerGone ? { signal: readerGone.signal } : {}),
      onSkip: quiet ? undefined : (skip) => {
        if (!skipWorthALine(skip.reason, named.has(skip.path))) return;
        progress?.clear();
        out.stderr(`reftrack: skipped ${printable(skip.path)}: ${printable(skip.detail)}\n`);
      },
      onError: (message) => {
        progress?.clear();
        out.stderr(`reftrack: ${printable(message)}\n`);
      },
    });
    progress?.clear();
    const provenance: Provenance = {
      tool: { name: "reftrack", version: reftrackVersion() },
      index: { ...tracker.describeIndex(), path: db },
      scannedAt: new Date().toISOString(),
    };
    return { report, input: { scan: report, provenance, policyGiven: policy !== undefined, root: process.cwd() }, texts, facts, config, policyGiven: policy !== undefined };
  } finally {
    tracker.close();
  }
}

export async function scanCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = withUsageErrors("scan", () =>
    parseArgs({ args, allowPositionals: true, options: { ...SCAN_FLAGS, format: { type: "string" }, "fail-on": { type: "string" } } }),
  );
  const { config: early } = loadConfig(values.config);
  const format = (values.format ?? early.scan?.format ?? "text") as Format;
  if (!FORMATS.includes(format)) throw new ReftrackError(`scan: --format must be one of ${FORMATS.join(", ")}, got "${format}"`);
  const failOn = (values["fail-on"] ?? early.scan?.failOn ?? "references") as FailOn;
  if (!FAIL_ON.includes(failOn)) throw new ReftrackError(`scan: --fail-on must be one of ${FAIL_ON.join(", ")}, got "${failOn}"`);
  const quiet = values.quiet === true;
  const toFile = values.output !== undefined;
  const scan = await runScan(values, positionals, out, format, format === "text" && !toFile);
  const { report, input } = scan;
  // Nobody reads the rest: no summary, no verdict (as when the pipe closes after the last file).
  if (out.stdoutClosed?.()) return EXIT_NO_MATCH;
  const document =
    format === "json" ? formatJson(report)
    : format === "sarif" ? formatSarif(input)
    : format === "spdx" ? formatSpdx(input, scan.facts)
    : format === "html" ? formatHtml(input, scan.texts)
    : toFile ? report.results.map((r) => formatText(r, plainStyle, scan.policyGiven)).join("") : undefined;
  if (document !== undefined) {
    if (toFile) writeOutput(values.output!, document);
    else if (!quiet) out.stdout(document);
  }
  const matched = report.results.filter((r) => r.references.length > 0).length;
  const blocked = report.results.filter((r) => r.decision.action === "block").length;
  if (!quiet && (format === "text" || toFile)) {
    out.stderr(
      `scanned ${counted(report.results.length, "file")}: ` +
        `${matched} with references${scan.policyGiven ? `, ${blocked} blocked by the policy` : ""}, ${describeSkipped(report.skipped)}, ${counted(report.errors.length, "error")}` +
        `${toFile ? `; ${format} report written to ${values.output}` : ""}\n`,
    );
  }
  // A scan that failed somewhere never looks clean, whatever the format.
  if (report.errors.length > 0) return EXIT_ERROR;
  const failed = failOn === "references" ? matched > 0 : failOn === "policy" ? blocked > 0 : false;
  return failed ? EXIT_MATCH : EXIT_NO_MATCH;
}

/** `reftrack notice`: an attribution file for every origin the scan finds. */
export async function noticeCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = withUsageErrors("notice", () => parseArgs({ args, allowPositionals: true, options: SCAN_FLAGS }));
  const scan = await runScan(values, positionals, out, "notice", false);
  const notice = formatNotice(scan.input);
  if (values.output !== undefined) writeOutput(values.output, notice);
  else out.stdout(notice);
  return scan.report.errors.length > 0 ? EXIT_ERROR : EXIT_NO_MATCH;
}

/** "3 skipped (2 empty, 1 binary)", or "0 skipped". */
function describeSkipped(skipped: ScanReport["skipped"]): string {
  return skipped.length === 0 ? "0 skipped" : `${skipped.length} skipped (${describeSkipCounts(countSkipReasons(skipped))})`;
}

function writeOutput(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new ReftrackError(`cannot write ${path}: ${describeError(error)}`);
  }
}

/** A policy file: a JSON object as the config's `policy` key, checked against the same schema. */
function readPolicy(path: string): Policy {
  const value = readJsonFile(path, "policy");
  validateAgainstSchema({ policy: value }, "reftrack.config", path);
  return value as Policy;
}
