import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { IndexUnusableError, ReftrackError, describeError } from "../errors.js";
import { type AddedLines, overlapsAdded } from "../files/git-diff.js";
import { IgnoreRules } from "../files/ignore-rules.js";
import { type ReadOptions, type SourceText, decodeSource, isReadFailure, readSourceFile, readStandardInput } from "../files/source-file.js";
import { walkFiles } from "../files/walk.js";
import type { LanguageDefinition } from "../languages/language.js";
import { languageForPath } from "../languages/registry.js";
import { DEFAULT_MAX_SCAN_BYTES, type MatchOptions } from "../options.js";
import type { ScanReport, ScannedFile, SkippedFile } from "../output/json.js";
import { decide } from "../policy/decide.js";
import { type Policy, compilePolicy } from "../policy/policy.js";
import type { ReferenceTracker } from "../tracker.js";

export interface ScanOptions {
  /** The language of every input, files and standard input alike, as the library's `language` wins over `path`. */
  readonly language?: LanguageDefinition;
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
  /** Each scanned file's text, for reports that show or checksum it. */
  readonly onText?: (path: string, text: string) => void;
  readonly onSkip?: (skip: SkippedFile) => void;
  readonly onError?: (message: string) => void;
  /** After each file, with the files and bytes done. */
  readonly onProgress?: (files: number, bytes: number) => void;
}

interface Target {
  readonly display: string;
  readonly absolute: string | null;
  readonly bytes: number;
  readonly read: () => SourceText;
  readonly language: LanguageDefinition | undefined;
}

/**
 * Expands command-line paths into scan targets: files, folders (by known extension, minus what
 * .gitignore and .reftrackignore leave out) and standard input.
 */
function expandTargets(paths: readonly string[], options: ScanOptions, errors: string[]): Target[] {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_SCAN_BYTES;
  const reading = { minified: options.minified === true };
  const targets: Target[] = [];
  const fail = (message: string): void => {
    errors.push(message);
    options.onError?.(message);
  };
  const file = (display: string): Target => {
    let bytes = 0;
    try {
      bytes = statSync(display).size;
    } catch {
      // Told when it is read.
    }
    return { display, absolute: resolve(display), bytes, read: () => readSourceFile(display, maxBytes, reading), language: options.language ?? languageForPath(display) };
  };
  for (const path of paths) {
    if (path === "-") {
      targets.push({ display: "-", absolute: null, bytes: 0, read: () => readStdin(maxBytes, reading), language: options.language });
      continue;
    }
    if (!existsSync(path)) {
      fail(`${path}: no such file or directory`);
      continue;
    }
    if (statSync(path).isDirectory()) {
      const ignored = new IgnoreRules(path);
      const unreadable = (inside: string, error: NodeJS.ErrnoException) => fail(`${join(path, inside)}: folder cannot be read (${error.code ?? "error"})`);
      for (const relative of walkFiles(path, "", (inside, directory) => ignored.ignores(join(path, inside), directory), unreadable)) {
        if (languageForPath(relative)) targets.push(file(join(path, relative)));
      }
    } else {
      targets.push(file(path));
    }
  }
  // A diff scan reads only the files the diff adds lines to.
  return options.added ? targets.filter((t) => t.absolute !== null && options.added!.has(t.absolute)) : targets;
}

function readStdin(maxBytes: number, reading: ReadOptions): SourceText {
  const read = readStandardInput(maxBytes);
  if (!read.ok) return { ok: false, reason: "unreadable", detail: read.detail };
  if (read.bytes.length > maxBytes) return { ok: false, reason: "too-large", detail: `more than ${maxBytes} bytes, over the limit` };
  return decodeSource(read.bytes, "-", maxBytes, reading);
}

/** Scans paths against an open tracker. Searching only: printing is the caller's. */
export function scanPaths(tracker: ReferenceTracker, paths: readonly string[], options: ScanOptions = {}): ScanReport {
  const results: ScannedFile[] = [];
  const skipped: SkippedFile[] = [];
  const errors: string[] = [];
  const policy = compilePolicy(options.policy);
  const targets = expandTargets(paths, options, errors);
  options.onPlan?.(targets.length, targets.reduce((sum, t) => sum + t.bytes, 0));
  let filesDone = 0;
  let bytesDone = 0;
  for (const target of targets) {
    const skip = (reason: string, detail: string): void => {
      const entry = { path: target.display, reason, detail };
      skipped.push(entry);
      options.onSkip?.(entry);
    };
    try {
      if (!target.language) {
        skip("unknown-extension", "no known language for this extension (give --language)");
        continue;
      }
      const text = target.read();
      if (!text.ok) {
        // A file that should have been read and was not is an error: the scan is incomplete.
        if (isReadFailure(text.reason)) throw new ReftrackError(text.detail);
        skip(text.reason, text.detail);
        continue;
      }
      options.onText?.(target.display, text.text);
      const matched = tracker.match(text.text, { ...options.match, language: target.language.name });
      const added = target.absolute !== null ? options.added?.get(target.absolute) : undefined;
      const references = added ? matched.references.filter((r) => overlapsAdded(r.queryLines, added)) : matched.references;
      const result = { path: target.display, language: matched.language, references, decision: decide(references, policy) };
      results.push(result);
      options.onResult?.(result);
    } catch (error) {
      if (error instanceof IndexUnusableError) throw error;
      errors.push(`${target.display}: ${describeError(error)}`);
      options.onError?.(errors[errors.length - 1]!);
    } finally {
      filesDone++;
      bytesDone += target.bytes;
      options.onProgress?.(filesDone, bytesDone);
    }
  }
  return { results, skipped, errors };
}
