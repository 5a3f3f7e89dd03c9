import { INSERTION_SORT_ROWS, STAGED_BLOCK_SHIFT } from "../options.js";
import { runCount } from "../util/runs.js";

const STAGED_BLOCK_ROWS = 1 << STAGED_BLOCK_SHIFT;
const STAGED_BLOCK_MASK = STAGED_BLOCK_ROWS - 1;

/**
 * Fingerprint rows (hash, content, position) waiting to be merged into the searchable table, in
 * append order, 12 bytes each. Kept in memory rather than in an SQLite temp table: appending is a
 * copy, and sorting them for the merge is a bucket sort here, where a temp table cost an insert
 * per row on the thread that feeds the workers and an external sort at merge time.
 */
export class StagedFingerprints {
  private readonly hashBlocks: Int32Array[] = [];
  private readonly contentBlocks: Uint32Array[] = [];
  private readonly positionBlocks: Uint32Array[] = [];
  length = 0;

  hash(row: number): number {
    return this.hashBlocks[row >>> STAGED_BLOCK_SHIFT]![row & STAGED_BLOCK_MASK]!;
  }

  content(row: number): number {
    return this.contentBlocks[row >>> STAGED_BLOCK_SHIFT]![row & STAGED_BLOCK_MASK]!;
  }

  position(row: number): number {
    return this.positionBlocks[row >>> STAGED_BLOCK_SHIFT]![row & STAGED_BLOCK_MASK]!;
  }

  append(hashes: Int32Array, contentId: number, positions: Uint32Array): void {
    for (let from = 0; from < hashes.length; ) {
      const block = this.length >>> STAGED_BLOCK_SHIFT;
      const offset = this.length & STAGED_BLOCK_MASK;
      if (block === this.hashBlocks.length) {
        this.hashBlocks.push(new Int32Array(STAGED_BLOCK_ROWS));
        this.contentBlocks.push(new Uint32Array(STAGED_BLOCK_ROWS));
        this.positionBlocks.push(new Uint32Array(STAGED_BLOCK_ROWS));
      }
      const take = Math.min(hashes.length - from, STAGED_BLOCK_ROWS - offset);
      this.hashBlocks[block]!.set(hashes.subarray(from, from + take), offset);
      this.contentBlocks[block]!.fill(contentId, offset, offset + take);
      this.positionBlocks[block]!.set(positions.subarray(from, from + take), offset);
      from += take;
      this.length += take;
    }
  }

  /** Keeps the first `length` rows; blocks no longer needed are released. */
  truncate(length: number): void {
    this.length = Math.min(this.length, length);
    const blocks = Math.ceil(this.length / STAGED_BLOCK_ROWS);
    this.hashBlocks.length = blocks;
    this.contentBlocks.length = blocks;
    this.positionBlocks.length = blocks;
  }

  /** Drops every row of the given contents, keeping the others in order. */
  removeContents(contentIds: ReadonlySet<number>): void {
    let kept = 0;
    for (let row = 0; row < this.length; row++) {
      const content = this.content(row);
      if (contentIds.has(content)) continue;
      const block = kept >>> STAGED_BLOCK_SHIFT;
      const offset = kept & STAGED_BLOCK_MASK;
      this.hashBlocks[block]![offset] = this.hash(row);
      this.contentBlocks[block]![offset] = content;
      this.positionBlocks[block]![offset] = this.position(row);
      kept++;
    }
    this.truncate(kept);
  }

  /**
   * Row indexes in the table's key order: by the hash as stored (unsigned), rows with equal hashes
   * in append order, which is nearly always content then position order (mergeStaged checks).
   * One bucket pass on the top 16 bits, then each bucket (about n / 65536 rows) sorted on the rest with scratch the size of the largest bucket: one index
   * array of 4 bytes per row, where a radix sort over all rows needed a second one as scratch,
   * at the build's memory peak.
   */
  sortedOrder(): Uint32Array {
    const n = this.length;
    const starts = new Uint32Array(BUCKETS + 1);
    for (let row = 0; row < n; row++) starts[(sortKey(this.hash(row)) >>> 16) + 1]!++;
    let largest = 0;
    for (let bucket = 1; bucket <= BUCKETS; bucket++) {
      largest = Math.max(largest, starts[bucket]!);
      starts[bucket]! += starts[bucket - 1]!;
    }
    const order = new Uint32Array(n);
    const next = starts.slice(0, BUCKETS);
    for (let row = 0; row < n; row++) order[next[sortKey(this.hash(row)) >>> 16]!++] = row;
    // Within a bucket rows are in append order, and both sorts below are stable.
    const scratch = new Uint32Array(largest);
    const counts = new Uint32Array(256);
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      const from = starts[bucket]!;
      const to = starts[bucket + 1]!;
      if (to - from <= INSERTION_SORT_ROWS) {
        for (let i = from + 1; i < to; i++) {
          const row = order[i]!;
          const key = this.hash(row) & 0xffff;
          let j = i - 1;
          while (j >= from && (this.hash(order[j]!) & 0xffff) > key) {
            order[j + 1] = order[j]!;
            j--;
          }
          order[j + 1] = row;
        }
        continue;
      }
      // Two 8-bit counting passes on the low half, through scratch and back.
      for (const shift of [0, 8]) {
        const [source, target, base] = shift === 0 ? [order, scratch, from] : [scratch, order, 0];
        const size = to - from;
        counts.fill(0);
        for (let i = 0; i < size; i++) counts[(this.hash(source[base + i]!) >>> shift) & 0xff]!++;
        let total = 0;
        for (let digit = 0; digit < 256; digit++) {
          const count = counts[digit]!;
          counts[digit] = total;
          total += count;
        }
        const targetBase = shift === 0 ? 0 : from;
        for (let i = 0; i < size; i++) {
          const row = source[base + i]!;
          target[targetBase + counts[(this.hash(row) >>> shift) & 0xff]!++] = row;
        }
      }
    }
    return order;
  }
}

/** Buckets of the merge's sort: one per value of a hash's top 16 bits. */
const BUCKETS = 1 << 16;

/** A 32-bit hash as the unsigned key it is stored under (postings.hash). */
export function sortKey(hash: number): number {
  return hash >>> 0;
}

/** Distinct hashes among staged rows in `order` (sorted by hash): what the filter will hold. */
export function distinctHashes(staging: StagedFingerprints, order: Uint32Array): number {
  return runCount(order, (row) => staging.hash(row));
}

/** Sorts parallel (content, position) arrays by content, then position, and drops repeated pairs. */
export function sortDistinctPairs(contents: number[], positions: number[]): void {
  const pairs = contents.map((content, i) => [content, positions[i]!] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  contents.length = 0;
  positions.length = 0;
  for (const [content, position] of pairs) {
    const last = contents.length - 1;
    if (last >= 0 && contents[last] === content && positions[last] === position) continue;
    contents.push(content);
    positions.push(position);
  }
}

