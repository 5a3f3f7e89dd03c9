import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IndexReader } from "../../src/store/reader.js";
import { DEFAULT_MATCH_OPTIONS } from "../../src/options.js";
import { ReferenceTracker } from "../../src/tracker.js";
import { FIXTURES, buildFixtureIndex, temporaryDirectory, trackerForFiles } from "../helpers.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

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
    // Lines ended by CRLF, or by CR alone (classic Mac text), are the same lines.
    for (const ending of ["\r\n", "\r"]) {
      const other = tracker.match(query.replace(/\n/g, ending), { language: "python" }).references;
      expect(other.map((r) => [r.queryLines, r.sourceLines])).toEqual([[[5, 20], [13, 28]]]);
    }
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
    // A path without an extension: the code's #! line names its interpreter, or nothing tells.
    const script = `#!/usr/bin/env node\n${DEBOUNCE_RENAMED_AND_REFORMATTED}`;
    expect(tracker.match(script, { path: "bin/debounce" })).toMatchObject({ language: "javascript", references: [expect.anything()] });
    expect(tracker.check(script, { path: "bin/debounce" }).language).toBe("javascript");
    expect(() => tracker.match(DEBOUNCE_RENAMED_AND_REFORMATTED, { path: "bin/debounce" })).toThrow("cannot tell the language of bin/debounce from its extension or a #! line");
    expect(() => tracker.stream({ path: "bin/debounce" })).toThrow("cannot tell the language of bin/debounce from its extension");
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
    // Copied as written: its whole matched code is one run of identical code.
    expect(references[0]!.explanation.identicalChars).toBe(references[0]!.explanation.matchedChars);
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
    expect(reference!.explanation.identicalChars).toBeLessThan(DEFAULT_MATCH_OPTIONS.minMatchedChars);
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

  it("refuses a key no target has, so a misspelt option is not an option silently left at its default", () => {
    expect(() => tracker.match("x = 1\n", { language: "python", minChars: 100 } as never)).toThrow(/^match\(\): unknown option "minChars" \(known: language, path, whole, policy, minMatchedChars, /);
    expect(() => tracker.check("x = 1\n", { language: "python", wholeFile: true } as never)).toThrow(/unknown option "wholeFile"/);
    expect(() => tracker.stream({ language: "python", minchars: 1 } as never)).toThrow(/unknown option "minchars"/);
    expect(tracker.check("x = 1\n", { language: "python", whole: true, policy: {}, minMatchedChars: 100 }).references).toEqual([]);
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
