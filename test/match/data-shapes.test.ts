import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Code whose shape repeats (tables, maps, rows of one statement, look-alike files): matched on its
// data and names, not on its shape alone.

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

  it("reports the file whose strings the query holds, though it was indexed last, and not its siblings", () => {
    const { references } = lookAlikeTracker.match(report(5), { language: "python" });
    expect(references.map((r) => r.path)).toEqual(["status/s5.py"]);
    expect(references[0]!.explanation.sameLiteralShare).toBe(1);
    // The others have the same names and fingerprints in six files, every message other text: the
    // function's shape on other data (API_SHAPE_MAX_SEEDS), not a copy of any of them.
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

describe("tables whose name is renamed around their data", () => {
  let kindsTracker: ReferenceTracker;
  // Written for this test: a made-up query language's node kinds, the table's name on every row.
  const words = ["SELECTION", "WINDOW", "LATERAL", "SAMPLE", "PIVOT", "UNNEST"];
  const kinds = words.flatMap((first) => ["CLAUSE", "FRAME", "HINT", "ALIAS", "TARGET", "LIST"].map((second) => `${first}_${second}`));
  const pascal = (kind: string): string => kind.toLowerCase().replace(/(^|_)(\w)/g, (_, __, c: string) => c.toUpperCase());
  const rows = (name: string, value: (kind: string) => string, key = (kind: string) => kind): string[] =>
    kinds.map((kind) => `${name}['${key(kind)}'] = '${value(kind)}';`);

  beforeAll(async () => {
    const file = ["const NodeKind = {};", ...rows("NodeKind", pascal), "module.exports = NodeKind;", ""].join("\n");
    kindsTracker = await memoryTrackerForFiles({ "kinds.js": file });
  });
  afterAll(() => {
    kindsTracker.close();
  });

  // Rows from inside the table: every k-gram of their shape is the same one, so only the data tells.
  const inside = (lines: string[]): string => lines.slice(4, 30).join("\n");

  it("finds the table by its strings when its name is another", () => {
    const [reference] = kindsTracker.match(inside(rows("kindTable", pascal)), { language: "javascript" }).references;
    expect(reference?.path).toBe("kinds.js");
    expect(reference!.sourceLines).toEqual([6, 31]);
    expect(reference!.explanation.sameLiteralShare).toBe(1);
  });

  it("does not report the same rows with other strings", () => {
    const other = rows("kindTable", (kind) => kind.toLowerCase().split("_").reverse().join("-"), (kind) => `K_${kind.length}_${kind.slice(0, 3)}`);
    expect(kindsTracker.match(inside(other), { language: "javascript" }).references).toEqual([]);
  });
});
