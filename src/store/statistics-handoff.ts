/** What the opening thread gives the statistics worker (statistics-worker.ts): the index, and shared memory sized for what it holds. */
export interface StatisticsHandoff {
  readonly path: string;
  /** One Int32: a StatisticsState, written once by the worker. */
  readonly state: SharedArrayBuffer;
  readonly filter: SharedArrayBuffer;
  readonly commonHashes: SharedArrayBuffer;
  readonly commonCounts: SharedArrayBuffer;
  readonly commonSources: SharedArrayBuffer;
  /** The common table's directory (common-fingerprints.ts), made by the worker too. */
  readonly commonDirectory: SharedArrayBuffer;
}

export const enum StatisticsState {
  Loading = 0,
  Loaded = 1,
  /** The statistics were rebuilt after the shared memory was sized. */
  Changed = 2,
  DamagedFilter = 3,
  DamagedCommon = 4,
}
