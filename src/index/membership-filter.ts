/**
 * A Bloom filter over the index's fingerprint hashes, kept in the index and loaded at open, so the
 * common case of the hot path — a hash of novel code, absent from the index — is answered in
 * memory without touching SQLite. It never says "absent" for a present hash; it says "maybe
 * present" for about 0.1–0.5% of absent ones, which then cost one lookup each.
 *
 * Sizing: m = the power of two ≥ 16 bits per hash, 3 probes by double hashing
 * (Kirsch–Mitzenmacher), so the false-positive rate (1 − e^(−3n/m))³ is at most 0.5%.
 */
export const FILTER_BITS_PER_HASH = 16;
export const FILTER_PROBES = 3;
const MIN_LOG2_BITS = 16;
const MAX_LOG2_BITS = 32;

function secondHash(hash: number): number {
  let h = Math.imul(hash ^ (hash >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) | 1;
}

export class MembershipFilter {
  private readonly shift: number;

  private constructor(
    readonly words: Uint32Array,
    readonly log2Bits: number,
  ) {
    this.shift = 32 - log2Bits;
  }

  static forCount(hashCount: number): MembershipFilter {
    const wanted = Math.max(1, hashCount) * FILTER_BITS_PER_HASH;
    const log2Bits = Math.min(MAX_LOG2_BITS, Math.max(MIN_LOG2_BITS, Math.ceil(Math.log2(wanted))));
    return new MembershipFilter(new Uint32Array(2 ** (log2Bits - 5)), log2Bits);
  }

  static fromBytes(bytes: Uint8Array, log2Bits: number): MembershipFilter {
    if (log2Bits < MIN_LOG2_BITS || log2Bits > MAX_LOG2_BITS || bytes.byteLength !== 2 ** (log2Bits - 3)) {
      throw new RangeError("membership filter has an invalid size");
    }
    // Copy into an aligned buffer: a Buffer from SQLite may start at any offset.
    const words = new Uint32Array(bytes.byteLength / 4);
    new Uint8Array(words.buffer).set(bytes);
    return new MembershipFilter(words, log2Bits);
  }

  toBytes(): Uint8Array {
    return new Uint8Array(this.words.buffer, this.words.byteOffset, this.words.byteLength);
  }

  add(hash: number): void {
    const step = secondHash(hash);
    let probe = hash >>> 0;
    for (let i = 0; i < FILTER_PROBES; i++) {
      const bit = probe >>> this.shift;
      this.words[bit >>> 5]! |= 1 << (bit & 31);
      probe = (probe + step) >>> 0;
    }
  }

  mayContain(hash: number): boolean {
    const step = secondHash(hash);
    let probe = hash >>> 0;
    for (let i = 0; i < FILTER_PROBES; i++) {
      const bit = probe >>> this.shift;
      if ((this.words[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
      probe = (probe + step) >>> 0;
    }
    return true;
  }
}
