import type { LanguageDefinition } from "../languages/language.js";
import { newlinesIn } from "../normalize/lexical-chars.js";
import { isPythonStringPrefix } from "../normalize/lexical-literals.js";
import type { TokenStream } from "../normalize/token-stream.js";
import { lowerBound } from "../util/search.js";
import { joinOverlapping, regroup } from "./line-ranges.js";
import type { QueryStart } from "./screen.js";
import type { Match } from "./types.js";

/** A stretch of a long query matched on its own: its text, the query line it starts at (1-based) and its offset in the query. */
export interface QueryWindow {
  readonly text: string;
  readonly firstLine: number;
  readonly start: number;
  /**
   * Where the window begins as the reading of the window before it says (StartAt): outside every
   * string and comment, or inside one, so read from its start as a whole file's first window is;
   * "fragment" when unknown (no reading given, or a span without a closer to read it by).
   */
  readonly startsIn: QueryStart;
}

/** Where an offset of a window's text lies in its reading (startsOf): in code, inside a span, or unknown ("fragment"). */
export type StartAt = (offset: number) => QueryStart;

/**
 * A long query's first window. A long query (a bundle, a generated file) is read as windows of
 * about `windowChars` (firstWindow, then nextWindow until none), cut at line breaks, each
 * overlapping the next by about `overlapChars`: matching state is that of one window, so memory is
 * bounded and time linear in the query's size, and a copy shorter than the overlap lies whole in
 * some window. A query no longer than `windowChars` is one window. A line longer than the overlap
 * (minified code) is cut inside, after a `;`, `}` or `,`, so it too is read in windows.
 */
export function firstWindow(code: string, windowChars: number, overlapChars: number): QueryWindow {
  return { text: code.slice(0, windowEndFrom(code, 0, windowChars, overlapChars)), firstLine: 1, start: 0, startsIn: "fragment" };
}

/**
 * The window after `window` (firstWindow), none after the last. Given where the window's own
 * reading has code (`startAt`), the next begins at such a place, or else is read from inside the
 * span it begins in: a cut inside a Python docstring or a template literal read as a fragment
 * may be read inside out until the next quote, which in a file of docstrings is the whole window.
 */
export function nextWindow(code: string, window: QueryWindow, windowChars: number, overlapChars: number, startAt?: StartAt): QueryWindow | undefined {
  const start = window.start;
  const end = start + window.text.length;
  if (end >= code.length) return undefined;
  const inCode = startAt && nextStartInCode(code, start, end, overlapChars, (offset) => startAt(offset) === "code");
  const next = inCode ?? nextStart(code, start, end, overlapChars);
  return {
    text: code.slice(next, windowEndFrom(code, next, windowChars, overlapChars)),
    firstLine: window.firstLine + newlinesIn(code, start, next),
    start: next,
    startsIn: inCode !== undefined ? "code" : startAt ? startAt(next - start) : "fragment",
  };
}

function windowEndFrom(code: string, start: number, windowChars: number, overlapChars: number): number {
  return code.length - start > windowChars ? windowEnd(code, start, start + windowChars, overlapChars) : code.length;
}

const isSeparator = (c: number): boolean => c === 59 /* ; */ || c === 125 /* } */ || c === 44; /* , */

/**
 * Where a window from `start` reaching `at` ends: after the line break at or after `at`, or, on a
 * line running on past `slack`, after the last line break or separator within `slack` before `at`,
 * else at `at` itself. Never further back: a window cut short where a long line without separators
 * begins (a base64 source map) would be followed by one starting barely later, and so on across it.
 */
function windowEnd(code: string, start: number, at: number, slack: number): number {
  const newline = code.indexOf("\n", at);
  if (newline === -1 ? code.length - at <= slack : newline - at <= slack) return newline === -1 ? code.length : newline + 1;
  for (let i = at - 1; i > Math.max(start, at - slack); i--) {
    const c = code.charCodeAt(i);
    if (c === 10 || isSeparator(c)) return i + 1;
  }
  return at;
}

/** Where the window after the one ending at `end` starts, not knowing where it has code: as nextStartInCode finds it anywhere, else `end`. */
function nextStart(code: string, start: number, end: number, overlap: number): number {
  return nextStartInCode(code, start, end, overlap, () => true) ?? end;
}

/**
 * Where the window after the one from `start` to `end` starts in code (`inCode`): at the line
 * start in code nearest the point `overlap` before `end`, looking no more than `overlap` further
 * back, else after the first separator in code past that point (a long line); undefined when
 * there is neither.
 */
function nextStartInCode(code: string, start: number, end: number, overlap: number, inCode: (offset: number) => boolean): number | undefined {
  const target = end - overlap;
  const floor = Math.max(start, target - overlap);
  for (let newline = code.lastIndexOf("\n", target - 1); newline >= floor; newline = code.lastIndexOf("\n", newline - 1)) {
    if (inCode(newline + 1 - start)) return newline + 1;
    if (newline === 0) break;
  }
  for (let i = Math.max(start + 1, target); i < end - 1; i++) if (isSeparator(code.charCodeAt(i)) && inCode(i + 1 - start)) return i + 1;
  return undefined;
}

/**
 * Where each offset of `text` lies in `reading`, the lexer's reading of it from `begin` (StartAt):
 * inside a token (a string, a template literal with its substitutions) or a comment or docstring,
 * read from inside it by the closer of the delimiter it opened with, or by `begin`'s for the span
 * the text begins inside; "fragment" inside one opened otherwise (a one-line string cut after a
 * separator) and at the end, where a span may be open; else code. Tokens and text spans come in
 * reading order, so each is searched by its starts.
 */
export function startsOf(reading: TokenStream, text: string, language: LanguageDefinition, begin: QueryStart): StartAt {
  const opened = (at: number): QueryStart => (at === 0 && typeof begin === "object" ? begin : spanOpenedAt(text, at, language));
  const starts = reading.startOffsets;
  const ends = reading.endOffsets;
  const spans = reading.textSpans ?? [];
  const spanStarts = Uint32Array.from(spans, (span) => span.start);
  return (offset) => {
    if (offset >= text.length) return "fragment";
    if (starts && ends) {
      const token = lowerBound(starts, offset) - 1;
      if (token >= 0 && ends[token]! > offset) return opened(starts[token]!);
    }
    const span = lowerBound(spanStarts, offset) - 1;
    return span >= 0 && spans[span]!.end > offset ? opened(spans[span]!.start) : "code";
  };
}

/** Read from inside the span opened at `at` by one of the language's spanning delimiters (after a Python string's prefix, as the lexer reads one), or "fragment". */
function spanOpenedAt(text: string, at: number, language: LanguageDefinition): QueryStart {
  const from = language.lexicon.dialect === "python" ? pythonQuoteAt(text, at) : at;
  for (const [open, close] of language.spanningDelimiters) if (text.startsWith(open, from)) return { insideOf: close };
  return "fragment";
}

/** Where the quotes of a Python string beginning at `at` are: after its prefix (`r`, `b`, `rb`, `f`, …), if it has one. */
function pythonQuoteAt(text: string, at: number): number {
  for (let end = at + 1; end <= at + 2; end++) {
    const c = text.charCodeAt(end);
    if ((c === 34 || c === 39) && isPythonStringPrefix(text, at, end)) return end;
  }
  return at;
}

/** A window's matches with their query lines (and offsets) made the whole query's. */
export function inQueryLines(matches: readonly Match[], window: Pick<QueryWindow, "firstLine" | "start">): Match[] {
  const shift = window.firstLine - 1;
  if (shift === 0 && window.start === 0) return [...matches];
  return matches.map((match) => ({
    ...match,
    queryLines: [match.queryLines[0] + shift, match.queryLines[1] + shift],
    queryOffsets: match.queryOffsets && ([match.queryOffsets[0] + window.start, match.queryOffsets[1] + window.start] as const),
  }));
}

/**
 * Every window's matches as one query's: a copy found twice (in the overlap) or in two parts (longer
 * than the overlap, its parts on adjacent lines) is one match (joinOverlapping); then grouped again
 * by query lines, at most `maxPerGroup` per group.
 */
export function mergeWindows(matches: readonly Match[], maxPerGroup: number): Match[] {
  return regroup(joinOverlapping(matches, 1), maxPerGroup, true);
}
