import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, buildFixtureIndex, temporaryDirectory } from "../helpers.js";

// Helper threads load the compiled worker, so the scan under test is the built package's.
const dist = (path: string): string => fileURLToPath(new URL(`../../dist/src/${path}`, import.meta.url));
const { scanPaths } = (await import(dist("cli/scan.js"))) as typeof import("../../src/cli/scan.js");
const { ReferenceTracker } = (await import(dist("tracker.js"))) as typeof import("../../src/tracker.js");
const BIN = dist("cli/bin.js");

const dir = temporaryDirectory();
const queries = join(dir.path, "queries");
let db = "";

beforeAll(async () => {
  db = await buildFixtureIndex(dir.path);
  mkdirSync(join(queries, "nested"), { recursive: true });
  // Copies of indexed files, reformatted and as they are, among original code and files no scan reads.
  copyFileSync(join(FIXTURES, "corpus", "alpha", "tools", "report.py"), join(queries, "a-report.py"));
  copyFileSync(join(FIXTURES, "corpus", "beta", "lib", "queue.ts"), join(queries, "nested", "queue.ts"));
  writeFileSync(join(queries, "b-debounce.ts"), readFileSync(join(FIXTURES, "corpus", "alpha", "src", "debounce.ts"), "utf8").replace(/^ {2}/gm, "    "));
  copyFileSync(join(FIXTURES, "..", "..", "examples", "rate-limiter.ts"), join(queries, "c-original.ts"));
  copyFileSync(join(FIXTURES, "corpus", "alpha", "src", "lru.js"), join(queries, "d-lru.js"));
  writeFileSync(join(queries, "e-empty.py"), "\n\n");
  writeFileSync(join(queries, "f-binary.js"), Buffer.from([0x63, 0x6f, 0x00, 0x64, 0x65]));
  writeFileSync(join(queries, "notes.txt"), "not code");
  // A notebook copying an indexed file, its outputs' image on one long line (read, not taken for minified code), and an R one.
  const report = readFileSync(join(FIXTURES, "corpus", "alpha", "tools", "report.py"), "utf8").split(/(?<=\n)/);
  const outputs = [{ output_type: "display_data", data: { "image/png": "iVBORw0KGgo".padEnd(20_000, "A") }, metadata: {} }];
  const cells = [{ cell_type: "code", metadata: {}, execution_count: 1, outputs, source: report }];
  writeFileSync(join(queries, "h-notebook.ipynb"), JSON.stringify({ cells, metadata: { kernelspec: { language: "python" } }, nbformat: 4 }, null, 1));
  writeFileSync(join(queries, "i-r.ipynb"), JSON.stringify({ cells, metadata: { kernelspec: { language: "R" } }, nbformat: 4 }, null, 1));
  spawnSync("mkfifo", [join(queries, "g-pipe.py")]);
});
afterAll(() => dir.cleanup());

/** Every callback of a scan, in the order it came, and the report. */
async function scanned(parallel: { threads: number; minBytes?: number } | undefined) {
  const events: string[] = [];
  const texts = new Map<string, number>();
  const tracker = await ReferenceTracker.open(db);
  try {
    // The FIFO and an unknown extension are named explicitly: a folder's walk passes them over.
    const paths = [queries, join(queries, "g-pipe.py"), join(queries, "notes.txt")];
    const report = await scanPaths(tracker, paths, {
      ...(parallel ? { parallel: { dbPath: db, ...parallel } } : {}),
      onResult: (result) => events.push(`result ${result.path} ${result.references.map((r) => `${r.path}:${r.queryLines.join("-")}`).join(",")}`),
      onSkip: (skip) => events.push(`skip ${skip.path} ${skip.reason}`),
      onError: (message) => events.push(`error ${message}`),
      onText: (path, text) => texts.set(path, text.length),
      onProgress: (files) => events.push(`progress ${files}`),
    });
    return { report, events, texts };
  } finally {
    tracker.close();
  }
}

describe("scan on helper threads", () => {
  it("reports what one thread reports, in the same order: results, skips, errors and texts", async () => {
    const one = await scanned(undefined);
    const two = await scanned({ threads: 2, minBytes: 0 });
    expect(two.report).toEqual(one.report);
    expect(two.events).toEqual(one.events);
    expect(two.texts).toEqual(one.texts);
    // What the comparison rests on: copies found, original code clean, each kind of skip and the error.
    const byPath = new Map(one.report.results.map((r) => [r.path.slice(queries.length + 1), r.references.map((ref) => ref.path)]));
    expect(byPath.get("a-report.py")).toContain("tools/report.py");
    expect(byPath.get("b-debounce.ts")).toContain("src/debounce.ts");
    expect(byPath.get("nested/queue.ts")).toContain("lib/queue.ts");
    expect(byPath.get("c-original.ts")).toEqual([]);
    expect(byPath.get("h-notebook.ipynb")).toContain("tools/report.py");
    expect(one.report.skipped.map((s) => s.reason).sort()).toEqual(["binary", "empty", "other-language", "unknown-extension"]);
    expect(one.report.errors).toHaveLength(1);
    expect(one.report.errors[0]).toMatch(/g-pipe\.py: not a regular file/);
    expect(one.texts.size).toBe(one.report.results.length);
  });

  it("gives the same report below the size where helpers pay, and with more helpers than files", async () => {
    const one = await scanned(undefined);
    expect((await scanned({ threads: 2, minBytes: 1 << 30 })).report).toEqual(one.report);
    expect((await scanned({ threads: 3, minBytes: 0 })).events).toEqual(one.events);
  });

  it("stops at its signal, delivering nothing after it, on one thread and on helpers", async () => {
    const first = (await scanned(undefined)).report.results[0]!.path;
    for (const parallel of [undefined, { dbPath: db, threads: 2, minBytes: 0 }]) {
      const stop = new AbortController();
      const tracker = await ReferenceTracker.open(db);
      try {
        const report = await scanPaths(tracker, [queries], { ...(parallel ? { parallel } : {}), signal: stop.signal, onResult: () => stop.abort() });
        expect(report.results.map((r) => r.path)).toEqual([first]);
      } finally {
        tracker.close();
      }
    }
  });

  it("refuses a bad --threads in one line", () => {
    for (const bad of ["0", "two", "-1", "65"]) {
      const run = spawnSync(process.execPath, [BIN, "scan", "--db", db, "--threads", bad, queries], { encoding: "utf8" });
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(/^reftrack: .*--threads/);
    }
  });
});
