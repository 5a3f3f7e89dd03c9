/**
 * Property-based tests (fast-check), seeded so a failure reproduces: `REFTRACK_FUZZ_SEED` and
 * `REFTRACK_FUZZ_RUNS` change the seed and the number of runs (npm test runs a short pass;
 * `npm run fuzz` a long one). What must hold for any input: no crash, no stack trace, bounded time,
 * and for the matcher, that reformatting never changes what is found.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import type { Output } from "../../src/cli/output.js";
import { ReftrackError } from "../../src/errors.js";
import { loadTokenHasher } from "../../src/hashing.js";
import { languageByName } from "../../src/languages/registry.js";
import { Normalizer } from "../../src/normalize/normalizer.js";
import type { ReferenceTracker } from "../../src/tracker.js";
import { FIXTURES, FIXTURE_MANIFEST, temporaryDirectory } from "../helpers.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

const SEED = Number(process.env.REFTRACK_FUZZ_SEED ?? 20261202);
const RUNS = Number(process.env.REFTRACK_FUZZ_RUNS ?? 60);
const settings = { seed: SEED, numRuns: RUNS };
/** Per input: far above any real query's cost, far below a hang. */
const BOUND_MS = 2000;
// A long pass (`npm run fuzz`, 3,000 runs) takes minutes on a slow machine: each property's time
// grows with its runs, and only BOUND_MS per input says whether anything hung.
vi.setConfig({ testTimeout: Math.max(60_000, RUNS * 100) });

const LANGUAGES = ["python", "javascript", "typescript", "tsx"] as const;
const TERMINATORS = ["\n", "\r\n", "\r", "\u2028", "\u2029"];

/** Deep nesting of every bracket and template kind, with line terminators and long tokens between. */
const nested: fc.Arbitrary<string> = fc
  .array(fc.constantFrom("(", "[", "{", "`${", "'", '"', '"""', "/*", "#", "//", "x", "1e9", "\\", ...TERMINATORS), { maxLength: 400 })
  .chain((opens) =>
    fc.tuple(fc.constant(opens), fc.integer({ min: 1, max: 60 }), fc.string({ maxLength: 50 })).map(([o, repeat, middle]) => {
      const body = o.join("").repeat(repeat);
      return `${body}${middle}${body.split("").reverse().join("")}`;
    }),
  );
const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 3000 }),
  fc.string({ unit: "grapheme", maxLength: 2000 }),
  nested,
  fc.tuple(fc.constantFrom("a", "9", "_", "é", "'"), fc.integer({ min: 1000, max: 200_000 })).map(([c, n]) => c.repeat(n)),
);

let normalizer: Normalizer;
let tracker: ReferenceTracker;
const dir = temporaryDirectory();
const REPORT = readFileSync(join(FIXTURES, "corpus", "alpha", "tools", "report.py"), "utf8");
const LRU = readFileSync(join(FIXTURES, "corpus", "alpha", "src", "lru.js"), "utf8");

beforeAll(async () => {
  normalizer = new Normalizer(await loadTokenHasher());
  tracker = await memoryTrackerForFiles({ "tools/report.py": REPORT, "src/lru.js": LRU });
});
afterAll(() => {
  tracker.close();
  dir.cleanup();
});

function timed<T>(run: () => T): T {
  const started = performance.now();
  const result = run();
  expect(performance.now() - started).toBeLessThan(BOUND_MS);
  return result;
}

describe("fuzz: reading code", () => {
  it("the lexer reads any text in bounded time, its lines within the text's", () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...LANGUAGES), (text, language) => {
        const tokens = timed(() => normalizer.lex(text, languageByName(language)));
        const lines = text.split("\n").length;
        for (let i = 0; i < tokens.count; i++) expect(tokens.endLines[i]).toBeLessThanOrEqual(lines);
      }),
      settings,
    );
  });

  it("the parser normalizes any text without crashing", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme", maxLength: 1500 }), nested.map((s) => s.slice(0, 20_000))), fc.constantFrom(...LANGUAGES), (text, language) => {
        timed(() => normalizer.normalize(text, languageByName(language)));
      }),
      { ...settings, numRuns: Math.max(10, Math.floor(RUNS / 3)) },
    );
  });
});

describe("fuzz: matching", () => {
  it("match() answers any text, or refuses it with a ReftrackError", () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...LANGUAGES), (text, language) => {
        try {
          timed(() => tracker.match(text, { language }));
        } catch (error) {
          expect(error).toBeInstanceOf(ReftrackError);
        }
      }),
      settings,
    );
  });

  /** A reformatting that changes no token: blank lines, trailing spaces, the line ending, indentation where the language allows. */
  const reformat = (code: string, python: boolean) =>
    fc.record({ blank: fc.array(fc.nat(40), { maxLength: 6 }), trailing: fc.boolean(), crlf: fc.boolean(), indent: fc.constantFrom(0, 1, 2) }).map(({ blank, trailing, crlf, indent }) => {
      let lines = code.split("\n");
      if (!python && indent > 0) lines = lines.map((line) => (indent === 1 ? line.trimStart() : `  ${line}`));
      if (trailing) lines = lines.map((line) => (line.trim() === "" ? line : `${line}   `));
      for (const at of blank) lines.splice(Math.min(at, lines.length), 0, "");
      return lines.join(crlf ? "\r\n" : "\n");
    });

  it("reformatting never changes which files and lines a copy is found in", () => {
    const found = (code: string, language: "python" | "javascript") =>
      tracker
        .match(code, { language })
        .references.map((r) => `${r.path}:${r.sourceLines[0]}-${r.sourceLines[1]}`)
        .sort();
    const original = { python: found(REPORT, "python"), javascript: found(LRU, "javascript") };
    expect(original.python.length).toBeGreaterThan(0);
    expect(original.javascript.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.oneof(reformat(REPORT, true).map((c) => ["python", c] as const), reformat(LRU, false).map((c) => ["javascript", c] as const)), ([language, code]) => {
        expect(found(code, language)).toEqual(original[language]);
      }),
      settings,
    );
  });
});

describe("fuzz: the CLI", () => {
  const capture = (): Output & { text: () => string } => {
    let text = "";
    return { stdout: (t) => void (text += t), stderr: (t) => void (text += t), stdoutIsTTY: false, stderrIsTTY: false, text: () => text };
  };

  it("answers any arguments and files with an exit status and no stack trace", async () => {
    const files = join(dir.path, "files");
    mkdirSync(files, { recursive: true });
    writeFileSync(join(files, "nul.js"), Buffer.from([0x61, 0, 0x62]));
    writeFileSync(join(files, "latin1.py"), Buffer.from([0x78, 0x3d, 0xe9, 0x0a]));
    writeFileSync(join(files, "long.ts"), "a".repeat(300_000));
    writeFileSync(join(files, "ok.py"), REPORT);
    const db = join(dir.path, "fuzz.db");
    expect(await main(["index", "--quiet", "--db", db, FIXTURE_MANIFEST], capture())).toBe(0);
    const words = fc.constantFrom(
      "scan", "log", "verify", "help", "notice", "--db", db, join(dir.path, "absent.db"), "--format", "json", "sarif", "spdx", "html", "xml", "--language", "py", "cobol",
      "--min-chars", "0", "-5", "abc", "--max-file-size", "1K", "lots", "--policy", FIXTURE_MANIFEST, "--fail-on", "policy", "never", "--quiet", "--", "-", files,
      join(files, "ok.py"), join(files, "nul.js"), join(dir.path, "nope"), "--license", "copyleft", "--since", "yesterday", "--bogus", "=", "",
    );
    await fc.assert(
      fc.asyncProperty(fc.array(words, { maxLength: 8 }), async (argv) => {
        const out = capture();
        const status = await main(argv.filter((a) => a !== "-"), out);
        expect([0, 1, 2]).toContain(status);
        expect(out.text()).not.toMatch(/internal error|\n\s+at \S+ \(/);
      }),
      { ...settings, numRuns: Math.max(20, Math.floor(RUNS / 2)) },
    );
  });
});
