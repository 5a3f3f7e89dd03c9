import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildIndex } from "../src/indexing/build.js";
import { ReferenceTracker } from "../src/tracker.js";

export const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));
export const FIXTURE_MANIFEST = join(FIXTURES, "corpus", "manifest.json");

/**
 * mulberry32: a seeded sequence of unsigned 32-bit integers, the same on every machine, so a
 * randomized test that fails reproduces.
 */
export function seededUint32s(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** A fresh temporary folder, removed by the returned cleanup. */
export function temporaryDirectory(): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), "reftrack-test-"));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** Builds the fixture corpus into a new index and returns its path. */
export async function buildFixtureIndex(directory: string): Promise<string> {
  const db = join(directory, "fixtures.db");
  await buildIndex(db, FIXTURE_MANIFEST);
  return db;
}

/**
 * Writes `files` (path → content) under `directory` as MIT-licensed sources, indexes them and
 * opens a tracker on the index. One source, "source", holds them all; with `sourcePerFolder`,
 * each top-level folder is a source of its own, named after it.
 */
export async function trackerForFiles(
  directory: string,
  files: Record<string, string>,
  options: { sourcePerFolder?: boolean } = {},
): Promise<ReferenceTracker> {
  const root = join(directory, "source");
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  const manifest = join(directory, "manifest.json");
  const sources = options.sourcePerFolder
    ? [...new Set(Object.keys(files).map((path) => path.split("/")[0]!))].map((name) => ({ kind: "dir", name, path: join("source", name), license: "MIT" }))
    : [{ kind: "dir", name: "source", path: "source", license: "MIT" }];
  writeFileSync(manifest, JSON.stringify({ sources }));
  const db = join(directory, "source.db");
  await buildIndex(db, manifest);
  return ReferenceTracker.open(db);
}
