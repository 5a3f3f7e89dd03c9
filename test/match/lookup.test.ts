import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Fingerprinter } from "../../src/fingerprint/fingerprint.js";
import { loadTokenHasher } from "../../src/hashing.js";
import { languageByName } from "../../src/languages/registry.js";
import { type ContentCounts, collectHits, couldSeed, lookUp } from "../../src/match/lookup.js";
import type { FileHits } from "../../src/match/types.js";
import { DEFAULT_FINGERPRINT_PARAMETERS, DEFAULT_MATCH_OPTIONS } from "../../src/options.js";
import { Normalizer } from "../../src/normalize/normalizer.js";
import { MemoryIndex, memorySources } from "../support/memory-index.js";

describe("lookup stage", () => {
  let index: MemoryIndex;
  let normalizer: Normalizer;
  // Written for this test: two unrelated functions in files of their own.
  const wide = [
    "def histogram(values, bins=10):",
    "    low, high = min(values), max(values)",
    "    width = (high - low) / bins or 1",
    "    counts = [0] * bins",
    "    for value in values:",
    "        index = min(int((value - low) / width), bins - 1)",
    "        counts[index] += 1",
    "    return [(low + i * width, count) for i, count in enumerate(counts)]",
  ].join("\n");
  const other = [
    "def rolling_mean(series, window):",
    "    total = sum(series[:window])",
    "    means = [total / window]",
    "    for old, new in zip(series, series[window:]):",
    "        total += new - old",
    "        means.append(total / window)",
    "    return means",
  ].join("\n");

  beforeAll(async () => {
    index = await MemoryIndex.build(memorySources({ "stats/histogram.py": `${wide}\n`, "stats/rolling.py": `${other}\n` }, false));
    normalizer = new Normalizer(await loadTokenHasher());
  });
  afterAll(() => {
    index.close();
  });

  it("keeps every hit of each file with enough distinct seeds to seed a reference, and no file with fewer", () => {
    const distinctSeeds = (hits: FileHits): number => new Set(hits.hashes).size;
    const fingerprinter = new Fingerprinter(DEFAULT_FINGERPRINT_PARAMETERS);
    // All of one function, and a few lines of the other holding exactly one of its fingerprints
    // (which lines do depends on where winnowing falls: the first such slice is taken).
    const lines = other.split("\n");
    let query = "";
    search: for (let length = 2; length <= lines.length; length++) {
      for (let start = 0; start + length <= lines.length; start++) {
        const candidate = `${wide}\n${lines.slice(start, start + length).join("\n")}\n`;
        const hits = collectHits(fingerprinter.fingerprint(normalizer.lex(candidate, languageByName("python"))), index, { ...DEFAULT_MATCH_OPTIONS, minSeeds: 1 });
        if ([...hits.values()].some((h) => distinctSeeds(h) === 1)) {
          query = candidate;
          break search;
        }
      }
    }
    expect(query).not.toBe("");
    const prints = fingerprinter.fingerprint(normalizer.lex(query, languageByName("python")));
    const everyFile = collectHits(prints, index, { ...DEFAULT_MATCH_OPTIONS, minSeeds: 1 });
    const seeding = collectHits(prints, index, DEFAULT_MATCH_OPTIONS);
    const enough = [...everyFile].filter(([, hits]) => distinctSeeds(hits) >= DEFAULT_MATCH_OPTIONS.minSeeds);
    expect(enough.length).toBe(1);
    expect(everyFile.size).toBe(2);
    expect([...seeding]).toEqual(enough);
  });

  it("looks up the same postings when told which fingerprints could seed as when it asks the index itself", () => {
    const fingerprinter = new Fingerprinter(DEFAULT_FINGERPRINT_PARAMETERS);
    const prints = fingerprinter.fingerprint(normalizer.lex(`${wide}\n# not indexed: a few lines of our own\nprint(histogram([1, 2, 3]))\n`, languageByName("python")));
    const seedable = new Set([...prints.hashes].filter((hash) => couldSeed(hash, index, DEFAULT_MATCH_OPTIONS)));
    expect(seedable.size).toBeGreaterThan(0);
    const asked = lookUp(prints, index, DEFAULT_MATCH_OPTIONS);
    const told = lookUp(prints, index, DEFAULT_MATCH_OPTIONS, seedable);
    expect([...told.postings]).toEqual([...asked.postings]);
    expect(countsOf(told.seedsPerContent)).toEqual(countsOf(asked.seedsPerContent));
    expect(countsOf(told.seedsPerContent).length).toBeGreaterThan(0);
    // What it is told is what it reads: a fingerprint left out is not looked up.
    const fewer = new Set([...seedable].slice(1));
    expect(lookUp(prints, index, DEFAULT_MATCH_OPTIONS, fewer).postings.get([...seedable][0]!)).toBeNull();
  });
});

/** A content count's entries, by content. */
function countsOf(counts: ContentCounts): [number, number][] {
  const entries: [number, number][] = [];
  counts.forEach((count, contentId) => entries.push([contentId, count]));
  return entries.sort((a, b) => a[0] - b[0]);
}
