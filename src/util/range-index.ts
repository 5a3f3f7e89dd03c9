/**
 * Inclusive ranges of non-negative positions, found by the positions they cover: which stored
 * ranges overlap a given one, without scanning every stored range. Ranking a whole bundle keeps
 * hundreds of references and weighs thousands of candidates against them.
 */
export class RangeIndex {
  /**
   * Stored range ids by bucket (position / RANGE_BUCKET), each list in the order added; made at the
   * first range, since most indexes a query's ranking makes stay empty.
   */
  private buckets: Map<number, number[]> | undefined;
  private readonly ranges: (readonly [number, number])[] = [];

  /** Stores a range; returns its id (0, 1, 2, … in the order added). */
  add(range: readonly [number, number]): number {
    const id = this.ranges.length;
    this.ranges.push(range);
    this.buckets ??= new Map();
    for (let bucket = bucketOf(range[0]); bucket <= bucketOf(range[1]); bucket++) {
      let ids = this.buckets.get(bucket);
      if (!ids) this.buckets.set(bucket, (ids = []));
      ids.push(id);
    }
    return id;
  }

  /** The id of the first-added stored range overlapping `range` that `accept` accepts, or -1. */
  first(range: readonly [number, number], accept: (stored: readonly [number, number]) => boolean): number {
    let best = -1;
    if (!this.buckets) return best;
    for (let bucket = bucketOf(range[0]); bucket <= bucketOf(range[1]); bucket++) {
      for (const id of this.buckets.get(bucket) ?? NO_IDS) {
        if (best !== -1 && id >= best) break;
        const stored = this.ranges[id]!;
        if (stored[0] <= range[1] && range[0] <= stored[1] && accept(stored)) {
          best = id;
          break;
        }
      }
    }
    return best;
  }

  /** How many ranges are stored. */
  get size(): number {
    return this.ranges.length;
  }

  /** Every stored range overlapping `range` that `accept` accepts, each once. */
  overlapping(range: readonly [number, number], accept: (stored: readonly [number, number]) => boolean): (readonly [number, number])[] {
    const found = new Set<number>();
    if (!this.buckets) return [];
    for (let bucket = bucketOf(range[0]); bucket <= bucketOf(range[1]); bucket++) {
      for (const id of this.buckets.get(bucket) ?? NO_IDS) {
        const stored = this.ranges[id]!;
        if (!found.has(id) && stored[0] <= range[1] && range[0] <= stored[1] && accept(stored)) found.add(id);
      }
    }
    return [...found].map((id) => this.ranges[id]!);
  }
}

const NO_IDS: readonly number[] = [];

/** Positions per bucket: a few hundred tokens, a function's length. */
const RANGE_BUCKET = 256;

function bucketOf(position: number): number {
  return Math.floor(position / RANGE_BUCKET);
}
