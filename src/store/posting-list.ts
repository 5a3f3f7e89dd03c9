/**
 * A fingerprint's posting list: every (content, token position) it occurs at, packed in one blob,
 * so a lookup is one row however many occurrences the hash has (a row per occurrence costs the
 * binding a row's overhead each, and the slowest queries read thousands).
 *
 * Layout: one or more segments, each a varint byte length, then varint pairs (content delta,
 * position). A content delta above zero starts a new content (the first is content + 1) and its
 * position is absolute; a zero delta continues the content and the position is a delta from the
 * last. Within a segment occurrences are strictly increasing. A build appends a segment per merge
 * (SQL concatenation: no read of the old list); segments hold disjoint contents, nearly always
 * in increasing order, and readers sort the rare list whose segments are not.
 */

import { POSITION_SPAN, occurrence, occurrenceContent, occurrencePosition } from "../match/match-index.js";
import { runCount, runKeys } from "../util/runs.js";
import { ByteReader, varintLength, writeVarint } from "../util/varint.js";

/** Bytes a segment of `count` occurrences can take at most: two 5-byte varints each, and its length. */
export function maxSegmentBytes(count: number): number {
  return 10 * count + 5;
}

/**
 * Writes occurrences `from`…`to` of the parallel arrays, which must be strictly increasing (by
 * content, then position), as one segment at `into[at]`; returns the offset past it. `into` must
 * have maxSegmentBytes(to − from) bytes free.
 */
export function writeSegment(
  into: Uint8Array,
  at: number,
  contents: ArrayLike<number>,
  positions: ArrayLike<number>,
  from: number,
  to: number,
): number {
  let payload = 0;
  let content = -1;
  let position = 0;
  for (let i = from; i < to; i++) {
    const c = contents[i]!;
    const p = positions[i]!;
    payload += c !== content ? varintLength(c - content) + varintLength(p) : 1 + varintLength(p - position);
    content = c;
    position = p;
  }
  at = writeVarint(into, at, payload);
  content = -1;
  for (let i = from; i < to; i++) {
    const c = contents[i]!;
    const p = positions[i]!;
    if (c !== content) {
      at = writeVarint(into, at, c - content);
      at = writeVarint(into, at, p);
    } else {
      into[at++] = 0;
      at = writeVarint(into, at, p - position);
    }
    content = c;
    position = p;
  }
  return at;
}

/** A blob that is not a posting list (a damaged index): reading past its end would invent occurrences. */
const DAMAGED = "index is damaged: a fingerprint's posting list ends inside a number (rebuild the index)";

function byOccurrence(a: number, b: number): number {
  return a - b;
}

/**
 * The occurrences as packed numbers (match-index.ts's occurrence), in content, then position
 * order; positions past POSITION_SPAN are left out. At most `limit` (negative: all): callers read
 * a truncated list only as "too many", so when the limit cuts the list its first entries are
 * those stored first.
 */
export function decodeOccurrences(data: Uint8Array, limit: number): number[] {
  const occurrences: number[] = [];
  const cap = limit < 0 ? Infinity : limit;
  const end = data.length;
  const reader = new ByteReader(data, DAMAGED);
  let ordered = true;
  let lastContent = -1;
  while (reader.at < end && occurrences.length < cap) {
    const segmentLength = reader.varint(end);
    if (segmentLength > end - reader.at) throw reader.damaged();
    const segmentStop = reader.at + segmentLength;
    let content = -1;
    let position = 0;
    while (reader.at < segmentStop) {
      const delta = reader.varint(segmentStop);
      const value = reader.varint(segmentStop);
      if (delta > 0) {
        // A segment's first content below the last one's: segments out of order.
        if (content < 0 && delta - 1 <= lastContent) ordered = false;
        content += delta;
        position = value;
      } else {
        position += value;
      }
      if (position < POSITION_SPAN) {
        occurrences.push(occurrence(content, position));
        if (occurrences.length >= cap) break;
      }
    }
    lastContent = content;
  }
  if (!ordered && occurrences.length < cap) occurrences.sort(byOccurrence);
  return occurrences;
}

/** The distinct contents of a posting list, in increasing order. */
export function decodeContents(data: Uint8Array): number[] {
  return runKeys(decodeOccurrences(data, -1), occurrenceContent);
}

/**
 * Whether the list holds an occurrence of any of `contents`, read without decoding it: removing a
 * source asks this of every list in the index, and most hold none.
 */
export function holdsAnyContent(data: Uint8Array, contents: ReadonlySet<number>): boolean {
  const end = data.length;
  const reader = new ByteReader(data, DAMAGED);
  while (reader.at < end) {
    const segmentLength = reader.varint(end);
    if (segmentLength > end - reader.at) throw reader.damaged();
    const segmentStop = reader.at + segmentLength;
    let content = -1;
    while (reader.at < segmentStop) {
      const delta = reader.varint(segmentStop);
      reader.varint(segmentStop);
      if (delta > 0) {
        content += delta;
        if (contents.has(content)) return true;
      }
    }
  }
  return false;
}

/**
 * The list without the occurrences of `removed` contents, as one segment; undefined when it holds
 * none of them (nothing to rewrite). An empty result means no occurrence is left.
 */
export function withoutContents(
  data: Uint8Array,
  removed: ReadonlySet<number>,
): { readonly data: Uint8Array; readonly contents: number; readonly occurrences: number } | undefined {
  if (!holdsAnyContent(data, removed)) return undefined;
  const all = decodeOccurrences(data, -1);
  const kept = all.filter((packed) => !removed.has(occurrenceContent(packed)));
  if (kept.length === all.length) return undefined;
  const contents = kept.map(occurrenceContent);
  const positions = kept.map(occurrencePosition);
  const into = new Uint8Array(kept.length === 0 ? 0 : maxSegmentBytes(kept.length));
  const length = kept.length === 0 ? 0 : writeSegment(into, 0, contents, positions, 0, kept.length);
  return { data: into.subarray(0, length), contents: runCount(contents), occurrences: kept.length };
}
