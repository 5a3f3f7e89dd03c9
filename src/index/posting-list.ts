/**
 * A fingerprint's posting list: every (content, token position) it occurs at, packed in one blob,
 * so a lookup is one row however many occurrences the hash has. With a row per occurrence, SQLite
 * and the binding cost about 0.25 µs per row on top of the 9 µs descent, and the slowest queries
 * read 1,000–3,000 rows (bench/RESULTS.md); blobs halved the lookup stage's p50 and p99.
 *
 * Layout: one or more segments, each a varint byte length, then varint pairs (content delta,
 * position). A content delta above zero starts a new content (the first is content + 1) and its
 * position is absolute; a zero delta continues the content and the position is a delta from the
 * last. Within a segment occurrences are strictly increasing. A build appends a segment per merge
 * (SQL concatenation: no read of the old list); segments hold disjoint contents, nearly always
 * in increasing order, and readers sort the rare list whose segments are not.
 */

import { ReftrackError } from "../errors.js";
import { CHUNK_ID_STRIDE, TOKENS_PER_CHUNK } from "./token-chunks.js";

/**
 * An occurrence (content, token position) is one number: content · POSITION_SPAN + position. No
 * position reaches it: a content's token chunks end at CHUNK_ID_STRIDE · TOKENS_PER_CHUNK = 2²⁶
 * tokens, so a fingerprint past that could not be aligned anyway, and lookups leave it out.
 * Exact for content ids below 2²⁷.
 */
export const POSITION_SPAN = CHUNK_ID_STRIDE * TOKENS_PER_CHUNK;

export function occurrenceContent(occurrence: number): number {
  return Math.floor(occurrence / POSITION_SPAN);
}

export function occurrencePosition(occurrence: number): number {
  return occurrence % POSITION_SPAN;
}

/** Bytes a segment of `count` occurrences can take at most: two 5-byte varints each, and its length. */
export function maxSegmentBytes(count: number): number {
  return 10 * count + 5;
}

function varintLength(value: number): number {
  let length = 1;
  while (value >= 128) {
    value = Math.floor(value / 128);
    length++;
  }
  return length;
}

function writeVarint(into: Uint8Array, at: number, value: number): number {
  while (value >= 128) {
    into[at++] = (value & 127) | 128;
    value = Math.floor(value / 128);
  }
  into[at++] = value;
  return at;
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
class DamagedPostingList extends ReftrackError {
  constructor() {
    super("index is damaged: a fingerprint's posting list ends inside a number (rebuild the index)");
  }
}

function byOccurrence(a: number, b: number): number {
  return a - b;
}

/**
 * The occurrences as packed numbers (occurrenceContent, occurrencePosition), in content, then
 * position order; positions past POSITION_SPAN are left out. At most `limit` (negative: all):
 * callers read a truncated list only as "too many", so when the limit cuts the list its first
 * entries are those stored first.
 */
export function decodeOccurrences(data: Uint8Array, limit: number): number[] {
  const occurrences: number[] = [];
  const cap = limit < 0 ? Infinity : limit;
  const end = data.length;
  readAt = 0;
  let ordered = true;
  let lastContent = -1;
  while (readAt < end && occurrences.length < cap) {
    const segmentLength = readVarint(data, end);
    if (segmentLength > end - readAt) throw new DamagedPostingList();
    const segmentStop = readAt + segmentLength;
    let content = -1;
    let position = 0;
    while (readAt < segmentStop) {
      const delta = readVarint(data, segmentStop);
      if (readAt >= segmentStop) throw new DamagedPostingList();
      const value = readVarint(data, segmentStop);
      if (delta > 0) {
        // A segment's first content below the last one's: segments out of order.
        if (content < 0 && delta - 1 <= lastContent) ordered = false;
        content += delta;
        position = value;
      } else {
        position += value;
      }
      if (position < POSITION_SPAN) {
        occurrences.push(content * POSITION_SPAN + position);
        if (occurrences.length >= cap) break;
      }
    }
    lastContent = content;
  }
  if (!ordered && occurrences.length < cap) occurrences.sort(byOccurrence);
  return occurrences;
}

/**
 * Where readVarint reads next. A module cursor rather than a returned pair: the decoder calls it
 * twice per occurrence, and an object per call would be garbage (timed: as fast as the loops
 * written out in place, on 300,000 lists of the 4× bench index).
 */
let readAt = 0;

/** The varint at readAt, which must end before `end`; moves readAt past it. */
function readVarint(data: Uint8Array, end: number): number {
  let byte = data[readAt++]!;
  let value = byte & 127;
  for (let scale = 128; byte >= 128; scale *= 128) {
    if (readAt >= end) throw new DamagedPostingList();
    byte = data[readAt++]!;
    value += (byte & 127) * scale;
  }
  return value;
}

/** The distinct contents of a posting list, in increasing order. */
export function decodeContents(data: Uint8Array): number[] {
  const contents: number[] = [];
  for (const occurrence of decodeOccurrences(data, -1)) {
    const content = occurrenceContent(occurrence);
    if (contents.length === 0 || contents[contents.length - 1] !== content) contents.push(content);
  }
  return contents;
}

/**
 * The list without the occurrences of `removed` contents, as one segment; undefined when it holds
 * none of them (nothing to rewrite). An empty result means no occurrence is left.
 */
export function withoutContents(
  data: Uint8Array,
  removed: ReadonlySet<number>,
): { readonly data: Uint8Array; readonly contents: number; readonly occurrences: number } | undefined {
  const all = decodeOccurrences(data, -1);
  const kept = all.filter((occurrence) => !removed.has(occurrenceContent(occurrence)));
  if (kept.length === all.length) return undefined;
  const contents = kept.map(occurrenceContent);
  const positions = kept.map(occurrencePosition);
  const into = new Uint8Array(kept.length === 0 ? 0 : maxSegmentBytes(kept.length));
  const length = kept.length === 0 ? 0 : writeSegment(into, 0, contents, positions, 0, kept.length);
  let distinct = 0;
  for (let i = 0; i < contents.length; i++) if (i === 0 || contents[i] !== contents[i - 1]) distinct++;
  return { data: into.subarray(0, length), contents: distinct, occurrences: kept.length };
}
