import { DATA_WINDOW_FACTOR, type FingerprintParameters, MIN_TABLE_LITERALS } from "../options.js";
import type { TokenStream } from "../normalize/token-stream.js";
import { type Fingerprints, winnow } from "./winnow.js";
import { ROLLING_BASE, mix32 } from "./rolling-hash.js";
import { slabInt32, slabUint16, slabUint32, slabUint8 } from "../util/slab.js";

/**
 * Data tables (`S_IRGRP = 0o0040` line after line, a dict of strings, a locale's month names) are
 * one k-gram repeated once names and literals are abstracted: winnowing keeps one fingerprint for
 * the whole table, and that one is shared with every other table of the same kind. Where the
 * abstract k-grams repeat, three more channels are winnowed (window DATA_WINDOW_FACTOR × w):
 * - the data channel: k-grams whose token hashes also carry the names' and literals' text hashes,
 *   so a copied table is found by its data;
 * - the literal channel: k-grams carrying the literals' text alone, so a table whose name (on
 *   every row: `Kind['NAME'] = 'Name'`) or keys were renamed is still found by its strings;
 * - the kept-data channel: k-grams carrying only the literals a consistent renaming keeps (numbers,
 *   regular expressions), so a table whose names and strings were all renamed is still found by
 *   its numbers. Member names, which renaming keeps too, are left out: repetitive test code of
 *   unrelated projects shares them.
 * Where two channels' k-grams carry the same texts (a table of numbers alone), their selections are
 * equal and kept once. Off the repetitive stretches the channels are silent: ordinary code is found
 * by its shape, renamed or not, and the index does not pay twice for it.
 */

/** Salts the channels' hashes so they never equal a shape k-gram's. */
const DATA_CHANNEL_SALT = 0x2545f491;

/** A data k-gram hash for positions the channel does not cover: above any hash winnowing may keep. */
const NOT_FINGERPRINTED = 0x7fffffff;

/** Slots of the table that finds an earlier equal k-gram (by the hash's low bits). */
const LATEST_SLOTS = 4096;

/** The channels' scratch, owned by one Fingerprinter (see there). */
export class DataChannels {
  /** The latest position of a k-gram per slot, offset by `stamp` so it need not be cleared per call. */
  private readonly latest = new Int32Array(LATEST_SLOTS);
  private stamp = 0;

  /** `shape` with the data channels' fingerprints merged in, when the stream has repetitive stretches. */
  addTo(shape: Fingerprints, tokens: TokenStream, parameters: FingerprintParameters): Fingerprints {
    const repetitive = this.repetitiveKgrams(shape.kgrams, parameters.kgramTokens);
    if (!repetitive) return shape;
    const data = dataFingerprints(tokens, tokens.names, 1, repetitive, parameters);
    const literalTexts = textsOf(tokens, tokens.literalClasses);
    const keptTexts = textsOf(tokens, tokens.keptLiteralClasses);
    const literals = dataFingerprints(tokens, literalTexts, MIN_TABLE_LITERALS, repetitive, parameters);
    // Where every literal is a number or a regular expression, the kept channel's k-grams are the
    // literal channel's: merged, its fingerprints would be kept once, so they are not made twice.
    const kept = sameTexts(keptTexts, literalTexts) ? undefined : dataFingerprints(tokens, keptTexts, MIN_TABLE_LITERALS, repetitive, parameters);
    if (data.count === 0 && literals.count === 0 && (kept?.count ?? 0) === 0) return shape;
    return mergeByPosition(kept ? [shape, data, literals, kept] : [shape, data, literals], shape.kgrams);
  }

  /**
   * Which k-grams are repetitive: the same abstract k-gram occurs again within 2k tokens, before or
   * after it (a table whose rows are up to 2k tokens long). Undefined when none is. One probe of
   * the latest-position table finds the nearest earlier equal k-gram; a slot collision falls back
   * to scanning the reach.
   */
  private repetitiveKgrams(kgrams: Int32Array, kgramTokens: number): Uint8Array | undefined {
    const n = kgrams.length;
    const reach = 2 * kgramTokens;
    const latest = this.latest;
    let repetitive: Uint8Array | undefined;
    if (this.stamp + n + reach + 1 >= 0x7fffffff) {
      latest.fill(0);
      this.stamp = 0;
    }
    const stamp = this.stamp + reach + 1;
    this.stamp = stamp + n;
    for (let p = 0; p < n; p++) {
      const hash = kgrams[p]!;
      const slot = hash & (LATEST_SLOTS - 1);
      const last = latest[slot]! - stamp;
      latest[slot] = stamp + p;
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
        repetitive ??= slabUint8(n);
        repetitive[p] = 1;
        repetitive[match] = 1;
      }
    }
    return repetitive;
  }
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
  const out = slabInt32(n).fill(NOT_FINGERPRINTED);
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
  const hashes = slabInt32(count);
  const positions = slabUint32(count);
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

/** The text hashes of the tokens of `classes` (literals, or those a renaming keeps), 0 elsewhere. */
function textsOf(tokens: TokenStream, classes: Uint32Array): Uint16Array {
  const texts = slabUint16(tokens.count);
  const { names, hashes } = tokens;
  for (let i = 0; i < tokens.count; i++) {
    const name = names[i]!;
    if (name === 0) continue;
    // A loop over the few classes, where includes() was a call per token that V8 did not inline.
    const hash = hashes[i]!;
    for (let c = 0; c < classes.length; c++) {
      if (classes[c] === hash) {
        texts[i] = name;
        break;
      }
    }
  }
  return texts;
}

function sameTexts(a: Uint16Array, b: Uint16Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
