import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Fingerprinter } from "../../src/fingerprint/fingerprint.js";
import { loadTokenHasher } from "../../src/hashing.js";
import { IndexReader } from "../../src/store/reader.js";
import { languageByName } from "../../src/languages/registry.js";
import { collectHits } from "../../src/match/lookup.js";
import type { FileHits } from "../../src/match/types.js";
import { DEFAULT_FINGERPRINT_PARAMETERS, DEFAULT_MATCH_OPTIONS } from "../../src/options.js";
import { Normalizer } from "../../src/normalize/normalizer.js";
import { ReferenceTracker } from "../../src/tracker.js";
import { FIXTURES, buildFixtureIndex, temporaryDirectory, trackerForFiles } from "../helpers.js";
import { MemoryIndex, memorySources, memoryTrackerForFiles } from "../support/memory-index.js";

/** Files sharing code in the frequency fixtures: a few more than the default cut-off. */
const PROJECTS = DEFAULT_MATCH_OPTIONS.maxFileFrequency + 6;

const workspace = temporaryDirectory();
let tracker: ReferenceTracker;

beforeAll(async () => {
  tracker = await ReferenceTracker.open(await buildFixtureIndex(workspace.path));
});
afterAll(() => {
  tracker.close();
  workspace.cleanup();
});

// alpha/src/debounce.ts with every name changed, strings changed, comments added, semicolons
// dropped, trailing commas added and the layout reflowed.
const DEBOUNCE_RENAMED_AND_REFORMATTED = `
export interface Opts { leading?: boolean; trailing?: boolean; maxWait?: number }

export function throttleCalls<P extends unknown[]>(
    callback: (...params: P) => void,
    delay: number,
    opts: Opts = {},
) {
    let handle: ReturnType<typeof setTimeout> | undefined
    let queued: P | undefined
    let startedAt: number | undefined
    const atStart = opts.leading ?? false
    const atEnd = opts.trailing ?? true
    // run whatever is queued
    function run(): void {
        handle = undefined
        startedAt = undefined
        if (atEnd && queued) {
            const params = queued
            queued = undefined
            callback(...params)
        }
    }
    function wrapper(...params: P): void {
        const t = Date.now()
        if (startedAt === undefined) startedAt = t
        const overdue = opts.maxWait !== undefined && t - startedAt >= opts.maxWait
        if (handle === undefined && atStart) { callback(...params) } else { queued = params }
        if (handle !== undefined) clearTimeout(handle)
        if (overdue) {
            run()
            return
        }
        handle = setTimeout(run, delay)
    }
    return wrapper
}
`;

describe("match", () => {
  it("finds renamed and reformatted code, with its license and link", () => {
    const { references } = tracker.match(DEBOUNCE_RENAMED_AND_REFORMATTED, { language: "typescript" });
    expect(references.length).toBeGreaterThanOrEqual(1);
    const best = references[0]!;
    expect(best.source).toBe("alpha");
    expect(best.path).toBe("src/debounce.ts");
    expect(best.license).toBe("MIT");
    expect(best.revision).toBe("v1.0.0");
    expect(best.url).toMatch(/^https:\/\/github\.com\/example\/alpha\/blob\/v1\.0\.0\/src\/debounce\.ts#L\d+-L\d+$/);
    expect(best.similarity).toBeGreaterThan(0.8);
    expect(best.explanation.matchedChars).toBeGreaterThanOrEqual(150);
    expect(best.explanation.seedFingerprints).toBeGreaterThan(0);
  });

  it("reports exact line ranges on both sides", () => {
    const query = [
      "# my own header line",
      "def total(values):",
      "    result = compute(values)",
      "    return result",
      "def summarize(rows, key='team', value='duration'):",
      "    groups = defaultdict(list)",
      "    for row in rows:",
      "        try:",
      "            groups[row[key]].append(float(row[value]))",
      "        except (KeyError, ValueError):",
      "            continue",
      "    summary = {}",
      "    for name, values in sorted(groups.items()):",
      "        summary[name] = {",
      '            "count": len(values),',
      '            "mean": statistics.fmean(values),',
      '            "median": statistics.median(values),',
      '            "worst": max(values),',
      "        }",
      "    return summary",
      "",
      "if __name__ == '__main__':",
      "    print(total([1, 2, 3]))",
    ].join("\n");
    const { references } = tracker.match(query, { language: "python" });
    expect(references).toHaveLength(1);
    expect(references[0]!.path).toBe("tools/report.py");
    expect(references[0]!.sourceLines).toEqual([13, 28]);
    expect(references[0]!.queryLines).toEqual([5, 20]);
    expect(references[0]!.url).toBe("https://github.com/example/alpha/blob/v1.0.0/tools/report.py#L13-L28");
  });

  it("matches a fragment that does not parse on its own, and reports every origin grouped", () => {
    // Two methods lifted out of their class: not valid JavaScript without the class around them.
    const fragment = `
  get(k) {
    if (!this.entries.has(k)) {
      this.misses += 1;
      return undefined;
    }
    const v = this.entries.get(k);
    this.entries.delete(k);
    this.entries.set(k, v);
    this.hits += 1;
    return v;
  }

  set(k, v) {
    if (this.entries.has(k)) this.entries.delete(k);
    this.entries.set(k, v);
    while (this.entries.size > this.capacity) {`;
    const { references } = tracker.match(fragment, { language: "javascript" });
    // beta vendors alpha's file unchanged: one content, stored once, reported with both origins.
    expect(references).toHaveLength(1);
    const [reference] = references;
    expect(reference!.origins.map((o) => `${o.source}:${o.path}`)).toEqual(["alpha:src/lru.js", "beta:vendor/lru.js"]);
    expect(`${reference!.source}:${reference!.path}`).toBe("alpha:src/lru.js");
    expect(reference!.licenseConflict).toBe(true);
    const beta = reference!.origins.find((o) => o.source === "beta")!;
    expect(beta.license).toBe("Apache-2.0 OR MIT");
    expect(beta.licenseProvenance).toBe("manifest");
    expect(beta.url).toMatch(/^https:\/\/gitlab\.com\/example\/beta\/-\/blob\/2\.3\.0\/vendor\/lru\.js#L15-\d+$/);
  });

  it("does not match unrelated code of the same language", () => {
    const unrelated = `
export function parseDuration(text: string): number {
  const match = /^(\\d+)(ms|s|m|h)$/.exec(text.trim());
  if (!match) throw new Error(\`not a duration: \${text}\`);
  const amount = Number(match[1]);
  switch (match[2]) {
    case "ms": return amount;
    case "s": return amount * 1000;
    case "m": return amount * 60_000;
    default: return amount * 3_600_000;
  }
}

export function formatBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return \`\${value.toFixed(unit === 0 ? 0 : 1)} \${units[unit]}\`;
}
`;
    expect(tracker.match(unrelated, { language: "typescript" }).references).toEqual([]);
  });

  it("respects minMatchedChars: a short shared piece is not reported by default, but is on request", () => {
    // Seven lines of alpha/src/lru.js's get(), below 150 normalized characters.
    const short = readFileSync(join(FIXTURES, "corpus", "alpha", "src", "lru.js"), "utf8").split("\n").slice(14, 21).join("\n");
    expect(tracker.match(short, { language: "javascript" }).references).toEqual([]);
    const low = tracker.match(short, { language: "javascript", minMatchedChars: 40 }).references;
    expect(low.map((r) => r.path)).toContain("src/lru.js");
  });

  it("accepts a path instead of a language, and rejects what it cannot tell", () => {
    expect(tracker.match(DEBOUNCE_RENAMED_AND_REFORMATTED, { path: "x/y.ts" }).references.length).toBeGreaterThan(0);
    expect(() => tracker.match("x", { path: "notes.txt" })).toThrow(/cannot tell the language/);
  });
});

describe("boilerplate", () => {
  let boilerplateTracker: ReferenceTracker;
  const SHARED_HEADER = [
    'import { readFileSync, writeFileSync, existsSync, mkdirSync } from "node:fs";',
    'import { join, dirname, resolve, relative, basename } from "node:path";',
    'import { createHash, randomBytes } from "node:crypto";',
    'import { EventEmitter } from "node:events";',
    // A helper every file carries (transpilers emit such; these are not recognised as plumbing).
    "function interopDefault(mod) {",
    '  return (mod && mod.__esModule) ? mod : { "default": mod };',
    "}",
    "function assignDefaults(target, source) {",
    "  for (var key in source) {",
    "    if (Object.prototype.hasOwnProperty.call(source, key) && target[key] === undefined) target[key] = source[key];",
    "  }",
    "  return target;",
    "}",
  ].join("\n");

  beforeAll(async () => {
    // More projects than the default maxFileFrequency whose files share a header, each with a body
    // of its own.
    const files: Record<string, string> = {};
    for (let i = 0; i < PROJECTS; i++) {
      const body = `export function task${i}(input${i}: number[]): number {\n  let acc = ${i};\n  for (const v of input${i}) acc ${i % 2 ? "+=" : "*="} v ${"+ 1 ".repeat(i % 5)};\n  return acc;\n}\n`;
      files[`project${i}/task.ts`] = `${SHARED_HEADER}\n\n${body}`;
    }
    boilerplateTracker = await memoryTrackerForFiles(files, { sourcePerFolder: true });
  });
  afterAll(() => {
    boilerplateTracker.close();
  });

  it("does not report code that occurs in too many indexed files", () => {
    const query = `${SHARED_HEADER}\n\nconsole.log(resolve("."));\n`;
    expect(boilerplateTracker.match(query, { language: "typescript" }).references).toEqual([]);
  });

  it("does report it when the frequency cut-off is raised above the number of copies", () => {
    const query = `${SHARED_HEADER}\n\nconsole.log(resolve("."));\n`;
    const references = boilerplateTracker.match(query, { language: "typescript", maxFileFrequency: PROJECTS + 10 }).references;
    // One group (the same query lines in every project's file), capped at maxReferencesPerGroup.
    expect(references).toHaveLength(10);
    expect(new Set(references.map((r) => r.group)).size).toBe(1);
    const all = boilerplateTracker.match(query, { language: "typescript", maxFileFrequency: PROJECTS + 10, maxReferencesPerGroup: PROJECTS }).references;
    expect(all).toHaveLength(PROJECTS);
  });
});

describe("a project's own repetition", () => {
  let localeTracker: ReferenceTracker;
  // Locale files of one project, more than the default maxFileFrequency: one shape, each with its
  // own data (as moment's locales).
  const WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett"];
  const locale = (i: number): string =>
    [
      `var config${i} = {`,
      `  months: '${WORDS.map((w) => `${w}${i}`).join("_")}'.split('_'),`,
      `  monthsShort: '${WORDS.map((w) => `${w.slice(0, 3)}${i}`).join("_")}'.split('_'),`,
      `  weekdays: '${WORDS.slice(0, 7).map((w) => `${w}day${i}`).join("_")}'.split('_'),`,
      "  longDateFormat: {",
      `    LT: 'HH:mm:${i}',`,
      `    L: 'DD/MM/YYYY ${i}',`,
      `    LL: 'D MMMM YYYY ${i}',`,
      "  },",
      "  relativeTime: {",
      `    future: 'in %s ${i}',`,
      `    past: '%s ago ${i}',`,
      `    s: 'seconds ${i}',`,
      `    m: 'a minute ${i}',`,
      `    mm: '%d minutes ${i}',`,
      "  },",
      "  week: {",
      `    dow: ${i % 7},`,
      `    doy: ${i % 5},`,
      "  },",
      "};",
      `export default defineLocale('l${i}', config${i});`,
      "",
    ].join("\n");

  // A helper more of the project's files carry than the default maxFileFrequency.
  const HELPER = [
    "function pad(value, width) {",
    "  let text = String(Math.abs(value));",
    "  while (text.length < width) text = '0' + text;",
    "  return (value < 0 ? '-' : '') + text;",
    "}",
    "function clamp(value, low, high) {",
    "  if (value < low) return low;",
    "  return value > high ? high : value;",
    "}",
  ].join("\n");

  const files: Record<string, string> = {};
  beforeAll(async () => {
    for (let i = 0; i < PROJECTS; i++) files[`dates/locale/l${i}.js`] = locale(i);
    for (let i = 0; i < PROJECTS; i++) files[`dates/format/f${i}.js`] = `${HELPER}\nexport const format${i} = (d) => pad(d.getDate() + ${i}, ${i % 4});\n`;
    files["other/src/unrelated.js"] = "export const unrelated = () => 1;\n";
    localeTracker = await memoryTrackerForFiles(files, { sourcePerFolder: true });
  });
  afterAll(() => {
    localeTracker.close();
  });

  it("reports a copied file of the project, the one whose literals are the query's first", () => {
    const references = localeTracker.match(locale(17), { language: "javascript" }).references;
    expect(references.length).toBeGreaterThan(0);
    expect(references[0]!.path).toBe("locale/l17.js");
    expect(references[0]!.source).toBe("dates");
    expect(references[0]!.explanation.sameLiteralShare).toBe(1);
    // Look-alikes follow, capped per group.
    expect(references.length).toBeLessThanOrEqual(10);
  });

  it("reports a helper the project repeats in more than maxFileFrequency files, unless told one source is too many", () => {
    const references = localeTracker.match(HELPER, { language: "javascript" }).references;
    expect(references.length).toBeGreaterThan(0);
    expect(references.every((r) => r.source === "dates" && r.path.startsWith("format/"))).toBe(true);
    expect(references[0]!.explanation.meanSeedFileFrequency).toBeGreaterThan(32);
    expect(localeTracker.match(HELPER, { language: "javascript", maxSourceFrequency: 0 }).references).toEqual([]);
  });

  it("finds the same in an SQLite index without its in-memory tables (sources then counted from the files table)", async () => {
    const sqliteDir = temporaryDirectory();
    const stored = await trackerForFiles(sqliteDir.path, files, { sourcePerFolder: true });
    stored.close();
    const unfiltered = await ReferenceTracker.openWith(join(sqliteDir.path, "source.db"), { useFilter: false });
    try {
      for (const code of [HELPER, locale(17), locale(23).split("\n").slice(1, 20).join("\n")]) {
        expect(unfiltered.match(code, { language: "javascript" })).toEqual(localeTracker.match(code, { language: "javascript" }));
      }
      expect(unfiltered.match(HELPER, { language: "javascript" }).references.length).toBeGreaterThan(0);
    } finally {
      unfiltered.close();
      sqliteDir.cleanup();
    }
  });

  it("reports the project's repeated code renamed one for one throughout, strings and all", () => {
    const renames = new Map<string, string>();
    const renamed = HELPER.replaceAll(/'[^']*'/g, (text) => `'${text.length}x'`).replaceAll(/\b(pad|clamp|value|width|text|low|high)\b/g, (name) =>
      renames.get(name) ?? renames.set(name, `n${renames.size}`).get(name)!,
    );
    const [reference] = localeTracker.match(renamed, { language: "javascript" }).references;
    expect(reference?.source).toBe("dates");
    // Not by the same text: under half its names and literals are.
    expect(reference!.explanation.nameConsistency).toBe(1);
    expect(reference!.explanation.sameNameShare).toBeLessThan(0.5);
    expect(reference!.explanation.sameLiteralShare).toBeLessThan(0.5);
    expect(reference!.explanation.meanSeedFileFrequency).toBeGreaterThan(DEFAULT_MATCH_OPTIONS.maxFileFrequency);
  });

  it("does not report the same shape with other data and other names", () => {
    const lookalike = locale(17).replaceAll(/'[^']*'/g, (text) => `'${text.length}x'`).replaceAll("config17", "settings").replaceAll(/\b1?7\b/g, "3");
    expect(localeTracker.match(lookalike, { language: "javascript" }).references).toEqual([]);
  });

  it("finds a fragment cut from inside an object literal, whose keys then parse as labels", () => {
    const fragment = locale(23).split("\n").slice(1, 20).join("\n");
    const [best] = localeTracker.match(fragment, { language: "javascript" }).references;
    expect(best?.path).toBe("locale/l23.js");
    expect(best?.explanation.nameConsistency).toBe(1);
  });

});

describe("match options", () => {
  it("refuses a value that is not a number ≥ 0 with one line naming the option", () => {
    for (const bad of [-1, Number.NaN, "2" as unknown as number]) {
      expect(() => tracker.match("x = 1\n", { language: "python", minSeeds: bad })).toThrow(/^match option minSeeds must be a number ≥ 0, got /);
    }
  });

  it("accepts an unbounded frequency cut-off", () => {
    const code = readFileSync(join(FIXTURES, "corpus", "alpha", "src", "lru.js"), "utf8");
    const bounded = tracker.match(code, { language: "javascript" }).references;
    const unbounded = tracker.match(code, { language: "javascript", maxFileFrequency: Number.POSITIVE_INFINITY }).references;
    expect(unbounded.map((r) => r.path)).toEqual(bounded.map((r) => r.path));
  });
});

describe("membership filter in front of the index", () => {
  it("gives the same references with and without the filter", async () => {
    const unfiltered = await ReferenceTracker.openWith(join(workspace.path, "fixtures.db"), { useFilter: false });
    try {
      const queries: [string, "typescript" | "javascript" | "python"][] = [
        [DEBOUNCE_RENAMED_AND_REFORMATTED, "typescript"],
        [readFileSync(join(FIXTURES, "corpus", "alpha", "src", "lru.js"), "utf8"), "javascript"],
        [readFileSync(join(FIXTURES, "corpus", "alpha", "tools", "report.py"), "utf8"), "python"],
        [readFileSync(join(FIXTURES, "..", "..", "examples", "rate-limiter.ts"), "utf8"), "typescript"],
      ];
      for (const [code, language] of queries) {
        expect(tracker.match(code, { language })).toEqual(unfiltered.match(code, { language }));
      }
    } finally {
      unfiltered.close();
    }
  });
});

describe("ranking", () => {
  let rankTracker: ReferenceTracker;
  // Two unrelated functions of about the same size.
  const COMMON_HALF = [
    "def normalize_scores(scores, floor=0.0, ceiling=1.0):",
    "    lowest = min(scores)",
    "    highest = max(scores)",
    "    span = highest - lowest or 1",
    "    scaled = [(s - lowest) / span for s in scores]",
    "    return [max(floor, min(ceiling, s)) for s in scaled]",
  ].join("\n");
  const RARE_HALF = [
    "def chunk_pairs(items, size=2, fill=None):",
    "    batch = []",
    "    for item in items:",
    "        batch.append(item)",
    "        if len(batch) == size:",
    "            yield tuple(batch)",
    "            batch = []",
    "    if batch:",
    "        yield tuple(batch + [fill] * (size - len(batch)))",
  ].join("\n");

  beforeAll(async () => {
    // The first function is in six files, the second in one.
    const files: Record<string, string> = { "rare/only.py": `${RARE_HALF}\n` };
    for (let i = 0; i < 6; i++) files[`common/copy${i}.py`] = `${COMMON_HALF}\n\nVERSION_${i} = ${i}\n`;
    rankTracker = await memoryTrackerForFiles(files);
  });
  afterAll(() => {
    rankTracker.close();
  });

  it("puts the match made of rare fingerprints before one made of common ones, and explains both", () => {
    const { references } = rankTracker.match(`${COMMON_HALF}\n\n${RARE_HALF}\n`, { language: "python", minMatchedChars: 100 });
    expect(references[0]!.path).toBe("rare/only.py");
    expect(references[0]!.group).toBe(1);
    expect(references[0]!.explanation.meanSeedFileFrequency).toBe(1);
    const common = references.filter((r) => r.path.startsWith("common/"));
    expect(common).toHaveLength(6);
    expect(new Set(common.map((r) => r.group))).toEqual(new Set([2]));
    expect(common[0]!.explanation.meanSeedFileFrequency).toBe(6);
  });
});

describe("look-alike files", () => {
  let lookAlikeTracker: ReferenceTracker;
  // One function in six files with other messages: the same shape and fingerprints everywhere.
  const report = (i: number): string =>
    [
      "def describe_status(code, verbose=False):",
      `    prefix = "ready ${i}"`,
      "    if code > 3:",
      `        prefix = prefix.replace("ready", "waiting on peers ${i}")`,
      "    parts = [prefix, str(code)]",
      "    while len(parts) < limit_for(code):",
      `        parts.append("draining queue ${i}")`,
      `    text = ", ".join(parts)`,
      `    return text.upper() if verbose else text + "stopped for good ${i}"`,
      "",
    ].join("\n");

  beforeAll(async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 6; i++) files[`status/s${i}.py`] = report(i);
    lookAlikeTracker = await memoryTrackerForFiles(files);
  });
  afterAll(() => {
    lookAlikeTracker.close();
  });

  it("puts the file whose strings the query holds first, though it was indexed last", () => {
    const { references } = lookAlikeTracker.match(report(5), { language: "python" });
    expect(references.map((r) => r.path)).toHaveLength(6);
    expect(references[0]!.path).toBe("status/s5.py");
    expect(references[0]!.explanation.sameLiteralShare).toBe(1);
    // The others tie: they follow in the order they were indexed.
    expect(references.slice(1).map((r) => r.path)).toEqual(["status/s0.py", "status/s1.py", "status/s2.py", "status/s3.py", "status/s4.py"]);
    expect(new Set(references.map((r) => r.group))).toEqual(new Set([1]));
  });
});

describe("repetitive code", () => {
  let repetitiveTracker: ReferenceTracker;
  // After abstraction every line of these is the same few tokens: any two such blocks match.
  const indexedTable = Array.from({ length: 30 }, (_, i) => `    "key_${i}": ("value ${i}", ${i}, ${i * 7}),`).join("\n");
  const indexedImports = Array.from({ length: 30 }, (_, i) => `from package_${i}.module import Name${i}`).join("\n");
  // Every row of a long table matches every other row's shape: hundreds of candidate alignments.
  const longTable = Array.from({ length: 200 }, (_, i) => `    ${i}: ["entry ${i}", ${i * 3}, None, ${i % 7}],`).join("\n");

  beforeAll(async () => {
    repetitiveTracker = await memoryTrackerForFiles({
      "table.py": `TABLE = {\n${indexedTable}\n}\n`,
      "imports.py": `${indexedImports}\n`,
      "long_table.py": `LONG = {\n${longTable}\n}\n`,
    });
  });
  afterAll(() => {
    repetitiveTracker.close();
  });

  it("does not report an unrelated data table or import block of the same shape", () => {
    const otherTable = `COLORS = {\n${Array.from({ length: 25 }, (_, i) => `    "c${i}": ("shade ${i}", ${i + 100}, ${i * 3}),`).join("\n")}\n}\n`;
    const otherImports = Array.from({ length: 25 }, (_, i) => `from lib${i}.sub import Thing${i}`).join("\n");
    expect(repetitiveTracker.match(otherTable, { language: "python" }).references).toEqual([]);
    expect(repetitiveTracker.match(otherImports, { language: "python" }).references).toEqual([]);
  });

  it("finds a copied stretch of the table by its data, reformatted", () => {
    const copied = `OPTIONS = {\n${indexedTable.split("\n").slice(5, 25).map((line) => line.trim().replaceAll(", ", ",")).join("\n")}\n}\n`;
    const [best] = repetitiveTracker.match(copied, { language: "python" }).references;
    expect(best?.path).toBe("table.py");
    expect(best?.sourceLines[0]).toBeLessThanOrEqual(7);
    expect(best?.sourceLines[1]).toBeGreaterThanOrEqual(26);
    expect(best?.explanation.sameLiteralShare).toBe(1);
    expect(best?.explanation.seedFingerprints).toBeGreaterThanOrEqual(3);
  });

  it("places a stretch cut from the middle of a long table on its own lines, among every row offset that fits its shape", () => {
    // Rows 120–139 are lines 122–141 (the table opens on line 1).
    const copied = longTable.split("\n").slice(120, 140).join("\n");
    const references = repetitiveTracker.match(copied, { language: "python" }).references;
    expect(references[0]?.path).toBe("long_table.py");
    expect(references[0]?.sourceLines).toEqual([122, 141]);
    expect(references[0]?.queryLines).toEqual([1, 20]);
    expect(references[0]?.explanation.sameLiteralShare).toBe(1);
    expect(references.filter((r) => r.path === "long_table.py")).toHaveLength(1);
  });
});

describe("code vendored in many versions", () => {
  let versionsTracker: ReferenceTracker;
  // Written for this test: one function in 40 versions of a file (each with its own version line,
  // so 40 distinct contents), and a shorter, unrelated one in a file of its own.
  const kernel = [
    "def blend(colors, weights, gamma=2.2):",
    "    total = sum(weights) or 1.0",
    "    linear = [[channel ** gamma for channel in color] for color in colors]",
    "    mixed = [0.0, 0.0, 0.0]",
    "    for color, weight in zip(linear, weights):",
    "        for index in range(3):",
    "            mixed[index] += color[index] * weight / total",
    "    clipped = [min(1.0, max(0.0, channel)) for channel in mixed]",
    "    return tuple(round(channel ** (1 / gamma), 4) for channel in clipped)",
  ].join("\n");
  const helper = [
    "def parse_hex(text):",
    "    digits = text.lstrip('#')",
    "    if len(digits) == 3:",
    "        digits = ''.join(digit * 2 for digit in digits)",
    "    return tuple(int(digits[i:i + 2], 16) / 255 for i in (0, 2, 4))",
  ].join("\n");

  beforeAll(async () => {
    const files: Record<string, string> = { "helpers/hex.py": `${helper}\n` };
    for (let i = 0; i < 40; i++) files[`v${i}/kernel.py`] = `VERSION = "1.${i}"\n\n\n${kernel}\n`;
    versionsTracker = await memoryTrackerForFiles(files);
  });
  afterAll(() => {
    versionsTracker.close();
  });

  it("aligns the best-evidenced versions, and still finds another piece of the query in a file of its own", () => {
    const { references } = versionsTracker.match(`${kernel}\n\n\n${helper}\n`, { language: "python", minMatchedChars: 100 });
    const kernels = references.filter((r) => r.path.endsWith("kernel.py"));
    expect(kernels.length).toBeGreaterThan(0);
    expect(kernels.length).toBeLessThanOrEqual(10);
    // The helper's file has the fewest seeds of 41 candidates, past MAX_ALIGNED_FILES, but holds seeds no kernel holds.
    const hex = references.find((r) => r.path === "helpers/hex.py");
    expect(hex?.queryLines).toEqual([12, 16]);
    expect(hex?.group).not.toBe(kernels[0]!.group);
  });
});

describe("lists of names", () => {
  let listTracker: ReferenceTracker;
  // Written for this test: an index module's map of 40 validators, and a compiled module's
  // export initializer, each one shape repeated line after line.
  const names = Array.from({ length: 40 }, (_, i) => `is${["Email", "Url", "Date", "Hex", "Port"][i % 5]}${i}`);
  const validators = `const validators = {\n${names.map((n) => `  ${n}: ${n},`).join("\n")}\n};\nexport default validators;\n`;
  const initializer = `"use strict";\n${names.map((n) => `exports.${n} = `).join("")}void 0;\n`;

  beforeAll(async () => {
    listTracker = await memoryTrackerForFiles({ "validators.js": validators, "initializer.js": initializer });
  });
  afterAll(() => {
    listTracker.close();
  });

  it("finds a stretch of a copied map by its names, cut from inside the object literal", () => {
    // Lines 12–31: 20 entries, no `{` in the fragment, so its keys must read as the file's.
    const copied = validators.split("\n").slice(11, 31).join("\n");
    const [reference] = listTracker.match(copied, { language: "javascript" }).references;
    expect(reference?.path).toBe("validators.js");
    expect(reference?.sourceLines).toEqual([12, 31]);
    expect(reference!.explanation.sameNameShare).toBe(1);
    expect(reference!.explanation.distinctKgramShare).toBeLessThan(0.5);
  });

  it("does not report the same map with other names", () => {
    const other = validators.split("\n").slice(11, 31).map((line) => line.replace(/is(\w+)/g, "check$1")).join("\n");
    expect(listTracker.match(other, { language: "javascript" }).references).toEqual([]);
  });

  it("does not take one name repeated (a compiled module's export initializer) for copied data", () => {
    // Its member names are not names; `exports` is, 40 times over, the very same on both sides.
    expect(listTracker.match(initializer, { language: "javascript" }).references).toEqual([]);
  });
});

describe("repetitive code renamed one for one", () => {
  let unitsTracker: ReferenceTracker;
  // Written for this test: one registration repeated line after line, as a library's unit tables are.
  const units = [
    ["ms", 1],
    ["s", 1000],
    ["min", 60000],
    ["h", 3600000],
    ["d", 86400000],
    ["w", 604800000],
    ["mo", 2629800000],
    ["y", 31557600000],
  ] as const;
  const registration = (registry: (i: number) => string, clock: (i: number) => string, label: (unit: string) => string) =>
    `export function registerUnits(${registry(0)}, ${clock(0)}) {\n` +
    units.map(([unit, ms], i) => `  ${registry(i)}.define("${label(unit)}", ${ms}, function () { return ${clock(i)}.millis() / ${ms}; });`).join("\n") +
    `\n  return ${registry(0)};\n}\n`;
  const original = registration(() => "registry", () => "clock", (unit) => unit);

  beforeAll(async () => {
    unitsTracker = await memoryTrackerForFiles({ "units.js": original });
  });
  afterAll(() => {
    unitsTracker.close();
  });

  it("finds it when every name and string is renamed consistently", () => {
    const renamed = registration(() => "table", () => "timer", (unit) => `${unit}_unit`);
    const [reference] = unitsTracker.match(renamed, { language: "javascript" }).references;
    expect(reference?.path).toBe("units.js");
    expect(reference!.explanation.distinctKgramShare).toBeLessThan(0.5);
    expect(reference!.explanation.nameConsistency).toBe(1);
  });

  it("does not report the same shape whose names change from line to line", () => {
    const shapeOnly = registration((i) => `table${i}`, (i) => `timer${i}`, (unit) => `${unit}_unit`);
    expect(unitsTracker.match(shapeOnly, { language: "javascript" }).references).toEqual([]);
  });
});

/** A function whose names carry its meaning: the fixture of the name tests below. */
const SUMMARIZE = `export function summarize(orders, limit) {
  const totals = new Map();
  for (const order of orders) {
    const key = order.customer;
    const previous = totals.get(key) || 0;
    totals.set(key, previous + order.amount);
  }
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1]);
  const top = ranked.slice(0, limit);
  return top.map(([customer, amount]) => ({ customer, amount, share: amount / ranked.length }));
}
`;
const SUMMARIZE_KEYWORDS = new Set(["export", "function", "const", "new", "for", "of", "return", "Map"]);

/** Every identifier occurrence in SUMMARIZE-like code replaced through `rename`, keywords kept. */
function replaceNames(code: string, rename: (name: string) => string): string {
  return code.replace(/\b[A-Za-z_]\w*\b/g, (name) => (SUMMARIZE_KEYWORDS.has(name) ? name : rename(name)));
}

describe("names behind the shape", () => {
  let namesTracker: ReferenceTracker;
  const original = SUMMARIZE;

  beforeAll(async () => {
    namesTracker = await memoryTrackerForFiles({ "report.js": original });
  });
  afterAll(() => {
    namesTracker.close();
  });

  it("reports a consistently renamed copy, with full name consistency", () => {
    const renamed = replaceNames(original, (name) => `${name}X`);
    const [reference] = namesTracker.match(renamed, { language: "javascript" }).references;
    expect(reference?.path).toBe("report.js");
    expect(reference!.explanation.nameConsistency).toBe(1);
    expect(reference!.explanation.sameNameShare).toBeLessThan(0.2); // only the numbers kept their text
    const verbatim = namesTracker.match(original, { language: "javascript" }).references[0]!;
    expect(verbatim.explanation).toMatchObject({ nameConsistency: 1, sameNameShare: 1 });
  });

  it("does not report the same shape with names that do not correspond one to one", () => {
    let next = 0;
    const scrambled = replaceNames(original, () => `v${next++ % 5}`);
    expect(namesTracker.match(scrambled, { language: "javascript" }).references).toEqual([]);
    const [shapeOnly] = namesTracker.match(scrambled, { language: "javascript", minNameConsistency: 0 }).references;
    expect(shapeOnly?.path).toBe("report.js");
    expect(shapeOnly!.explanation.nameConsistency).toBeLessThan(0.5);
  });
});

describe("a copy renamed to shorter names", () => {
  let onceTracker: ReferenceTracker;
  let sharedTracker: ReferenceTracker;
  // Indexed with long names; the query renames each to a short one.
  const indexed = replaceNames(SUMMARIZE, (name) => `${name}OfCustomers`);
  const short = new Map<string, string>();
  const renamed = replaceNames(indexed, (name) => short.get(name) ?? short.set(name, `v${short.size}`).get(name)!);

  beforeAll(async () => {
    onceTracker = await memoryTrackerForFiles({ "report.js": indexed });
    // Five files with this code (each a little different, so five indexed contents).
    const shared: Record<string, string> = {};
    for (let i = 0; i < 5; i++) shared[`copy${i}/report.js`] = `${indexed}export const variant = ${i};\n`;
    sharedTracker = await memoryTrackerForFiles(shared);
  });
  afterAll(() => {
    onceTracker.close();
    sharedTracker.close();
  });

  const explained = (tracker: ReferenceTracker) => tracker.match(renamed, { language: "javascript", minMatchedChars: 0 }).references[0]!.explanation;

  it("is credited with its indexed length when the query holds two-thirds of the threshold", () => {
    const verbatim = onceTracker.match(indexed, { language: "javascript" }).references[0]!.explanation;
    expect(verbatim.sourceMatchedChars).toBe(verbatim.matchedChars);
    const { matchedChars, sourceMatchedChars } = explained(onceTracker);
    expect(sourceMatchedChars).toBeGreaterThan(1.5 * matchedChars + 1);
    const highest = Math.floor(1.5 * matchedChars);
    expect(onceTracker.match(renamed, { language: "javascript", minMatchedChars: highest }).references.map((r) => r.path)).toEqual(["report.js"]);
    // Under two-thirds of the threshold in the query: the indexed side's long names do not make it a copy.
    expect(onceTracker.match(renamed, { language: "javascript", minMatchedChars: highest + 1 }).references).toEqual([]);
  });

  it("is not credited with it when its fingerprints are in several files on average", () => {
    const { matchedChars, sourceMatchedChars, meanSeedFileFrequency } = explained(sharedTracker);
    expect(meanSeedFileFrequency).toBe(5);
    expect(sourceMatchedChars).toBeGreaterThan(matchedChars + 1);
    expect(sharedTracker.match(renamed, { language: "javascript", minMatchedChars: matchedChars }).references.length).toBeGreaterThan(0);
    expect(sharedTracker.match(renamed, { language: "javascript", minMatchedChars: matchedChars + 1 }).references).toEqual([]);
  });
});

describe("a copy across token chunks", () => {
  const dir = temporaryDirectory();
  let chunkTracker: ReferenceTracker;
  // Distinct functions of some 70 tokens each: the first chunk (TOKENS_PER_CHUNK, 1,024 tokens)
  // ends inside the 15th, so copies of the functions around it span two chunks.
  const fn = (i: number): string =>
    [
      `export function step${i}(state, input) {`,
      `  const next = state.values.map((value) => value * ${i} + input.offset${i});`,
      `  if (next.length > ${i + 3}) return { ...state, values: next.slice(${i}), label: "step ${i}" };`,
      `  return { ...state, values: next, count${i}: state.count${i} + 1 };`,
      "}",
    ].join("\n");
  const file = Array.from({ length: 40 }, (_, i) => fn(i)).join("\n");

  beforeAll(async () => {
    chunkTracker = await trackerForFiles(dir.path, { "steps.js": `${file}\n` });
  });
  afterAll(() => {
    chunkTracker.close();
    dir.cleanup();
  });

  it("extends through the chunk boundary, with the exact lines on both sides", () => {
    const reader = IndexReader.open(join(dir.path, "source.db"));
    let boundary: number;
    try {
      // The function in which the first chunk ends (each function is 5 lines).
      boundary = Math.floor((reader.tokenChunk(1, 0)!.startLine(1023) - 1) / 5);
      expect(reader.tokenChunk(1, 1)).toBeDefined();
    } finally {
      reader.close();
    }
    expect(boundary).toBeGreaterThan(6);
    // The last: the copy ends a few tokens past the chunk's end, too few for a seed of their own.
    for (const [from, to] of [[boundary - 1, boundary + 2], [boundary - 6, boundary + 8], [boundary - 3, boundary]] as const) {
      const query = Array.from({ length: to - from + 1 }, (_, k) => fn(from + k)).join("\n");
      const [reference] = chunkTracker.match(query, { language: "javascript" }).references;
      expect(reference?.sourceLines).toEqual([from * 5 + 1, to * 5 + 5]);
      expect(reference?.queryLines).toEqual([1, (to - from + 1) * 5]);
      expect(reference?.similarity).toBe(1);
    }
  });
});

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
});

describe("tables renamed around their numbers", () => {
  let statusTracker: ReferenceTracker;
  // Written for this test: a made-up protocol's status table, each row a code, a title and a description.
  const rows: ReadonlyArray<readonly [string, number, string, string]> = [
    ["ACCEPTED_PARTIAL", 210, "Accepted partially", "Some of the batch was stored"],
    ["RETRY_LATER", 230, "Retry later", "The shard is rebalancing"],
    ["QUOTA_WARNING", 245, "Quota warning", "Less than a tenth of the quota is left"],
    ["MOVED_SHARD", 312, "Moved shard", "Ask the coordinator for the new owner"],
    ["STALE_VECTOR", 318, "Stale vector", "Refresh the version vector and resend"],
    ["BAD_FRAME", 421, "Bad frame", "The frame header does not parse"],
    ["FRAME_TOO_LONG", 433, "Frame too long", "The frame exceeds the negotiated size"],
    ["UNKNOWN_TOPIC", 447, "Unknown topic", "No such topic on this cluster"],
    ["FENCED", 459, "Fenced", "A newer epoch owns this partition"],
    ["SHARD_OFFLINE", 503, "Shard offline", "No replica of the shard is reachable"],
    ["JOURNAL_FULL", 507, "Journal full", "The write-ahead journal has no room"],
    ["CLOCK_SKEW", 529, "Clock skew", "The request's timestamp is too far off"],
  ];
  const table = (name: (row: number) => string, code: (row: number) => number, text: (s: string) => string) =>
    `class Status:\n` + rows.map(([n, c, title, description], i) => `    ${name(i) || n} = (${code(i) || c}, "${text(title)}", "${text(description)}")`).join("\n") + "\n";
  const original = table(() => "", () => 0, (s) => s);

  beforeAll(async () => {
    statusTracker = await memoryTrackerForFiles({ "status.py": original });
  });
  afterAll(() => {
    statusTracker.close();
  });

  it("finds it when every name and string is renamed and the numbers are kept", () => {
    const renamed = table((i) => `value_${i}`, () => 0, (s) => `text ${s.length}`);
    const [reference] = statusTracker.match(renamed, { language: "python" }).references;
    expect(reference?.path).toBe("status.py");
    expect(reference!.explanation.distinctKgramShare).toBeLessThan(0.5);
    // Its strings all differ: the numbers are what agrees.
    expect(reference!.explanation.sameLiteralShare).toBeLessThan(0.5);
  });

  it("does not take one number repeated for the same data", async () => {
    // Rows whose only number is 0 on both sides: any table of this shape has it.
    const zeros = (name: (row: number) => string, text: (s: string) => string) =>
      `class Status:\n` + rows.map(([n, , title, description], i) => `    ${name(i) || n} = (0, "${text(title)}", "${text(description)}")`).join("\n") + "\n";
    const zerosTracker = await memoryTrackerForFiles({ "zeros.py": zeros(() => "", (s) => s) });
    try {
      const renamed = zeros((i) => `value_${i}`, (s) => `text ${s.length}`);
      expect(zerosTracker.match(renamed, { language: "python" }).references).toEqual([]);
    } finally {
      zerosTracker.close();
    }
  });

  it("does not report the same shape with other numbers", () => {
    const other = table((i) => `value_${i}`, (i) => 600 + 7 * i, (s) => `text ${s.length}`);
    expect(statusTracker.match(other, { language: "python" }).references).toEqual([]);
  });
});
