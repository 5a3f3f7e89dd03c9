import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReftrackError } from "../../src/errors.js";
import { buildFromSources, buildIndex } from "../../src/indexing/build.js";
import { loadManifest } from "../../src/corpus/manifest.js";
import { ReferenceTracker } from "../../src/tracker.js";
import { FIXTURES, FIXTURE_MANIFEST, temporaryDirectory } from "../helpers.js";

const BIN = fileURLToPath(new URL("../../dist/src/cli/bin.js", import.meta.url));
const COPIED = readFileSync(join(FIXTURES, "corpus", "alpha", "tools", "report.py"), "utf8");
const dir = temporaryDirectory();
let pristine: string;

function reftrack(args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A copy of the fixture index to damage. */
function copy(name: string): string {
  const path = join(dir.path, `${name}.db`);
  copyFileSync(pristine, path);
  return path;
}

function damage(path: string, sql: string): void {
  const db = new Database(path);
  db.exec(sql);
  db.close();
}

/** A one-line ReftrackError from opening the index, never a raw SQLite error or "no references". */
async function openError(path: string): Promise<string> {
  try {
    const tracker = await ReferenceTracker.open(path);
    const found = tracker.match(COPIED, { language: "python" }).references.length;
    tracker.close();
    return `opened, ${found} references`;
  } catch (error) {
    expect(error).toBeInstanceOf(ReftrackError);
    expect((error as Error).message).not.toContain("\n");
    return (error as Error).message;
  }
}

beforeAll(async () => {
  pristine = join(dir.path, "pristine.db");
  await buildIndex(pristine, FIXTURE_MANIFEST);
});
afterAll(() => dir.cleanup());

describe("a damaged or incomplete index is an error, never no references", () => {
  it("leaves a finished index in rollback-journal mode, readable without write access", () => {
    const db = new Database(pristine, { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("delete");
    db.close();
    expect(readdirSync(dir.path).filter((name) => name.startsWith("pristine.db-"))).toEqual([]);
  });

  it("refuses an index whose posting lists table was dropped, and index refuses to paper over it", async () => {
    const path = copy("no-postings");
    damage(path, "DROP TABLE postings");
    expect(await openError(path)).toMatch(/is damaged: table postings is missing/);
    const run = reftrack(["index", "--quiet", "--db", path, FIXTURE_MANIFEST]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/table postings is missing; run `reftrack index --repair`/);
    // Repaired in place: every source written again, and the index answers as before.
    expect(reftrack(["index", "--quiet", "--repair", "--db", path, FIXTURE_MANIFEST]).status).toBe(0);
    expect(await openError(path)).toBe("opened, 1 references");
  });

  it("refuses an index whose token chunks were emptied", async () => {
    const path = copy("no-chunks");
    damage(path, "DELETE FROM token_chunks");
    expect(await openError(path)).toMatch(/is damaged: it lists files but has no token chunks/);
  });

  it("refuses an index an interrupted build left unmerged, and the next build finishes it", async () => {
    const path = copy("unmerged");
    damage(path, "UPDATE sources SET digest = ''");
    expect(await openError(path)).toMatch(/is incomplete: 2 sources are not finished/);
    expect(reftrack(["index", "--quiet", "--db", path, FIXTURE_MANIFEST]).status).toBe(0);
    expect(await openError(path)).toBe("opened, 1 references");
  });

  it("writes again a source whose stored contents are incomplete, instead of calling it unchanged", async () => {
    const path = copy("half");
    damage(path, "DELETE FROM token_chunks WHERE id IN (SELECT min(id) FROM token_chunks)");
    const run = reftrack(["index", "--db", path, FIXTURE_MANIFEST]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/this run: 1 indexed, 1 unchanged/);
    expect(reftrack(["verify", "--db", path]).status).toBe(0);
  });

  it("verify calls statistics left out of date by an interrupted build sound, saying so, as matching finds the same references", async () => {
    const path = copy("stale-statistics");
    // A build bumps the generation as it merges and writes that generation's statistics last: killed between, they are stale.
    damage(path, "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'generation'");
    const run = reftrack(["verify", "--db", path]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/sound \(2 sources, 6 files/);
    expect(run.stdout).toMatch(/membership filter or common-fingerprint table is out of date \(a build was interrupted\): queries find the same references without them/);
    expect(await openError(path)).toBe(await openError(pristine));
    expect(reftrack(["index", "--quiet", "--db", path, FIXTURE_MANIFEST]).status).toBe(0);
    expect(reftrack(["verify", "--db", path]).stdout).not.toMatch(/out of date/);
  });

  it("verify finds a content a finished source lists that was never merged", () => {
    const path = copy("unmerged-content");
    damage(path, "UPDATE contents SET merged = 0 WHERE id = (SELECT min(id) FROM contents)");
    const run = reftrack(["verify", "--db", path]);
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/content \d+: its fingerprints were never merged into the posting lists/);
  });

  it("verify finds a damaged posting list; --repair fixes it", () => {
    const path = copy("bad-posting");
    damage(path, "UPDATE postings SET data = x'ffffffffff' WHERE hash = (SELECT min(hash) FROM postings)");
    const run = reftrack(["verify", "--db", path]);
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/posting list of fingerprint \d+ is damaged/);
    expect(run.stderr).toMatch(/index --repair/);
    expect(reftrack(["index", "--quiet", "--repair", "--db", path, FIXTURE_MANIFEST]).status).toBe(0);
    expect(reftrack(["verify", "--db", path]).stdout).toMatch(/sound \(2 sources, 6 files/);
  });

  it("tells a foreign SQLite file and a garbled one in one line", async () => {
    const foreign = join(dir.path, "foreign.db");
    const db = new Database(foreign);
    db.exec("CREATE TABLE meta (key TEXT, value TEXT); INSERT INTO meta VALUES ('kgram_tokens', '14')");
    db.close();
    expect(await openError(foreign)).toMatch(/missing parameter|not a reftrack index|damaged/);
    const garbled = copy("garbled");
    const bytes = readFileSync(garbled);
    bytes.fill(0x5a, 100, 4096);
    writeFileSync(garbled, bytes);
    expect(await openError(garbled)).toMatch(/damaged|not a reftrack index|cannot open index/);
    const run = reftrack(["scan", "--db", garbled, "--language", "python", "-"]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("one writer at a time", () => {
  it("tells a second build at once who holds the index", async () => {
    const path = copy("locked");
    const holder = spawn("sleep", ["30"]);
    try {
      writeFileSync(`${path}.lock`, String(holder.pid));
      const run = reftrack(["index", "--db", path, FIXTURE_MANIFEST]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`another reftrack process \\(pid ${holder.pid}\\) is writing`));
    } finally {
      holder.kill();
      await new Promise((resolve) => holder.once("exit", resolve));
    }
    // A lock left by a process that is gone is taken over.
    expect(reftrack(["index", "--quiet", "--db", path, FIXTURE_MANIFEST]).status).toBe(0);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });
});

describe("an interrupted build", () => {
  it("keeps every source it wrote, and the next run resumes with the rest", async () => {
    const path = join(dir.path, "interrupted.db");
    const { sources, unavailable } = loadManifest(FIXTURE_MANIFEST);
    const stop = new AbortController();
    const first = await buildFromSources(path, sources, unavailable, {
      onSource: (event) => {
        if (event.status === "indexed") stop.abort();
      },
      signal: stop.signal,
    });
    expect(first).toMatchObject({ interrupted: true, sourcesIndexed: 1 });
    // What was written is finished and answers.
    expect(await openError(path)).toBe("opened, 1 references");
    const second = await buildFromSources(path, sources, unavailable);
    expect(second).toMatchObject({ interrupted: false, sourcesIndexed: 1, sourcesUnchanged: 1 });
  });
});
