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

/**
 * Bumped whenever the fingerprints of the same token stream can change (hashing, winnowing, the
 * data channel). Stored in every index: an index with other fingerprints is refused, since a query
 * would silently miss what it holds.
 */
export const FINGERPRINT_VERSION = 5;

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
 * index does not pay twice for it. Its window is DATA_WINDOW_FACTOR × w: tables are long, and on
 * the quality benchmark a window of 2w keeps all but half a point of what w finds, with 37% fewer
 * data fingerprints (4w loses 1.5 points of Python verbatim).
 */
const DATA_CHANNEL_SALT = 0x2545f491;

/** Winnowing window of the data channel, in multiples of w: see DATA_CHANNEL_SALT. */
const DATA_WINDOW_FACTOR = 2;

/** A data k-gram hash for positions the channel does not cover: above any hash winnowing may keep. */
const NOT_FINGERPRINTED = 0x7fffffff;

// repetitiveKgrams' table (see there), one per thread.
const LATEST = new Int32Array(4096);
let latestStamp = 0;

/**
 * Which k-grams are repetitive: the same abstract k-gram occurs again within 2k tokens, before or
 * after it (a table whose rows are up to 2k tokens long). Undefined when none is.
 */
function repetitiveKgrams(kgrams: Int32Array, kgramTokens: number): Uint8Array | undefined {
  const n = kgrams.length;
  const reach = 2 * kgramTokens;
  let repetitive: Uint8Array | undefined;
  // The latest position of a k-gram in each of 4096 slots by the hash's low bits: one probe finds
  // the nearest earlier equal k-gram; a collision falls back to scanning the reach. The table is
  // shared between calls and stamped with an offset instead of cleared (a query is ~100 k-grams).
  if (latestStamp + n + reach + 1 >= 0x7fffffff) {
    LATEST.fill(0);
    latestStamp = 0;
  }
  const stamp = latestStamp + reach + 1;
  latestStamp = stamp + n;
  for (let p = 0; p < n; p++) {
    const hash = kgrams[p]!;
    const slot = hash & 4095;
    const last = LATEST[slot]! - stamp;
    LATEST[slot] = stamp + p;
    if (last < 0 || p - last > reach) continue;
    let match = -1;
    if (kgrams[last] === hash) {
      match = last;
    } else {
      for (let q = p - 1; q >= Math.max(0, p - reach); q--) {
        if (kgrams[q] === hash) {
          match = q;
          break;
        }
      }
    }
    if (match >= 0) {
      repetitive ??= new Uint8Array(n);
      repetitive[p] = 1;
      repetitive[match] = 1;
    }
  }
  return repetitive;
}

/**
 * k-gram hashes over token hashes that carry a text, at repetitive k-grams only (NOT_FINGERPRINTED
 * elsewhere). Rolled along each run of repetitive k-grams, so code without repetition costs
 * nothing but the scan. `texts` is TokenStream.names (the data channel) or its numbers and
 * regular expressions alone (the kept-data channel); a k-gram with fewer than `minTexts` tokens
 * with a text is left out (with none, it is the shape's, salted).
 */
function dataKgramHashes(tokens: TokenStream, texts: Uint16Array, minTexts: number, repetitive: Uint8Array, kgramTokens: number): Int32Array {
  const n = repetitive.length;
  const out = new Int32Array(n).fill(NOT_FINGERPRINTED);
  const concrete = (i: number): number => {
    const text = texts[i]!;
    return text === 0 ? tokens.hashes[i]! : mix32(tokens.hashes[i]! ^ Math.imul(text, 0x9e3779b1));
  };
  let topPower = 1; // ROLLING_BASE^(k-1)
  for (let i = 1; i < kgramTokens; i++) topPower = Math.imul(topPower, ROLLING_BASE);
  let rolling = 0;
  // Tokens with a text among the current k-gram's.
  let withText = 0;
  for (let p = 0; p < n; p++) {
    if (repetitive[p] !== 1) continue;
    if (p === 0 || repetitive[p - 1] !== 1) {
      rolling = 0;
      withText = 0;
      for (let i = 0; i < kgramTokens; i++) {
        rolling = (Math.imul(rolling, ROLLING_BASE) + concrete(p + i)) | 0;
        if (texts[p + i] !== 0) withText++;
      }
    } else {
      rolling = (rolling - Math.imul(concrete(p - 1), topPower)) | 0;
      rolling = (Math.imul(rolling, ROLLING_BASE) + concrete(p + kgramTokens - 1)) | 0;
      if (texts[p - 1] !== 0) withText--;
      if (texts[p + kgramTokens - 1] !== 0) withText++;
    }
    if (withText >= minTexts) out[p] = Math.min(mix32(mix32(rolling) ^ DATA_CHANNEL_SALT), NOT_FINGERPRINTED - 1);
  }
  return out;
}

/** Fingerprints of one data channel: its winnowed k-grams where the channel has any. */
function dataFingerprints(tokens: TokenStream, texts: Uint16Array, minTexts: number, repetitive: Uint8Array, parameters: FingerprintParameters): Fingerprints {
  const data = winnow(dataKgramHashes(tokens, texts, minTexts, repetitive, parameters.kgramTokens), DATA_WINDOW_FACTOR * parameters.windowKgrams);
  // Windows with no fingerprinted k-gram in them selected a NOT_FINGERPRINTED: those are dropped.
  let kept = 0;
  for (let i = 0; i < data.count; i++) {
    if (data.hashes[i] === NOT_FINGERPRINTED) continue;
    data.hashes[kept] = data.hashes[i]!;
    data.positions[kept++] = data.positions[i]!;
  }
  return { kgrams: data.kgrams, count: kept, hashes: data.hashes.subarray(0, kept), positions: data.positions.subarray(0, kept) };
}

/**
 * Fingerprint lists merged in position order (the shape's first at a tie); a fingerprint equal to
 * the one before it at the same position is kept once (both data channels choose it where a
 * k-gram's only texts are numbers).
 */
function mergeByPosition(lists: readonly Fingerprints[], kgrams: Int32Array): Fingerprints {
  const count = lists.reduce((sum, list) => sum + list.count, 0);
  const hashes = new Int32Array(count);
  const positions = new Uint32Array(count);
  const next = new Array<number>(lists.length).fill(0);
  let out = 0;
  for (;;) {
    let best = -1;
    for (let l = 0; l < lists.length; l++) {
      if (next[l]! < lists[l]!.count && (best < 0 || lists[l]!.positions[next[l]!]! < lists[best]!.positions[next[best]!]!)) best = l;
    }
    if (best < 0) break;
    const hash = lists[best]!.hashes[next[best]!]!;
    const position = lists[best]!.positions[next[best]!]!;
    next[best]!++;
    if (out > 0 && hashes[out - 1] === hash && positions[out - 1] === position) continue;
    hashes[out] = hash;
    positions[out++] = position;
  }
  return { kgrams, count: out, hashes: hashes.subarray(0, out), positions: positions.subarray(0, out) };
}

/**
 * Numbers (or regular expressions) a kept-data k-gram must hold. A table has one per row or more,
 * so two or more in k tokens; with one, the k-gram is a statement with a constant in it
 * (`self.assertEqual(f(x), 0)` line after line), which unrelated code shares: on the 4× speed-bench
 * index, one number reported 2 more held-out test windows of 2,000 (26 against 24), two none, and
 * the quality bench found the same copies either way.
 */
const KEPT_MIN_TEXTS = 2;

/** The text hashes of the tokens whose text a renaming keeps (TokenStream.keptLiteralClasses), 0 elsewhere. */
function keptTexts(tokens: TokenStream): Uint16Array {
  const texts = new Uint16Array(tokens.count);
  const classes = tokens.keptLiteralClasses;
  for (let i = 0; i < tokens.count; i++) {
    if (tokens.names[i] !== 0 && classes.includes(tokens.hashes[i]!)) texts[i] = tokens.names[i]!;
  }
  return texts;
}

/**
 * The fingerprints of a token stream: winnowed abstract k-grams (the shape), plus, over its
 * repetitive stretches, winnowed data k-grams (names and literals as written) and kept-data
 * k-grams (numbers and regular expressions only: what renaming leaves, so a table whose names and
 * strings were all renamed is still found by its numbers), in position order.
 */
export function fingerprint(tokens: TokenStream, parameters: FingerprintParameters): Fingerprints {
  const shape = winnow(kgramHashes(tokens, parameters.kgramTokens), parameters.windowKgrams);
  const repetitive = repetitiveKgrams(shape.kgrams, parameters.kgramTokens);
  if (!repetitive) return shape;
  const data = dataFingerprints(tokens, tokens.names, 1, repetitive, parameters);
  const kept = dataFingerprints(tokens, keptTexts(tokens), KEPT_MIN_TEXTS, repetitive, parameters);
  if (data.count === 0 && kept.count === 0) return shape;
  return mergeByPosition([shape, data, kept], shape.kgrams);
}
