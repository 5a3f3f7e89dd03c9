import { lowerBound } from "../util/search.js";

/**
 * Fingerprints found in more than `floor` indexed contents, with how many and in how many
 * sources: a sorted array searched in memory, so the hot path knows a hash is boilerplate without
 * reading its (long) posting list.
 */
export class CommonFingerprints {
  constructor(
    readonly floor: number,
    /** Unsigned, increasing. */
    private readonly hashes: Uint32Array,
    private readonly counts: Uint32Array,
    private readonly sourceCounts: Uint32Array,
  ) {}

  private find(signedHash: number): number {
    const hash = signedHash >>> 0;
    const at = lowerBound(this.hashes, hash);
    return at < this.hashes.length && this.hashes[at] === hash ? at : -1;
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
