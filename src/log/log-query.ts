import { ReftrackError } from "../errors.js";
import { LicenseList, mentionsLicense } from "../policy/license-rules.js";
import { normalizeRepository } from "../policy/policy.js";
import type { LogEntry } from "./reference-log.js";

/** Which entries to list: every given condition must hold. */
export interface LogFilter {
  /** A license or category (`GPL-3.0-only`, `copyleft`): entries with a reference under it. */
  readonly license?: string;
  /** A repository URL, or part of one, or a source name. */
  readonly repository?: string;
  readonly since?: Date;
  readonly until?: Date;
}

export function filterLog(entries: readonly LogEntry[], filter: LogFilter): LogEntry[] {
  if (!Array.isArray(entries as unknown)) throw new ReftrackError("filterLog() expects the log's entries (readLog's entries)");
  if (typeof filter !== "object" || filter === null) throw new ReftrackError("filterLog() expects a filter object: { license, repository, since, until }");
  const license = filter.license !== undefined ? LicenseList.parse([filter.license], "--license") : undefined;
  const repository = filter.repository !== undefined ? normalizeRepository(filter.repository) : undefined;
  return entries.filter((entry) => {
    const time = Date.parse(entry.time);
    if (filter.since && !(time >= filter.since.getTime())) return false;
    if (filter.until && !(time <= filter.until.getTime())) return false;
    if (license && !entry.references.some((reference) => mentionsLicense(reference.license, license))) return false;
    if (
      repository !== undefined &&
      !entry.references.some((r) => normalizeRepository(r.source) === repository || (r.repository !== null && normalizeRepository(r.repository).includes(repository)))
    ) {
      return false;
    }
    return true;
  });
}

/** A date on the command line: ISO 8601 (a day or a moment). */
export function parseLogDate(value: string, flag: string): Date {
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(time)) throw new ReftrackError(`${flag} expects a date such as 2026-12-01 or 2026-12-01T09:30:00Z, got "${value}"`);
  return new Date(time);
}

const CSV_COLUMNS = ["time", "file", "from_line", "to_line", "action", "source", "repository", "revision", "path", "source_from_line", "source_to_line", "license", "url"];

/** One row per logged reference (an entry with three references is three rows), RFC 4180 quoting. */
export function logToCsv(entries: readonly LogEntry[]): string {
  if (!Array.isArray(entries as unknown)) throw new ReftrackError("logToCsv() expects the log's entries (readLog's entries)");
  const rows = [CSV_COLUMNS.join(",")];
  for (const entry of entries) {
    for (const reference of entry.references) {
      rows.push(
        [
          entry.time,
          entry.file,
          entry.lines?.[0],
          entry.lines?.[1],
          entry.action,
          reference.source,
          reference.repository,
          reference.revision,
          reference.path,
          reference.lines[0],
          reference.lines[1],
          reference.license,
          reference.url,
        ]
          .map(csvField)
          .join(","),
      );
    }
  }
  return `${rows.join("\r\n")}\r\n`;
}

function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  // A leading = + - @ makes spreadsheets evaluate the cell: quote it as text.
  const guarded = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) || guarded !== text ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}
