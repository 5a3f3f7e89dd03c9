import type { TokenStream } from "../normalize/token-stream.js";
import { type FingerprintParameters, SHORT_QUERY_WINDOWS } from "../options.js";
import { ROLLING_BASE, mix32 } from "./rolling-hash.js";
import { slabInt32, slabUint32 } from "../util/slab.js";

/** Selected fingerprints of one token stream. `positions[i]` is the first token of k-gram i. */
export interface Fingerprints {
  /** Every k-gram hash, in order (the winnowing input; matching measures repetitiveness with it). */
  readonly kgrams: Int32Array;
  readonly count: number;
  /** k-gram hashes as signed 32-bit integers. */
  readonly hashes: Int32Array;
  readonly positions: Uint32Array;
  /**
   * A query's fingerprints that are there only as k-grams at its ends (winnowQuery), not chosen by
   * winnowing: seeds of those count for a region that shows it is the same text, not for shape alone.
   */
  readonly edgeOnly?: ReadonlySet<number>;
}

/** Hashes of every k-gram, in order; empty when there are fewer than k tokens. */
export function kgramHashes(tokens: TokenStream, kgramTokens: number): Int32Array {
  const n = tokens.count - kgramTokens + 1;
  if (n <= 0) return new Int32Array(0);
  const out = slabInt32(n);
  const hashes = tokens.hashes;
  let topPower = 1; // ROLLING_BASE^(k-1)
  for (let i = 1; i < kgramTokens; i++) topPower = Math.imul(topPower, ROLLING_BASE);
  let rolling = 0;
  for (let i = 0; i < kgramTokens; i++) rolling = (Math.imul(rolling, ROLLING_BASE) + hashes[i]!) | 0;
  out[0] = mix32(rolling);
  for (let i = 1; i < n; i++) {
    rolling = (rolling - Math.imul(hashes[i - 1]!, topPower)) | 0;
    rolling = (Math.imul(rolling, ROLLING_BASE) + hashes[i + kgramTokens - 1]!) | 0;
    out[i] = mix32(rolling);
  }
  return out;
}

/**
 * Robust winnowing: in each window of w k-gram hashes keep the minimum (the rightmost on ties),
 * but keep the previously chosen one while it is still in the window and not beaten, so runs of
 * equal hashes (repetitive code) yield one fingerprint instead of one per window. A text shorter
 * than one window keeps its single minimum, so short snippets still get a fingerprint.
 */
export function winnow(kgrams: Int32Array, windowKgrams: number): Fingerprints {
  const n = kgrams.length;
  if (n === 0) return { kgrams, count: 0, hashes: new Int32Array(0), positions: new Uint32Array(0) };
  const hashes = slabInt32(n);
  const positions = slabUint32(n);
  const count = chooseMinima(kgrams, Math.min(windowKgrams, n), hashes, positions);
  return { kgrams, count, hashes: hashes.subarray(0, count), positions: positions.subarray(0, count) };
}

/**
 * Writes the chosen hashes and their positions; returns how many. The loop is the function's whole
 * body: compiled while a bundle's first call still runs it, code after it in the same function had
 * no type feedback yet, and the compiled loop was entered and deoptimized there on every later call.
 */
function chooseMinima(kgrams: Int32Array, w: number, hashes: Int32Array, positions: Uint32Array): number {
  const n = kgrams.length;
  let count = 0;
  let minIndex = -1;
  for (let end = w - 1; end < n; end++) {
    const start = end - w + 1;
    if (minIndex < start) {
      // The minimum left the window: rescan it, right to left so ties pick the rightmost.
      minIndex = end;
      for (let i = end - 1; i >= start; i--) if (kgrams[i]! < kgrams[minIndex]!) minIndex = i;
      hashes[count] = kgrams[minIndex]!;
      positions[count++] = minIndex;
    } else if (kgrams[end]! < kgrams[minIndex]!) {
      minIndex = end;
      hashes[count] = kgrams[minIndex]!;
      positions[count++] = minIndex;
    }
  }
  return count;
}

/** Whether a query of `tokens` tokens, fingerprinted with `parameters`, is short (SHORT_QUERY_WINDOWS). */
export function isShortStream(tokens: number, parameters: FingerprintParameters): boolean {
  return isShortQuery(tokens - parameters.kgramTokens + 1, parameters.windowKgrams);
}

/** Whether a query channel of `kgrams` k-grams is short (SHORT_QUERY_WINDOWS). */
function isShortQuery(kgrams: number, windowKgrams: number): boolean {
  return kgrams <= SHORT_QUERY_WINDOWS * windowKgrams;
}

/**
 * A short query's fingerprints (SHORT_QUERY_WINDOWS): the winnowed ones plus every k-gram in its
 * first and last w − 1 positions. There the query's windows are cut short, so its minimum need not be the one the
 * indexed file chose from its whole window; with these, every fingerprint the file holds inside
 * the copied region is a seed, which short copies need to reach minSeeds.
 */
export function winnowQuery(kgrams: Int32Array, windowKgrams: number): Fingerprints {
  const chosen = winnow(kgrams, windowKgrams);
  const n = kgrams.length;
  if (!isShortQuery(n, windowKgrams)) return chosen;
  const edge = Math.max(0, windowKgrams - 1);
  const hashes: number[] = [];
  const positions: number[] = [];
  const winnowed = new Set(chosen.hashes);
  const edgeOnly = new Set<number>();
  let next = 0;
  for (let p = 0; p < n; p++) {
    const selected = next < chosen.count && chosen.positions[next] === p;
    if (selected) next++;
    if (selected || p < edge || p >= n - edge) {
      hashes.push(kgrams[p]!);
      positions.push(p);
      if (!winnowed.has(kgrams[p]!)) edgeOnly.add(kgrams[p]!);
    }
  }
  return { kgrams, count: hashes.length, hashes: Int32Array.from(hashes), positions: Uint32Array.from(positions), edgeOnly };
}
