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
   * The rows in the table's key order: by the hash as stored (unsigned), rows with equal hashes in
   * append order, which is nearly always content then position order (mergeStaged checks). The
   * rows are moved, not indexed: the merge then reads them in order, where reading rows through a
   * sorted index array missed the cache three times a row. One bucket pass on the top 16 bits,
   * then each bucket (about n / 65536 rows) sorted on the rest, with scratch the size of the
   * largest bucket.
   */
  sorted(): SortedRows {
    const n = this.length;
    const starts = new Uint32Array(BUCKETS + 1);
    this.eachBlock((hashes, _contents, _positions, size) => {
      for (let i = 0; i < size; i++) starts[(hashes[i]! >>> 16) + 1]!++;
    });
    let largest = 0;
    for (let bucket = 1; bucket <= BUCKETS; bucket++) {
      largest = Math.max(largest, starts[bucket]!);
      starts[bucket]! += starts[bucket - 1]!;
    }
    const rows: SortedRows = { length: n, hashes: new Uint32Array(n), contents: new Uint32Array(n), positions: new Uint32Array(n) };
    const next = starts.slice(0, BUCKETS);
    this.eachBlock((hashes, contents, positions, size) => {
      for (let i = 0; i < size; i++) {
        const key = sortKey(hashes[i]!);
        const at = next[key >>> 16]!++;
        rows.hashes[at] = key;
        rows.contents[at] = contents[i]!;
        rows.positions[at] = positions[i]!;
      }
    });
    // Within a bucket rows are in append order, and both sorts below are stable.
    const scratch: SortedRows = { length: largest, hashes: new Uint32Array(largest), contents: new Uint32Array(largest), positions: new Uint32Array(largest) };
    const counts = new Uint32Array(256);
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      const from = starts[bucket]!;
      const to = starts[bucket + 1]!;
      if (to - from <= INSERTION_SORT_ROWS) insertionSort(rows, from, to);
      else {
        // Two 8-bit counting passes on the low half, through scratch and back.
        countingPass(rows, from, scratch, 0, to - from, 0, counts);
        countingPass(scratch, 0, rows, from, to - from, 8, counts);
      }
    }
    return rows;
  }

  /** Each block's filled part, in append order. */
  private eachBlock(visit: (hashes: Int32Array, contents: Uint32Array, positions: Uint32Array, size: number) => void): void {
    for (let block = 0; block < this.hashBlocks.length; block++) {
      const size = Math.min(STAGED_BLOCK_ROWS, this.length - block * STAGED_BLOCK_ROWS);
      if (size > 0) visit(this.hashBlocks[block]!, this.contentBlocks[block]!, this.positionBlocks[block]!, size);
    }
  }
}

/** Staged rows in key order (StagedFingerprints.sorted): parallel arrays, the hash as its unsigned key. */
export interface SortedRows {
  readonly length: number;
  readonly hashes: Uint32Array;
  readonly contents: Uint32Array;
  readonly positions: Uint32Array;
}

/** Sorts rows [from, to) by the low 16 bits of their keys, stably: a bucket of few rows. */
function insertionSort(rows: SortedRows, from: number, to: number): void {
  const { hashes, contents, positions } = rows;
  for (let i = from + 1; i < to; i++) {
    const key = hashes[i]!;
    const content = contents[i]!;
    const position = positions[i]!;
    const low = key & 0xffff;
    let j = i - 1;
    while (j >= from && (hashes[j]! & 0xffff) > low) {
      hashes[j + 1] = hashes[j]!;
      contents[j + 1] = contents[j]!;
      positions[j + 1] = positions[j]!;
      j--;
    }
    hashes[j + 1] = key;
    contents[j + 1] = content;
    positions[j + 1] = position;
  }
}

/** One stable counting pass on 8 bits of the keys at `shift`: `size` rows from source at `from` to target at `to`. */
function countingPass(source: SortedRows, from: number, target: SortedRows, to: number, size: number, shift: number, counts: Uint32Array): void {
  counts.fill(0);
  for (let i = 0; i < size; i++) counts[(source.hashes[from + i]! >>> shift) & 0xff]!++;
  let total = 0;
  for (let digit = 0; digit < 256; digit++) {
    const count = counts[digit]!;
    counts[digit] = total;
    total += count;
  }
  for (let i = 0; i < size; i++) {
    const key = source.hashes[from + i]!;
    const at = to + counts[(key >>> shift) & 0xff]!++;
    target.hashes[at] = key;
    target.contents[at] = source.contents[from + i]!;
    target.positions[at] = source.positions[from + i]!;
  }
}

/** Buckets of the merge's sort: one per value of a hash's top 16 bits. */
const BUCKETS = 1 << 16;

/** A 32-bit hash as the unsigned key it is stored under (postings.hash). */
function sortKey(hash: number): number {
  return hash >>> 0;
}

/** Distinct hashes among sorted rows: what the filter will hold. */
export function distinctHashes(rows: SortedRows): number {
  return runCount(rows.hashes);
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

