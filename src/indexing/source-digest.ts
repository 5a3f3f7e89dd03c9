import { join } from "node:path";
import type { ResolvedSource } from "../corpus/manifest.js";
import { ReftrackError } from "../errors.js";
import { type SkipReason, isReadFailure, readSourceFile } from "../files/source-file.js";
import type { TokenHasher } from "../hashing.js";
import { sourceFiles } from "./source-files.js";

/**
 * Digest of a source: its metadata and every readable file's path and content hash, in path
 * order. Equal digests mean re-indexing would produce the same rows.
 */
export class SourceDigest {
  private readonly parts: string[];
  files = 0;
  bytes = 0;
  readonly sourceName: string;
  constructor(
    source: ResolvedSource,
    private readonly hasher: TokenHasher,
  ) {
    this.parts = [metadataDigestPart(source)];
    this.sourceName = source.name;
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
export function identityDigest(source: ResolvedSource, hasher: TokenHasher, maxFileBytes: number): string | undefined {
  if (source.identity === null) return undefined;
  return hasher.hashContent(
    [metadataDigestPart(source), `identity ${source.identity}`, JSON.stringify([source.include, source.exclude, maxFileBytes, ...(source.minified ? ["minified"] : [])])].join("\n"),
  );
}

/** Reads a source already in the index to compute its digest, without indexing anything. */
export function scanSource(
  source: ResolvedSource,
  hasher: TokenHasher,
  maxFileBytes: number,
  skipped: Partial<Record<SkipReason, number>>,
): { digest: string; files: number; bytes: number } {
  const digest = new SourceDigest(source, hasher);
  for (const path of sourceFiles(source)) {
    const read = readSourceFile(join(source.root, path), maxFileBytes, { minified: source.minified });
    if (read.ok) digest.add(path, hasher.hashContent(read.text), Buffer.byteLength(read.text));
    else if (isReadFailure(read.reason)) throw new ReftrackError(`${source.name}: ${path}: ${read.detail}`);
    else skipped[read.reason] = (skipped[read.reason] ?? 0) + 1;
  }
  return { digest: digest.value(), files: digest.files, bytes: digest.bytes };
}
