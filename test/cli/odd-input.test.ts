import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, openSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readArchive } from "../../src/corpus/archive.js";
import { loadManifest } from "../../src/corpus/manifest.js";
import { ReftrackError } from "../../src/errors.js";
import { Normalizer } from "../../src/normalize/normalizer.js";
import { loadTokenHasher } from "../../src/hashing.js";
import { languageByName } from "../../src/languages/registry.js";
import { ReferenceTracker } from "../../src/tracker.js";
import { buildIndex } from "../../src/indexing/build.js";
import { ReferenceLog, readLog } from "../../src/log/reference-log.js";
import { filterLog, logToCsv } from "../../src/log/log-query.js";
import { FIXTURES, FIXTURE_MANIFEST, temporaryDirectory } from "../helpers.js";

const BIN = fileURLToPath(new URL("../../dist/src/cli/bin.js", import.meta.url));
const COPIED = readFileSync(join(FIXTURES, "corpus", "alpha", "tools", "report.py"), "utf8");
const QUEUE = readFileSync(join(FIXTURES, "corpus", "beta", "lib", "queue.ts"), "utf8");
const dir = temporaryDirectory();
const db = join(dir.path, "odd.db");

function reftrack(args: string[], options: { input?: string | Buffer; stdio?: ["pipe" | "ignore" | number, "pipe", "pipe"] } = {}) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", input: options.input, stdio: options.stdio, timeout: 20_000, env: { ...process.env, NO_COLOR: "1" } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, signal: run.signal };
}

beforeAll(() => {
  expect(reftrack(["index", "--quiet", "--db", db, FIXTURE_MANIFEST]).status).toBe(0);
});
afterAll(() => dir.cleanup());

describe("what is not a regular file", () => {
  it("refuses a FIFO named *.js at once, without waiting for a writer", () => {
    const fifo = join(dir.path, "pipe.js");
    execFileSync("mkfifo", [fifo]);
    const started = Date.now();
    const run = reftrack(["scan", "--db", db, fifo]);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/pipe\.js: not a regular file/);
  });

  it("tells standard input that is a folder or closed", () => {
    const folder = openSync(dir.path, "r");
    let run = reftrack(["scan", "--db", db, "--language", "python", "-"], { stdio: [folder, "pipe", "pipe"] });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/standard input is a folder/);
    run = reftrack(["scan", "--db", db, "--language", "python", "-"], { stdio: ["ignore", "pipe", "pipe"] });
    expect(run.status === 0 || run.status === 2).toBe(true);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("prints a file name's line breaks and escape sequences as escapes, so it adds no line of its own", () => {
    const folder = join(dir.path, "odd-names");
    mkdirSync(folder);
    const name = "copy\u001b[8m\n  lines 1-9 match 0 origins.py";
    writeFileSync(join(folder, name), COPIED);
    const run = reftrack(["scan", "--db", db, folder]);
    expect(run.status).toBe(1);
    const [first] = run.stdout.split("\n");
    expect(first).toBe(`${join(folder, "copy\\x1b[8m\\n  lines 1-9 match 0 origins.py")} (python)`);
    expect(run.stdout).not.toContain("\u001b");
    const missing = reftrack(["scan", "--db", db, join(folder, "gone\u001b[2J.py")]);
    expect(missing.stderr.split("\n")[0]).toBe(`reftrack: ${join(folder, "gone\\x1b[2J.py")}: no such file or directory`);
  });

  it("says which symbolic link leads nowhere, and which loops, in one line each", () => {
    const dangling = join(dir.path, "dangling.py");
    symlinkSync(join(dir.path, "no-such-target.py"), dangling);
    const [loopA, loopB] = [join(dir.path, "loop-a.py"), join(dir.path, "loop-b.py")];
    symlinkSync(loopB, loopA);
    symlinkSync(loopA, loopB);
    const run = reftrack(["scan", "--db", db, dangling, loopA, join(dir.path, "absent.py")]);
    expect(run.status).toBe(2);
    expect(run.stderr.split("\n").filter((line) => line.startsWith("reftrack:"))).toEqual([
      `reftrack: ${dangling}: a symbolic link to a file that does not exist`,
      `reftrack: ${loopA}: symbolic links in a loop`,
      `reftrack: ${join(dir.path, "absent.py")}: no such file or directory`,
    ]);
    expect(run.stderr).toMatch(/, 3 errors\n$/);
    expect(reftrack(["scan", "--db", db, dangling]).stderr).toMatch(/, 1 error\n$/);
  });

  it("refuses a report file that is a scanned file or the index, leaving both as they were", () => {
    const folder = join(dir.path, "overwrite");
    mkdirSync(folder);
    const source = join(folder, "app.py");
    writeFileSync(source, COPIED);
    const notes = join(folder, "notes.txt");
    writeFileSync(notes, "mine\n");
    const indexBytes = readFileSync(db);
    for (const [output, what] of [[source, "a file this scan reads"], [db, "the index"]] as const) {
      for (const scanned of [source, folder]) {
        const run = reftrack(["scan", "--db", db, "--format", "json", "--output", output, scanned]);
        expect(run.status).toBe(2);
        expect(run.stderr).toBe(`reftrack: --output ${output} is ${what}: the report would overwrite it\n`);
      }
    }
    expect(readFileSync(source, "utf8")).toBe(COPIED);
    expect(readFileSync(db).equals(indexBytes)).toBe(true);
    // Through a symbolic link too; and a file the scan does not read is the user's to replace.
    const link = join(dir.path, "link-to-app.py");
    symlinkSync(source, link);
    expect(reftrack(["scan", "--db", db, "--output", link, source]).status).toBe(2);
    expect(reftrack(["scan", "--db", db, "--format", "json", "--output", notes, folder]).status).toBe(1);
    expect(JSON.parse(readFileSync(notes, "utf8")).results[0].path).toBe(source);
    expect(reftrack(["notice", "--db", db, "--output", source, folder]).status).toBe(2);
    // A notebook the folder holds is read too (its code cells), whatever its extension says.
    const notebook = join(folder, "explore.ipynb");
    writeFileSync(notebook, JSON.stringify({ cells: [{ cell_type: "code", source: [COPIED] }], metadata: {}, nbformat: 4, nbformat_minor: 5 }));
    expect(reftrack(["scan", "--db", db, "--format", "json", "--output", notebook, folder]).stderr).toBe(`reftrack: --output ${notebook} is a file this scan reads: the report would overwrite it\n`);
  });

  it("builds an index in a folder not made yet, and tells a folder or a file standing where the index goes", () => {
    const nested = join(dir.path, "not-yet", "made", "corpus.db");
    expect(reftrack(["index", "--quiet", "--db", nested, FIXTURE_MANIFEST]).status).toBe(0);
    expect(reftrack(["verify", "--db", nested]).status).toBe(0);
    const folder = join(dir.path, "not-yet");
    let run = reftrack(["index", "--db", folder, FIXTURE_MANIFEST]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`reftrack: index path is a folder: ${folder} (give the index file's path, such as ${join(folder, "corpus.db")})\n`);
    const file = join(dir.path, "plain-file");
    writeFileSync(file, "");
    run = reftrack(["index", "--db", join(file, "corpus.db"), FIXTURE_MANIFEST]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`reftrack: cannot write index ${join(file, "corpus.db")}: its folder cannot be made: a file is in its place\n`);
  });

  it("tells an index or manifest that is not there as missing, not as damaged", () => {
    const absent = join(dir.path, "absent.db");
    const verify = reftrack(["verify", "--db", absent]);
    expect(verify.status).toBe(2);
    expect(verify.stdout).toBe("");
    expect(verify.stderr).toBe(`reftrack: index not found: ${absent} (build one with \`reftrack index --db ${absent} <manifest.json>\`)\n`);
    const index = reftrack(["index", "--db", join(dir.path, "new.db"), join(dir.path, "absent.json")]);
    expect(index.status).toBe(2);
    expect(index.stderr).toBe(`reftrack: cannot read manifest ${join(dir.path, "absent.json")}: no such file (ENOENT)\n`);
  });

  it("tells a flag whose value is missing before the next flag, or begins with a dash, how to give it", () => {
    const target = join(dir.path, "value.py");
    writeFileSync(target, "x = 1\n");
    for (const args of [["--min-chars", "-5"], ["--min-chars", "--quiet"]]) {
      const run = reftrack(["scan", "--db", db, ...args, target]);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe('reftrack: scan: --min-chars needs a value, and the argument after it begins with "-" (a value that does is written --min-chars=-…) (see `reftrack --help`)\n');
    }
    expect(reftrack(["scan", "--db", db, "--min-chars=-5", target]).stderr).toMatch(/^reftrack: --min-chars expects a/);
  });

  it("reads no more of standard input than the limit allows", () => {
    const run = reftrack(["scan", "--db", db, "--language", "python", "--max-file-size", "1K", "-"], { input: "x = 1\n".repeat(100_000) });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/skipped -: more than 1024 bytes, over the limit/);
  });
});

describe("line terminators", () => {
  it("finds the same references in a classic Mac (CR) file as in its LF original", async () => {
    const lf = join(dir.path, "lf.py");
    const cr = join(dir.path, "cr.py");
    writeFileSync(lf, COPIED);
    writeFileSync(cr, COPIED.replace(/\n/g, "\r"));
    const results = JSON.parse(reftrack(["scan", "--db", db, "--format", "json", lf, cr]).stdout).results as { references: { queryLines: number[]; sourceLines: number[] }[] }[];
    expect(results[1]!.references.map((r) => [r.queryLines, r.sourceLines])).toEqual(results[0]!.references.map((r) => [r.queryLines, r.sourceLines]));
    expect(results[0]!.references.length).toBeGreaterThan(0);
  });

  it("ends a line comment at U+2028 and U+2029, as JavaScript does, but counts lines by line feeds, as editors and git do", async () => {
    const tracker = await ReferenceTracker.open(db);
    try {
      const lf = tracker.match(QUEUE, { language: "typescript" }).references;
      expect(lf.length).toBeGreaterThan(0);
      // Every line break a separator: the same copy, found on the one line the file then is.
      const separated = tracker.match(QUEUE.replace(/\n/g, "\u2028"), { language: "typescript" }).references;
      expect(separated.map((r) => r.path)).toEqual(lf.map((r) => r.path));
      expect(separated.map((r) => r.queryLines)).toEqual(lf.map(() => [1, 1]));
      // A separator inside a comment and a string moves no line: the copy is reported where an editor shows it.
      const shifted = (text: string): { queryLines: readonly number[]; sourceLines: readonly number[] }[] =>
        tracker.match(text, { language: "typescript" }).references.map((r) => ({ queryLines: r.queryLines, sourceLines: r.sourceLines }));
      const spaced = shifted(`/* a b */ const s = "p q";\n${QUEUE}`);
      expect(spaced.length).toBeGreaterThan(0);
      expect(shifted(`/* a\u2028b */ const s = "p\u2029q";\n${QUEUE}`)).toEqual(spaced);
      expect(spaced[0]!.queryLines[0]! - spaced[0]!.sourceLines[0]!).toBe(1);
    } finally {
      tracker.close();
    }
  });
});

describe("the library's errors", () => {
  it("are ReftrackErrors with a message, for a missing or wrong target and after close", async () => {
    const tracker = await ReferenceTracker.open(db);
    const attempts: (() => unknown)[] = [
      () => tracker.match(COPIED, undefined as never),
      () => tracker.match(COPIED, null as never),
      () => tracker.match(COPIED, { path: 5 } as never),
      () => tracker.match(COPIED, { language: 7 } as never),
      () => tracker.check(COPIED, null as never),
      () => tracker.stream(undefined as never),
    ];
    tracker.close();
    attempts.push(() => tracker.match(COPIED, { language: "python" }));
    for (const attempt of attempts) {
      expect(attempt).toThrow(ReftrackError);
    }
  });

  it("refuse a path that is not a string (node:fs would read a number as a file descriptor) and options that do not exist", async () => {
    const refusals: [() => unknown, RegExp][] = [
      [() => ReferenceTracker.open(42 as never), /^ReferenceTracker\.open\(\) expects the index as a path \(a non-empty string\), got number$/],
      [() => ReferenceTracker.open(""), /got an empty string$/],
      [() => ReferenceTracker.open(db, { queryReading: "telepathy" as never }), /^ReferenceTracker\.open\(\): queryReading must be "lexed" or "parsed", got "telepathy"$/],
      [() => ReferenceTracker.open(db, { followFile: "no" as never }), /^ReferenceTracker\.open\(\): followFile must be true or false, got "no"$/],
      [() => ReferenceTracker.open(db, { follow: false } as never), /^ReferenceTracker\.open\(\): unknown option "follow" \(known: queryReading, followFile\)$/],
      [() => ReferenceTracker.open(db, null as never), /^ReferenceTracker\.open\(\): options must be an object$/],
      [() => buildIndex(join(dir.path, "never.db"), 0 as never), /^buildIndex\(\) expects the manifest as a path/],
      [() => ReferenceLog.open(""), /^ReferenceLog\.open\(\) expects the log as a path/],
      [() => readLog(2 as never), /^readLog\(\) expects the log as a path/],
      [() => filterLog(null as never, {}), /^filterLog\(\) expects the log's entries/],
      [() => logToCsv(undefined as never), /^logToCsv\(\) expects the log's entries/],
    ];
    for (const [call, message] of refusals) {
      const error = await (async () => call())().then(() => undefined, (caught: unknown) => caught);
      expect(error).toBeInstanceOf(ReftrackError);
      expect((error as Error).message).toMatch(message);
    }
  });

  it("are one line whatever they quote: a policy file's text in JSON.parse's message", () => {
    expect(new ReftrackError("a\nb\r\n  c").message).toBe("a b c");
    const policy = join(dir.path, "two-lines.json");
    writeFileSync(policy, "no\npe");
    const run = reftrack(["scan", "--db", db, "--policy", policy, join(FIXTURES, "corpus", "alpha", "tools", "report.py")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^reftrack: policy .*two-lines\.json is not valid JSON: [^\n]*\n$/);
    const absent = reftrack(["scan", "--db", db, "--policy", join(dir.path, "absent-policy.json"), join(FIXTURES, "corpus", "alpha", "tools", "report.py")]);
    expect(absent.stderr).toBe(`reftrack: cannot read policy ${join(dir.path, "absent-policy.json")}: no such file (ENOENT)\n`);
  });
});

describe("input nesting", () => {
  it("lexes 9,000 nested template literals and 50,000 brackets without recursion", async () => {
    const lexer = new Normalizer(await loadTokenHasher());
    const templates = `const x = ${"`a${".repeat(9000)}1${"}b`".repeat(9000)};\n`;
    expect(() => lexer.lex(templates, languageByName("javascript"))).not.toThrow();
    expect(() => lexer.lex(`x = ${"(".repeat(50_000)}1${")".repeat(50_000)}\n`, languageByName("python"))).not.toThrow();
  });
});

describe("archives that would expand without bound", () => {
  it("refuses a gzip whose stated size is over the limit before inflating it", () => {
    const bomb = gzipSync(Buffer.alloc(1024));
    // The trailer's size field, as a 3 GiB stream would state it.
    bomb.writeUInt32LE(3 * 1024 ** 3, bomb.length - 4);
    const path = join(dir.path, "bomb.tgz");
    writeFileSync(path, bomb);
    const started = Date.now();
    expect(() => readArchive(path)).toThrow(/expands beyond 2147483648 bytes/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("refuses a zip whose entries together are over the limit before inflating any", () => {
    // A central directory of 80 entries of 30 MB each, as the zip states them.
    const entries: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    for (let i = 0; i < 80; i++) {
      const name = Buffer.from(`f${i}.py`);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(name.length, 26);
      entries.push(local, name);
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(8, 10);
      record.writeUInt32LE(1000, 20);
      record.writeUInt32LE(30 * 1024 * 1024, 24);
      record.writeUInt16LE(name.length, 28);
      record.writeUInt32LE(offset, 42);
      central.push(record, name);
      offset += 30 + name.length;
    }
    const directory = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(80, 8);
    end.writeUInt16LE(80, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    const path = join(dir.path, "bomb.zip");
    writeFileSync(path, Buffer.concat([...entries, directory, end]));
    expect(() => readArchive(path)).toThrow(/expands beyond 2147483648 bytes/);
  });
});

describe("manifest mistakes", () => {
  const folder = join(dir.path, "m");
  mkdirSync(folder, { recursive: true });
  const write = (sources: unknown[]) => {
    const path = join(folder, "manifest.json");
    writeFileSync(path, JSON.stringify({ sources }));
    return path;
  };

  it("rejects an empty name and malformed globs, naming them", () => {
    const source = { kind: "dir", path: join(FIXTURES, "corpus", "alpha"), license: "MIT" };
    expect(() => loadManifest(write([{ ...source, name: "" }]))).toThrow(/sources\[0\]\.name/);
    expect(() => loadManifest(write([{ ...source, exclude: ["[abc"] }]))).toThrow(/glob "\[abc" is malformed: a \[ is never closed/);
    expect(() => loadManifest(write([{ ...source, include: ["**/{a,b"] }]))).toThrow(/glob "\*\*\/\{a,b" is malformed: a \{ is never closed/);
    // Well-formed classes and alternatives work.
    const { sources } = loadManifest(write([{ ...source, include: ["src/*.{js,ts}", "tools/[r]eport.py"] }]));
    expect(sources[0]!.include).toEqual(["src/*.{js,ts}", "tools/[r]eport.py"]);
  });

  it("tells a cache folder that cannot be made, before fetching, in one line", () => {
    const file = join(folder, "a-file");
    writeFileSync(file, "");
    const archive = write([{ kind: "archive", path: join(folder, "absent.tgz"), name: "a", license: "MIT" }]);
    expect(() => loadManifest(archive, { cacheDirectory: file })).toThrow(`cache folder ${file} cannot be used: a file is in its place`);
    expect(() => loadManifest(archive, { cacheDirectory: join(file, "sub") })).toThrow(`cache folder ${join(file, "sub")} cannot be used: a file is in its path (ENOTDIR)`);
    const run = reftrack(["index", "--db", join(folder, "c.db"), "--cache", file, archive]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`reftrack: cache folder ${file} cannot be used: a file is in its place\n`);
    // A folder source needs no cache: none is made or asked for.
    const dirOnly = write([{ kind: "dir", path: join(FIXTURES, "corpus", "alpha"), name: "alpha", license: "MIT" }]);
    expect(loadManifest(dirOnly, { cacheDirectory: file }).sources).toHaveLength(1);
  });
});
