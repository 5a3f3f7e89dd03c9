import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { type SourceText, decodeSource, readSourceFile } from "../files/source-file.js";
import { walkFiles } from "../files/walk.js";
import { describeError } from "../errors.js";
import { DEFAULT_MAX_SCAN_BYTES } from "../options.js";
import type { LanguageDefinition } from "../languages/language.js";
import { languageForPath } from "../languages/registry.js";
import type { ReferenceTracker } from "../tracker.js";
import type { ScanReport, ScannedFile, SkippedFile } from "../output/json.js";

export interface ScanOptions {
  readonly stdinLanguage?: LanguageDefinition;
  readonly minMatchedChars?: number;
  /** Files larger than this are skipped (default DEFAULT_MAX_SCAN_BYTES). */
  readonly maxFileBytes?: number;
  /** Called as soon as each file is scanned, so output streams. */
  readonly onResult?: (result: ScannedFile) => void;
  readonly onSkip?: (skip: SkippedFile) => void;
  readonly onError?: (message: string) => void;
}

interface Target {
  readonly display: string;
  readonly read: () => SourceText;
  readonly language: LanguageDefinition | undefined;
}

/** Expands command-line paths into scan targets: files, folders (by known extension) and stdin. */
function* expandTargets(paths: readonly string[], options: ScanOptions, errors: string[]): Generator<Target> {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_SCAN_BYTES;
  for (const path of paths) {
    if (path === "-") {
      yield { display: "-", read: () => decodeSource(readStdin(), "-", maxBytes), language: options.stdinLanguage };
      continue;
    }
    if (!existsSync(path)) {
      errors.push(`${path}: no such file or directory`);
      options.onError?.(errors[errors.length - 1]!);
      continue;
    }
    if (statSync(path).isDirectory()) {
      for (const relative of walkFiles(path)) {
        const language = languageForPath(relative);
        if (language) yield { display: join(path, relative), read: () => readSourceFile(join(path, relative), maxBytes), language };
      }
    } else {
      yield { display: path, read: () => readSourceFile(path, maxBytes), language: languageForPath(path) };
    }
  }
}

function readStdin(): Buffer {
  try {
    return readFileSync(0);
  } catch {
    return Buffer.alloc(0);
  }
}

/** Scans paths against an open tracker. Searching only: printing is the caller's. */
export function scanPaths(tracker: ReferenceTracker, paths: readonly string[], options: ScanOptions = {}): ScanReport {
  const results: ScannedFile[] = [];
  const skipped: SkippedFile[] = [];
  const errors: string[] = [];
  for (const target of expandTargets(paths, options, errors)) {
    const skip = (reason: string, detail: string): void => {
      const entry = { path: target.display, reason, detail };
      skipped.push(entry);
      options.onSkip?.(entry);
    };
    if (!target.language) {
      skip("unknown-extension", target.display === "-" ? "give --language for standard input" : "no known language for this extension");
      continue;
    }
    const text = target.read();
    if (!text.ok) {
      skip(text.reason, text.detail);
      continue;
    }
    try {
      const match = tracker.match(text.text, {
        language: target.language.name,
        ...(options.minMatchedChars !== undefined ? { minMatchedChars: options.minMatchedChars } : {}),
      });
      const result = { path: target.display, language: match.language, references: match.references };
      results.push(result);
      options.onResult?.(result);
    } catch (error) {
      errors.push(`${target.display}: ${describeError(error)}`);
      options.onError?.(errors[errors.length - 1]!);
    }
  }
  return { results, skipped, errors };
}
