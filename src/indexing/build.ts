import { type LoadOptions, type ResolvedSource, loadManifest } from "../corpus/manifest.js";
import { ReftrackError, requirePath } from "../errors.js";
import { type SkipReason, isReadFailure } from "../files/source-file.js";
import { loadTokenHasher } from "../hashing.js";
import { DEFAULT_FINGERPRINT_PARAMETERS, DEFAULT_MAX_FILE_BYTES, type FingerprintParameters, MERGE_EVERY_ROWS } from "../options.js";
import { currentIndexParameters } from "../store/parameters.js";
import type { IndexStatistics } from "../store/records.js";
import { IndexWriter } from "../store/writer.js";
import { licenseListVersion } from "../corpus/license-text.js";
import { createPreparer, defaultThreadCount } from "./prepare-pool.js";
import type { PrepareOutcome, PreparedFile } from "./prepare.js";
import { SourceDigest, identityDigest, scanSource } from "./source-digest.js";
import { type BuildProgress, fileRequests, planSource } from "./source-files.js";

export interface BuildOptions {
  /** Winnowing parameters (default DEFAULT_FINGERPRINT_PARAMETERS); an existing index built with others is refused. */
  readonly fingerprinting?: FingerprintParameters;
  readonly maxFileBytes?: number;
  /** Threads that normalize and fingerprint (default: one per core when running compiled). */
  readonly threads?: number;
  readonly onSource?: (event: SourceProgress) => void;
  /** Called after each file is written. */
  readonly onFile?: (file: PreparedFile) => void;
  /**
   * Asked for, the build first lists every source's files (one stat each) and reports the total;
   * then `onProgress` reports how much of it is done, for a progress bar with an ETA.
   */
  readonly onPlan?: (total: BuildProgress) => void;
  readonly onProgress?: (done: BuildProgress) => void;
  /** Drop what a damaged index holds and write every source again, into the same file. */
  readonly repair?: boolean;
  /**
   * Stops the build between two sources: what was written is merged and kept, so the next run
   * resumes with the sources not yet written (BuildSummary.interrupted).
   */
  readonly signal?: AbortSignal;
}

export type { BuildProgress };

export interface SourceProgress {
  readonly name: string;
  readonly status: "indexed" | "unchanged" | "removed" | "unavailable";
  readonly files: number;
  readonly fingerprints: number;
  readonly bytes: number;
  /** Unavailable: why. Indexed: the license and where it came from. */
  readonly detail?: string;
}

export interface BuildSummary {
  readonly sourcesIndexed: number;
  readonly sourcesUnchanged: number;
  readonly sourcesRemoved: number;
  readonly sourcesUnavailable: number;
  readonly filesIndexed: number;
  readonly fingerprintsAdded: number;
  readonly sourceBytes: number;
  readonly skipped: Partial<Record<SkipReason, number>>;
  readonly index: IndexStatistics;
  readonly threads: number;
  readonly seconds: number;
  /** Stopped by BuildOptions.signal before every source was written. */
  readonly interrupted: boolean;
}




function addCounts(into: Partial<Record<SkipReason, number>>, from: Partial<Record<SkipReason, number>>): void {
  for (const [reason, count] of Object.entries(from) as [SkipReason, number][]) into[reason] = (into[reason] ?? 0) + count;
}

/**
 * Builds or updates the index at `dbPath` so that it holds exactly `sources`: new and changed
 * sources are (re)indexed, unchanged ones kept, sources no longer listed removed.
 */
export async function buildFromSources(
  dbPath: string,
  sources: readonly ResolvedSource[],
  unavailable: readonly { name: string; reason: string }[],
  options: BuildOptions = {},
): Promise<BuildSummary> {
  const started = performance.now();
  const hasher = await loadTokenHasher();
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const threads = options.threads ?? defaultThreadCount();
  const fingerprinting = options.fingerprinting ?? DEFAULT_FINGERPRINT_PARAMETERS;
  const writer = IndexWriter.open(dbPath, currentIndexParameters(fingerprinting), { repair: options.repair === true });
  const preparer = await createPreparer(threads, fingerprinting);
  const skipped: Partial<Record<SkipReason, number>> = {};
  let sourcesIndexed = 0;
  let sourcesUnchanged = 0;
  let sourcesRemoved = 0;
  let filesIndexed = 0;
  let fingerprintsAdded = 0;
  let sourceBytes = 0;
  const progress = { files: 0, bytes: 0 };
  const planned = new Map<string, BuildProgress>();
  if (options.onPlan) {
    for (const source of sources) planned.set(source.name, planSource(source));
    options.onPlan([...planned.values()].reduce((a, b) => ({ files: a.files + b.files, bytes: a.bytes + b.bytes }), { files: 0, bytes: 0 }));
  }
  const advance = (files: number, bytes: number): void => {
    progress.files += files;
    progress.bytes += bytes;
    options.onProgress?.(progress);
  };
  try {
    const existing = new Map(writer.sources().map((s) => [s.name, s]));
    const keep = new Set([...sources.map((s) => s.name), ...unavailable.map((s) => s.name)]);
    for (const old of existing.values()) {
      if (!keep.has(old.name)) {
        writer.deleteSource(old.name);
        sourcesRemoved++;
        options.onSource?.({ name: old.name, status: "removed", files: 0, fingerprints: 0, bytes: 0 });
      }
    }
    for (const missing of unavailable) {
      options.onSource?.({ name: missing.name, status: "unavailable", files: 0, fingerprints: 0, bytes: 0, detail: missing.reason });
    }
    let interrupted = false;
    for (const source of sources) {
      if (options.signal?.aborted) {
        interrupted = true;
        break;
      }
      const previous = existing.get(source.name);
      const knownDigest = identityDigest(source, hasher, maxFileBytes);
      if (previous) {
        // An immutable identity proves a source unchanged unread; otherwise every file is read.
        const scanSkips: Partial<Record<SkipReason, number>> = {};
        const scan = knownDigest === undefined ? scanSource(source, hasher, maxFileBytes, scanSkips) : undefined;
        const intact = writer.sourceIsIntact(source.name);
        // Unchanged only if what the index holds of it is intact too: a damaged source is written again,
        // removed first so its new version cannot take its damaged contents as stored.
        if (!intact) writer.deleteSource(source.name);
        if (intact && previous.digest === (knownDigest ?? scan!.digest)) {
          addCounts(skipped, scanSkips);
          sourcesUnchanged++;
          advance(planned.get(source.name)?.files ?? 0, planned.get(source.name)?.bytes ?? 0);
          options.onSource?.({ name: source.name, status: "unchanged", files: scan?.files ?? 0, fingerprints: 0, bytes: scan?.bytes ?? 0 });
          continue;
        }
      }
      const digest = new SourceDigest(source, hasher);
      const outcomes = preparer.prepareAll(fileRequests(source, maxFileBytes));
      const written = await writer.replaceSource(
        source,
        preparedFiles(outcomes, digest, skipped, advance),
        () => knownDigest ?? digest.value(),
        options.onFile,
      );
      // Bounds the work an interruption can lose, and the staging table's size.
      if (writer.stagedRows >= MERGE_EVERY_ROWS) writer.mergeStaged();
      sourcesIndexed++;
      filesIndexed += written.files;
      fingerprintsAdded += written.fingerprints;
      sourceBytes += digest.bytes;
      options.onSource?.({
        name: source.name,
        status: "indexed",
        files: written.files,
        fingerprints: written.fingerprints,
        bytes: digest.bytes,
        detail:
          source.licenseProvenance === "manifest"
            ? `${source.license} (manifest)`
            : `${source.license} (${source.licenseProvenance}: ${source.licenseEvidence})`,
      });
    }
    writer.mergeStaged();
    writer.recordBuildNote("license_list_version", licenseListVersion());
    if (!writer.statisticsAreCurrent()) writer.rebuildStatistics();
    writer.markFinished();
    return {
      sourcesIndexed,
      sourcesUnchanged,
      sourcesRemoved,
      sourcesUnavailable: unavailable.length,
      filesIndexed,
      fingerprintsAdded,
      sourceBytes,
      skipped,
      index: writer.statistics(),
      threads,
      seconds: (performance.now() - started) / 1000,
      interrupted,
    };
  } finally {
    await preparer.close();
    writer.close();
  }
}





/** Turns per-file outcomes into the files to store, recording digest parts and skips on the way. */
async function* preparedFiles(
  outcomes: AsyncIterable<PrepareOutcome>,
  digest: SourceDigest,
  skipped: Partial<Record<SkipReason, number>>,
  advance: (files: number, bytes: number) => void,
): AsyncGenerator<PreparedFile> {
  for await (const outcome of outcomes) {
    if (outcome.kind === "skipped") {
      // A file that cannot be read fails its source (written in one transaction, so nothing of it is kept).
      if (isReadFailure(outcome.reason)) throw new ReftrackError(`${digest.sourceName}: ${outcome.path}: ${outcome.detail}`);
      skipped[outcome.reason] = (skipped[outcome.reason] ?? 0) + 1;
      advance(1, 0);
    } else if (outcome.kind === "no-tokens") {
      digest.add(outcome.path, outcome.contentHash, outcome.bytes);
      advance(1, outcome.bytes);
    } else {
      digest.add(outcome.file.path, outcome.file.contentHash, outcome.bytes);
      advance(1, outcome.bytes);
      yield outcome.file;
    }
  }
}


/** Library form of `reftrack index`: load a corpus manifest and build or update the index from it. */
export async function buildIndex(dbPath: string, manifestPath: string, options: BuildOptions & LoadOptions = {}): Promise<BuildSummary> {
  requirePath(dbPath, "buildIndex()", "the index");
  requirePath(manifestPath, "buildIndex()", "the manifest");
  const manifest = loadManifest(manifestPath, options);
  return buildFromSources(dbPath, manifest.sources, manifest.unavailable, options);
}
