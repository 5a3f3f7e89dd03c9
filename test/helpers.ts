import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildIndexFromManifest } from "../src/index/build.js";

export const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));
export const FIXTURE_MANIFEST = join(FIXTURES, "corpus", "manifest.json");

/** A fresh temporary folder, removed by the returned cleanup. */
export function temporaryDirectory(): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), "reftrack-test-"));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** Builds the fixture corpus into a new index and returns its path. */
export async function buildFixtureIndex(directory: string): Promise<string> {
  const db = join(directory, "fixtures.db");
  await buildIndexFromManifest(db, FIXTURE_MANIFEST);
  return db;
}
