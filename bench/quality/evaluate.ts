/** How the quality benchmark judges reftrack's answers: positives, negatives, whole files, vendored files. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { LanguageName } from "../../src/languages/language.js";
import type { MatchOptions } from "../../src/options.js";
import type { Reference } from "../../src/output/reference.js";
import type { ReferenceTracker } from "../../src/tracker.js";
import type { Snippet } from "../snippets.js";
import { ADJUDICATED_COPIES } from "./adjudicated-copies.js";
import { type SignificantLine, linesWithin, sharesRun, significantLines } from "./text-runs.js";

export function log(message: string): void {
  process.stderr.write(`[quality] ${message}\n`);
}

export const EXPLAIN = process.argv.includes("--explain");

/**
 * `--features FILE`: every reference the defaults report, with its explanation, the query's size
 * and the judge's verdict (right or wrong), one JSON line each: the data the matching rules are
 * chosen from (see QUALITY.md).
 */
const FEATURES = process.argv.includes("--features") ? process.argv[process.argv.indexOf("--features") + 1] : undefined;
const featureLines: string[] = [];

export function recordFeatures(
  set: string,
  file: string,
  queryLines: number,
  queryChars: number,
  references: readonly Reference[],
  right: (reference: Reference) => boolean,
): void {
  if (!FEATURES) return;
  for (const reference of references) {
    featureLines.push(
      JSON.stringify({ set, file, queryLines, queryChars, right: right(reference), queryRange: reference.queryLines, origin: `${reference.source}:${reference.path}:${reference.sourceLines.join("-")}`, explanation: reference.explanation }),
    );
  }
}

export function writeFeatures(): void {
  if (FEATURES) writeFileSync(FEATURES, `${featureLines.join("\n")}\n`);
}

export interface Query {
  readonly snippet: Snippet;
  /** For positives: the source and path the code came from, and its license. */
  readonly source?: string;
  readonly path?: string;
  readonly license?: string;
}

export interface Outcome {
  detected: boolean;
  repository: boolean;
  fileAndLines: boolean;
  license: boolean;
}

/**
 * A positive is found for *repository* when a reference names the source it came from, for *file
 * and lines* when one names its file with a line range overlapping the region, for *license* when
 * every reference to that source carries the source's license.
 */
export function judge(query: Query, references: readonly Reference[]): Outcome {
  // An identical copy elsewhere is one content with several origins: the query's is among them.
  const origins = references.flatMap((r) => r.origins.map((o) => ({ ...o, sourceLines: r.sourceLines })));
  const fromSource = origins.filter((o) => o.source === query.source);
  const sameFile = fromSource.filter(
    (o) => o.path === query.path && o.sourceLines[0] <= query.snippet.endLine && o.sourceLines[1] >= query.snippet.startLine,
  );
  return {
    detected: references.length > 0,
    repository: fromSource.length > 0,
    fileAndLines: sameFile.length > 0,
    license: fromSource.length > 0 && fromSource.every((o) => o.license === query.license),
  };
}

export interface Tally {
  n: number;
  detected: number;
  repository: number;
  fileAndLines: number;
  license: number;
}

export function tally(tracker: ReferenceTracker, queries: readonly Query[], options: Partial<MatchOptions>, cell = ""): Tally {
  const t: Tally = { n: 0, detected: 0, repository: 0, fileAndLines: 0, license: 0 };
  for (const query of queries) {
    const { references } = tracker.match(query.snippet.code, { language: query.snippet.language, ...options });
    const o = judge(query, references);
    if (cell !== "") {
      recordFeatures(`positive ${cell}`, query.snippet.file, query.snippet.endLine - query.snippet.startLine + 1, query.snippet.code.length, references, (r) =>
        r.origins.some((x) => x.source === query.source),
      );
    }
    if (EXPLAIN && !o.repository) {
      log(`missed ${cell} ${query.path}:${query.snippet.startLine}-${query.snippet.endLine} refs=${references.map((r) => `${r.source}:${r.path}`).join(",")}`);
      log(query.snippet.code.slice(0, 300));
    }
    if (EXPLAIN && o.repository && !o.fileAndLines) {
      log(`wrong file ${cell} ${query.path}:${query.snippet.startLine}-${query.snippet.endLine} refs=${references.slice(0, 3).map((r) => `${r.path}:${r.sourceLines.join("-")} ${JSON.stringify(r.explanation)}`).join(" ; ")}`);
    }
    t.n++;
    if (o.detected) t.detected++;
    if (o.repository) t.repository++;
    if (o.fileAndLines) t.fileAndLines++;
    if (o.license) t.license++;
  }
  return t;
}

/**
 * A reported region shares a real run of text with the scanned one: at least this many identical
 * characters in a row once white space and line breaks are removed (text-runs.ts's sharesRun,
 * license and import lines left out). A copy does, reflowed or re-indented; look-alike code, the
 * same shape with other names and data, does not.
 */
export const REAL_RUN_CHARS = 150;

/** Whether a reference from lines `queryLines` of held-out `file` to `path` is one of the copies adjudicated by hand. */
export function adjudicated(file: string, path: string, queryLines: readonly [number, number]): boolean {
  return ADJUDICATED_COPIES.some(
    (a) =>
      a.query.test(file) &&
      a.reference.test(path) &&
      (!a.sameModule || moduleName(file) === moduleName(path)) &&
      (!a.queryLines || a.queryLines.some(([start, end]) => start <= queryLines[0] && queryLines[1] <= end)),
  );
}

/** Whether a query's lines share a real run of text with an indexed file's (IndexedText.sharesText). */
export type SharesText = (queryLines: readonly SignificantLine[], source: string, path: string, sourceLines: readonly [number, number]) => boolean;

/**
 * Whether `reference`, reported on held-out `file` (its significant `lines`), is a real copy:
 * adjudicated by hand, or sharing a real run of text with one of its origins.
 */
export function isRealCopy(file: string, lines: readonly SignificantLine[], reference: Reference, sharesText: SharesText): boolean {
  const mine = linesWithin(lines, reference.queryLines);
  return reference.origins.some((o) => adjudicated(file, o.path, reference.queryLines) || sharesText(mine, o.source, o.path, reference.sourceLines));
}

/** A file's module as a port or a build names it: its base name before any extension, without hyphens, in lower case (`scroll-restoration.tsx` and `ScrollRestoration.jsx` alike). */
function moduleName(path: string): string {
  const base = path.slice(path.lastIndexOf("/") + 1);
  const dot = base.indexOf(".");
  return (dot === -1 ? base : base.slice(0, dot)).replaceAll("-", "").toLowerCase();
}

/** Reads indexed files by source and path, for the real-run judge. */
export class IndexedText {
  private readonly cache = new Map<string, readonly SignificantLine[] | null>();

  constructor(
    private readonly roots: ReadonlyMap<string, string>,
    private readonly languageOf: (path: string) => LanguageName | undefined,
  ) {}

  /** Whether `queryLines` share a real run with lines `sourceLines` of the indexed file `path` of `source`. */
  readonly sharesText: SharesText = (queryLines, source, path, sourceLines) => {
    const theirs = this.lines(source, path);
    if (!theirs) return false;
    return sharesRun(queryLines, linesWithin(theirs, sourceLines), REAL_RUN_CHARS);
  };

  private lines(source: string, path: string): readonly SignificantLine[] | null {
    const key = `${source}\0${path}`;
    let lines = this.cache.get(key);
    if (lines === undefined) {
      const root = this.roots.get(source);
      const language = this.languageOf(path);
      try {
        lines = root && language ? significantLines(readFileSync(join(root, path), "utf8"), language === "python") : null;
      } catch {
        lines = null;
      }
      this.cache.set(key, lines);
    }
    return lines;
  }
}

export interface Reported {
  /** Snippets with a reference that is neither a known nor a text-confirmed real copy. */
  falsePositives: number;
  /** Snippets whose every reference is a real copy: hand-adjudicated, or sharing a real run of text. */
  realCopies: number;
}

/** Negatives: how many snippets get a reference that is not a real copy. */
export function countReported(tracker: ReferenceTracker, snippets: readonly Snippet[], options: Partial<MatchOptions>, text: IndexedText): Reported {
  const reported: Reported = { falsePositives: 0, realCopies: 0 };
  for (const s of snippets) {
    const { references } = tracker.match(s.code, { language: s.language, ...options });
    if (references.length === 0) continue;
    const mine = significantLines(s.code, s.language === "python");
    const real = (r: Reference): boolean => isRealCopy(s.file, mine, r, text.sharesText);
    const known = references.every(real);
    recordFeatures("negative region", s.file, s.endLine - s.startLine + 1, s.code.length, references, real);
    if (known) reported.realCopies++;
    else reported.falsePositives++;
    if (EXPLAIN) {
      const r = references.find((x) => !real(x)) ?? references[0]!;
      log(`reported${known ? " (real copy)" : ""} ${s.file}:${s.startLine}-${s.endLine} → ${r.source}:${r.path}:${r.sourceLines.join("-")} ${JSON.stringify(r.explanation)}`);
      log(s.code.split("\n").slice(r.queryLines[0] - 1, r.queryLines[1]).join("\n"));
    }
  }
  return reported;
}

export function pct(part: number, whole: number): string {
  return whole === 0 ? "–" : `${((100 * part) / whole).toFixed(1)}%`;
}

/**
 * The 95% Wilson score interval of `part` of `whole`, as "lo–hi%": the queries are one fixed draw
 * of the files' regions, and another draw would give another rate within about this much. Wilson's,
 * not the normal approximation, because the rates sit near 0 and 100%, where that one leaves [0, 1].
 */
export function interval95(part: number, whole: number): string {
  if (whole === 0) return "–";
  const z = 1.96;
  const p = part / whole;
  const z2n = (z * z) / whole;
  const center = (p + z2n / 2) / (1 + z2n);
  const half = (z * Math.sqrt((p * (1 - p)) / whole + z2n / (4 * whole))) / (1 + z2n);
  return `${(100 * Math.max(0, center - half)).toFixed(1)}–${(100 * Math.min(1, center + half)).toFixed(1)}%`;
}
