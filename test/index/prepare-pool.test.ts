import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_FINGERPRINT_PARAMETERS } from "../../src/fingerprint/fingerprint.js";
import { languageForPath } from "../../src/languages/registry.js";
import { createPreparer } from "../../src/index/prepare-pool.js";
import type { FileRequest, PrepareOutcome } from "../../src/index/prepare.js";
import { FIXTURES } from "../helpers.js";

const CORPUS = join(FIXTURES, "corpus");

function requests(): FileRequest[] {
  const found: FileRequest[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const language = languageForPath(path);
        if (language) found.push({ absolutePath: path, path: relative(CORPUS, path), language: language.name, maxFileBytes: 1 << 20 });
      }
    }
  };
  walk(CORPUS);
  // Twice over, so every worker is replaced several times within one run.
  return [...found, ...found];
}

function summary(outcome: PrepareOutcome): unknown {
  if (outcome.kind !== "prepared") return outcome;
  const { file } = outcome;
  return { path: file.path, contentHash: file.contentHash, tokens: file.tokens, hashes: Array.from(file.fingerprintHashes), chunks: file.chunks.length };
}

async function prepareWith(preparer: Awaited<ReturnType<typeof createPreparer>>): Promise<unknown[]> {
  const outcomes: unknown[] = [];
  try {
    for await (const outcome of preparer.prepareAll(requests())) outcomes.push(summary(outcome));
  } finally {
    await preparer.close();
  }
  return outcomes;
}

describe("worker pool", () => {
  it("replaces workers after their byte budget without losing, reordering or changing a file", async () => {
    // Worker threads load compiled JavaScript, so the pool comes from the built package in dist/.
    const compiled = (await import("../../dist/src/index/prepare-pool.js")) as typeof import("../../src/index/prepare-pool.js");
    const recycling = await compiled.createPreparer(2, DEFAULT_FINGERPRINT_PARAMETERS, { recycleAfterBytes: 1 });
    const inProcess = await createPreparer(1, DEFAULT_FINGERPRINT_PARAMETERS);
    const expected = await prepareWith(inProcess);
    expect(expected.length).toBeGreaterThan(10);
    expect(await prepareWith(recycling)).toEqual(expected);
    // A budget of one byte retires a worker at its first reply; it is replaced once its other files are done.
    expect((recycling as unknown as { started: number }).started).toBeGreaterThan(2);
  });
});
