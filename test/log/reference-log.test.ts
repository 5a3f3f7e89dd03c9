import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { filterLog, logToCsv } from "../../src/log/log-query.js";
import { ReferenceLog, readLog } from "../../src/log/reference-log.js";
import type { Reference } from "../../src/output/reference.js";
import { temporaryDirectory } from "../helpers.js";

const BIN = fileURLToPath(new URL("../../dist/src/cli/bin.js", import.meta.url));
const dir = temporaryDirectory();
afterAll(() => dir.cleanup());

const reference = (source: string, license: string, repository: string | null): Reference => ({
  source,
  repository,
  revision: "v1.2.3",
  path: "src/a.js",
  license,
  licenseProvenance: "declared",
  url: repository ? `${repository}/blob/v1.2.3/src/a.js#L3-L9` : null,
  origins: [],
  licenseConflict: false,
  sourceLines: [3, 9],
  queryLines: [1, 7],
  matchedTokens: 60,
  similarity: 1,
  group: 1,
  explanation: {
    basis: "code",
    textChars: 0,
    seedFingerprints: 4,
    meanSeedFileFrequency: 1,
    matchedChars: 200,
    sourceMatchedChars: 200,
    queryCoverage: 1,
    sourceCoverage: 0.2,
    distinctKgramShare: 1,
    nameConsistency: 1,
    nameRepeats: 4,
    sameNameShare: 1,
    sameLiteralShare: 1,
    identicalChars: 200,
  },
});

const SECRET = "const apiKey = 'do-not-store-this-suggestion';";

describe("ReferenceLog", () => {
  it("records accepted suggestions with references, and stores no code unless asked", () => {
    const path = join(dir.path, "private.jsonl");
    const log = ReferenceLog.open(path);
    expect(log.record({ references: [], code: SECRET })).toBeNull();
    const entry = log.record({ references: [reference("lodash", "MIT", "https://github.com/lodash/lodash")], file: "src/app.ts", lines: [10, 16], code: SECRET, action: "annotate" });
    log.close();
    expect(entry).toMatchObject({ file: "src/app.ts", lines: [10, 16], action: "annotate" });
    expect(entry!.references[0]).toEqual({
      source: "lodash",
      repository: "https://github.com/lodash/lodash",
      revision: "v1.2.3",
      path: "src/a.js",
      lines: [3, 9],
      license: "MIT",
      url: "https://github.com/lodash/lodash/blob/v1.2.3/src/a.js#L3-L9",
    });
    const text = readFileSync(path, "utf8");
    expect(text).not.toContain("do-not-store-this-suggestion");
    expect(readLog(path).entries).toHaveLength(1);

    const withCode = ReferenceLog.open(join(dir.path, "with-code.jsonl"), { includeCode: true });
    expect(withCode.record({ references: [reference("x", "MIT", null)], code: SECRET })!.code).toBe(SECRET);
    withCode.close();
  });

  it("keeps every completed entry when its writer is killed, and is readable while written", async () => {
    const path = join(dir.path, "killed.jsonl");
    const writer = fileURLToPath(new URL("./log-writer.mjs", import.meta.url));
    const child = spawn(process.execPath, [writer, path], { stdio: ["ignore", "ignore", "inherit"] });
    // Wait until it has written a few hundred entries, reading the log meanwhile.
    let seen = 0;
    for (let tries = 0; tries < 200 && seen < 300; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      const { entries, damaged } = readLog(path);
      expect(damaged).toBe(0);
      expect(entries.length).toBeGreaterThanOrEqual(seen);
      seen = entries.length;
    }
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    const { entries, damaged } = readLog(path);
    expect(damaged).toBe(0);
    expect(entries.length).toBeGreaterThanOrEqual(300);
    // Entries are numbered by the writer: none lost before the last.
    expect(entries.map((entry) => Number(entry.file))).toEqual(entries.map((_, i) => i));
  });

  it("counts damaged lines and ignores a last line still being written", () => {
    const path = join(dir.path, "damaged.jsonl");
    const log = ReferenceLog.open(path);
    log.record({ references: [reference("a", "MIT", null)] });
    log.close();
    appendFileSync(path, "not json\n");
    appendFileSync(path, '{"time": "2026-12-01T00:00:00.000Z", "references": [');
    expect(readLog(path)).toMatchObject({ damaged: 1 });
    expect(readLog(path).entries).toHaveLength(1);
    expect(readLog(join(dir.path, "absent.jsonl"))).toEqual({ entries: [], damaged: 0, missing: true });
  });

  it("counts a line of valid JSON in another shape as damaged, so no reader meets a field it does not expect", () => {
    const path = join(dir.path, "other-shape.jsonl");
    const log = ReferenceLog.open(path, { durable: false });
    log.record({ references: [reference("a", "MIT", null)], file: "a.py", lines: [1, 2] });
    log.close();
    const good = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
    const [goodReference] = good.references as Record<string, unknown>[];
    const variants = [
      { ...good, lines: undefined },
      { ...good, lines: [0, 2] },
      { ...good, time: "yesterday" },
      { ...good, action: "hide" },
      { ...good, references: [{ ...goodReference, sourceLines: [1, 2], lines: undefined }] },
      { ...good, references: [{ ...goodReference, license: 7 }] },
      [good],
    ];
    for (const variant of variants) appendFileSync(path, `${JSON.stringify(variant)}\n`);
    const { entries, damaged } = readLog(path);
    expect(damaged).toBe(variants.length);
    expect(entries).toEqual([good]);
    // The CLI lists and exports what is left, and counts the rest.
    const run = spawnSync(process.execPath, [BIN, "log", "--log", path, "--format", "csv"], { encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(`reftrack: ${path}: ${variants.length} damaged lines skipped\n`);
    expect(run.stdout.trim().split("\n")).toHaveLength(2);
  });

  it("refuses to record what a reader would count as damaged, saying what", () => {
    const log = ReferenceLog.open(join(dir.path, "refused.jsonl"), { durable: false });
    const references = [reference("a", "MIT", null)];
    expect(() => log.record({ references, lines: [5, 2] })).toThrow("record(): lines must be two line numbers from 1, the first not after the second");
    expect(() => log.record({ references, action: "hide" as never })).toThrow("record(): action must be allow, annotate or block");
    expect(() => log.record({ references, file: 42 as never })).toThrow("record(): file must be a string");
    expect(() => log.record({ references, time: new Date("not a date") })).toThrow("record(): time must be a valid Date");
    expect(() => log.record({ references: "a" as never })).toThrow("record(): references must be a list");
    log.close();
    expect(readLog(join(dir.path, "refused.jsonl"))).toEqual({ entries: [], damaged: 0 });
  });

  it("filters by license (or category), repository and time, and exports CSV one row per reference", () => {
    const path = join(dir.path, "filter.jsonl");
    const log = ReferenceLog.open(path, { durable: false });
    log.record({ references: [reference("lodash", "MIT", "https://github.com/lodash/lodash")], time: new Date("2026-11-01T10:00:00Z"), file: "a.ts", lines: [1, 5] });
    log.record({ references: [reference("readline", "GPL-3.0-or-later", "https://git.example.org/readline")], time: new Date("2026-11-15T10:00:00Z"), file: "b,c.ts" });
    log.record({ references: [reference("mixed", "MIT OR AGPL-3.0-only", null), reference("lodash", "MIT", null)], time: new Date("2026-12-01T10:00:00Z") });
    log.close();
    const { entries } = readLog(path);
    expect(filterLog(entries, { license: "copyleft" }).map((e) => e.time)).toEqual(["2026-11-15T10:00:00.000Z", "2026-12-01T10:00:00.000Z"]);
    // GPL-3.0-or-later code may be used under GPL-3.0-only: it is listed under it; not under GPL-2.0-only.
    expect(filterLog(entries, { license: "GPL-3.0-only" })).toHaveLength(1);
    expect(filterLog(entries, { license: "GPL-2.0-only" })).toHaveLength(0);
    expect(filterLog(entries, { license: "GPL-3.0+" })).toHaveLength(1);
    expect(filterLog(entries, { repository: "github.com/lodash/lodash" })).toHaveLength(1);
    expect(filterLog(entries, { repository: "lodash" })).toHaveLength(2);
    expect(filterLog(entries, { since: new Date("2026-11-10"), until: new Date("2026-11-30") })).toHaveLength(1);
    const csv = logToCsv(entries).split("\r\n");
    expect(csv[0]).toBe("time,file,from_line,to_line,action,source,repository,revision,path,source_from_line,source_to_line,license,url");
    expect(csv).toHaveLength(1 + 4 + 1);
    expect(csv[2]).toContain('"b,c.ts"');
  });
});
