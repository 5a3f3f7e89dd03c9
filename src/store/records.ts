/**
 * Where a stored license came from, in the order reftrack trusts them: the manifest's explicit
 * value, a file's own `SPDX-License-Identifier:` header (that file only), the package's declared
 * metadata, its LICENSE/COPYING text, or nothing found ("none", license NOASSERTION).
 */
export type LicenseProvenance = "manifest" | "file-header" | "declared" | "license-file" | "none";

import type { LanguageName } from "../languages/language.js";
import type { EncodedChunk } from "./token-chunks.js";

/** A corpus source as stored: where its files come from and under which license. */
export interface SourceRecord {
  readonly id: number;
  readonly name: string;
  readonly repository: string | null;
  readonly revision: string | null;
  /** Folder inside the repository that the source's root is, for links ("" = root). */
  readonly repositoryDirectory: string;
  /** Link template for sources not browsable on a known host: {path}, {start}, {end}, {revision}. */
  readonly urlTemplate: string | null;
  readonly license: string;
  readonly licenseProvenance: LicenseProvenance;
  /** The file or field that showed the license, for a reviewer. */
  readonly licenseEvidence: string;
  /** Digest of what was indexed; "" while its fingerprints are not yet merged. */
  readonly digest: string;
}

/**
 * What a build states about a source it writes; the store adds the id and the digest. `root` is
 * where its files were read from, kept so reports can show their text while it is still there.
 */
export type SourceMetadata = Omit<SourceRecord, "id" | "digest"> & { readonly root?: string };

/** One place a content occurs: a file of a source, with the license that file is under. */
export interface OriginRecord {
  readonly fileId: number;
  readonly path: string;
  readonly license: string;
  readonly licenseProvenance: LicenseProvenance;
  readonly source: SourceRecord;
}

export interface IndexStatistics {
  readonly sources: number;
  readonly files: number;
  /** Distinct file contents: files minus identical copies. */
  readonly contents: number;
  readonly fingerprints: number;
  readonly bytes: number;
}

/**
 * Everything the store keeps for one file, computed from its text alone (by the indexing
 * application, indexing/prepare.ts). Plain data and typed arrays only, so a worker thread can
 * prepare it and transfer it without copying.
 */
export interface StoredFile {
  /** Path inside its source, forward slashes. */
  readonly path: string;
  readonly language: LanguageName;
  /** Hash of the file's text: identical files are one content. */
  readonly contentHash: string;
  readonly lines: number;
  readonly tokens: number;
  readonly fingerprintHashes: Int32Array;
  readonly fingerprintPositions: Uint32Array;
  readonly chunks: EncodedChunk[];
  /** License from the file's own `SPDX-License-Identifier:` header, overriding its source's. */
  readonly headerLicense: string | null;
}

/** One indexed source as reports name it. */
export interface SourceSummary {
  readonly name: string;
  readonly repository: string | null;
  readonly revision: string | null;
  readonly license: string;
  readonly files: number;
  /** When it was last indexed (ISO 8601), when the index records it. */
  readonly indexedAt: string | null;
  /** Where its files were read from when it was indexed; they may have gone since. */
  readonly root: string | null;
}

/** What an index says about itself (IndexReader.describe). */
export interface IndexDescription {
  readonly parameters: {
    readonly kgramTokens: number;
    readonly windowKgrams: number;
    readonly normalizerVersion: number;
    readonly fingerprintVersion: number;
    readonly schemaVersion: number;
  };
  readonly sources: readonly SourceSummary[];
  /** The SPDX license list version licenses were detected against, when recorded. */
  readonly licenseListVersion: string | null;
}
