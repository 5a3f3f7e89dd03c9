import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findConfig, loadConfig } from "../../src/config/config.js";
import { ReftrackError } from "../../src/errors.js";
import { temporaryDirectory } from "../helpers.js";

const dir = temporaryDirectory();
afterAll(() => dir.cleanup());

function write(folder: string, content: unknown): string {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, "reftrack.config.json");
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

describe("reftrack.config.json", () => {
  it("is found in the working directory or a folder above, paths made relative to it", () => {
    const project = join(dir.path, "project");
    const path = write(project, { db: "index/corpus.db", log: { path: "logs/refs.jsonl" }, policy: { references: "block" } });
    const deep = join(project, "src", "deep");
    mkdirSync(deep, { recursive: true });
    expect(findConfig(deep)).toBe(path);
    const { config } = loadConfig(undefined, deep);
    expect(config.db).toBe(join(project, "index", "corpus.db"));
    expect(config.log?.path).toBe(join(project, "logs", "refs.jsonl"));
    expect(config.policy).toEqual({ references: "block" });
    expect(loadConfig(undefined, "/").path).toBeNull();
  });

  it.each([
    ["a misspelt key", { polcy: {} }, /unknown key "polcy"$/],
    ["a misspelt nested key", { policy: { licenses: { deni: ["MIT"] } } }, /unknown key "deni" at policy\.licenses$/],
    ["a wrong type", { policy: { licenses: { deny: [3] } } }, /policy\.licenses\.deny\[0\] must be string/],
    ["a value outside its choices", { policy: { references: "hide" } }, /policy\.references must be one of "allow", "annotate", "block"/],
    ["a bad size", { scan: { maxFileSize: "lots" } }, /scan\.maxFileSize/],
    ["no threads", { scan: { threads: 0 } }, /scan\.threads/],
    ["a fraction of a thread", { scan: { threads: 1.5 } }, /scan\.threads/],
    ["a thousand threads", { scan: { threads: 1000 } }, /scan\.threads/],
    ["not JSON", "{ db: ", /is not valid JSON/],
  ])("rejects %s in one line naming it", (_, content, message) => {
    const path = write(join(dir.path, "bad"), content);
    let error: unknown;
    try {
      loadConfig(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReftrackError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
  });

  it("accepts a byte-order mark and a $schema key", () => {
    const path = write(join(dir.path, "bom"), `\uFEFF${JSON.stringify({ $schema: "./node_modules/reftrack/schemas/reftrack.config.schema.json", db: "x.db" })}`);
    expect(loadConfig(path).config.db).toBe(join(dir.path, "bom", "x.db"));
  });
});
