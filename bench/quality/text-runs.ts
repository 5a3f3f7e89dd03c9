/**
 * Runs of identical lines between two texts, judged on raw text alone (nothing of reftrack's
 * normalizer): the benchmark's independent notion of "a real copy". Lines are compared with all
 * white space removed; blank lines, lines of comment markers alone, license-notice lines and
 * import lines are left out of both sides first (a license header or an import block shared by
 * two files is not a copy). Comments, docstrings and string contents stay in: copied prose is a copy.
 */

export interface SignificantLine {
  /** 1-based line number in the text. */
  readonly line: number;
  /** The line without white space. */
  readonly key: string;
}

const PY_IMPORT = /^\s*(?:import\s|from\s+\S+\s+import\s)/;
const JS_IMPORT =
  /^\s*(?:import[\s{*"']|export\s+(?:type\s+)?(?:\*|\{[^}]*\})\s*from\s|(?:const|let|var)\s+[\w${},\s]+=\s*require\s*\(|(?:[\w$]+|'[^']*'|"[^"]*")\s*:\s*require\s*\(|\}\s*from\s*["'])/;
/** Lines with no words: comment markers, brackets and punctuation alone (`/**`, `*`, `#`, `});`). */
const NO_WORDS = /^[^A-Za-z0-9_$]*$/;
/** License notices, which every file of a project and many projects carry. */
const LICENSE_LINE = /SPDX-License-Identifier|Permission is hereby granted|Licensed under the|Redistribution and use|THE SOFTWARE IS PROVIDED|WITHOUT WARRANT|General Public License|\ball rights reserved\b|\bcopyright\b/i;

/** A line of a comment: what a license notice is written in. */
const COMMENT_LINE = { python: /^\s*#/, ecmascript: /^\s*(?:\/\/|\/\*|\*)/ };

/**
 * Which lines belong to a license notice: every line of a comment (a run of comment lines, a block
 * comment up to its closing delimiter) one of which is a license-notice line (LICENSE_LINE, or names
 * the Apache License), however much of the notice the lines hold. A header's "Unless required by
 * applicable law …" is the notice as much as its "Licensed under the …" line.
 */
export function licenseNoticeLines(lines: readonly string[], python: boolean): boolean[] {
  const comment = python ? COMMENT_LINE.python : COMMENT_LINE.ecmascript;
  const marks = lines.map(() => false);
  for (let start = 0; start < lines.length; ) {
    if (!comment.test(lines[start]!)) {
      start++;
      continue;
    }
    // One comment: a block comment ends at its closing delimiter, and a doc comment after it is another.
    let end = start;
    while (end < lines.length && comment.test(lines[end]!)) {
      end++;
      if (!python && lines[end - 1]!.includes("*/")) break;
    }
    if (lines.slice(start, end).some((line) => LICENSE_LINE.test(line) || /Apache License/.test(line))) marks.fill(true, start, end);
    start = end;
  }
  return marks;
}

/**
 * A compiled re-export, CommonJS's `export { x } from "./y"` as TypeScript and Babel write it:
 * `Object.defineProperty(exports, "x", { enumerable: true, get: function () { return y.x; } });`
 * on one line, or over six as a formatter leaves it.
 */
const REEXPORT_LINE = /^\s*Object\.defineProperty\(exports,\s*["'][^"']+["'],\s*\{\s*enumerable:\s*true,\s*get:/;
const REEXPORT_OPENS = /^\s*Object\.defineProperty\(exports,\s*["'][^"']+["'],\s*\{\s*$/;
const REEXPORT_INSIDE = /^\s*(?:enumerable:\s*true,?|get:\s*(?:function\s*\(\)\s*\{|\(\)\s*=>).*|return\s+[\w$.]+;?|\},?)\s*$/;
const REEXPORT_CLOSES = /^\s*\}\);?\s*$/;

export function isImportLine(line: string, python: boolean): boolean {
  return (python ? PY_IMPORT : JS_IMPORT).test(line) || (!python && REEXPORT_LINE.test(line));
}

/**
 * Which lines are imports (isImportLine), with the inner lines of a multi-line import (`import {`
 * … `} from "x"`, `from x import (` … `)`) and of a compiled re-export written over several lines.
 */
export function importLines(lines: readonly string[], python: boolean): boolean[] {
  const marks = lines.map((line) => isImportLine(line, python));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const opens = python ? /^\s*from\s+\S+\s+import\s*\($/.test(line) : /^\s*(?:import|export)\s*(?:type\s*)?\{[^}]*$/.test(line);
    if (opens) {
      let end = i;
      while (end + 1 < lines.length && !(python ? /\)/ : /\}/).test(lines[end]!)) end++;
      for (let k = i; k <= end; k++) marks[k] = true;
      i = end;
      continue;
    }
    if (!python && REEXPORT_OPENS.test(line) && /^\s*enumerable:\s*true/.test(lines[i + 1] ?? "")) {
      let end = i + 1;
      while (end + 1 < lines.length && REEXPORT_INSIDE.test(lines[end]!)) end++;
      if (!REEXPORT_CLOSES.test(lines[end]!)) continue;
      for (let k = i; k <= end; k++) marks[k] = true;
      i = end;
    }
  }
  return marks;
}

/** The lines that count, with their numbers. */
export function significantLines(text: string, python: boolean): SignificantLine[] {
  const out: SignificantLine[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  const imports = importLines(lines, python);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const key = line.replace(/\s+/g, "");
    if (key === "" || imports[i] || LICENSE_LINE.test(line) || (NO_WORDS.test(key) && key.length < 4)) continue;
    out.push({ line: i + 1, key });
  }
  return out;
}

export interface TextRun {
  /** 1-based inclusive line ranges in the two texts. */
  readonly a: readonly [number, number];
  readonly b: readonly [number, number];
  /** Significant lines in the run, and their characters (white space removed). */
  readonly lines: number;
  readonly chars: number;
}

/** A line short or common in `b` cannot anchor a run (it is extended across, not started from). */
const MIN_ANCHOR_CHARS = 12;
const MAX_ANCHOR_OCCURRENCES = 64;

/**
 * Maximal runs of consecutive identical significant lines shared by `a` and `b`, of at least
 * `minLines` lines and `minChars` characters, found from rare lines and extended both ways (so a
 * large file against another costs about the number of their rare shared lines, not their product).
 */
export function commonRuns(a: readonly SignificantLine[], b: readonly SignificantLine[], minLines: number, minChars: number): TextRun[] {
  const positions = new Map<string, number[]>();
  b.forEach((line, j) => {
    if (line.key.length < MIN_ANCHOR_CHARS) return;
    const list = positions.get(line.key);
    if (!list) positions.set(line.key, [j]);
    else if (list.length <= MAX_ANCHOR_OCCURRENCES) list.push(j);
  });
  const runs: TextRun[] = [];
  // Diagonals (i − j) already covered up to which i, so a run is found once from its first anchor.
  const coveredUntil = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    const list = positions.get(a[i]!.key);
    if (!list || list.length > MAX_ANCHOR_OCCURRENCES) continue;
    for (const j of list) {
      const diagonal = i - j;
      if ((coveredUntil.get(diagonal) ?? -1) >= i) continue;
      let start = 0;
      while (i - start - 1 >= 0 && j - start - 1 >= 0 && a[i - start - 1]!.key === b[j - start - 1]!.key) start++;
      let end = 1;
      while (i + end < a.length && j + end < b.length && a[i + end]!.key === b[j + end]!.key) end++;
      coveredUntil.set(diagonal, i + end - 1);
      const lines = start + end;
      let chars = 0;
      for (let k = i - start; k < i + end; k++) chars += a[k]!.key.length;
      if (lines < minLines || chars < minChars) continue;
      runs.push({
        a: [a[i - start]!.line, a[i + end - 1]!.line],
        b: [b[j - start]!.line, b[j + end - 1]!.line],
        lines,
        chars,
      });
    }
  }
  return runs;
}

/** The significant lines of `text` within an inclusive line range. */
export function linesWithin(lines: readonly SignificantLine[], range: readonly [number, number]): SignificantLine[] {
  return lines.filter((l) => l.line >= range[0] && l.line <= range[1]);
}

/**
 * Whether two sets of lines share a run of at least `chars` identical characters once white space
 * and line breaks are removed (so reflowed prose and re-indented code still compare): found by
 * rolling hashes of every `chars`-long window of one side, checked against the other's.
 */
export function sharesRun(a: readonly SignificantLine[], b: readonly SignificantLine[], chars: number): boolean {
  const left = a.map((l) => l.key).join("");
  const right = b.map((l) => l.key).join("");
  if (left.length < chars || right.length < chars) return false;
  const windows = new Map<number, number[]>();
  const hashes = (text: string, each: (hash: number, at: number) => boolean): boolean => {
    const base = 0x01000193;
    let top = 1;
    for (let i = 1; i < chars; i++) top = Math.imul(top, base);
    let h = 0;
    for (let i = 0; i < chars; i++) h = (Math.imul(h, base) + text.charCodeAt(i)) | 0;
    if (each(h, 0)) return true;
    for (let i = chars; i < text.length; i++) {
      h = (Math.imul(h - Math.imul(text.charCodeAt(i - chars), top), base) + text.charCodeAt(i)) | 0;
      if (each(h, i - chars + 1)) return true;
    }
    return false;
  };
  hashes(left, (hash, at) => {
    const list = windows.get(hash);
    if (list) list.push(at);
    else windows.set(hash, [at]);
    return false;
  });
  return hashes(right, (hash, at) => (windows.get(hash) ?? []).some((start) => left.startsWith(right.slice(at, at + chars), start)));
}
