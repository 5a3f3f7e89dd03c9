import { licenseFromHeader } from "../corpus/license-detect.js";
import { type SkipReason, readSourceFile } from "../files/source-file.js";
import type { Fingerprinter } from "../fingerprint/fingerprint.js";
import type { TokenHasher } from "../hashing.js";
import type { LanguageDefinition, LanguageName } from "../languages/language.js";
import type { Normalizer } from "../normalize/normalizer.js";
import type { StoredFile } from "../store/records.js";
import { encodeTokenChunks } from "../store/token-chunks.js";

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
  if (tokens.count === 0) return undefined;
  const prints = fingerprinter.fingerprint(tokens);
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
  fingerprinter: Fingerprinter,
): PrepareOutcome {
  const read = readSourceFile(request.absolutePath, request.maxFileBytes);
  if (!read.ok) return { kind: "skipped", reason: read.reason };
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
