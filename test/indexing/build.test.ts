import { appendFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildIndex } from "../../src/indexing/build.js";
import { occurrenceContent, occurrencePosition } from "../../src/match/match-index.js";
import { currentIndexParameters } from "../../src/store/parameters.js";
import { decodeContents, decodeOccurrences, maxSegmentBytes, writeSegment } from "../../src/store/posting-list.js";
import { IndexReader } from "../../src/store/reader.js";
import { IndexWriter } from "../../src/store/writer.js";
import { DEFAULT_FINGERPRINT_PARAMETERS, REPLY_BATCH_FILES, STATISTICS_SLICE_ROWS } from "../../src/options.js";
import { ReferenceTracker } from "../../src/tracker.js";
import { verifyIndex } from "../../src/store/verify.js";
import { dump } from "../index-dump.js";
import { FIXTURES, temporaryDirectory } from "../helpers.js";

describe("index build", () => {
  let dir: ReturnType<typeof temporaryDirectory>;
  let corpus: string;
  let manifest: string;

  beforeEach(() => {
    dir = temporaryDirectory();
    corpus = join(dir.path, "corpus");
    cpSync(join(FIXTURES, "corpus"), corpus, { recursive: true });
    manifest = join(corpus, "manifest.json");
  });
  afterEach(() => dir.cleanup());

  it("skips unchanged sources on a rebuild", async () => {
    const db = join(dir.path, "a.db");
    const first = await buildIndex(db, manifest);
    expect(first.sourcesIndexed).toBe(2);
    expect(first.index.files).toBe(6);
    const before = dump(db);
    const second = await buildIndex(db, manifest);
    expect(second.sourcesIndexed).toBe(0);
    expect(second.sourcesUnchanged).toBe(2);
    expect(dump(db)).toEqual(before);
  });

  it("after changes, removals and metadata edits, equals a fresh build of the new state", async () => {
    const db = join(dir.path, "incremental.db");
    await buildIndex(db, manifest);
    // Change a file, delete a file, add a file, and change a license.
    appendFileSync(join(corpus, "alpha", "tools", "report.py"), "\n\ndef extra(x):\n    return [y * 2 for y in x if y]\n");
    rmSync(join(corpus, "beta", "vendor", "lru.js"));
    cpSync(join(corpus, "beta", "lib", "queue.ts"), join(corpus, "alpha", "src", "queue-copy.ts"));
    const parsed = JSON.parse((await import("node:fs")).readFileSync(manifest, "utf8")) as { sources: { license: string }[] };
    parsed.sources[1]!.license = "MIT";
    writeFileSync(manifest, JSON.stringify(parsed));
    const update = await buildIndex(db, manifest);
    expect(update.sourcesIndexed).toBe(2);

    const fresh = join(dir.path, "fresh.db");
    await buildIndex(fresh, manifest);
    expect(dump(db)).toEqual(dump(fresh));
    expect(dump(db)).toMatchObject({ orphanFingerprints: 0, miscountedPostings: 0 });
  });

  it("removes sources that left the manifest, with all their rows", async () => {
    const db = join(dir.path, "remove.db");
    await buildIndex(db, manifest);
    const parsed = JSON.parse((await import("node:fs")).readFileSync(manifest, "utf8")) as { sources: unknown[] };
    writeFileSync(manifest, JSON.stringify({ sources: [parsed.sources[0]] }));
    const summary = await buildIndex(db, manifest);
    expect(summary.sourcesRemoved).toBe(1);
    const after = dump(db) as { sources: unknown[]; orphanFingerprints: number; orphanChunks: number };
    expect(after.sources).toHaveLength(1);
    expect(after.orphanFingerprints).toBe(0);
    expect(after).toMatchObject({ miscountedPostings: 0 });
    expect(after.orphanChunks).toBe(0);
  });

  it("looks up every occurrence of a fingerprint as stored, content and position packed in one number", async () => {
    const db = join(dir.path, "lookup.db");
    await buildIndex(db, manifest);
    const raw = new Database(db);
    const stored: number[][] = [];
    for (const [key, data] of raw.prepare("SELECT hash, data FROM postings ORDER BY hash").raw(true).all() as [number, Buffer][]) {
      for (const occurrence of decodeOccurrences(data, -1)) stored.push([key | 0, occurrenceContent(occurrence), occurrencePosition(occurrence)]);
    }
    // Content ids far beyond the fixture's, and a position past the last one a content's chunks can
    // hold, as one more segment (a later merge's), whose first content is below the list's last.
    const [hash] = stored[0]!;
    const extra = [
      [7, 2 ** 26],
      [2 ** 26 + 5, 2 ** 26 - 1],
      [2 ** 27 - 1, 3],
    ];
    const segment = Buffer.alloc(maxSegmentBytes(extra.length));
    const length = writeSegment(segment, 0, extra.map(([c]) => c!), extra.map(([, p]) => p!), 0, extra.length);
    raw.prepare("UPDATE postings SET data = CAST(data || ? AS BLOB) WHERE hash = ?").run(segment.subarray(0, length), hash! >>> 0);
    raw.close();
    const expected = new Map<number, [number, number][]>();
    for (const [h, content, position] of stored) {
      if (!expected.has(h!)) expected.set(h!, []);
      expected.get(h!)!.push([content!, position!]);
    }
    expected.get(hash!)!.push([2 ** 26 + 5, 2 ** 26 - 1], [2 ** 27 - 1, 3]);
    expected.get(hash!)!.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const reader = IndexReader.open(db);
    try {
      expect(expected.size).toBeGreaterThan(100);
      for (const [h, occurrences] of expected) {
        expect(reader.occurrences(h, 10_000).map((o) => [occurrenceContent(o), occurrencePosition(o)])).toEqual(occurrences);
      }
      expect(reader.occurrences(hash!, 2)).toHaveLength(2);
    } finally {
      reader.close();
    }
  });

  it("counts skipped files by reason instead of failing", async () => {
    writeFileSync(join(corpus, "alpha", "src", "blob.js"), Buffer.from([0x63, 0x6f, 0x00, 0x01, 0x02]));
    writeFileSync(join(corpus, "alpha", "src", "latin1.py"), Buffer.from([0x78, 0x20, 0x3d, 0x20, 0x27, 0xe9, 0x27, 0x0a]));
    writeFileSync(join(corpus, "alpha", "src", "empty.ts"), "");
    writeFileSync(join(corpus, "alpha", "src", "bundle.js"), `var a=${"1+".repeat(3000)}1;`);
    writeFileSync(join(corpus, "alpha", "src", "notes.txt"), "not code");
    // Latin-1 declared as PEP 263 says is source, indexed as such.
    writeFileSync(join(corpus, "alpha", "src", "declared.py"), Buffer.from("# -*- coding: latin-1 -*-\nx = '\u00e9'\n", "latin1"));
    const summary = await buildIndex(join(dir.path, "skips.db"), manifest);
    expect(summary.skipped).toEqual({ binary: 1, "invalid-utf8": 1, empty: 1, minified: 1 });
    expect(summary.index.files).toBe(7);
  });

  it("indexes a file of prose and no code, so its prose can be found", async () => {
    const header = [
      "/*",
      "The only reason for this module is the order of evaluation: the bundler must see the base",
      "classes before the classes that extend them, and importing everything from here, in this",
      "order, is what makes it see them so. Reorder these lines with care and run the whole suite.",
      "*/",
    ].join("\n");
    const reexports = ["./base", "./derived", "./registry", "./index"].map((path) => `export * from "${path}";`).join("\n");
    writeFileSync(join(corpus, "alpha", "src", "order.ts"), `${header}\n${reexports}\n`);
    const db = join(dir.path, "prose.db");
    await buildIndex(db, manifest);
    expect(verifyIndex(db).problems).toEqual([]);
    const tracker = await ReferenceTracker.open(db);
    try {
      const [reference] = tracker.match(`${header}\n`, { language: "typescript" }).references;
      expect(reference?.path).toBe("src/order.ts");
      expect(reference!.explanation.basis).toBe("text");
    } finally {
      tracker.close();
    }
  });
});

describe("index store", () => {
  let dir: ReturnType<typeof temporaryDirectory>;
  beforeEach(() => {
    dir = temporaryDirectory();
  });
  afterEach(() => dir.cleanup());

  const parameters = currentIndexParameters(DEFAULT_FINGERPRINT_PARAMETERS);

  it("reads an index with its own k and w, and refuses to extend it with others", () => {
    const db = join(dir.path, "k.db");
    const writer = IndexWriter.open(db, { ...parameters, kgramTokens: parameters.kgramTokens + 1 });
    writer.markFinished();
    writer.close();
    const reader = IndexReader.open(db);
    expect(reader.parameters.kgramTokens).toBe(parameters.kgramTokens + 1);
    reader.close();
    expect(() => IndexWriter.open(db, parameters)).toThrow(/was built with k=15 .*this reftrack uses k=14.*rebuild it/);
  });

  it("refuses to read an index of another normalizer version", () => {
    const db = join(dir.path, "v.db");
    IndexWriter.open(db, { ...parameters, normalizerVersion: parameters.normalizerVersion - 1 }).close();
    expect(() => IndexReader.open(db)).toThrow(/was built with .*normalizer v\d+ .*this reftrack uses .*rebuild it/);
  });

  it("refuses a missing index, a non-database and a foreign database with one-line errors", () => {
    expect(() => IndexReader.open(join(dir.path, "missing.db"))).toThrow(/index not found/);
    const garbage = join(dir.path, "garbage.db");
    writeFileSync(garbage, "this is not sqlite at all, just some text that is long enough to look like a header".repeat(20));
    expect(() => IndexReader.open(garbage)).toThrow(/cannot open index .*not a database/);
    expect(() => IndexWriter.open(garbage, parameters)).toThrow(/cannot open index .*not a database/);
    const foreign = join(dir.path, "foreign.db");
    const db = new Database(foreign);
    db.exec("CREATE TABLE people (name TEXT)");
    db.close();
    expect(() => IndexReader.open(foreign)).toThrow(/not a reftrack index/);
    expect(() => IndexWriter.open(foreign, parameters)).toThrow(/not a reftrack index; refusing to write/);
  });
});

describe("parallel build", () => {
  it("with worker threads (the compiled package) writes exactly what one thread writes", async () => {
    const dir = temporaryDirectory();
    try {
      // Worker threads load compiled JavaScript, so this runs the built package in dist/.
      const compiled = (await import(new URL("../../dist/src/indexing/build.js", import.meta.url).href)) as typeof import("../../src/indexing/build.js");
      const manifest = join(FIXTURES, "corpus", "manifest.json");
      const parallel = await compiled.buildIndex(join(dir.path, "parallel.db"), manifest, { threads: 2 });
      const serial = await buildIndex(join(dir.path, "serial.db"), manifest, { threads: 1 });
      expect(parallel.threads).toBe(2);
      expect(serial.threads).toBe(1);
      expect(dump(join(dir.path, "parallel.db"))).toEqual(dump(join(dir.path, "serial.db")));
    } finally {
      dir.cleanup();
    }
  });

  it("writes what one thread writes when workers reply for several files in one message", async () => {
    const dir = temporaryDirectory();
    try {
      // More files than REPLY_BATCH_FILES per worker, so replies go out both in full batches and
      // when a worker's queue runs dry; one file a worker cannot tokenize keeps its place in order.
      const files = REPLY_BATCH_FILES * 2 * 3 + 5;
      for (let i = 0; i < files; i++) {
        const body = i === 7 ? "" : `export function scaled${i}(values, factor) {\n  return values.map((value) => value * factor + ${i});\n}\n`;
        writeFileSync(join(dir.path, `module-${String(i).padStart(3, "0")}.js`), body);
      }
      const manifest = join(dir.path, "manifest.json");
      writeFileSync(manifest, JSON.stringify({ sources: [{ kind: "dir", name: "many", path: ".", license: "MIT", exclude: ["manifest.json", "*.db*"] }] }));
      const compiled = (await import(new URL("../../dist/src/indexing/build.js", import.meta.url).href)) as typeof import("../../src/indexing/build.js");
      const parallel = await compiled.buildIndex(join(dir.path, "parallel.db"), manifest, { threads: 2 });
      const serial = await buildIndex(join(dir.path, "serial.db"), manifest, { threads: 1 });
      expect(parallel.threads).toBe(2);
      expect(parallel.filesIndexed).toBe(files - 1);
      expect(dump(join(dir.path, "parallel.db"))).toEqual(dump(join(dir.path, "serial.db")));
    } finally {
      dir.cleanup();
    }
  });
});

describe("identical contents and per-file licenses", () => {
  let dir: ReturnType<typeof temporaryDirectory>;
  beforeEach(() => {
    dir = temporaryDirectory();
  });
  afterEach(() => dir.cleanup());

  const SHARED = `export function mergeIntervals(intervals) {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const merged = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ start: interval.start, end: interval.end });
  }
  return merged.filter((item) => item.end - item.start > 0).map((item) => ({ ...item, length: item.end - item.start }));
}
`;

  /** Sources named by folder: each gets `files`, and the manifest lists them in this order. */
  function corpus(sources: Record<string, { license: string; files: Record<string, string> }>): string {
    for (const [name, { files }] of Object.entries(sources)) {
      for (const [path, content] of Object.entries(files)) {
        const full = join(dir.path, name, path);
        mkdirSync(join(full, ".."), { recursive: true });
        writeFileSync(full, content);
      }
    }
    const manifestPath = join(dir.path, "manifest.json");
    writeFileSync(
      manifestPath,
      JSON.stringify({ sources: Object.entries(sources).map(([name, s]) => ({ kind: "dir", name, path: name, license: s.license })) }),
    );
    return manifestPath;
  }

  async function match(db: string, code: string) {
    const tracker = await ReferenceTracker.open(db);
    try {
      return tracker.match(code, { language: "javascript" }).references;
    } finally {
      tracker.close();
    }
  }

  it("stores a content once, reports every origin with its license, and flags disagreement", async () => {
    const manifestPath = corpus({
      upstream: { license: "MIT", files: { "lib/merge.js": SHARED } },
      fork: { license: "GPL-3.0-only", files: { "vendor/merge.js": SHARED, "vendor/merge.cjs.js": SHARED } },
    });
    const db = join(dir.path, "dedup.db");
    const summary = await buildIndex(db, manifestPath);
    expect(summary.index.files).toBe(3);
    expect(summary.index.contents).toBe(1);
    const references = await match(db, SHARED);
    expect(references).toHaveLength(1);
    expect(references[0]!.origins.map((o) => `${o.source}:${o.path}:${o.license}`)).toEqual([
      "upstream:lib/merge.js:MIT",
      "fork:vendor/merge.cjs.js:GPL-3.0-only",
      "fork:vendor/merge.js:GPL-3.0-only",
    ]);
    expect(references[0]!.licenseConflict).toBe(true);
  });

  it("keeps a shared content when one of its sources leaves, and equals a fresh build", async () => {
    const both = corpus({
      upstream: { license: "MIT", files: { "lib/merge.js": SHARED } },
      fork: { license: "MIT", files: { "vendor/merge.js": SHARED } },
    });
    const db = join(dir.path, "incremental.db");
    await buildIndex(db, both);
    expect((await match(db, SHARED))[0]!.licenseConflict).toBe(false);
    const forkOnly = join(dir.path, "fork-only.json");
    writeFileSync(forkOnly, JSON.stringify({ sources: [{ kind: "dir", name: "fork", path: "fork", license: "MIT" }] }));
    await buildIndex(db, forkOnly);
    const references = await match(db, SHARED);
    expect(references[0]!.origins.map((o) => o.source)).toEqual(["fork"]);
    const fresh = join(dir.path, "fresh.db");
    await buildIndex(fresh, forkOnly);
    const strip = (d: unknown) => ({ ...(d as Record<string, unknown>), sources: undefined });
    expect(strip(dump(db))).toEqual(strip(dump(fresh)));
    await buildIndex(db, join(dir.path, "manifest.json"));
    const emptied = join(dir.path, "none.json");
    writeFileSync(emptied, JSON.stringify({ sources: [] }));
    await buildIndex(db, emptied);
    expect(dump(db)).toMatchObject({ files: [], contents: [], fingerprints: [], chunks: [], orphanFingerprints: 0, miscountedPostings: 0, orphanChunks: 0 });
  });

  it("lets a file's SPDX header override its source's license, for that file only", async () => {
    const manifestPath = corpus({
      mixed: {
        license: "MIT",
        files: {
          "lib/merge.js": `// SPDX-License-Identifier: MPL-2.0\n${SHARED}`,
          "lib/other.js": SHARED.replaceAll("interval", "span").replace("> 0", ">= 0"),
        },
      },
    });
    const db = join(dir.path, "header.db");
    await buildIndex(db, manifestPath);
    const [headed] = await match(db, SHARED);
    expect(headed).toMatchObject({ path: "lib/merge.js", license: "MPL-2.0", licenseProvenance: "file-header" });
    const other = (await match(db, SHARED.replaceAll("interval", "span").replace("> 0", ">= 0"))).find((r) => r.path === "lib/other.js");
    expect(other).toMatchObject({ license: "MIT", licenseProvenance: "manifest" });
  });

  it("recovers a content whose fingerprints an interrupted build never merged", async () => {
    const manifestPath = corpus({
      first: { license: "MIT", files: { "a.js": SHARED } },
      second: { license: "MIT", files: { "b.js": SHARED } },
    });
    const db = join(dir.path, "interrupted.db");
    // Both sources commit (sharing one content), then the build dies before the merge.
    let indexed = 0;
    await expect(
      buildIndex(db, manifestPath, {
        onSource: () => {
          if (++indexed === 2) throw new Error("simulated crash");
        },
      }),
    ).rejects.toThrow("simulated crash");
    // Not "no references": the index says it is unfinished.
    await expect(match(db, SHARED)).rejects.toThrow(/is incomplete: 2 sources are not finished/);
    const resumed = await buildIndex(db, manifestPath);
    expect(resumed.sourcesIndexed).toBe(2);
    expect((await match(db, SHARED))[0]!.origins).toHaveLength(2);
    const fresh = join(dir.path, "fresh.db");
    await buildIndex(fresh, manifestPath);
    expect(dump(db)).toEqual(dump(fresh));
  });
});

/** The posting lists' count and the stored statistics, as text to compare. */
function storedStatistics(db: string): { lists: number; filter: unknown; common: unknown } {
  const handle = new Database(db, { readonly: true });
  try {
    return {
      lists: (handle.prepare("SELECT count(*) AS n FROM postings").get() as { n: number }).n,
      filter: handle.prepare("SELECT generation, log2_bits, hex(bits) AS bits FROM membership_filter").get(),
      common: handle.prepare("SELECT generation, floor, hex(hashes) AS h, hex(counts) AS c, hex(sources) AS s FROM common_fingerprints").get(),
    };
  } finally {
    handle.close();
  }
}

/** The statistics after the writer rebuilds them from the posting lists (`before` asked of it first). */
function rebuiltStatistics(db: string, before: (writer: IndexWriter) => void = () => {}): ReturnType<typeof storedStatistics> {
  const writer = IndexWriter.open(db, currentIndexParameters(DEFAULT_FINGERPRINT_PARAMETERS));
  try {
    before(writer);
    writer.rebuildStatistics();
  } finally {
    writer.close();
  }
  return storedStatistics(db);
}

describe("statistics of a fresh build", () => {
  const dir = temporaryDirectory();
  afterEach(() => dir.cleanup());

  it("are gathered while merging, equal to a rebuild from the posting lists, and current", async () => {
    // Twelve files in two sources share a function (more than COMMON_FLOOR contents), each with code of its own.
    const shared = "function clamp(value, low, high) {\n  if (value < low) return low;\n  if (value > high) return high;\n  return Math.round(value * 100) / 100;\n}\n";
    for (let i = 0; i < 12; i++) {
      mkdirSync(join(dir.path, `s${i % 2}`), { recursive: true });
      writeFileSync(join(dir.path, `s${i % 2}`, `f${i}.js`), `${shared}export const f${i} = (x) => clamp(x * ${i}, ${i}, ${i * 10}) + ${"x + ".repeat(i)}1;\n`);
    }
    // Another function is in nine files of s0 only, and in one file identical in both sources (one
    // content of two sources): its fingerprints are in 10 contents, of 2 sources only through the twin.
    const gather = "function gather(items, key) {\n  const out = {};\n  for (const item of items) (out[item[key]] ??= []).push(item);\n  return out;\n}\n";
    for (let i = 0; i < 9; i++) writeFileSync(join(dir.path, "s0", `g${i}.js`), `${gather}export const g${i} = (xs) => gather(xs, "k${i}") + ${"y * ".repeat(i)}2;\n`);
    for (const i of [0, 1]) writeFileSync(join(dir.path, `s${i}`, "same.js"), `${gather}export const same = gather([], "same");\n`);
    const manifest = join(dir.path, "manifest.json");
    writeFileSync(manifest, JSON.stringify({ sources: [0, 1].map((i) => ({ kind: "dir", name: `s${i}`, path: `s${i}`, license: "MIT" })) }));
    const db = join(dir.path, "fresh.db");
    await buildIndex(db, manifest);
    const merged = storedStatistics(db);
    const common = merged.common as { h: string; c: string; s: string };
    expect(common.h.length).toBeGreaterThan(0);
    const words = (hex: string) => Array.from(new Uint32Array(Uint8Array.from(Buffer.from(hex, "hex")).buffer));
    const counts = words(common.c);
    const sources = words(common.s);
    // Searched by bisection as unsigned words.
    const hashes = words(common.h);
    expect(hashes.every((hash, i) => i === 0 || hashes[i - 1]! < hash)).toBe(true);
    expect(counts.some((count, i) => count === 10 && sources[i] === 2)).toBe(true);
    expect(counts.some((count, i) => count === 12 && sources[i] === 2)).toBe(true);
    expect(rebuiltStatistics(db, (writer) => expect(writer.statisticsAreCurrent()).toBe(true))).toEqual(merged);
  });

  it("are rebuilt the same from more posting lists than one slice of hashes reads", async () => {
    // Generated for this test: statements of random operators and calls (a name or a number each
    // operand), so nearly every k-gram is new, and a few statements shared by every file.
    let seed = 7;
    const next = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    const operators = ["+", "-", "*", "/", "%", "<<", ">>", "&", "|", "^", "**", "==", "<", ">"];
    const operand = () => (next(3) === 0 ? String(next(100)) : next(2) === 0 ? `f${next(9)}(v${next(9)})` : `v${next(9)}[${next(9)}]`);
    const statement = () => `  v${next(9)} = ${Array.from({ length: 3 + next(4) }, operand).reduce((line, term) => `${line} ${operators[next(operators.length)]} ${term}`)};`;
    const shared = "function clamp(value, low, high) {\n  if (value < low) return low;\n  if (value > high) return high;\n  return value;\n}\n";
    mkdirSync(join(dir.path, "src"), { recursive: true });
    for (let file = 0; file < 24; file++) {
      const body = Array.from({ length: 600 }, statement).join("\n");
      writeFileSync(join(dir.path, "src", `m${file}.js`), `${shared}export function m${file}(v0, v1, v2, v3, v4, v5, v6, v7, v8) {\n${body}\n  return v0;\n}\n`);
    }
    const manifest = join(dir.path, "manifest.json");
    writeFileSync(manifest, JSON.stringify({ sources: [{ kind: "dir", name: "generated", path: "src", license: "MIT" }] }));
    const db = join(dir.path, "many.db");
    await buildIndex(db, manifest);
    const merged = storedStatistics(db);
    expect(merged.lists).toBeGreaterThan(STATISTICS_SLICE_ROWS);
    expect((merged.common as { h: string }).h.length).toBeGreaterThan(0);
    expect(rebuiltStatistics(db)).toEqual(merged);
  });
});
