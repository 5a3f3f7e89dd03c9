import { COMMON_DIRECTORY_BITS } from "../options.js";
import { lowerBound } from "../util/search.js";

const SHIFT = 32 - COMMON_DIRECTORY_BITS;

/**
 * Fingerprints found in more than `floor` indexed contents, with how many and in how many
 * sources: a sorted array searched in memory, so the hot path knows a hash is boilerplate without
 * reading its (long) posting list. A directory by the hashes' top bits narrows each search to a few
 * neighbouring entries (COMMON_DIRECTORY_BITS).
 */
export class CommonFingerprints {
  /** Where the hashes whose top bits are `b` begin: starts[b], and end: starts[b + 1]. */
  private readonly starts: Uint32Array;

  constructor(
    readonly floor: number,
    /** Unsigned, increasing. */
    private readonly hashes: Uint32Array,
    private readonly counts: Uint32Array,
    private readonly sourceCounts: Uint32Array,
  ) {
    const buckets = 1 << COMMON_DIRECTORY_BITS;
    const starts = new Uint32Array(buckets + 1);
    for (let i = 0; i < hashes.length; i++) starts[(hashes[i]! >>> SHIFT) + 1]!++;
    for (let b = 0; b < buckets; b++) starts[b + 1]! += starts[b]!;
    this.starts = starts;
  }

  private find(signedHash: number): number {
    const hash = signedHash >>> 0;
    const bucket = hash >>> SHIFT;
    const end = this.starts[bucket + 1]!;
    const at = lowerBound(this.hashes, hash, undefined, this.starts[bucket]!, end);
    return at < end && this.hashes[at] === hash ? at : -1;
  }

  /** Contents `hash` occurs in when that is more than `floor`; undefined means "floor or fewer". */
  contentCount(hash: number): number | undefined {
    const at = this.find(hash);
    return at < 0 ? undefined : this.counts[at];
  }

  /** Sources those contents belong to, for a hash in more than `floor` contents; undefined otherwise. */
  sourceCount(hash: number): number | undefined {
    const at = this.find(hash);
    return at < 0 ? undefined : this.sourceCounts[at];
  }
}
