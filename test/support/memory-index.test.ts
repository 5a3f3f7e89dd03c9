import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { FIXTURES, seededUint32s, temporaryDirectory, trackerForFiles } from "../helpers.js";
import { memoryTrackerForFiles } from "./memory-index.js";

/** The fixture corpus's code files, under their source folders. */
const FILES: Record<string, string> = Object.fromEntries(
  ["alpha/src/debounce.ts", "alpha/src/lru.js", "alpha/tools/report.py", "beta/lib/checksum.py", "beta/lib/queue.ts", "beta/vendor/lru.js"].map((path) => [
    path,
    readFileSync(join(FIXTURES, "corpus", path), "utf8"),
  ]),
);

/** Windows of the corpus's files, and the same with every other line's names changed. */
function queries(): { code: string; path: string }[] {
  const next = seededUint32s(7);
  const out: { code: string; path: string }[] = [];
  for (const [path, text] of Object.entries(FILES)) {
    const lines = text.split("\n");
    for (let i = 0; i < 12; i++) {
      const start = next() % lines.length;
      const window = lines.slice(start, start + 5 + (next() % 30)).join("\n");
      out.push({ code: window, path }, { code: window.replace(/\b([a-z]\w*)\b/g, (name, _, offset: number) => (offset % 2 ? `${name}X` : name)), path });
    }
    out.push({ code: text, path });
  }
  return out;
}

describe("the in-memory index", () => {
  const dir = temporaryDirectory();
  let sqlite: ReferenceTracker;
  let memory: ReferenceTracker;
  beforeAll(async () => {
    sqlite = await trackerForFiles(dir.path, FILES, { sourcePerFolder: true });
    memory = await memoryTrackerForFiles(FILES, { sourcePerFolder: true });
  });
  afterAll(() => {
    sqlite.close();
    memory.close();
    dir.cleanup();
  });

  it("answers every query as the SQLite store does, reference for reference", () => {
    let withReferences = 0;
    for (const query of queries()) {
      for (const minMatchedChars of [150, 60]) {
        const target = { path: query.path, minMatchedChars };
        const expected = sqlite.match(query.code, target);
        expect(memory.match(query.code, target), `${query.path}:\n${query.code}`).toEqual(expected);
        if (expected.references.length > 0) withReferences++;
      }
    }
    // The comparison means something only if many queries find something.
    expect(withReferences).toBeGreaterThan(60);
  });
});
