import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";
import { STATISTICS_BACKGROUND_BYTES } from "../options.js";
import { COMMON_DIRECTORY_ENTRIES, CommonFingerprints } from "./common-fingerprints.js";
import { MembershipFilter } from "./membership-filter.js";
import { type StatisticsHandoff, StatisticsState } from "./statistics-handoff.js";
import { type StatisticsSizes, loadCommon, loadFilter, statisticsDamaged, statisticsSizes } from "./statistics.js";

/** An index's statistics (statistics.ts): either may be absent (none, or stale). */
export interface Statistics {
  readonly filter: MembershipFilter | undefined;
  readonly common: CommonFingerprints | undefined;
}

/** When an index's statistics are read: by their size (STATISTICS_BACKGROUND_BYTES), or always at open, or always on a thread of their own. */
export type StatisticsReading = "by-size" | "at-open" | "background";

const WORKER_SCRIPT = new URL("./statistics-worker.js", import.meta.url);

/** The worker exists only in the compiled package (a .js file next to this one): elsewhere statistics are read at open. */
function workerAvailable(): boolean {
  return WORKER_SCRIPT.protocol === "file:" && existsSync(fileURLToPath(WORKER_SCRIPT));
}

/** The statistics of the index open as `db` at `path`, read now, or a PendingStatistics reading them on another thread. */
export function openStatistics(db: Database.Database, path: string, reading: StatisticsReading): Statistics | PendingStatistics {
  const sizes = statisticsSizes(db);
  const bytes = sizes.filterBytes + 3 * sizes.commonColumnBytes;
  const background = bytes > 0 && workerAvailable() && (reading === "background" || (reading === "by-size" && bytes >= STATISTICS_BACKGROUND_BYTES));
  if (!background) return { filter: loadFilter(db), common: loadCommon(db) };
  return new PendingStatistics(path, sizes);
}

/**
 * Statistics a worker thread is reading into shared memory. `take` is asked at each query's start
 * and costs one atomic read until they are there; a query never sees them change part-way.
 */
export class PendingStatistics {
  private readonly handoff: StatisticsHandoff;
  private readonly state: Int32Array;
  private readonly worker: Worker;
  private readonly ended: Promise<void>;

  constructor(
    path: string,
    private readonly sizes: StatisticsSizes,
  ) {
    const column = sizes.commonColumnBytes;
    this.handoff = {
      path,
      state: new SharedArrayBuffer(4),
      filter: new SharedArrayBuffer(sizes.filterBytes),
      commonHashes: new SharedArrayBuffer(column),
      commonCounts: new SharedArrayBuffer(column),
      commonSources: new SharedArrayBuffer(column),
      commonDirectory: new SharedArrayBuffer(column > 0 ? COMMON_DIRECTORY_ENTRIES * 4 : 0),
    };
    this.state = new Int32Array(this.handoff.state);
    this.worker = new Worker(WORKER_SCRIPT, { workerData: this.handoff });
    // A process that is done does not wait for the statistics it no longer needs.
    this.worker.unref();
    this.ended = new Promise((resolve) => {
      // A worker that fails leaves the state at Loading: queries go on without statistics.
      this.worker.once("error", () => resolve());
      this.worker.once("exit", () => resolve());
    });
  }

  /**
   * The statistics once read (either may be absent), undefined while they are not, or for good when
   * the worker failed or found them rebuilt (`finished` tells). Throws when they are damaged.
   */
  take(): Statistics | undefined {
    switch (Atomics.load(this.state, 0) as StatisticsState) {
      case StatisticsState.Loaded:
        return {
          filter: this.handoff.filter.byteLength > 0 ? MembershipFilter.fromBytes(new Uint8Array(this.handoff.filter), this.sizes.filterLog2Bits) : undefined,
          common:
            this.handoff.commonHashes.byteLength > 0
              ? new CommonFingerprints(
                  this.sizes.commonFloor,
                  new Uint32Array(this.handoff.commonHashes),
                  new Uint32Array(this.handoff.commonCounts),
                  new Uint32Array(this.handoff.commonSources),
                  new Uint32Array(this.handoff.commonDirectory),
                )
              : undefined,
        };
      case StatisticsState.DamagedFilter:
        throw statisticsDamaged("membership filter");
      case StatisticsState.DamagedCommon:
        throw statisticsDamaged("common-fingerprint table");
      default:
        return undefined;
    }
  }

  /**
   * Resolves when the worker has ended: past this, `take` will never give more than it gives now.
   * `wait` keeps the process running until then; `ended` does not (a process done with its queries
   * does not wait for statistics it no longer needs).
   */
  finished(wait: boolean): Promise<void> {
    if (wait) this.worker.ref();
    return this.ended;
  }

  cancel(): void {
    void this.worker.terminate();
  }
}
