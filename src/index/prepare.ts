import { licenseFromHeader } from "../corpus/license-detect.js";
import { type SkipReason, readSourceFile } from "../corpus/source-file.js";
import { type FingerprintParameters, fingerprint } from "../fingerprint/fingerprint.js";
import type { TokenHasher } from "../hashing.js";
import type { LanguageDefinition, LanguageName } from "../languages/language.js";
import type { Normalizer } from "../normalize/normalize.js";
import { type EncodedChunk, encodeTokenChunks } from "./token-chunks.js";

/**
 * Everything the index stores for one file, computed from its text alone. Plain data and typed
 * arrays only, so a worker thread can prepare it and transfer it without copying.
 */
export interface PreparedFile {
  readonly path: string;
  readonly language: LanguageName;
  readonly contentHash: string;
  readonly lines: number;
  readonly tokens: number;
  readonly fingerprintHashes: Int32Array;
  readonly fingerprintPositions: Uint32Array;
  readonly chunks: EncodedChunk[];
  /** License from the file's own `SPDX-License-Identifier:` header, overriding its source's. */
  readonly headerLicense: string | null;
}

/** Normalize → fingerprint → encode token chunks: the CPU-heavy part of indexing one file. */
export function prepareFile(
  path: string,
  text: string,
  contentHash: string,
  language: LanguageDefinition,
  normalizer: Normalizer,
  parameters: FingerprintParameters,
): PreparedFile | undefined {
  const tokens = normalizer.normalize(text, language);
  if (tokens.count === 0) return undefined;
  const prints = fingerprint(tokens, parameters);
  return {
    path,
    language: language.name,
    contentHash,
    lines: tokens.lineCount,
    tokens: tokens.count,
    fingerprintHashes: prints.hashes,
    fingerprintPositions: prints.positions,
    chunks: encodeTokenChunks(tokens),
    headerLicense: licenseFromHeader(text) ?? null,
  };
}

/** What became of one file of a source. `contentHash` feeds the source's digest. */
export type PrepareOutcome =
  | { readonly kind: "prepared"; readonly file: PreparedFile; readonly bytes: number }
  | { readonly kind: "no-tokens"; readonly path: string; readonly contentHash: string; readonly bytes: number }
  | { readonly kind: "skipped"; readonly reason: SkipReason };

export interface FileRequest {
  readonly absolutePath: string;
  /** Path inside the source, forward slashes. */
  readonly path: string;
  readonly language: LanguageName;
  readonly maxFileBytes: number;
}

/** Read, check, normalize and fingerprint one file: the whole per-file work of indexing. */
export function readAndPrepare(
  request: FileRequest,
  language: LanguageDefinition,
  normalizer: Normalizer,
  hasher: TokenHasher,
  parameters: FingerprintParameters,
): PrepareOutcome {
  const read = readSourceFile(request.absolutePath, request.maxFileBytes);
  if (!read.ok) return { kind: "skipped", reason: read.reason };
  const contentHash = hasher.hashContent(read.text);
  const bytes = Buffer.byteLength(read.text);
  const file = prepareFile(request.path, read.text, contentHash, language, normalizer, parameters);
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
