import { FILTER_BITS_PER_HASH, FILTER_PROBES } from "../options.js";

/**
 * A Bloom filter over the index's fingerprint hashes, kept in the index and loaded at open, so the
 * common case of the hot path — a hash of novel code, absent from the index — is answered in
 * memory without touching SQLite. It never says "absent" for a present hash; it says "maybe
 * present" for a few percent of absent ones (sized by FILTER_BITS_PER_HASH, probed FILTER_PROBES
 * times by double hashing, Kirsch–Mitzenmacher), which then cost one lookup each.
 */
const MIN_LOG2_BITS = 16;
const MAX_LOG2_BITS = 32;

/**
 * 32-bit words stored as a blob: a view when the bytes are 4-byte aligned (large blobs from
 * SQLite are), else a copy. The blob must be a whole number of words.
 */
export function wordsOf<T extends Int32Array | Uint32Array>(
  bytes: Uint8Array,
  Words: { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; new (length: number): T },
): T {
  if (bytes.byteOffset % 4 === 0) return new Words(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const words = new Words(bytes.byteLength / 4);
  new Uint8Array(words.buffer, words.byteOffset, words.byteLength).set(bytes);
  return words;
}

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
    const log2Bits = Math.min(MAX_LOG2_BITS, Math.max(MIN_LOG2_BITS, Math.round(Math.log2(wanted))));
    return new MembershipFilter(new Uint32Array(2 ** (log2Bits - 5)), log2Bits);
  }

  static fromBytes(bytes: Uint8Array, log2Bits: number): MembershipFilter {
    if (log2Bits < MIN_LOG2_BITS || log2Bits > MAX_LOG2_BITS || bytes.byteLength !== 2 ** (log2Bits - 3)) {
      throw new RangeError("membership filter has an invalid size");
    }
    return new MembershipFilter(wordsOf(bytes, Uint32Array), log2Bits);
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
