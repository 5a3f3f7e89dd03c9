import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Fingerprinter } from "../../src/fingerprint/fingerprint.js";
import { loadTokenHasher } from "../../src/hashing.js";
import { IndexReader } from "../../src/store/reader.js";
import { languageByName, languageForPath } from "../../src/languages/registry.js";
import { DEFAULT_MATCH_OPTIONS } from "../../src/options.js";
import { MissScreen } from "../../src/match/screen.js";
import { Normalizer } from "../../src/normalize/normalizer.js";
import { ReferenceTracker } from "../../src/tracker.js";
import { FIXTURES, buildFixtureIndex, temporaryDirectory, trackerForFiles } from "../helpers.js";

const workspace = temporaryDirectory();
let db: string;
let screened: ReferenceTracker;
let unscreened: ReferenceTracker;
let reader: IndexReader;
let screen: MissScreen;
let normalizer: Normalizer;

beforeAll(async () => {
  db = await buildFixtureIndex(workspace.path);
  // The screen's guarantee is against the full path as it was: queries parsed by tree-sitter.
  screened = await ReferenceTracker.open(db, { queryReading: "parsed" });
  unscreened = await ReferenceTracker.openWith(db, { screen: false, queryReading: "parsed" });
  reader = IndexReader.open(db);
  normalizer = new Normalizer(await loadTokenHasher());
  screen = new MissScreen(reader, normalizer, new Fingerprinter(reader.parameters));
});
afterAll(() => {
  screened.close();
  unscreened.close();
  reader.close();
  workspace.cleanup();
});

function codeFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return codeFiles(path);
    return languageForPath(path) ? [path] : [];
  });
}

// Written for this test: code that is in no fixture.
const NOVEL_TS = `
export function histogram(values: readonly number[], buckets: number): number[] {
  const counts = new Array<number>(buckets).fill(0);
  const low = Math.min(...values);
  const span = Math.max(...values) - low || 1;
  for (const value of values) {
    const slot = Math.min(buckets - 1, Math.floor(((value - low) / span) * buckets));
    counts[slot] = (counts[slot] ?? 0) + 1;
  }
  return counts;
}
`;

describe("miss screen", () => {
  it("changes no result: every window of every fixture file, verbatim and renamed, matches as without it", () => {
    let windows = 0;
    let withReferences = 0;
    for (const file of codeFiles(join(FIXTURES, "corpus"))) {
      const language = languageForPath(file)!.name;
      const lines = readFileSync(file, "utf8").split("\n");
      for (let size = 8; size <= 24; size += 8) {
        for (let start = 0; start + size <= lines.length; start += 2) {
          const window = lines.slice(start, start + size).join("\n");
          const renamed = window.replace(/\b(value|key|item|total|capacity|cache|entry|timer|delay|result)\b/g, "$1Renamed");
          for (const code of [window, renamed]) {
            const expected = unscreened.match(code, { language });
            expect(screened.match(code, { language }), `${file} lines ${start + 1}-${start + size}`).toEqual(expected);
            windows++;
            if (expected.references.length > 0) withReferences++;
          }
        }
      }
    }
    // The comparison means something only if many windows do match.
    expect(withReferences).toBeGreaterThan(windows / 4);
  });

  it("turns away code that is not in the index, and lets copies through", () => {
    const options = DEFAULT_MATCH_OPTIONS;
    expect(screen.mayMatch(NOVEL_TS, languageByName("typescript"), options)).toBe(false);
    expect(unscreened.match(NOVEL_TS, { language: "typescript" }).references).toEqual([]);
    const copy = readFileSync(join(FIXTURES, "corpus", "alpha", "src", "lru.js"), "utf8");
    expect(screen.mayMatch(copy, languageByName("javascript"), options)).toBe(true);
  });

  it("follows the caller's options: a query that needs one seed is let through on one", () => {
    const fewer = { ...DEFAULT_MATCH_OPTIONS, minSeeds: 1 };
    const copy = readFileSync(join(FIXTURES, "corpus", "beta", "lib", "checksum.py"), "utf8").split("\n").slice(0, 12).join("\n");
    expect(screened.match(copy, { language: "python", minSeeds: 1 })).toEqual(unscreened.match(copy, { language: "python", minSeeds: 1 }));
    expect(screen.mayMatch(copy, languageByName("python"), fewer)).toBe(true);
  });

  it("reads queries with the lexer when asked: whole files match exactly as parsed, and every window still finds its file", async () => {
    const lexed = await ReferenceTracker.open(db, { queryReading: "lexed" });
    const lexedUnscreened = await ReferenceTracker.openWith(db, { queryReading: "lexed", screen: false });
    try {
      for (const file of codeFiles(join(FIXTURES, "corpus"))) {
        const language = languageForPath(file)!.name;
        const text = readFileSync(file, "utf8");
        expect(lexed.match(text, { language }), file).toEqual(unscreened.match(text, { language }));
        const lines = text.split("\n");
        for (let start = 0; start + 16 <= lines.length; start += 4) {
          const window = lines.slice(start, start + 16).join("\n");
          const own = (result: ReturnType<ReferenceTracker["match"]>): boolean => result.references.some((r) => file.endsWith(r.path));
          const result = lexed.match(window, { language });
          if (own(unscreened.match(window, { language }))) expect(own(result), `${file} from line ${start + 1}`).toBe(true);
          // Read by the lexer, the screen is exact: it asks the very question matching would.
          expect(result).toEqual(lexedUnscreened.match(window, { language }));
        }
      }
      expect(lexed.match(NOVEL_TS, { language: "typescript" }).references).toEqual([]);
    } finally {
      lexed.close();
      lexedUnscreened.close();
    }
  });

  // Written for these tests: a method whose docstring's prose holds an apostrophe, then code.
  const SETTLE = [
    "class Ledger:",
    "    def settle(self, entries, rounding):",
    '        """Settle the entries.',
    "",
    "        Entries that can't be matched are carried over to the next period,",
    "        and the remainder is rounded with the given rounding mode.",
    '        """',
    "        balance = 0",
    "        carried = []",
    "        for entry in entries:",
    "            if entry.amount is None or entry.account not in self.accounts:",
    "                carried.append(entry)",
    "                continue",
    "            balance += entry.amount * self.rates.get(entry.currency, 1)",
    "            self.accounts[entry.account].post(entry.amount, entry.memo)",
    "        self.carried.extend(carried)",
    "        return round(balance, rounding)",
    "",
  ];

  it("reads a fragment that begins inside a comment from inside it first, and only so when the comment's closer begins its line", () => {
    // Cut two lines into a license header: read from its start, the notice's words are code.
    const header = ["/*", " * Copyright 2026 The Histogram Authors. All rights reserved.", " * Use of this source code is governed by an MIT-style license", " * that can be found in the LICENSE file.", " */"];
    const typescript = languageByName("typescript");
    const hashes = (tokens: { hashes: Uint32Array; count: number }): number[] => Array.from(tokens.hashes.subarray(0, tokens.count));
    const fragment = [...header, ...NOVEL_TS.split("\n")].slice(2).join("\n");
    const insideComment = normalizer.lex(fragment, typescript, { insideOf: "*/" });
    const plain = normalizer.lex(fragment, typescript);
    expect(plain.count).toBeGreaterThan(insideComment.count);
    const query = screen.lexedQuery(fragment, typescript, DEFAULT_MATCH_OPTIONS);
    expect(hashes(query.tokens)).toEqual(hashes(insideComment));
    expect(query.readings.some((reading) => hashes(reading).join() === hashes(plain).join())).toBe(false);
    // The closer after words on its line could, however unlikely, be code's: both readings are
    // offered, the comment's first, kept on a tie (neither has a seed in this index).
    const ending = [" * that can be found in the LICENSE file. */", ...NOVEL_TS.split("\n")].join("\n");
    const tied = screen.lexedQuery(ending, typescript, DEFAULT_MATCH_OPTIONS);
    expect(tied.seedable?.size).toBe(0);
    expect(hashes(tied.readings[0]!)).toEqual(hashes(normalizer.lex(ending, typescript, { insideOf: "*/" })));
    expect(tied.readings.some((reading) => hashes(reading).join() === hashes(normalizer.lex(ending, typescript)).join())).toBe(true);
    expect(hashes(tied.tokens)).toEqual(hashes(tied.readings[0]!));
  });

  it("reads a fragment that begins inside a docstring both ways, so its copy is still found", async () => {
    const dir = temporaryDirectory();
    const source = SETTLE.join("\n");
    (await trackerForFiles(dir.path, { "ledger.py": source })).close();
    const tracker = await ReferenceTracker.open(join(dir.path, "source.db"), { queryReading: "parsed" });
    const withoutScreen = await ReferenceTracker.openWith(join(dir.path, "source.db"), { screen: false, queryReading: "parsed" });
    try {
      const fragment = source.split("\n").slice(4).join("\n");
      const expected = withoutScreen.match(fragment, { language: "python" });
      expect(expected.references.length).toBeGreaterThan(0);
      expect(tracker.match(fragment, { language: "python" })).toEqual(expected);
    } finally {
      tracker.close();
      withoutScreen.close();
      dir.cleanup();
    }
  });

  it("reads a fragment cut inside docstrings at both ends from inside the first, when its start reads as prose", async () => {
    const dir = temporaryDirectory();
    // A second method with a docstring: the fragment begins in the first one's prose and ends
    // inside the second's, so it holds an even number of `"""`.
    const source = [
      ...SETTLE,
      "    def reopen(self, period):",
      '        """Reopen a closed period.',
      "",
      "        Its carried entries are settled again.",
      '        """',
      "        return self.settle(period.carried, period.rounding)",
      "",
    ].join("\n");
    (await trackerForFiles(dir.path, { "ledger.py": source })).close();
    const tracker = await ReferenceTracker.open(join(dir.path, "source.db"));
    try {
      const fragment = source.split("\n").slice(4, 21).join("\n");
      expect(fragment.split('"""')).toHaveLength(3);
      const [reference] = tracker.match(fragment, { language: "python" }).references;
      expect(reference?.path).toBe("ledger.py");
      // The first and last matched tokens are the two docstrings, cut in the fragment: the lines
      // reported are the copied ones (5–20 of the file; the fragment's blank last line is no text).
      expect(reference?.sourceLines).toEqual([5, 20]);
      expect(reference?.queryLines).toEqual([1, 16]);
    } finally {
      tracker.close();
      dir.cleanup();
    }
  });
});
