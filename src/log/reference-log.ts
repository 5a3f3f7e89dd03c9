import { closeSync, fdatasyncSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { ReftrackError, describeError } from "../errors.js";
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
    if (accepted.references.length === 0) return null;
    const entry: LogEntry = {
      time: (accepted.time ?? new Date()).toISOString(),
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
    try {
      const entry = JSON.parse(line) as LogEntry;
      if (typeof entry.time !== "string" || !Array.isArray(entry.references)) throw new Error("not an entry");
      entries.push(entry);
    } catch {
      damaged++;
    }
  }
  return { entries, damaged };
}
