/**
 * An index held in memory, built from source texts by the same normalizer and fingerprinter as
 * the SQLite store, answering what matching and the output stage ask (TrackerIndex) from plain
 * maps. Match tests that are about matching, not storage, run against it: no SQLite, no files.
 * test/support/memory-index.test.ts checks that it answers as the SQLite store does.
 */
import { decodeSource } from "../../src/files/source-file.js";
import { Fingerprinter, textFingerprints } from "../../src/fingerprint/fingerprint.js";
import { loadTokenHasher } from "../../src/hashing.js";
import { languageForPath } from "../../src/languages/registry.js";
import { TEXT_POSITION_BASE, type TokenChunk, occurrence, occurrenceContent, tokenSignature } from "../../src/match/match-index.js";
import { Normalizer } from "../../src/normalize/normalizer.js";
import { textStream } from "../../src/normalize/text.js";
import { NORMALIZER_VERSION, type TokenStream } from "../../src/normalize/token-stream.js";
import { FINGERPRINT_VERSION } from "../../src/fingerprint/fingerprint.js";
import { SCHEMA_VERSION } from "../../src/store/schema.js";
import { lowerBound } from "../../src/util/search.js";
import type { IndexDescription, SourceSummary } from "../../src/store/records.js";
import { COMMON_FLOOR, DEFAULT_FINGERPRINT_PARAMETERS, type FingerprintParameters } from "../../src/options.js";
import type { OriginInfo } from "../../src/output/references.js";
import { ReferenceTracker, type TrackerIndex, type TrackerSettings } from "../../src/tracker.js";
import { runKeys } from "../../src/util/runs.js";

/** One source of the corpus: its name, license and files (path → text). */
export interface MemorySource {
  readonly name: string;
  readonly license: string;
  readonly files: Readonly<Record<string, string>>;
}

const TOKENS_PER_CHUNK = 1024;
const TEXT_CHUNK_BASE = TEXT_POSITION_BASE / TOKENS_PER_CHUNK;

interface Content {
  readonly tokens: TokenStream;
  readonly signatures: Uint8Array;
  /** The prose (normalize/text.ts), at TEXT_POSITION_BASE on. */
  readonly text: TokenStream;
  readonly textSignatures: Uint8Array;
  readonly origins: OriginInfo[];
  readonly sources: Set<number>;
}

/** Paths in the order a build walks them: folder by folder, names sorted at each level. */
function walkOrder(a: string, b: string): number {
  const x = a.split("/");
  const y = b.split("/");
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  }
  return x.length - y.length;
}

export class MemoryIndex implements TrackerIndex {
  readonly tokensPerChunk = TOKENS_PER_CHUNK;
  readonly answersAbsenceInMemory = true;
  /** Content ids from 1, in indexing order, as the store assigns them. */
  private readonly contents: Content[] = [];
  private readonly postings = new Map<number, number[]>();

  private readonly described: SourceSummary[] = [];

  private constructor(readonly parameters: FingerprintParameters) {}

  withinRead<T>(read: () => T): T {
    return read();
  }

  describe(): IndexDescription {
    return {
      parameters: { ...this.parameters, normalizerVersion: NORMALIZER_VERSION, fingerprintVersion: FINGERPRINT_VERSION, schemaVersion: SCHEMA_VERSION },
      sources: this.described,
      licenseListVersion: null,
    };
  }

  static async build(sources: readonly MemorySource[], parameters: FingerprintParameters = DEFAULT_FINGERPRINT_PARAMETERS): Promise<MemoryIndex> {
    const index = new MemoryIndex(parameters);
    const normalizer = new Normalizer(await loadTokenHasher());
    const fingerprinter = new Fingerprinter(parameters);
    const byText = new Map<string, number>();
    sources.forEach((source, sourceId) => {
      index.described.push({ name: source.name, repository: null, revision: null, license: source.license, files: Object.keys(source.files).length, indexedAt: null, root: null });
      for (const path of Object.keys(source.files).sort(walkOrder)) {
        const language = languageForPath(path);
        if (!language) continue;
        const read = decodeSource(Buffer.from(source.files[path]!), path);
        if (!read.ok) continue;
        const origin: OriginInfo = {
          path,
          license: source.license,
          licenseProvenance: "manifest",
          source: { name: source.name, repository: null, revision: null, repositoryDirectory: "", urlTemplate: null },
        };
        const key = `${language.name}\0${read.text}`;
        const known = byText.get(key);
        if (known !== undefined) {
          index.contents[known - 1]!.origins.push(origin);
          index.contents[known - 1]!.sources.add(sourceId);
          continue;
        }
        const tokens = normalizer.normalize(read.text, language);
        if (tokens.count === 0) continue;
        const id = index.contents.length + 1;
        const text = textStream(read.text, tokens.textSpans ?? [], language);
        index.contents.push({
          tokens,
          signatures: Uint8Array.from(tokens.hashes, tokenSignature),
          text,
          textSignatures: Uint8Array.from(text.hashes, tokenSignature),
          origins: [origin],
          sources: new Set([sourceId]),
        });
        byText.set(key, id);
        const add = (hash: number, position: number): void => {
          let list = index.postings.get(hash >>> 0);
          if (!list) index.postings.set(hash >>> 0, (list = []));
          list.push(occurrence(id, position));
        };
        const prints = fingerprinter.fingerprint(tokens);
        for (let i = 0; i < prints.count; i++) add(prints.hashes[i]!, prints.positions[i]!);
        const textPrints = textFingerprints(text);
        for (let i = 0; i < textPrints.count; i++) add(textPrints.hashes[i]!, TEXT_POSITION_BASE + textPrints.positions[i]!);
      }
    });
    for (const [hash, list] of index.postings) index.postings.set(hash, [...new Set(list)].sort((a, b) => a - b));
    return index;
  }

  private contentsOf(hash: number): number[] {
    return runKeys(this.postings.get(hash >>> 0) ?? [], occurrenceContent);
  }

  mayContain(hash: number): boolean {
    return this.postings.has(hash >>> 0);
  }

  commonContentCount(hash: number): number | undefined {
    const count = this.contentsOf(hash).length;
    return count > COMMON_FLOOR ? count : undefined;
  }

  commonSourceCount(hash: number): number | undefined {
    return this.commonContentCount(hash) === undefined ? undefined : this.sourcesOf(this.contentsOf(hash));
  }

  occurrences(hash: number, limit: number): number[] {
    const list = this.postings.get(hash >>> 0) ?? [];
    return limit < 0 ? [...list] : list.slice(0, limit);
  }

  sourceCount(hash: number, occurrences: readonly number[]): number {
    return this.commonSourceCount(hash) ?? this.sourcesOf(runKeys(occurrences, occurrenceContent));
  }

  private sourcesOf(contentIds: readonly number[]): number {
    const sources = new Set<number>();
    for (const id of contentIds) for (const source of this.contents[id - 1]!.sources) sources.add(source);
    return sources.size;
  }

  someContentHolds(hashes: readonly number[], atLeast: number): boolean {
    const found = new Map<number, number>();
    for (const hash of hashes) {
      for (const contentId of this.contentsOf(hash)) {
        const count = (found.get(contentId) ?? 0) + 1;
        if (count >= atLeast) return true;
        found.set(contentId, count);
      }
    }
    return false;
  }

  tokenChunk(contentId: number, chunkIndex: number): TokenChunk | undefined {
    const content = this.contents[contentId - 1];
    if (!content) return undefined;
    const prose = chunkIndex >= TEXT_CHUNK_BASE;
    const stream = prose ? content.text : content.tokens;
    const start = (prose ? chunkIndex - TEXT_CHUNK_BASE : chunkIndex) * TOKENS_PER_CHUNK;
    if (start >= stream.count) return undefined;
    const end = Math.min(stream.count, start + TOKENS_PER_CHUNK);
    const { names, startLines, endLines } = stream;
    const inside = (offset: number): boolean => offset >= 0 && offset < end - start;
    return {
      signatures: (prose ? content.textSignatures : content.signatures).subarray(start, end),
      name: (offset) => (inside(offset) ? names[start + offset]! : 0),
      startLine: (offset) => (inside(offset) ? startLines[start + offset]! : 0),
      endLine: (offset) => (inside(offset) ? endLines[start + offset]! : 0),
      firstTokenFrom: (line) => lowerBound(startLines, line, undefined, start, end) - start,
    };
  }

  origins(contentId: number): readonly OriginInfo[] {
    return this.contents[contentId - 1]!.origins;
  }

  contentTokens(contentId: number): number {
    return this.contents[contentId - 1]!.tokens.count;
  }

  contentWords(contentId: number): number {
    return this.contents[contentId - 1]!.text.count;
  }

  close(): void {}
}

/**
 * A tracker over an in-memory index of `files` (path → text), all MIT-licensed: one source named
 * "source", or with `sourcePerFolder` one source per top-level folder, named after it (the same
 * corpora test/helpers.ts's trackerForFiles indexes in SQLite).
 */
export async function memoryTrackerForFiles(
  files: Record<string, string>,
  options: { sourcePerFolder?: boolean } & TrackerSettings = {},
): Promise<ReferenceTracker> {
  return ReferenceTracker.over(await MemoryIndex.build(memorySources(files, options.sourcePerFolder ?? false)), options);
}

/** The sources trackerForFiles would write for `files`. */
export function memorySources(files: Record<string, string>, sourcePerFolder: boolean): MemorySource[] {
  if (!sourcePerFolder) return [{ name: "source", license: "MIT", files }];
  const sources = new Map<string, Record<string, string>>();
  for (const [path, text] of Object.entries(files)) {
    const [folder, ...rest] = path.split("/");
    if (!sources.has(folder!)) sources.set(folder!, {});
    sources.get(folder!)![rest.join("/")] = text;
  }
  return [...sources].map(([name, sourceFiles]) => ({ name, license: "MIT", files: sourceFiles }));
}
