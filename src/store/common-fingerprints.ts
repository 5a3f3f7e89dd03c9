import { COMMON_DIRECTORY_BITS } from "../options.js";
import { lowerBound } from "../util/search.js";

const SHIFT = 32 - COMMON_DIRECTORY_BITS;

/** Entries in a common table's directory (commonDirectory). */
export const COMMON_DIRECTORY_ENTRIES = (1 << COMMON_DIRECTORY_BITS) + 1;

/** Where the hashes whose top bits are `b` begin, for every `b`, and where the last ones end; counted into `into`, which must be zeroed. */
export function commonDirectory(hashes: Uint32Array, into: Uint32Array = new Uint32Array(COMMON_DIRECTORY_ENTRIES)): Uint32Array {
  for (let i = 0; i < hashes.length; i++) into[(hashes[i]! >>> SHIFT) + 1]!++;
  for (let b = 0; b < COMMON_DIRECTORY_ENTRIES - 1; b++) into[b + 1]! += into[b]!;
  return into;
}

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
    /** The directory, when it was made elsewhere (commonDirectory; statistics-worker.ts). */
    starts: Uint32Array = commonDirectory(hashes),
  ) {
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
