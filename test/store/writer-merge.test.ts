import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { Fingerprinter } from "../../src/fingerprint/fingerprint.js";
import { loadTokenHasher } from "../../src/hashing.js";
import { readAndPrepare } from "../../src/indexing/prepare.js";
import { languageByName } from "../../src/languages/registry.js";
import { POSITION_SPAN, occurrenceContent, occurrencePosition } from "../../src/match/match-index.js";
import { Normalizer } from "../../src/normalize/normalizer.js";
import { DEFAULT_FINGERPRINT_PARAMETERS } from "../../src/options.js";
import { currentIndexParameters } from "../../src/store/parameters.js";
import { IndexReader } from "../../src/store/reader.js";
import type { StoredFile } from "../../src/store/records.js";
import { IndexWriter } from "../../src/store/writer.js";
import { temporaryDirectory } from "../helpers.js";

const dir = temporaryDirectory();
afterAll(() => dir.cleanup());

/** A real prepared file (its chunks are what the reader checks), its fingerprints replaced by `rows`. */
async function storedFile(name: string, text: string, rows: readonly [hash: number, position: number][]): Promise<StoredFile> {
  const path = join(dir.path, name);
  writeFileSync(path, text);
  const hasher = await loadTokenHasher();
  const language = languageByName("javascript");
  const outcome = readAndPrepare({ absolutePath: path, path: name, language: "javascript", maxFileBytes: 1 << 20, minified: false }, language, new Normalizer(hasher), hasher, new Fingerprinter(DEFAULT_FINGERPRINT_PARAMETERS));
  if (outcome.kind !== "prepared") throw new Error(`not prepared: ${outcome.kind}`);
  return { ...outcome.file, fingerprintHashes: Int32Array.from(rows, (row) => row[0]), fingerprintPositions: Uint32Array.from(rows, (row) => row[1]) };
}

async function* each<T>(...items: T[]): AsyncIterable<T> {
  yield* items;
}

describe("merging staged fingerprints", () => {
  it("writes each hash's occurrences in content and position order, once each, none past POSITION_SPAN, whatever order they were staged in", async () => {
    const db = join(dir.path, "merge.db");
    const writer = IndexWriter.open(db, currentIndexParameters(DEFAULT_FINGERPRINT_PARAMETERS));
    const metadata = { name: "src", repository: null, revision: null, repositoryDirectory: "", urlTemplate: null, license: "MIT", licenseProvenance: "manifest" as const, licenseEvidence: "" };
    const body = (n: number) => Array.from({ length: 30 }, (_, i) => `export function f${n}_${i}(a, b) { return a * ${i} + b - ${n}; }`).join("\n");
    // One hash staged out of order within a file, twice at one position and once past the span;
    // another (negative, so above 2^31 as stored) in order, in two files.
    const first = await storedFile("a.js", body(1), [[77, 40], [77, 12], [77, 12], [-5, 3], [77, POSITION_SPAN + 3]]);
    const second = await storedFile("b.js", body(2), [[-5, 9], [-5, 30], [77, 1]]);
    await writer.replaceSource(metadata, each(first, second), () => "digest");
    writer.mergeStaged();
    writer.close();
    const reader = IndexReader.open(db);
    try {
      const occurrences = (hash: number) => reader.occurrences(hash, -1).map((packed) => [occurrenceContent(packed), occurrencePosition(packed)]);
      const [a, b] = [occurrences(-5)[0]![0]!, occurrences(-5)[1]![0]!];
      expect(a).toBeLessThan(b);
      expect(occurrences(77)).toEqual([
        [a, 12],
        [a, 40],
        [b, 1],
      ]);
      expect(occurrences(-5)).toEqual([
        [a, 3],
        [b, 9],
        [b, 30],
      ]);
    } finally {
      reader.close();
    }
    // The row's counts are of what was written: the position past the span not among them.
    const raw = new Database(db, { readonly: true });
    try {
      expect(raw.prepare("SELECT contents, occurrences FROM postings WHERE hash = ?").get(77)).toEqual({ contents: 2, occurrences: 3 });
      expect(raw.prepare("SELECT contents, occurrences FROM postings WHERE hash = ?").get(-5 >>> 0)).toEqual({ contents: 2, occurrences: 3 });
    } finally {
      raw.close();
    }
  });
});
