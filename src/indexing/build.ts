import { lstatSync, statSync } from "node:fs";
import { join } from "node:path";
import { type LoadOptions, type ResolvedSource, loadManifest } from "../corpus/manifest.js";
import { PathFilter } from "../files/glob.js";
import { type SkipReason, readSourceFile } from "../files/source-file.js";
import { IGNORED_DIRECTORIES, walkFiles } from "../files/walk.js";
import { type TokenHasher, loadTokenHasher } from "../hashing.js";
import { languageForPath } from "../languages/registry.js";
import { DEFAULT_FINGERPRINT_PARAMETERS, DEFAULT_MAX_FILE_BYTES, type FingerprintParameters, MERGE_EVERY_ROWS } from "../options.js";
import { currentIndexParameters } from "../store/parameters.js";
import type { IndexStatistics } from "../store/records.js";
import { IndexWriter } from "../store/writer.js";
import { createPreparer, defaultThreadCount } from "./prepare-pool.js";
import type { FileRequest, PrepareOutcome, PreparedFile } from "./prepare.js";

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
}

export interface BuildProgress {
  readonly files: number;
  readonly bytes: number;
}

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
}

/**
 * Digest of a source: its metadata and every readable file's path and content hash, in path
 * order. Equal digests mean re-indexing would produce the same rows.
 */
class SourceDigest {
  private readonly parts: string[];
  files = 0;
  bytes = 0;
  constructor(
    source: ResolvedSource,
    private readonly hasher: TokenHasher,
  ) {
    this.parts = [metadataDigestPart(source)];
  }
  add(path: string, contentHash: string, bytes: number): void {
    this.parts.push(`${path}\0${contentHash}`);
    this.files++;
    this.bytes += bytes;
  }
  value(): string {
    return this.hasher.hashContent(this.parts.join("\n"));
  }
}

function metadataDigestPart(source: ResolvedSource): string {
  return JSON.stringify([
    source.repository,
    source.revision,
    source.repositoryDirectory,
    source.urlTemplate,
    source.license,
    source.licenseProvenance,
    source.licenseEvidence,
  ]);
}

/**
 * For a source whose content has an immutable identity (npm integrity, archive hash, commit),
 * the digest needs no reading: identity, metadata and what decides the file selection.
 */
function identityDigest(source: ResolvedSource, hasher: TokenHasher, maxFileBytes: number): string | undefined {
  if (source.identity === null) return undefined;
  return hasher.hashContent(
    [metadataDigestPart(source), `identity ${source.identity}`, JSON.stringify([source.include, source.exclude, maxFileBytes])].join("\n"),
  );
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
  const writer = IndexWriter.open(dbPath, currentIndexParameters(fingerprinting));
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
    for (const source of sources) {
      const previous = existing.get(source.name);
      const knownDigest = identityDigest(source, hasher, maxFileBytes);
      if (previous) {
        // An immutable identity proves a source unchanged unread; otherwise every file is read.
        const scanSkips: Partial<Record<SkipReason, number>> = {};
        const scan = knownDigest === undefined ? scanSource(source, hasher, maxFileBytes, scanSkips) : undefined;
        if (previous.digest === (knownDigest ?? scan!.digest)) {
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
        {
          name: source.name,
          repository: source.repository,
          revision: source.revision,
          repositoryDirectory: source.repositoryDirectory,
          urlTemplate: source.urlTemplate,
          license: source.license,
          licenseProvenance: source.licenseProvenance,
          licenseEvidence: source.licenseEvidence,
        },
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
    if (!writer.statisticsAreCurrent()) writer.rebuildStatistics();
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
    };
  } finally {
    await preparer.close();
    writer.close();
  }
}

/** The files of a source reftrack would index, in a stable order. */
function* sourceFiles(source: ResolvedSource): Generator<string> {
  const filter = new PathFilter(source.include, source.exclude);
  const candidates = source.files ? listedFiles(source.root, source.files) : walkFiles(source.root);
  for (const path of candidates) {
    if (languageForPath(path) && filter.accepts(path)) yield path;
  }
}

/**
 * An explicit file list (git's tracked files), held to the walk's rules: regular files only (a
 * tracked symlink could point out of the checkout), never inside node_modules and the like.
 */
function* listedFiles(root: string, files: readonly string[]): Generator<string> {
  for (const path of files) {
    if (path.split("/").some((part) => IGNORED_DIRECTORIES.has(part))) continue;
    try {
      if (lstatSync(join(root, path)).isFile()) yield path;
    } catch {
      // Listed but gone from the working tree: nothing to read.
    }
  }
}

/** Reads a source already in the index to compute its digest, without indexing anything. */
function scanSource(
  source: ResolvedSource,
  hasher: TokenHasher,
  maxFileBytes: number,
  skipped: Partial<Record<SkipReason, number>>,
): { digest: string; files: number; bytes: number } {
  const digest = new SourceDigest(source, hasher);
  for (const path of sourceFiles(source)) {
    const read = readSourceFile(join(source.root, path), maxFileBytes);
    if (read.ok) digest.add(path, hasher.hashContent(read.text), Buffer.byteLength(read.text));
    else skipped[read.reason] = (skipped[read.reason] ?? 0) + 1;
  }
  return { digest: digest.value(), files: digest.files, bytes: digest.bytes };
}

function* fileRequests(source: ResolvedSource, maxFileBytes: number): Generator<FileRequest> {
  for (const path of sourceFiles(source)) {
    yield { absolutePath: join(source.root, path), path, language: languageForPath(path)!.name, maxFileBytes };
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

/** The files a source would have read, and their size on disk, for a progress total. */
function planSource(source: ResolvedSource): BuildProgress {
  let files = 0;
  let bytes = 0;
  for (const path of sourceFiles(source)) {
    files++;
    try {
      bytes += statSync(join(source.root, path)).size;
    } catch {
      // Unreadable: it will be counted as a skip when read.
    }
  }
  return { files, bytes };
}

/** Library form of `reftrack index`: load a corpus manifest and build or update the index from it. */
export async function buildIndex(dbPath: string, manifestPath: string, options: BuildOptions & LoadOptions = {}): Promise<BuildSummary> {
  const manifest = loadManifest(manifestPath, options);
  return buildFromSources(dbPath, manifest.sources, manifest.unavailable, options);
}
