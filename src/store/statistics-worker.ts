/**
 * Reads an index's statistics on a thread of its own, into memory the opening thread shares
 * (statistics-loader.ts), then says how it went in the shared state word and ends. The opening
 * thread answers queries meanwhile, and takes the statistics at a query's start.
 */
import { workerData } from "node:worker_threads";
import { IndexUnusableError } from "../errors.js";
import { READER_MMAP_BYTES } from "../options.js";
import { openDatabase } from "./database.js";
import { commonDirectory } from "./common-fingerprints.js";
import { type StatisticsHandoff, StatisticsState } from "./statistics-handoff.js";
import { commonColumns, loadFilter } from "./statistics.js";

const handoff = workerData as StatisticsHandoff;
Atomics.store(new Int32Array(handoff.state), 0, load(handoff));

function load(handoff: StatisticsHandoff): StatisticsState {
  const db = openDatabase(handoff.path, true);
  try {
    db.pragma(`mmap_size = ${READER_MMAP_BYTES}`);
    // Only unreadable statistics are damage, of the part being read; any other failure (a locked or
    // vanished file) ends the worker with an error, and queries go on without statistics.
    let reading = StatisticsState.DamagedFilter;
    let filter;
    let common;
    try {
      filter = loadFilter(db);
      reading = StatisticsState.DamagedCommon;
      common = commonColumns(db);
    } catch (error) {
      if (error instanceof IndexUnusableError) return reading;
      throw error;
    }
    // Rebuilt since the opening thread sized the shared memory: the index is being written, and
    // queries go on without statistics, as they would with stale ones.
    const filterBytes = filter?.toBytes();
    if ((filterBytes?.byteLength ?? 0) !== handoff.filter.byteLength || (common?.hashes.byteLength ?? 0) !== handoff.commonHashes.byteLength) {
      return StatisticsState.Changed;
    }
    if (filterBytes) new Uint8Array(handoff.filter).set(filterBytes);
    if (common) {
      new Uint32Array(handoff.commonHashes).set(common.hashes);
      new Uint32Array(handoff.commonCounts).set(common.counts);
      new Uint32Array(handoff.commonSources).set(common.sources);
      commonDirectory(common.hashes, new Uint32Array(handoff.commonDirectory));
    }
    return StatisticsState.Loaded;
  } finally {
    db.close();
  }
}
