import { parseArgs } from "node:util";
import { ReftrackError } from "../errors.js";
import { languageByName } from "../languages/registry.js";
import { formatJson } from "../output/json.js";
import { ansiStyle, formatText, plainStyle } from "../output/text.js";
import { ReferenceTracker } from "../tracker.js";
import { parseByteSize, parsePositiveInteger, requireDb, withUsageErrors } from "./args.js";
import { EXIT_ERROR, EXIT_MATCH, EXIT_NO_MATCH, type Output } from "./output.js";
import { scanPaths } from "./scan.js";

export async function scanCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = withUsageErrors("scan", () =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        db: { type: "string" },
        format: { type: "string" },
        language: { type: "string" },
        "min-chars": { type: "string" },
        "max-file-size": { type: "string" },
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
  const maxFileBytes = parseByteSize(values["max-file-size"], "--max-file-size");
  const quiet = values.quiet === true;
  const style = out.stdoutIsTTY && !process.env.NO_COLOR ? ansiStyle : plainStyle;

  const tracker = await ReferenceTracker.open(db);
  try {
    const report = scanPaths(tracker, positionals, {
      ...(stdinLanguage ? { stdinLanguage } : {}),
      ...(minMatchedChars !== undefined ? { minMatchedChars } : {}),
      ...(maxFileBytes !== undefined ? { maxFileBytes } : {}),
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
