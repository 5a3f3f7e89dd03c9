import { joinOverlapping, regroup } from "./line-ranges.js";
import type { Match } from "./types.js";

/** A stretch of a long query matched on its own: its text, the query line it starts at (1-based) and its offset in the query. */
export interface QueryWindow {
  readonly text: string;
  readonly firstLine: number;
  readonly start: number;
}

/**
 * A long query (a bundle, a generated file) as windows of about `windowChars`, cut at line breaks,
 * each overlapping the next by about `overlapChars`: matching state is that of one window, so
 * memory is bounded and time linear in the query's size, and a copy shorter than the overlap lies
 * whole in some window. A query no longer than `windowChars` is one window. A line longer than the
 * overlap (minified code) is cut inside, after a `;`, `}` or `,`, so it too is read in windows.
 */
export function* queryWindows(code: string, windowChars: number, overlapChars: number): Generator<QueryWindow> {
  let start = 0;
  let firstLine = 1;
  while (start < code.length) {
    const end = code.length - start > windowChars ? windowEnd(code, start, start + windowChars, overlapChars) : code.length;
    yield { text: code.slice(start, end), firstLine, start };
    if (end >= code.length) return;
    const next = nextStart(code, start, end, overlapChars);
    firstLine += countLines(code, start, next);
    start = next;
  }
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

/** Where the window after the one ending at `end` starts: at the line break nearest `overlap` before `end`, or, inside a line longer than that, after the first separator past that point; `end` when neither lies inside this window. */
function nextStart(code: string, start: number, end: number, overlap: number): number {
  const target = end - overlap;
  const newline = code.lastIndexOf("\n", target - 1);
  if (newline >= start && target - newline <= overlap) return newline + 1;
  for (let i = Math.max(start + 1, target); i < end - 1; i++) if (isSeparator(code.charCodeAt(i))) return i + 1;
  return end;
}

function countLines(code: string, from: number, to: number): number {
  let lines = 0;
  for (let i = code.indexOf("\n", from); i !== -1 && i < to; i = code.indexOf("\n", i + 1)) lines++;
  return lines;
}

/** A window's matches with their query lines (and offsets) made the whole query's. */
export function inQueryLines(matches: readonly Match[], window: QueryWindow): Match[] {
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
