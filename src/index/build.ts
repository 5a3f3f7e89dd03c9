import { join } from "node:path";
import { type ResolvedSource, loadManifest } from "../corpus/manifest.js";
import { PathFilter } from "../corpus/glob.js";
import { DEFAULT_MAX_FILE_BYTES, type SkipReason, readSourceFile } from "../corpus/source-file.js";
import { walkFiles } from "../corpus/walk.js";
import { DEFAULT_FINGERPRINT_PARAMETERS, type FingerprintParameters, fingerprint } from "../fingerprint/fingerprint.js";
import { type TokenHasher, loadTokenHasher } from "../hashing.js";
import { languageForPath } from "../languages/registry.js";
import { Normalizer } from "../normalize/normalize.js";
import { type IndexedFile, IndexWriter, currentIndexParameters } from "./store.js";

export interface BuildOptions {
  readonly fingerprinting: FingerprintParameters;
  readonly maxFileBytes?: number;
  readonly onSource?: (event: SourceProgress) => void;
}

export interface SourceProgress {
  readonly name: string;
  readonly status: "indexed" | "unchanged" | "removed" | "unavailable";
  readonly files: number;
  readonly fingerprints: number;
  readonly bytes: number;
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
  readonly index: { sources: number; files: number; fingerprints: number; bytes: number };
  readonly seconds: number;
}

interface SourceFileEntry {
  readonly path: string;
  readonly contentHash: string;
}

interface SourceScan {
  readonly files: SourceFileEntry[];
  readonly digest: string;
  readonly bytes: number;
}

/**
 * Builds or updates the index at `dbPath` so that it holds exactly `sources`: new and changed
 * sources are (re)indexed, unchanged ones kept, sources no longer listed removed.
 */
export async function buildIndex(
  dbPath: string,
  sources: readonly ResolvedSource[],
  unavailable: readonly { name: string; reason: string }[],
  options: BuildOptions,
): Promise<BuildSummary> {
  const started = performance.now();
  const hasher = await loadTokenHasher();
  const normalizer = new Normalizer(hasher);
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const writer = IndexWriter.open(dbPath, currentIndexParameters(options.fingerprinting));
  const skipped: Partial<Record<SkipReason, number>> = {};
  let sourcesIndexed = 0;
  let sourcesUnchanged = 0;
  let sourcesRemoved = 0;
  let filesIndexed = 0;
  let fingerprintsAdded = 0;
  let sourceBytes = 0;
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
      const scan = scanSource(source, hasher, maxFileBytes, skipped);
      if (existing.get(source.name)?.digest === scan.digest) {
        sourcesUnchanged++;
        options.onSource?.({ name: source.name, status: "unchanged", files: scan.files.length, fingerprints: 0, bytes: scan.bytes });
        continue;
      }
      const written = writer.replaceSource(
        {
          name: source.name,
          repository: source.repository,
          revision: source.revision,
          repositoryDirectory: source.repositoryDirectory,
          urlTemplate: source.urlTemplate,
          license: source.license,
        },
        scan.digest,
        indexFiles(source, scan.files, normalizer, hasher, options.fingerprinting, maxFileBytes),
      );
      sourcesIndexed++;
      filesIndexed += written.files;
      fingerprintsAdded += written.fingerprints;
      sourceBytes += scan.bytes;
      options.onSource?.({ name: source.name, status: "indexed", files: written.files, fingerprints: written.fingerprints, bytes: scan.bytes });
    }
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
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    writer.close();
  }
}

/** First pass: which files a source has and a digest of them, to skip unchanged sources cheaply. */
function scanSource(
  source: ResolvedSource,
  hasher: TokenHasher,
  maxFileBytes: number,
  skipped: Partial<Record<SkipReason, number>>,
): SourceScan {
  const filter = new PathFilter(source.include, source.exclude);
  const files: SourceFileEntry[] = [];
  let bytes = 0;
  const digestParts: string[] = [
    JSON.stringify([source.repository, source.revision, source.repositoryDirectory, source.urlTemplate, source.license]),
  ];
  for (const path of walkFiles(source.root)) {
    if (!languageForPath(path) || !filter.accepts(path)) continue;
    const read = readSourceFile(join(source.root, path), maxFileBytes);
    if (!read.ok) {
      skipped[read.reason] = (skipped[read.reason] ?? 0) + 1;
      continue;
    }
    const contentHash = hasher.hashContent(read.text);
    files.push({ path, contentHash });
    bytes += Buffer.byteLength(read.text);
    digestParts.push(`${path}\0${contentHash}`);
  }
  return { files, digest: hasher.hashContent(digestParts.join("\n")), bytes };
}

function* indexFiles(
  source: ResolvedSource,
  files: readonly SourceFileEntry[],
  normalizer: Normalizer,
  hasher: TokenHasher,
  parameters: FingerprintParameters,
  maxFileBytes: number,
): Generator<IndexedFile> {
  for (const file of files) {
    const language = languageForPath(file.path);
    const read = readSourceFile(join(source.root, file.path), maxFileBytes);
    // A file that changed or vanished since the first pass is skipped, not half-indexed; the
    // source's digest then differs next run, so it is picked up again.
    if (!language || !read.ok || hasher.hashContent(read.text) !== file.contentHash) continue;
    const tokens = normalizer.normalize(read.text, language);
    if (tokens.count === 0) continue;
    yield {
      path: file.path,
      language: language.name,
      contentHash: file.contentHash,
      tokens,
      fingerprints: fingerprint(tokens, parameters),
    };
  }
}

/** Library form of `reftrack index`: load a manifest and build or update the index from it. */
export async function buildIndexFromManifest(
  dbPath: string,
  manifestPath: string,
  options: Partial<BuildOptions> = {},
): Promise<BuildSummary> {
  const manifest = loadManifest(manifestPath);
  return buildIndex(dbPath, manifest.sources, manifest.unavailable, {
    ...options,
    fingerprinting: options.fingerprinting ?? DEFAULT_FINGERPRINT_PARAMETERS,
  });
}
