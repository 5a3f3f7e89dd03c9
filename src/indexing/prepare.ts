import { licenseFromHeader } from "../corpus/license-detect.js";
import { type SkipReason, readSourceFile } from "../files/source-file.js";
import { type Fingerprinter, textFingerprints } from "../fingerprint/fingerprint.js";
import type { TokenHasher } from "../hashing.js";
import type { LanguageDefinition, LanguageName } from "../languages/language.js";
import { TEXT_POSITION_BASE } from "../match/match-index.js";
import type { Normalizer } from "../normalize/normalizer.js";
import { textStream } from "../normalize/text.js";
import type { StoredFile } from "../store/records.js";
import { TEXT_CHUNK_BASE, encodeTokenChunks } from "../store/token-chunks.js";

/** What the index stores for one file (store/records.ts), as this application prepares it. */
export type PreparedFile = StoredFile;

/** Normalize → fingerprint → encode token chunks: the CPU-heavy part of indexing one file. */
function prepareFile(
  path: string,
  text: string,
  contentHash: string,
  language: LanguageDefinition,
  normalizer: Normalizer,
  fingerprinter: Fingerprinter,
): PreparedFile | undefined {
  const tokens = normalizer.normalize(text, language);
  // The prose is a second stream, stored at TEXT_POSITION_BASE on: its fingerprints and chunks.
  // Each stream keeps to its half of the position space (a file of more than 2^25 tokens of code
  // is not searchable past them, as one of more than 2^26 was not before).
  const prose = textStream(text, tokens.textSpans ?? [], language);
  // A file of prose and no code (a module of re-exports under a long comment, a docstring alone)
  // is still a file its prose can be copied from.
  if (tokens.count === 0 && prose.count === 0) return undefined;
  const prints = fingerprinter.fingerprint(tokens);
  const textPrints = textFingerprints(prose);
  const hashes: number[] = [];
  const positions: number[] = [];
  for (let i = 0; i < prints.count; i++) {
    if (prints.positions[i]! >= TEXT_POSITION_BASE) break;
    hashes.push(prints.hashes[i]!);
    positions.push(prints.positions[i]!);
  }
  for (let i = 0; i < textPrints.count; i++) {
    if (textPrints.positions[i]! >= TEXT_POSITION_BASE) break;
    hashes.push(textPrints.hashes[i]!);
    positions.push(TEXT_POSITION_BASE + textPrints.positions[i]!);
  }
  const chunks = [
    ...encodeTokenChunks(tokens).filter((chunk) => chunk.chunkIndex < TEXT_CHUNK_BASE),
    ...encodeTokenChunks(prose)
      .filter((chunk) => chunk.chunkIndex < TEXT_CHUNK_BASE)
      .map((chunk) => ({ ...chunk, chunkIndex: TEXT_CHUNK_BASE + chunk.chunkIndex })),
  ];
  return {
    path,
    language: language.name,
    contentHash,
    lines: tokens.lineCount,
    tokens: tokens.count,
    fingerprintHashes: Int32Array.from(hashes),
    fingerprintPositions: Uint32Array.from(positions),
    chunks,
    headerLicense: licenseFromHeader(text) ?? null,
  };
}

/** What became of one file of a source. `contentHash` feeds the source's digest. */
export type PrepareOutcome =
  | { readonly kind: "prepared"; readonly file: PreparedFile; readonly bytes: number }
  | { readonly kind: "no-tokens"; readonly path: string; readonly contentHash: string; readonly bytes: number }
  | { readonly kind: "skipped"; readonly reason: SkipReason; readonly path: string; readonly detail: string };

export interface FileRequest {
  readonly absolutePath: string;
  /** Path inside the source, forward slashes. */
  readonly path: string;
  readonly language: LanguageName;
  readonly maxFileBytes: number;
  /** Read minified files instead of skipping them (ResolvedSource.minified). */
  readonly minified: boolean;
}

/** Read, check, normalize and fingerprint one file: the whole per-file work of indexing. */
export function readAndPrepare(
  request: FileRequest,
  language: LanguageDefinition,
  normalizer: Normalizer,
  hasher: TokenHasher,
  fingerprinter: Fingerprinter,
): PrepareOutcome {
  const read = readSourceFile(request.absolutePath, request.maxFileBytes, { minified: request.minified });
  if (!read.ok) return { kind: "skipped", reason: read.reason, path: request.path, detail: read.detail };
  const contentHash = hasher.hashContent(read.text);
  const bytes = Buffer.byteLength(read.text);
  const file = prepareFile(request.path, read.text, contentHash, language, normalizer, fingerprinter);
  return file ? { kind: "prepared", file, bytes } : { kind: "no-tokens", path: request.path, contentHash, bytes };
}

/** The buffers of a prepared file, for a zero-copy postMessage transfer. */
export function transferables(file: PreparedFile): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (view: ArrayBufferView | null): void => {
    if (view && view.buffer instanceof ArrayBuffer) buffers.add(view.buffer);
  };
  add(file.fingerprintHashes);
  add(file.fingerprintPositions);
  for (const chunk of file.chunks) add(chunk.data);
  return [...buffers];
}
