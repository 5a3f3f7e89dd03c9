import { closeSync, fdatasyncSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { ReftrackError, describeError, requirePath } from "../errors.js";
import type { Reference } from "../output/reference.js";
import type { PolicyAction } from "../policy/policy.js";

/** Where one logged reference's code came from. */
export interface LoggedReference {
  readonly source: string;
  readonly repository: string | null;
  readonly revision: string | null;
  readonly path: string;
  /** 1-based inclusive lines in that file. */
  readonly lines: [number, number];
  readonly license: string;
  readonly url: string | null;
}

/** One accepted suggestion that carried references. */
export interface LogEntry {
  /** ISO 8601, UTC. */
  readonly time: string;
  /** The person's file the suggestion went into, and its lines there, when the caller says. */
  readonly file: string | null;
  readonly lines: [number, number] | null;
  readonly action: PolicyAction | null;
  readonly references: readonly LoggedReference[];
  /** The suggestion's text: only when the log was opened with `includeCode`. */
  readonly code?: string;
}

/** What a pipeline tells the log about a suggestion the person accepted. */
export interface AcceptedSuggestion {
  readonly references: readonly Reference[];
  readonly file?: string;
  /** The lines the suggestion occupies in `file` (1-based, inclusive). */
  readonly lines?: [number, number];
  readonly action?: PolicyAction;
  /** Stored only when the log was opened with `includeCode`. */
  readonly code?: string;
  /** Defaults to now. */
  readonly time?: Date;
}

export interface ReferenceLogOptions {
  /** Store the suggestion's text in each entry (default false: no code is kept). */
  readonly includeCode?: boolean;
  /** Flush each entry to disk before `record` returns (default true), so a crash loses none. */
  readonly durable?: boolean;
}

/**
 * The code reference log: an append-only file of JSON lines, one per accepted suggestion that
 * carried references. Each entry is written by one append, so a killed writer leaves every
 * completed entry readable, readers may read while it is written (readLog ignores a last line
 * still being written), and several writers may share it.
 */
export class ReferenceLog {
  private fd: number | null;

  private constructor(
    readonly path: string,
    fd: number,
    private readonly options: ReferenceLogOptions,
  ) {
    this.fd = fd;
  }

  static open(path: string, options: ReferenceLogOptions = {}): ReferenceLog {
    requirePath(path, "ReferenceLog.open()", "the log");
    try {
      mkdirSync(dirname(path), { recursive: true });
      return new ReferenceLog(path, openSync(path, "a", 0o600), options);
    } catch (error) {
      throw new ReftrackError(`cannot open the reference log ${path}: ${describeError(error)}`);
    }
  }

  /** Logs an accepted suggestion; one with no references is not logged (null). */
  record(accepted: AcceptedSuggestion): LogEntry | null {
    if (this.fd === null) throw new ReftrackError("the reference log is closed");
    if (!Array.isArray(accepted.references)) throw new ReftrackError("record(): references must be a list");
    if (accepted.references.length === 0) return null;
    const time = accepted.time ?? new Date();
    if (!(time instanceof Date) || Number.isNaN(time.getTime())) throw new ReftrackError("record(): time must be a valid Date");
    const entry: LogEntry = {
      time: time.toISOString(),
      file: accepted.file ?? null,
      lines: accepted.lines ?? null,
      action: accepted.action ?? null,
      references: accepted.references.map((reference) => ({
        source: reference.source,
        repository: reference.repository,
        revision: reference.revision,
        path: reference.path,
        lines: reference.sourceLines,
        license: reference.license,
        url: reference.url,
      })),
      ...(this.options.includeCode && accepted.code !== undefined ? { code: accepted.code } : {}),
    };
    // Told to the caller now: an entry readLog would count as damaged is never written.
    const problem = entryProblem(entry);
    if (problem) throw new ReftrackError(`record(): ${problem}`);
    try {
      writeSync(this.fd, `${JSON.stringify(entry)}\n`);
      if (this.options.durable !== false) fdatasyncSync(this.fd);
    } catch (error) {
      throw new ReftrackError(`cannot write the reference log ${this.path}: ${describeError(error)}`);
    }
    return entry;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/**
 * A log's entries, and how many lines were not entries (damaged; a last line still being written
 * is not counted). A log that does not exist has no entries (`missing`): nothing was accepted yet.
 */
export function readLog(path: string): { entries: LogEntry[]; damaged: number; missing?: true } {
  requirePath(path, "readLog()", "the log");
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { entries: [], damaged: 0, missing: true };
    throw new ReftrackError(`cannot read the reference log ${path}: ${describeError(error)}`);
  }
  const lines = text.split("\n");
  // The text after the last line break is an entry still being written, or nothing.
  lines.pop();
  const entries: LogEntry[] = [];
  let damaged = 0;
  for (const line of lines) {
    if (line.trim() === "") continue;
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      damaged++;
      continue;
    }
    // Valid JSON of another shape (a line edited by hand, another program's) is damaged too: the
    // log's readers take every field as written.
    if (isLogEntry(entry)) entries.push(entry);
    else damaged++;
  }
  return { entries, damaged };
}

function isLogEntry(value: unknown): value is LogEntry {
  return entryProblem(value) === undefined;
}

/** What makes `value` not a log entry as record() writes one, or undefined. */
function entryProblem(value: unknown): string | undefined {
  if (!isObject(value)) return "not an object";
  if (typeof value.time !== "string" || Number.isNaN(Date.parse(value.time))) return "time must be a date";
  if (!isStringOrNull(value.file)) return "file must be a string";
  if (value.lines !== null && !isLineRange(value.lines)) return "lines must be two line numbers from 1, the first not after the second";
  if (value.action !== null && value.action !== "allow" && value.action !== "annotate" && value.action !== "block") return "action must be allow, annotate or block";
  if (value.code !== undefined && typeof value.code !== "string") return "code must be a string";
  if (!Array.isArray(value.references)) return "references must be a list";
  for (const reference of value.references) {
    const problem = referenceProblem(reference);
    if (problem) return `a reference's ${problem}`;
  }
  return undefined;
}

function referenceProblem(value: unknown): string | undefined {
  if (!isObject(value)) return "entry is not an object";
  if (typeof value.source !== "string" || typeof value.path !== "string" || typeof value.license !== "string") return "source, path and license must be strings";
  if (!isStringOrNull(value.repository) || !isStringOrNull(value.revision) || !isStringOrNull(value.url)) return "repository, revision and url must be strings or null";
  if (!isLineRange(value.lines)) return "lines must be two line numbers from 1, the first not after the second";
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isStringOrNull(value: unknown): boolean {
  return value === null || typeof value === "string";
}

function isLineRange(value: unknown): boolean {
  return Array.isArray(value) && value.length === 2 && value.every((line) => Number.isInteger(line) && line >= 1) && value[0] <= value[1];
}
