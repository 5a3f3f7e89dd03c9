import { type Stats, lstatSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { IndexUnusableError, describeError } from "../errors.js";
import { type AddedLines, overlapsAdded } from "../files/git-diff.js";
import { IgnoreRules } from "../files/ignore-rules.js";
import { isNotebookPath } from "../files/notebook.js";
import { type OriginalBytes, type ReadOptions, type SourceText, decodeSource, isReadFailure, readFileStart, readSourceFile, readStandardInput } from "../files/source-file.js";
import { walkFiles } from "../files/walk.js";
import type { LanguageDefinition } from "../languages/language.js";
import { languageByName, languageForFile, languageForPath } from "../languages/registry.js";
import { DEFAULT_MAX_SCAN_BYTES, type MatchOptions, SCAN_PARALLEL_MIN_BYTES, SCAN_TASKS_PER_HELPER } from "../options.js";
import type { ScanReport, ScannedFile, SkippedFile } from "../output/json.js";
import { decide } from "../policy/decide.js";
import { type Policy, compilePolicy } from "../policy/policy.js";
import type { ReferenceTracker } from "../tracker.js";
import { type FileOutcome, failedOutcome, fileOutcome } from "./scan-file.js";
import type { ScanTask } from "./scan-worker.js";

export interface ScanOptions {
  /** The language of every input, files and standard input alike, as the library's `language` wins over `path`. */
  readonly language?: LanguageDefinition;
  /**
   * What standard input (`-`) holds: that file's content (`--stdin-path`), reported under this
   * path, its language its extension's unless `language` says, and matched as a whole file, as a
   * file is. Without it, standard input is a fragment (a suggestion piped in) under the name `-`.
   */
  readonly stdinPath?: string;
  /** Matching thresholds (the config's `match`, `--min-chars`). */
  readonly match?: Partial<MatchOptions>;
  /** The policy each file's references are decided by (default: annotate every reference). */
  readonly policy?: Policy;
  /** Files larger than this are skipped (default DEFAULT_MAX_SCAN_BYTES). */
  readonly maxFileBytes?: number;
  /** Scan minified files instead of skipping them (files/source-file.ts ReadOptions). */
  readonly minified?: boolean;
  /** Only these files, and only references overlapping these lines (`--diff`). */
  readonly added?: AddedLines;
  /** Called before scanning with how many files and bytes there are, for a progress bar. */
  readonly onPlan?: (files: number, bytes: number) => void;
  /** Called as soon as each file is scanned, so output streams. */
  readonly onResult?: (result: ScannedFile) => void;
  /** Each scanned file's text (and its own bytes when they are not the text as UTF-8), for reports that show or checksum it. */
  readonly onText?: (path: string, text: string, original: OriginalBytes | undefined) => void;
  readonly onSkip?: (skip: SkippedFile) => void;
  readonly onError?: (message: string) => void;
  /** After each file, with the files and bytes done. */
  readonly onProgress?: (files: number, bytes: number) => void;
  /**
   * Read and match files on `threads` helper threads, each opening the index at `dbPath`,
   * when there are two files or more and at least `minBytes` to read (default SCAN_PARALLEL_MIN_BYTES).
   */
  readonly parallel?: { readonly dbPath: string; readonly threads: number; readonly minBytes?: number };
  /**
   * Stops the scan once aborted: no file is delivered after it (files under way on helper threads
   * are finished and dropped), and the report holds the files delivered before.
   */
  readonly signal?: AbortSignal;
}

interface Target {
  readonly display: string;
  readonly absolute: string | null;
  readonly bytes: number;
  readonly read: () => SourceText;
  readonly language: LanguageDefinition | undefined;
  /** A file a helper thread can read by its path (not standard input). */
  readonly readable: boolean;
  /** Matched as a whole file (MatchTarget.whole): a file, or standard input a `stdinPath` names. */
  readonly whole: boolean;
  /** A Jupyter notebook, matched by its code cells (files/notebook.ts). */
  readonly notebook: boolean;
  /** How the file is read: a helper thread reads it so too. */
  readonly reading: ReadOptions;
}

/**
 * Expands command-line paths into scan targets: files, folders (by known extension or `#!` line,
 * minus what .gitignore and .reftrackignore leave out) and standard input. A file reached twice
 * (`src src/app.ts`, a name given twice) is one target: a report lists each file once.
 */
function expandTargets(paths: readonly string[], options: ScanOptions, errors: string[]): Target[] {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_SCAN_BYTES;
  const reading = { minified: options.minified === true };
  const targets: Target[] = [];
  const fail = (message: string): void => {
    errors.push(message);
    options.onError?.(message);
  };
  // Files by absolute path, each taken once; `language` is asked only for a file not taken yet.
  const seen = new Set<string>();
  const addFile = (display: string, language: () => LanguageDefinition | undefined): void => {
    const notebook = isNotebookPath(display);
    const absolute = resolve(display);
    if (seen.has(absolute)) return;
    seen.add(absolute);
    let bytes = 0;
    try {
      bytes = statSync(display).size;
    } catch {
      // Told when it is read.
    }
    // A notebook's code cells are Python whatever --language says: its kernel is told when it is read.
    const chosen = notebook ? language() : (options.language ?? language());
    const fileReading = notebook ? NOTEBOOK_READING : reading;
    targets.push({ display, absolute, bytes, read: () => readSourceFile(display, maxBytes, fileReading), language: chosen, readable: true, whole: true, notebook, reading: fileReading });
  };
  for (const path of paths) {
    if (path === "-") {
      const named = options.stdinPath;
      const notebook = named !== undefined && isNotebookPath(named);
      const stdinReading = notebook ? NOTEBOOK_READING : reading;
      targets.push({
        display: named ?? "-",
        absolute: null,
        bytes: 0,
        read: () => readStdin(named ?? "-", maxBytes, stdinReading),
        language: stdinLanguage(options),
        readable: false,
        whole: named !== undefined,
        notebook,
        reading: stdinReading,
      });
      continue;
    }
    const stats = statOrReason(path);
    if (typeof stats === "string") {
      fail(`${path}: ${stats}`);
      continue;
    }
    if (stats.isDirectory()) {
      const ignored = new IgnoreRules(path);
      const unreadable = (inside: string, error: NodeJS.ErrnoException) => fail(`${join(path, inside)}: folder cannot be read (${error.code ?? "error"})`);
      for (const relative of walkFiles(path, "", (inside, directory) => ignored.ignores(join(path, inside), directory), unreadable)) {
        const inside = join(path, relative);
        const language = scannedLanguage(relative, inside);
        if (language) addFile(inside, () => language);
      }
    } else {
      addFile(path, () => scannedLanguage(path, path));
    }
  }
  // A diff scan reads only the files the diff adds lines to.
  return options.added ? targets.filter((t) => t.absolute !== null && options.added!.has(t.absolute)) : targets;
}

/** A path given to scan, or why it cannot be read: missing, a symbolic link to nothing or in a loop, not open to this user. */
function statOrReason(path: string): Stats | string {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") return "symbolic links in a loop";
    if (code === "EACCES") return "permission denied";
    if (code === "ENOENT" && isSymbolicLink(path)) return "a symbolic link to a file that does not exist";
    return code === "ENOENT" || code === "ENOTDIR" ? "no such file or directory" : `cannot be read (${code ?? "error"})`;
  }
}

function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The language standard input is read in: a notebook's (Python) when `stdinPath` names one, else `language`, else `stdinPath`'s extension's. */
export function stdinLanguage(options: Pick<ScanOptions, "language" | "stdinPath">): LanguageDefinition | undefined {
  const named = options.stdinPath;
  if (named !== undefined && isNotebookPath(named)) return languageByName("python");
  return options.language ?? (named !== undefined ? languageForPath(named) : undefined);
}

/** The language a scan reads a file in: its extension's or `#!` line's, or a notebook's code cells' (Python). */
export function scannedLanguage(name: string, path: string): LanguageDefinition | undefined {
  return isNotebookPath(name) ? languageByName("python") : languageForFile(name, () => readFileStart(path));
}

/** A notebook's outputs put images on lines as long as minified code's: its JSON is read however long its lines. */
const NOTEBOOK_READING: ReadOptions = { minified: true };

function readStdin(name: string, maxBytes: number, reading: ReadOptions): SourceText {
  const read = readStandardInput(maxBytes);
  if (!read.ok) return { ok: false, reason: "unreadable", detail: read.detail };
  if (read.bytes.length > maxBytes) return { ok: false, reason: "too-large", detail: `more than ${maxBytes} bytes, over the limit` };
  return decodeSource(read.bytes, name, maxBytes, reading);
}

/**
 * Scans paths against an open tracker. Searching only: printing is the caller's. Results, skips
 * and errors are told in the order of the paths, however many threads read and match them.
 */
export async function scanPaths(tracker: ReferenceTracker, paths: readonly string[], options: ScanOptions = {}): Promise<ScanReport> {
  const results: ScannedFile[] = [];
  const skipped: SkippedFile[] = [];
  const errors: string[] = [];
  const policy = compilePolicy(options.policy);
  const targets = expandTargets(paths, options, errors);
  const plannedBytes = targets.reduce((sum, t) => sum + t.bytes, 0);
  options.onPlan?.(targets.length, plannedBytes);
  let filesDone = 0;
  let bytesDone = 0;

  const local = (target: Target): FileOutcome =>
    target.language
      ? fileOutcome(tracker, target.read, target.language.name, options.match, options.onText !== undefined, target.notebook, target.whole)
      : { kind: "unread", reason: "unknown-extension", detail: "no known language for this extension or #! line (give --language)" };

  const deliver = (target: Target, outcome: FileOutcome): void => {
    const fail = (message: string): void => {
      errors.push(`${target.display}: ${message}`);
      options.onError?.(errors[errors.length - 1]!);
    };
    try {
      if (outcome.kind === "failed") {
        if (outcome.indexUnusable) throw new IndexUnusableError(outcome.message);
        fail(outcome.message);
      } else if (outcome.kind === "unread") {
        // A file that should have been read and was not is an error: the scan is incomplete.
        if (isReadFailure(outcome.reason)) fail(outcome.detail);
        else {
          const entry = { path: target.display, reason: outcome.reason, detail: outcome.detail };
          skipped.push(entry);
          options.onSkip?.(entry);
        }
      } else {
        if (outcome.text !== undefined) options.onText?.(target.display, outcome.text, outcome.original);
        const added = target.absolute !== null ? options.added?.get(target.absolute) : undefined;
        const references = added ? outcome.references.filter((r) => overlapsAdded(r.queryLines, added)) : outcome.references;
        const result = { path: target.display, language: outcome.language, references, decision: decide(references, policy) };
        results.push(result);
        options.onResult?.(result);
      }
    } catch (error) {
      // What the caller does with a result failing is that file's error; an unusable index ends the scan.
      if (error instanceof IndexUnusableError) throw error;
      fail(describeError(error));
    }
    filesDone++;
    bytesDone += target.bytes;
    options.onProgress?.(filesDone, bytesDone);
  };

  const threads = options.parallel?.threads ?? 1;
  const minBytes = options.parallel?.minBytes ?? SCAN_PARALLEL_MIN_BYTES;
  if (threads <= 1 || targets.length < 2 || plannedBytes < minBytes) {
    for (const target of targets) {
      if (options.signal?.aborted) break;
      deliver(target, local(target));
    }
  } else {
    await scanInParallel(targets, { ...options.parallel!, threads }, options, local, deliver);
  }
  return { results, skipped, errors };
}

/**
 * The scan on `threads` helper threads: this one hands out files (standard input, and files of no
 * known language, it takes itself) and delivers outcomes in the paths' order as soon as every
 * earlier one is. It matches nothing itself: busy matching, it could not hand a helper its next
 * file. An unusable index, or the signal, stops the scan once the files under way are done.
 */
async function scanInParallel(
  targets: readonly Target[],
  parallel: { readonly dbPath: string; readonly threads: number },
  options: ScanOptions,
  local: (target: Target) => FileOutcome,
  deliver: (target: Target, outcome: FileOutcome) => void,
): Promise<void> {
  // No more helpers than files: each costs an index and its warm-up.
  // Loaded here, not at the top: loading piscina is a start-up cost a scan on one thread need not pay.
  const { ScanHelpers } = await import("./scan-pool.js");
  const helpers = new ScanHelpers(Math.min(parallel.threads, targets.length));
  const outcomes = new Array<FileOutcome | undefined>(targets.length);
  let next = 0;
  let delivered = 0;
  let stop: { error: unknown } | undefined;
  const stopped = (): boolean => stop !== undefined || options.signal?.aborted === true;
  const claim = (): number | undefined => (!stopped() && next < targets.length ? next++ : undefined);
  const settle = (at: number, outcome: FileOutcome): void => {
    outcomes[at] = outcome;
    try {
      for (let ready = outcomes[delivered]; ready !== undefined && !stopped(); ready = outcomes[delivered]) {
        outcomes[delivered] = undefined;
        deliver(targets[delivered]!, ready);
        delivered++;
      }
    } catch (error) {
      stop = { error };
    }
  };
  const task = (target: Target): ScanTask => ({
    dbPath: parallel.dbPath,
    path: target.display,
    language: target.language!.name,
    maxBytes: options.maxFileBytes ?? DEFAULT_MAX_SCAN_BYTES,
    minified: target.reading.minified === true,
    match: options.match ?? {},
    wantText: options.onText !== undefined,
    notebook: target.notebook,
  });
  const handing = Array.from({ length: helpers.threads * SCAN_TASKS_PER_HELPER }, async () => {
    for (let at = claim(); at !== undefined; at = claim()) {
      const target = targets[at]!;
      settle(at, target.readable && target.language ? await helpers.scan(task(target)).catch(failedOutcome) : local(target));
    }
  });
  try {
    await Promise.all(handing);
  } finally {
    await helpers.close();
  }
  if (stop !== undefined) throw stop.error;
}
