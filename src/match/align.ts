import type { SourceTokens } from "./source-tokens.js";
import type { FileHits, Segment } from "./types.js";
import { slabFloat64, slabUint32 } from "../util/slab.js";

/**
 * Alignment: each seed verified (its k tokens must match signature for signature, which rejects
 * 32-bit hash collisions) and extended both ways while tokens keep matching.
 */

/** Indexes of a content's hits ordered by one side's positions, then the other's. */
export function hitsInOrder(first: ArrayLike<number>, second: ArrayLike<number>): Uint32Array {
  return indexes(first.length).sort((a, b) => first[a]! - first[b]! || second[a]! - second[b]!);
}

/** 0, 1, …, count − 1. */
function indexes(count: number): Uint32Array {
  const order = slabUint32(count);
  for (let i = 0; i < count; i++) order[i] = i;
  return order;
}

/**
 * Indexes of a content's hits ordered by source position, then query position. Hits nearly always
 * come in query order (hitsInQueryOrder), and then a hit's index orders equal source positions as
 * its query position would: the indexes are sorted as packed (source position, index) numbers, a
 * native numeric sort, where a comparator is a call per comparison and a repetitive file has
 * hundreds of hits.
 */
export function hitsInSourceOrder(hits: FileHits): Uint32Array {
  const { queryPositions: q, sourcePositions: s } = hits;
  const n = s.length;
  const state = orderOf(q, s);
  if (state === NOT_IN_QUERY_ORDER) return hitsInOrder(s, q);
  if (state === IN_SOURCE_ORDER) return indexes(n);
  const keys = packedKeys(s, slabFloat64(n));
  keys.sort();
  return unpackedIndexes(keys, slabUint32(n));
}

const IN_SOURCE_ORDER = 0;
const IN_QUERY_ORDER = 1;
const NOT_IN_QUERY_ORDER = 2;

// hitsInSourceOrder's loops are functions of their own, with no call after them: V8 compiles a
// long loop while it runs (on-stack replacement) and keeps re-entering that code, however often a
// call that had not yet been made when it was compiled sends it back to the interpreter.

/** Whether hits are in query order, and in source order too. */
function orderOf(q: ArrayLike<number>, s: ArrayLike<number>): number {
  let order = IN_SOURCE_ORDER;
  for (let i = 1; i < s.length; i++) {
    if (q[i]! < q[i - 1]!) return NOT_IN_QUERY_ORDER;
    if (s[i]! < s[i - 1]!) order = IN_QUERY_ORDER;
  }
  return order;
}

/** Each hit's source position with its index packed below it (INDEX_SPAN). */
function packedKeys(s: ArrayLike<number>, keys: Float64Array): Float64Array {
  for (let i = 0; i < keys.length; i++) keys[i] = s[i]! * INDEX_SPAN + i;
  return keys;
}

/** The indexes packed in sorted keys. */
function unpackedIndexes(keys: Float64Array, order: Uint32Array): Uint32Array {
  for (let i = 0; i < keys.length; i++) order[i] = keys[i]! % INDEX_SPAN;
  return order;
}

/** Hit indexes are packed below source positions: with positions below POSITION_SPAN (2^26), every key stays below 2^53, exact. */
const INDEX_SPAN = 2 ** 27;

/**
 * Indexes of a content's hits ordered by query position, then source position. The lookup stage
 * adds them in that order but where two fingerprints share a query position (the data channels'):
 * so the order is checked, and sorted only when it is not.
 */
export function hitsInQueryOrder(hits: FileHits): Uint32Array {
  const { queryPositions: q, sourcePositions: s } = hits;
  for (let i = 1; i < q.length; i++) {
    if (q[i]! < q[i - 1]! || (q[i] === q[i - 1] && s[i]! < s[i - 1]!)) return hitsInOrder(q, s);
  }
  return indexes(q.length);
}

/** The segments the hits (visited in `order`, query order) extend to. */
export function extendSeeds(hits: FileHits, order: Uint32Array, querySignatures: Uint8Array, source: SourceTokens, k: number): Segment[] {
  const segments: Segment[] = [];
  // Seeds arrive in query order, so on one diagonal only the latest segment can contain the next.
  // Found among a few segments by looking back; past DIAGONAL_SCAN_SEGMENTS, by diagonal in a map.
  let latestOnDiagonal: Map<number, Segment> | undefined;
  for (const i of order) {
    const q = hits.queryPositions[i]!;
    const s = hits.sourcePositions[i]!;
    const latest = latestOnDiagonal ? latestOnDiagonal.get(q - s) : latestOf(segments, q - s);
    if (latest && q + k <= latest.queryEnd) continue;
    if (source.matchingAfter(querySignatures, q, s, k) < k) continue;
    const start = source.matchingBefore(querySignatures, q, s);
    const end = k + source.matchingAfter(querySignatures, q + k, s + k, querySignatures.length - q - k);
    const segment = { queryStart: q - start, queryEnd: q + end, sourceStart: s - start, sourceEnd: s + end };
    segments.push(segment);
    if (latestOnDiagonal) latestOnDiagonal.set(q - s, segment);
    else if (segments.length > DIAGONAL_SCAN_SEGMENTS) latestOnDiagonal = new Map(segments.map((made) => [made.queryStart - made.sourceStart, made]));
  }
  return segments;
}

/** Segments extendSeeds looks back through for one on a diagonal, before it keeps a map of them. */
const DIAGONAL_SCAN_SEGMENTS = 16;

/** The last of `segments` on `diagonal` (query position minus source position). */
function latestOf(segments: readonly Segment[], diagonal: number): Segment | undefined {
  for (let j = segments.length - 1; j >= 0; j--) {
    const segment = segments[j]!;
    if (segment.queryStart - segment.sourceStart === diagonal) return segment;
  }
  return undefined;
}
