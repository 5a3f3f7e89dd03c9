import { parseArgs } from "node:util";
import { defaultLogPath, loadConfig } from "../config/config.js";
import { ReftrackError } from "../errors.js";
import { type LogFilter, filterLog, logToCsv, parseLogDate } from "../log/log-query.js";
import { type LogEntry, readLog } from "../log/reference-log.js";
import { withUsageErrors } from "./args.js";
import { EXIT_NO_MATCH, type Output } from "./output.js";
import { counted } from "../util/counted.js";
import { printable } from "../output/printable.js";

/** `reftrack log`: lists, filters and exports the code reference log. */
export async function logCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = withUsageErrors("log", () =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        config: { type: "string" },
        log: { type: "string" },
        license: { type: "string" },
        repository: { type: "string" },
        since: { type: "string" },
        until: { type: "string" },
        format: { type: "string" },
      },
    }),
  );
  if (positionals.length > 0) throw new ReftrackError(`log: unexpected argument "${positionals[0]}" (see \`reftrack --help\`)`);
  const { config } = loadConfig(values.config);
  const path = values.log ?? config.log?.path ?? defaultLogPath();
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json" && format !== "csv") throw new ReftrackError(`log: --format must be text, json or csv, got "${format}"`);
  const filter: LogFilter = {
    ...(values.license !== undefined ? { license: values.license } : {}),
    ...(values.repository !== undefined ? { repository: values.repository } : {}),
    ...(values.since !== undefined ? { since: parseLogDate(values.since, "--since") } : {}),
    ...(values.until !== undefined ? { until: endOfDay(values.until) } : {}),
  };
  const { entries, damaged, missing } = readLog(path);
  const shown = filterLog(entries, filter);
  if (damaged > 0) out.stderr(`reftrack: ${path}: ${counted(damaged, "damaged line")} skipped\n`);
  if (format === "json") out.stdout(`${JSON.stringify({ version: 1, log: path, entries: shown }, null, 2)}\n`);
  else if (format === "csv") out.stdout(logToCsv(shown));
  else out.stdout(shown.map(describeEntry).join(""));
  // A mistyped --log would otherwise read as an empty log.
  if (missing) out.stderr(`no reference log at ${path} yet: nothing accepted into it (or --log, the config's log.path or the default names another file)\n`);
  else if (format === "text") out.stderr(`${shown.length} of ${entries.length} entr${entries.length === 1 ? "y" : "ies"} in ${path}\n`);
  return EXIT_NO_MATCH;
}

/** `--until 2026-12-01` includes that whole day. */
function endOfDay(value: string): Date {
  const date = parseLogDate(value, "--until");
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(date.getTime() + 86_400_000 - 1) : date;
}

function describeEntry(entry: LogEntry): string {
  const where = entry.file ? `${printable(entry.file)}${entry.lines ? `:${entry.lines[0]}-${entry.lines[1]}` : ""}` : "(no file given)";
  const lines = [`${printable(entry.time)}  ${where}${entry.action ? `  ${entry.action}` : ""}`];
  for (const r of entry.references) {
    lines.push(`  ${printable(r.license)}  ${printable([r.source, r.revision].filter(Boolean).join(" "))}  ${printable(r.path)}:${r.lines[0]}-${r.lines[1]}${r.url ? `  ${printable(r.url)}` : ""}`);
  }
  return `${lines.join("\n")}\n`;
}
