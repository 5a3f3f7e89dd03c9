import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config/config.js";
import { loadManifest } from "../corpus/manifest.js";
import { ReftrackError } from "../errors.js";
import { type BuildProgress, type BuildSummary, type SourceProgress, buildFromSources } from "../indexing/build.js";
import { parseThreadCount, requireDb, withUsageErrors } from "./args.js";
import { EXIT_NO_MATCH, type Output } from "./output.js";
import { ProgressLine } from "./progress.js";
import { describeSkipCounts } from "./skip-counts.js";
import { counted } from "../util/counted.js";

/** The shell's status for a process stopped by Ctrl-C. */
const EXIT_INTERRUPTED = 130;

export function describeProgress(event: SourceProgress): string {
  const mb = (event.bytes / 1e6).toFixed(1);
  switch (event.status) {
    case "indexed":
      return `indexed    ${event.name}: ${counted(event.files, "file")}, ${mb} MB, ${counted(event.fingerprints, "fingerprint")}${event.detail ? `; license ${event.detail}` : ""}`;
    case "unchanged":
      return `unchanged  ${event.name}${event.files > 0 ? `: ${counted(event.files, "file")}` : ""}`;
    case "removed":
      return `removed    ${event.name}`;
    case "unavailable":
      return `skipped    ${event.name}: ${event.detail ?? "unavailable"}`;
  }
}

export function describeSummary(summary: BuildSummary): string {
  const skipped = describeSkipCounts(summary.skipped);
  const copies = summary.index.files - summary.index.contents;
  return (
    `index: ${counted(summary.index.sources, "source")}, ${counted(summary.index.files, "file")}` +
    `${copies > 0 ? ` (${copies} identical ${copies === 1 ? "copy" : "copies"} stored once)` : ""}, ${counted(summary.index.fingerprints, "fingerprint")}, ` +
    `${(summary.index.bytes / 1e6).toFixed(1)} MB on disk\n` +
    `this run: ${summary.sourcesIndexed} indexed, ${summary.sourcesUnchanged} unchanged, ${summary.sourcesRemoved} removed` +
    `${summary.sourcesUnavailable ? `, ${summary.sourcesUnavailable} unavailable` : ""}; ` +
    `${counted(summary.filesIndexed, "file")}, ${(summary.sourceBytes / 1e6).toFixed(1)} MB of source in ${summary.seconds.toFixed(1)} s on ${counted(summary.threads, "thread")}` +
    `${skipped ? `; skipped files: ${skipped}` : ""}\n`
  );
}

export async function indexCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = withUsageErrors("index", () =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        db: { type: "string" },
        config: { type: "string" },
        cache: { type: "string" },
        repair: { type: "boolean" },
        quiet: { type: "boolean", short: "q" },
        threads: { type: "string" },
      },
    }),
  );
  const threads = parseThreadCount(values.threads, "--threads");
  const db = requireDb(values.db ?? loadConfig(values.config).config.db, "index");
  if (positionals.length !== 1) throw new ReftrackError("index: give exactly one manifest file");
  const quiet = values.quiet === true;
  const manifest = loadManifest(positionals[0]!, values.cache !== undefined ? { cacheDirectory: resolve(values.cache) } : {});
  // The bar only where a person watches; logs and pipes get one line per source instead.
  const bar = !quiet && out.stderrIsTTY ? new ProgressLine((text) => out.stderr(text)) : undefined;
  // Ctrl-C: finish the source being written, keep everything written, stop; again: stop at once.
  const interrupt = new AbortController();
  const onSignal = (): void => {
    if (interrupt.signal.aborted) process.exit(EXIT_INTERRUPTED);
    bar?.clear();
    out.stderr("reftrack: stopping after the source being written (Ctrl-C again to stop at once; the next run resumes)\n");
    interrupt.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  let summary: BuildSummary;
  try {
    summary = await buildFromSources(db, manifest.sources, manifest.unavailable, {
      signal: interrupt.signal,
      repair: values.repair === true,
      ...(threads !== undefined ? { threads } : {}),
    onSource: quiet
      ? undefined
      : (event) => {
          bar?.clear();
          out.stderr(`${describeProgress(event)}\n`);
        },
    ...(bar ? { onPlan: (total: BuildProgress) => bar.plan(total), onProgress: (done: BuildProgress) => bar.update(done) } : {}),
    });
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  bar?.clear();
  if (!quiet) out.stderr(describeSummary(summary));
  if (summary.interrupted) {
    out.stderr("reftrack: interrupted; what was written is kept, and the next run resumes with the rest\n");
    return EXIT_INTERRUPTED;
  }
  return EXIT_NO_MATCH;
}

