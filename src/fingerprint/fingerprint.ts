import type { TokenStream } from "../normalize/normalize.js";

/**
 * Winnowing parameters (Schleimer, Wilkerson, Aiken, "Winnowing: Local Algorithms for Document
 * Fingerprinting", SIGMOD 2003).
 * - kgramTokens (k): no match shorter than k tokens is ever seen, so k sets the noise floor.
 * - windowKgrams (w): one fingerprint is kept per window of w consecutive k-grams, so density is
 *   about 2/(w+1) and every shared run of at least w + k − 1 tokens shares a fingerprint.
 */
export interface FingerprintParameters {
  readonly kgramTokens: number;
  readonly windowKgrams: number;
}

/**
 * Defaults: k = 14 tokens is a statement or a little more, below which code is idiom rather than
 * authorship; w = 14 guarantees any shared run of 27 tokens (≈ 90 normalized characters, about
 * 60% of the 150-character reporting threshold) is seen, so a reportable region has two seeds or
 * more. Chosen with the quality benchmark (bench/QUALITY.md): against k = w = 12 it halves false
 * positives (0.5% → 0.2% of negatives, 3.5% → 2.0% of hard ones) for 0–2 points of detection.
 */
export const DEFAULT_FINGERPRINT_PARAMETERS: FingerprintParameters = { kgramTokens: 14, windowKgrams: 14 };

/** The longest run of shared tokens that winnowing may miss plus one: w + k − 1. */
export function guaranteeThreshold(parameters: FingerprintParameters): number {
  return parameters.windowKgrams + parameters.kgramTokens - 1;
}

/** Selected fingerprints of one token stream. `positions[i]` is the first token of k-gram i. */
export interface Fingerprints {
  /** Every k-gram hash, in order (the winnowing input; matching measures repetitiveness with it). */
  readonly kgrams: Int32Array;
  readonly count: number;
  /** k-gram hashes as signed 32-bit integers (SQLite stores them in 4 bytes). */
  readonly hashes: Int32Array;
  readonly positions: Uint32Array;
}

// Polynomial rolling hash over token hashes, mod 2^32 (Karp–Rabin). The multiplier is odd so the
// map is invertible; the murmur3 finalizer then spreads the weak low bits before winnowing picks
// minima, which it must do uniformly for the density guarantee to hold.
const ROLLING_BASE = 0x01000193;

function mix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** Hashes of every k-gram, in order; empty when there are fewer than k tokens. */
export function kgramHashes(tokens: TokenStream, kgramTokens: number): Int32Array {
  const n = tokens.count - kgramTokens + 1;
  if (n <= 0) return new Int32Array(0);
  const out = new Int32Array(n);
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
  const hashes: number[] = [];
  const positions: number[] = [];
  if (n === 0) return { kgrams, count: 0, hashes: new Int32Array(0), positions: new Uint32Array(0) };
  const w = Math.min(windowKgrams, n);
  let minIndex = -1;
  for (let end = w - 1; end < n; end++) {
    const start = end - w + 1;
    if (minIndex < start) {
      // The minimum left the window: rescan it, right to left so ties pick the rightmost.
      minIndex = end;
      for (let i = end - 1; i >= start; i--) if (kgrams[i]! < kgrams[minIndex]!) minIndex = i;
      hashes.push(kgrams[minIndex]!);
      positions.push(minIndex);
    } else if (kgrams[end]! < kgrams[minIndex]!) {
      minIndex = end;
      hashes.push(kgrams[minIndex]!);
      positions.push(minIndex);
    }
  }
  return { kgrams, count: hashes.length, hashes: Int32Array.from(hashes), positions: Uint32Array.from(positions) };
}

/**
 * Data tables (`S_IRGRP = 0o0040` line after line, a dict of strings, a locale's month names) are
 * one k-gram repeated once names and literals are abstracted: winnowing keeps one fingerprint for
 * the whole table, and that one is shared with every other table of the same kind. Where the
 * abstract k-grams repeat, a second channel fingerprints k-grams whose token hashes also carry the
 * names' and literals' text hashes, so a copied table is found by its data. Off the repetitive
 * stretches the channel is silent: ordinary code is found by its shape, renamed or not, and the
 * index does not pay twice for it.
 */
const DATA_CHANNEL_SALT = 0x2545f491;

/**
 * A k-gram is repetitive when the same abstract k-gram recurs within this many tokens either side:
 * a table whose rows are up to 2k tokens long.
 */
function repetitiveKgrams(kgrams: Int32Array, kgramTokens: number): Uint8Array {
  const n = kgrams.length;
  const repetitive = new Uint8Array(n);
  const reach = 2 * kgramTokens;
  for (let p = 0; p < n; p++) {
    if (repetitive[p] === 1) continue;
    const hash = kgrams[p]!;
    for (let d = 1; d <= reach && p + d < n; d++) {
      if (kgrams[p + d] === hash) {
        repetitive[p] = 1;
        repetitive[p + d] = 1;
        break;
      }
    }
  }
  return repetitive;
}

/** k-gram hashes over token hashes that carry their name or literal text, at repetitive k-grams only (else INT32_MAX). */
function dataKgramHashes(tokens: TokenStream, repetitive: Uint8Array, kgramTokens: number): Int32Array {
  const n = repetitive.length;
  const out = new Int32Array(n).fill(0x7fffffff);
  if (n === 0 || !repetitive.includes(1)) return out;
  const concrete = new Int32Array(tokens.count);
  for (let i = 0; i < tokens.count; i++) {
    const name = tokens.names[i]!;
    concrete[i] = name === 0 ? tokens.hashes[i]! : mix32(tokens.hashes[i]! ^ Math.imul(name, 0x9e3779b1));
  }
  const all = kgramHashes({ ...tokens, hashes: new Uint32Array(concrete.buffer) }, kgramTokens);
  for (let p = 0; p < n; p++) {
    // INT32_MAX marks "not fingerprinted here": never below a real hash that winnowing could pick.
    if (repetitive[p] === 1) out[p] = Math.min(mix32(all[p]! ^ DATA_CHANNEL_SALT), 0x7ffffffe);
  }
  return out;
}

/**
 * The fingerprints of a token stream: winnowed abstract k-grams (the shape), plus winnowed data
 * k-grams over its repetitive stretches, in position order.
 */
export function fingerprint(tokens: TokenStream, parameters: FingerprintParameters): Fingerprints {
  const shape = winnow(kgramHashes(tokens, parameters.kgramTokens), parameters.windowKgrams);
  const repetitive = repetitiveKgrams(shape.kgrams, parameters.kgramTokens);
  const data = winnow(dataKgramHashes(tokens, repetitive, parameters.kgramTokens), parameters.windowKgrams);
  let dataCount = 0;
  for (let i = 0; i < data.count; i++) if (data.hashes[i] !== 0x7fffffff) dataCount++;
  if (dataCount === 0) return shape;
  const count = shape.count + dataCount;
  const hashes = new Int32Array(count);
  const positions = new Uint32Array(count);
  let a = 0;
  let b = 0;
  for (let out = 0; out < count; out++) {
    while (b < data.count && data.hashes[b] === 0x7fffffff) b++;
    if (b >= data.count || (a < shape.count && shape.positions[a]! <= data.positions[b]!)) {
      hashes[out] = shape.hashes[a]!;
      positions[out] = shape.positions[a++]!;
    } else {
      hashes[out] = data.hashes[b]!;
      positions[out] = data.positions[b++]!;
    }
  }
  return { kgrams: shape.kgrams, count, hashes, positions };
}
