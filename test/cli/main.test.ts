import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MATCH_WINDOW_CHARS } from "../../src/options.js";
import { FIXTURES, FIXTURE_MANIFEST, temporaryDirectory } from "../helpers.js";

const BIN = fileURLToPath(new URL("../../dist/src/cli/bin.js", import.meta.url));

function reftrack(args: string[], input?: string | Buffer): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { input: input ?? "", encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A user error is one line on stderr, never a stack trace. */
function expectOneLineError(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^reftrack: /);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

const dir = temporaryDirectory();
const db = join(dir.path, "cli.db");
const queries = join(dir.path, "queries");

beforeAll(() => {
  const built = reftrack(["index", "--db", db, FIXTURE_MANIFEST]);
  expect(built.status).toBe(0);
  mkdirSync(queries);
  copyFileSync(join(FIXTURES, "corpus", "alpha", "tools", "report.py"), join(queries, "copied.py"));
  copyFileSync(join(FIXTURES, "..", "..", "examples", "rate-limiter.ts"), join(queries, "original.ts"));
});
afterAll(() => dir.cleanup());

describe("reftrack index", () => {
  it("prints progress and a summary, and is incremental", () => {
    const again = reftrack(["index", "--db", db, FIXTURE_MANIFEST]);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/unchanged\s+alpha: 3 files/);
    expect(again.stderr).toMatch(/index: 2 sources, 6 files \(1 identical copy stored once\), \d+ fingerprints/);
    expect(reftrack(["index", "--quiet", "--db", db, FIXTURE_MANIFEST]).stderr).toBe("");
  });

  it("builds on the threads --threads gives, the same index, and refuses a bad count in one line", () => {
    const one = reftrack(["index", "--threads", "1", "--db", join(dir.path, "one-thread.db"), FIXTURE_MANIFEST]);
    expect(one.status).toBe(0);
    expect(one.stderr).toMatch(/MB of source in [\d.]+ s on 1 thread\n/);
    const fingerprints = (stderr: string): string => /(\d+) fingerprints/.exec(stderr)![1]!;
    const first = reftrack(["index", "--db", join(dir.path, "default-threads.db"), FIXTURE_MANIFEST]);
    expect(fingerprints(one.stderr)).toBe(fingerprints(first.stderr));
    const bad = reftrack(["index", "--threads", "0", "--db", join(dir.path, "none.db"), FIXTURE_MANIFEST]);
    expect(bad.status).toBe(2);
    expectOneLineError(bad.stderr, /--threads/);
  });

  it("fails cleanly on a corrupt or missing manifest and on bad usage", () => {
    const corrupt = join(dir.path, "corrupt.json");
    writeFileSync(corrupt, '{"sources": [ {"kind": "dir", ');
    let run = reftrack(["index", "--db", join(dir.path, "x.db"), corrupt]);
    expect(run.status).toBe(2);
    expectOneLineError(run.stderr, /manifest .* is not valid JSON/);
    run = reftrack(["index", "--db", join(dir.path, "x.db"), join(dir.path, "absent.json")]);
    expect(run.status).toBe(2);
    expectOneLineError(run.stderr, /cannot read manifest/);
    run = reftrack(["index", FIXTURE_MANIFEST]);
    expectOneLineError(run.stderr, /--db <file> is required/);
    run = reftrack(["index", "--bogus", "--db", db, FIXTURE_MANIFEST]);
    expect(run.status).toBe(2);
    expectOneLineError(run.stderr, /index: Unknown option '--bogus'/);
  });
});

describe("reftrack scan", () => {
  it("exits 1 and prints references when code matches, 0 when nothing does", () => {
    const hit = reftrack(["scan", "--db", db, join(queries, "copied.py")]);
    expect(hit.status).toBe(1);
    expect(hit.stdout).toMatch(/copied\.py \(python\)/);
    expect(hit.stdout).toMatch(/MIT \(manifest\)\s+alpha v1\.0\.0\s+tools\/report\.py:\d+-\d+/);
    expect(hit.stdout).toMatch(/https:\/\/github\.com\/example\/alpha\/blob\/v1\.0\.0\/tools\/report\.py#L\d+-L\d+/);
    const miss = reftrack(["scan", "--db", db, join(queries, "original.ts")]);
    expect(miss.status).toBe(0);
    expect(miss.stdout).toBe("");
    expect(miss.stderr).toMatch(/scanned 1 file: 0 with references/);
  });

  it("prints one JSON document with the documented fields", () => {
    const run = reftrack(["scan", "--db", db, "--format", "json", queries]);
    expect(run.status).toBe(1);
    const doc = JSON.parse(run.stdout) as { version: number; results: { path: string; language: string; references: Record<string, unknown>[] }[] };
    expect(doc.version).toBe(1);
    expect(doc.results.map((r) => r.path).sort()).toEqual([join(queries, "copied.py"), join(queries, "original.ts")]);
    const copied = doc.results.find((r) => r.path.endsWith("copied.py"))!;
    expect(copied.language).toBe("python");
    const reference = copied.references[0]!;
    for (const field of [
      "repository",
      "revision",
      "path",
      "license",
      "licenseProvenance",
      "url",
      "origins",
      "licenseConflict",
      "sourceLines",
      "queryLines",
      "matchedTokens",
      "similarity",
      "group",
      "explanation",
    ]) {
      expect(reference).toHaveProperty(field);
    }
    expect(reference.licenseProvenance).toBe("manifest");
    expect(reference.origins).toEqual([
      expect.objectContaining({ source: "alpha", path: reference.path, license: "MIT", licenseProvenance: "manifest" }),
    ]);
    expect(Object.keys(reference.explanation as object).sort()).toEqual(
      ["basis", "distinctKgramShare", "identicalChars", "matchedChars", "meanSeedFileFrequency", "nameConsistency", "nameRepeats", "queryCoverage", "sameLiteralShare", "sameNameShare", "seedFingerprints", "sourceCoverage", "sourceMatchedChars", "textChars"],
    );
    expect(reference.sourceLines).toEqual(reference.queryLines);
    expect(reference.similarity).toBe(1);
  });

  it("reads standard input with --language", () => {
    const code = readFileSync(join(FIXTURES, "corpus", "beta", "lib", "queue.ts"), "utf8");
    const run = reftrack(["scan", "--db", db, "--language", "typescript", "--format", "json", "-"], code);
    expect(run.status).toBe(1);
    const doc = JSON.parse(run.stdout) as { results: { path: string; references: { path: string }[] }[] };
    expect(doc.results[0]!.path).toBe("-");
    expect(doc.results[0]!.references[0]!.path).toBe("lib/queue.ts");
    // Without a language standard input is a usage mistake, which CI must not read as clean.
    const noLanguage = reftrack(["scan", "--db", db, "-"], code);
    expect(noLanguage.status).toBe(2);
    expectOneLineError(noLanguage.stderr, /standard input needs --language/);
  });

  it("skips binary, empty, invalid UTF-8 and unknown files with a notice, never a crash", () => {
    const odd = join(dir.path, "odd");
    mkdirSync(odd);
    writeFileSync(join(odd, "binary.js"), Buffer.from([1, 0, 2, 0, 3]));
    writeFileSync(join(odd, "empty.py"), "");
    writeFileSync(join(odd, "latin1.ts"), Buffer.from([0x6c, 0x65, 0x74, 0x20, 0xe9, 0x3b]));
    writeFileSync(join(odd, "notes.md"), "# notes");
    const run = reftrack(["scan", "--db", db, join(odd, "binary.js"), join(odd, "empty.py"), join(odd, "latin1.ts"), join(odd, "notes.md")]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/skipped .*binary\.js: contains NUL bytes/);
    expect(run.stderr).toMatch(/skipped .*empty\.py: empty file/);
    expect(run.stderr).toMatch(/skipped .*latin1\.ts: not valid UTF-8/);
    expect(run.stderr).toMatch(/skipped .*notes\.md: no known language/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr).toMatch(/scanned 0 files: 0 with references, 4 skipped \(1 binary, 1 empty, 1 invalid-utf8, 1 unknown-extension\), 0 errors\n$/);
  });

  it("scans a file reached twice once: named twice, or in a folder named too", () => {
    const copied = join(queries, "copied.py");
    const run = reftrack(["scan", "--db", db, "--format", "json", copied, queries, copied]);
    const doc = JSON.parse(run.stdout) as { results: { path: string }[] };
    expect(doc.results.map((r) => r.path)).toEqual([copied, join(queries, "original.ts")]);
  });

  it("reads a Python file in the encoding its coding declaration names, and reports its own bytes", () => {
    // Python 2 wrote much of its code in Latin-1, declared on the first line (PEP 263).
    const original = readFileSync(join(FIXTURES, "corpus", "alpha", "tools", "report.py"), "utf8");
    const text = `# -*- coding: latin-1 -*-\n# Copi\u00e9 de l'outil d'\u00e9quipe.\n${original}`;
    const bytes = Buffer.from(text, "latin1");
    const legacy = join(dir.path, "legacy");
    mkdirSync(legacy);
    writeFileSync(join(legacy, "report_latin1.py"), bytes);
    const run = reftrack(["scan", "--db", db, "--format", "spdx", join(legacy, "report_latin1.py")]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("");
    const spdx = JSON.parse(run.stdout) as { files: { checksums: { checksumValue: string }[] }[]; snippets: { ranges: { startPointer: { offset?: number; lineNumber?: number } }[] }[] };
    expect(spdx.files[0]!.checksums[0]!.checksumValue).toBe(createHash("sha1").update(bytes).digest("hex"));
    // The snippet's first byte is its first line's first byte in the Latin-1 file.
    const [byteRange, lineRange] = spdx.snippets[0]!.ranges;
    const lineStart = text.split("\n").slice(0, lineRange!.startPointer.lineNumber! - 1).join("\n").length + 1;
    expect(byteRange!.startPointer.offset).toBe(lineStart + 1);
    expect(lineRange!.startPointer.lineNumber).toBeGreaterThan(2);
  });

  it("scans a script without an extension by its #! line, in a folder and named", () => {
    const scripts = join(dir.path, "scripts");
    mkdirSync(scripts);
    const original = readFileSync(join(FIXTURES, "corpus", "alpha", "tools", "report.py"), "utf8");
    writeFileSync(join(scripts, "report"), `#!/usr/bin/env python3\n${original}`);
    writeFileSync(join(scripts, "NOTES"), "Not a script: no #! line.\n");
    writeFileSync(join(scripts, "deploy.sh"), `#!/usr/bin/env python3\n${original}`);
    const run = reftrack(["scan", "--db", db, "--format", "json", scripts]);
    expect(run.status).toBe(1);
    const doc = JSON.parse(run.stdout) as { results: { path: string; language: string; references: { path: string; queryLines: number[] }[] }[]; skipped: unknown[] };
    // Only the script: a file with no #! line, or with an extension reftrack does not know, is not source it reads.
    expect(doc.results.map((r) => [r.path, r.language])).toEqual([[join(scripts, "report"), "python"]]);
    expect(doc.results[0]!.references[0]).toMatchObject({ path: "tools/report.py" });
    expect(doc.results[0]!.references[0]!.queryLines[0]).toBeGreaterThan(1);
    expect(doc.skipped).toEqual([]);
    const named = reftrack(["scan", "--db", db, join(scripts, "report"), join(scripts, "NOTES")]);
    expect(named.status).toBe(1);
    expect(named.stdout).toMatch(/report \(python\)/);
    expect(named.stderr).toMatch(/skipped .*NOTES: no known language for this extension or #! line \(give --language\)/);
  });

  it("scans a Jupyter notebook's code cells, its references on the notebook's lines, and says why another is skipped", () => {
    const notebooks = join(dir.path, "notebooks");
    mkdirSync(notebooks);
    const original = readFileSync(join(FIXTURES, "corpus", "alpha", "tools", "report.py"), "utf8");
    const sourceLines = original.split(/(?<=\n)/);
    const cells = [
      { cell_type: "markdown", metadata: {}, source: ["# Report\n"] },
      { cell_type: "code", execution_count: 1, metadata: {}, outputs: [], source: ["%load_ext autoreload\n", "!pip install tabulate\n"] },
      { cell_type: "code", execution_count: 2, metadata: {}, outputs: [], source: sourceLines },
    ];
    const text = JSON.stringify({ cells, metadata: { kernelspec: { language: "python", name: "python3" } }, nbformat: 4, nbformat_minor: 5 }, null, 1);
    writeFileSync(join(notebooks, "explore.ipynb"), text);
    writeFileSync(join(notebooks, "stats.ipynb"), JSON.stringify({ cells, metadata: { kernelspec: { language: "R", name: "ir" } }, nbformat: 4 }));
    // Jupyter's saved copy beside it is not scanned again.
    mkdirSync(join(notebooks, ".ipynb_checkpoints"));
    writeFileSync(join(notebooks, ".ipynb_checkpoints", "explore-checkpoint.ipynb"), text);
    const run = reftrack(["scan", "--db", db, "--format", "json", notebooks]);
    expect(run.status).toBe(1);
    const doc = JSON.parse(run.stdout) as { results: { path: string; language: string; references: { path: string; queryLines: number[]; queryColumns?: number[] }[] }[]; skipped: { path: string; reason: string }[] };
    expect(doc.results.map((r) => [r.path, r.language])).toEqual([[join(notebooks, "explore.ipynb"), "python"]]);
    const reference = doc.results[0]!.references[0]!;
    expect(reference.path).toBe("tools/report.py");
    // The notebook's own lines: those of the JSON strings holding the copied code.
    const firstCopied = text.split("\n").findIndex((line) => line.includes(JSON.stringify(sourceLines[0]!))) + 1;
    expect(firstCopied).toBeGreaterThan(10);
    expect(reference.queryLines[0]).toBeGreaterThanOrEqual(firstCopied);
    expect(reference.queryLines[1]).toBeLessThanOrEqual(firstCopied + sourceLines.length - 1);
    expect(text.split("\n")[reference.queryLines[0]! - 1]).toMatch(/^\s*"/);
    expect(reference.queryColumns).toBeUndefined();
    expect(doc.skipped).toEqual([{ path: join(notebooks, "stats.ipynb"), reason: "other-language", detail: "a notebook in R, not Python" }]);
    // SARIF points at the same lines, and a notebook named alone is read as one.
    const sarif = JSON.parse(reftrack(["scan", "--db", db, "--format", "sarif", join(notebooks, "explore.ipynb")]).stdout) as {
      runs: { results: { locations: { physicalLocation: { region: { startLine: number; endLine: number } } }[] }[] }[];
    };
    expect(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.region).toMatchObject({ startLine: reference.queryLines[0], endLine: reference.queryLines[1] });
  });

  it("counts the empty files a folder holds in the summary, without a line for each", () => {
    const tree = join(dir.path, "package-tree");
    mkdirSync(join(tree, "pkg", "sub"), { recursive: true });
    writeFileSync(join(tree, "pkg", "__init__.py"), "");
    writeFileSync(join(tree, "pkg", "sub", "__init__.py"), "\n  \n");
    writeFileSync(join(tree, "pkg", "blob.js"), Buffer.from([1, 0, 2]));
    copyFileSync(join(queries, "original.ts"), join(tree, "pkg", "original.ts"));
    const run = reftrack(["scan", "--db", db, tree]);
    expect(run.status).toBe(0);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toEqual([
      expect.stringMatching(/^reftrack: skipped .*blob\.js: contains NUL bytes$/),
      "scanned 1 file: 0 with references, 3 skipped (2 empty, 1 binary), 0 errors",
    ]);
    // The report still lists every skipped file.
    const json = reftrack(["scan", "--db", db, "--format", "json", tree]);
    const report = JSON.parse(json.stdout) as { skipped: { reason: string }[] };
    expect(report.skipped.map((s) => s.reason).sort()).toEqual(["binary", "empty", "empty"]);
    // Named on the command line, an empty file is told: it was asked for.
    const named = reftrack(["scan", "--db", db, join(tree, "pkg", "__init__.py")]);
    expect(named.stderr).toMatch(/^reftrack: skipped .*__init__\.py: empty file$/m);
  });

  it("exits 2 with one line for a missing index, a non-index file and bad options", () => {
    let run = reftrack(["scan", "--db", join(dir.path, "missing.db"), queries]);
    expect(run.status).toBe(2);
    expectOneLineError(run.stderr, /index not found/);
    const notDb = join(dir.path, "not-a-db.db");
    writeFileSync(notDb, "hello ".repeat(1000));
    run = reftrack(["scan", "--db", notDb, queries]);
    expect(run.status).toBe(2);
    expectOneLineError(run.stderr, /not a database/);
    run = reftrack(["scan", "--db", db, "--format", "xml", queries]);
    expectOneLineError(run.stderr, /--format must be one of text, json, sarif, spdx, html/);
    run = reftrack(["scan", "--db", db, "--language", "cobol", "-"]);
    expectOneLineError(run.stderr, /unknown language "cobol"/);
    run = reftrack(["scan", "--db", db, "--min-chars", "lots", queries]);
    expectOneLineError(run.stderr, /--min-chars expects a positive whole number/);
    run = reftrack(["frobnicate"]);
    expectOneLineError(run.stderr, /unknown command "frobnicate"/);
  });

  it("reports a missing path as an error but still scans the rest (exit 2)", () => {
    const run = reftrack(["scan", "--db", db, join(dir.path, "nope.py"), join(queries, "copied.py")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/nope\.py: no such file or directory/);
    expect(run.stdout).toMatch(/copied\.py/);
  });

  it("is silent with --quiet and still sets the exit status", () => {
    const run = reftrack(["scan", "--quiet", "--db", db, join(queries, "copied.py")]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("");
  });
});

describe("reftrack scan with a policy", () => {
  it("shows each file's decision and fails on the policy, not on references, with --fail-on policy", () => {
    const allowMit = join(dir.path, "allow-mit.json");
    writeFileSync(allowMit, JSON.stringify({ references: "annotate", licenses: { deny: ["copyleft"] } }));
    let run = reftrack(["scan", "--db", db, "--policy", allowMit, "--fail-on", "policy", join(queries, "copied.py")]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/decision: annotate\n\s+lines \d+-\d+ match alpha tools\/report\.py:\d+-\d+ \(MIT\): references are shown with their attribution/);
    const denyMit = join(dir.path, "deny-mit.json");
    writeFileSync(denyMit, JSON.stringify({ licenses: { deny: ["MIT"] } }));
    run = reftrack(["scan", "--db", db, "--policy", denyMit, "--fail-on", "policy", "--format", "json", join(queries, "copied.py")]);
    expect(run.status).toBe(1);
    const [result] = JSON.parse(run.stdout).results;
    expect(result.decision.action).toBe("block");
    expect(result.decision.reasons[0]).toMatchObject({ rule: "deny", license: "MIT", source: "alpha" });
    expect(reftrack(["scan", "--db", db, "--fail-on", "never", join(queries, "copied.py")]).status).toBe(0);
  });

  it("rejects a bad policy file or --fail-on in one line", () => {
    const bad = join(dir.path, "bad-policy.json");
    writeFileSync(bad, JSON.stringify({ licences: { deny: ["MIT"] } }));
    let run = reftrack(["scan", "--db", db, "--policy", bad, join(queries, "copied.py")]);
    expect(run.status).toBe(2);
    expectOneLineError(run.stderr, /bad-policy\.json: unknown key "licences" at policy/);
    run = reftrack(["scan", "--db", db, "--fail-on", "sometimes", join(queries, "copied.py")]);
    expectOneLineError(run.stderr, /--fail-on must be one of references, policy, never/);
  });

  it("reads reftrack.config.json from the working directory; flags override it", () => {
    const project = join(dir.path, "configured");
    mkdirSync(project);
    writeFileSync(join(project, "reftrack.config.json"), JSON.stringify({ db, policy: { references: "block" }, scan: { failOn: "policy", format: "json" } }));
    const run = spawnSync(process.execPath, [BIN, "scan", join(queries, "copied.py")], { cwd: project, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).results[0].decision.action).toBe("block");
    const overridden = spawnSync(process.execPath, [BIN, "scan", "--fail-on", "never", "--format", "text", join(queries, "copied.py")], { cwd: project, encoding: "utf8" });
    expect(overridden.status).toBe(0);
    expect(overridden.stdout).toMatch(/decision: block/);
  });
});

describe("reftrack log", () => {
  it("lists, filters and exports the code reference log", async () => {
    const { ReferenceLog } = await import("../../src/log/reference-log.js");
    const path = join(dir.path, "refs.jsonl");
    const log = ReferenceLog.open(path);
    const reference = (source: string, license: string) => ({
      source, repository: `https://github.com/example/${source}`, revision: "v1", path: "a.js", license, url: null, sourceLines: [1, 9] as [number, number],
    });
    log.record({ references: [reference("alpha", "MIT")] as never, file: "src/one.ts", lines: [3, 11], time: new Date("2026-11-01T08:00:00Z") });
    log.record({ references: [reference("gamma", "GPL-3.0-only")] as never, file: "src/two.ts", time: new Date("2026-11-20T08:00:00Z") });
    log.close();
    let run = reftrack(["log", "--log", path]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^2026-11-01T08:00:00.000Z  src\/one.ts:3-11\n  MIT  alpha v1  a.js:1-9\n/);
    expect(run.stderr).toMatch(/2 of 2 entries/);
    run = reftrack(["log", "--log", path, "--license", "copyleft", "--format", "json"]);
    expect(JSON.parse(run.stdout).entries.map((e: { file: string }) => e.file)).toEqual(["src/two.ts"]);
    run = reftrack(["log", "--log", path, "--since", "2026-11-10", "--format", "csv"]);
    expect(run.stdout.split("\r\n").filter(Boolean)).toHaveLength(2);
    run = reftrack(["log", "--log", path, "--since", "last week"]);
    expect(run.status).toBe(2);
    expectOneLineError(run.stderr, /--since expects a date/);
    // A log not written yet (or a mistyped path) is said to be missing, not shown as an empty log.
    for (const format of ["text", "json"]) {
      run = reftrack(["log", "--log", join(dir.path, "no-such-log.jsonl"), "--format", format]);
      expect(run.status).toBe(0);
      expect(run.stderr).toBe(`no reference log at ${join(dir.path, "no-such-log.jsonl")} yet: nothing accepted into it (or --log, the config's log.path or the default names another file)\n`);
    }
    expect(JSON.parse(run.stdout).entries).toEqual([]);
  });
});

describe("examples/suggestion-pipeline.mjs", () => {
  const example = fileURLToPath(new URL("../../examples/suggestion-pipeline.mjs", import.meta.url));
  it("annotates and logs a copied suggestion, and shows original code as it is", () => {
    const logFile = join(dir.path, "pipeline.jsonl");
    const run = spawnSync(process.execPath, [example, db, join(queries, "copied.py"), logFile], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^shown with references:\n  MIT  https:\/\/github\.com\/example\/alpha  https:\/\/github\.com\/example\/alpha\/blob\/v1\.0\.0\/tools\/report\.py#L\d+-L\d+\n$/);
    expect(readFileSync(logFile, "utf8").trim().split("\n")).toHaveLength(1);
    const original = spawnSync(process.execPath, [example, db, join(queries, "original.ts"), logFile], { encoding: "utf8" });
    expect(original.stdout).toBe("shown: no references\n");
  });
});

describe("reftrack scan of large files", () => {
  // A generated file of 6 MB, six matching windows long (lines of 100 characters, so a window of
  // MATCH_WINDOW_CHARS ends at line 10,000), with three copies embedded: near the start, across the
  // first window's end, near the end.
  const copies = [
    { at: 2000, file: join(FIXTURES, "corpus", "alpha", "src", "debounce.ts"), path: "src/debounce.ts" },
    { at: MATCH_WINDOW_CHARS / 100 - 10, file: join(FIXTURES, "corpus", "beta", "lib", "queue.ts"), path: "lib/queue.ts" },
    { at: 57_000, file: join(FIXTURES, "corpus", "alpha", "src", "lru.js"), path: "src/lru.js" },
  ];
  const generated = join(dir.path, "generated.ts");
  const expectedLines: [number, number][] = [];

  beforeAll(() => {
    const out: string[] = [];
    let next = 0;
    for (let i = 0; out.length < 60_000; i++) {
      const copy = copies[next];
      if (copy && out.length === copy.at) {
        const text = readFileSync(copy.file, "utf8").trimEnd().split("\n");
        expectedLines.push([out.length + 1, out.length + text.length]);
        out.push(...text);
        next++;
        continue;
      }
      out.push(`export const entry${i} = register("entry-${i}", ${(i * 7919) % 10007}, (value: number) => value * ${i % 13});`.padEnd(99));
    }
    writeFileSync(generated, `${out.join("\n")}\n`);
  });

  it("scans a file of several MB, finding each embedded copy once, at its own lines", () => {
    const run = reftrack(["scan", "--db", db, "--format", "json", generated]);
    expect(run.status).toBe(1);
    const [result] = JSON.parse(run.stdout).results as { references: { path: string; queryLines: [number, number] }[] }[];
    for (const [i, copy] of copies.entries()) {
      const [from, to] = expectedLines[i]!;
      const found = result!.references.filter((r) => r.path === copy.path && r.queryLines[1] >= from && r.queryLines[0] <= to);
      // One reference, within the copy's lines and most of them, even across a window's end.
      expect(found).toHaveLength(1);
      expect(found[0]!.queryLines[0]).toBeGreaterThanOrEqual(from);
      expect(found[0]!.queryLines[1]).toBeLessThanOrEqual(to);
      expect(found[0]!.queryLines[1] - found[0]!.queryLines[0]).toBeGreaterThanOrEqual((to - from) / 2);
    }
    // Nothing else: the generated lines are original.
    expect(result!.references.every((r) => copies.some((c, i) => r.queryLines[0] >= expectedLines[i]![0] && r.queryLines[1] <= expectedLines[i]![1]))).toBe(true);
  });

  it("skips a file over --max-file-size with a one-line notice, and rejects a bad size", () => {
    const run = reftrack(["scan", "--db", db, "--max-file-size", "1MiB", generated]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^reftrack: skipped .*generated\.ts: \d+ bytes, over the limit of 1048576 bytes$/m);
    const bad = reftrack(["scan", "--db", db, "--max-file-size", "lots", generated]);
    expect(bad.status).toBe(2);
    expectOneLineError(bad.stderr, /--max-file-size expects a size/);
  });
});
