import type { Decision } from "../policy/decide.js";
import type { Reference } from "./reference.js";

export interface ScannedFile {
  /** The path as given on the command line (or "-" for standard input). */
  readonly path: string;
  readonly language: string;
  readonly references: Reference[];
  /** The policy's decision on those references (allow, annotate, block) and why. */
  readonly decision: Decision;
}

export interface SkippedFile {
  readonly path: string;
  readonly reason: string;
  readonly detail: string;
}

export interface ScanReport {
  readonly results: ScannedFile[];
  readonly skipped: SkippedFile[];
  readonly errors: string[];
}

/** The `--format json` document; `version` changes only on incompatible changes. */
export function formatJson(report: ScanReport): string {
  return `${JSON.stringify({ version: 1, results: report.results, skipped: report.skipped, errors: report.errors }, null, 2)}\n`;
}
