import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadManifest } from "../../src/corpus/manifest.js";
import { ReftrackError } from "../../src/errors.js";
import { FIXTURE_MANIFEST, temporaryDirectory } from "../helpers.js";

describe("manifest", () => {
  let dir: ReturnType<typeof temporaryDirectory>;
  beforeEach(() => {
    dir = temporaryDirectory();
    mkdirSync(join(dir.path, "code"));
  });
  afterEach(() => dir.cleanup());

  function write(content: unknown): string {
    const path = join(dir.path, "manifest.json");
    writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
    return path;
  }

  const valid = { kind: "dir", name: "code", path: "code", license: "MIT", repository: "https://github.com/o/r.git/", revision: "v1" };

  it("resolves relative paths against the manifest's folder and normalizes the repository URL", () => {
    const { sources } = loadManifest(write({ sources: [valid] }));
    expect(sources[0]!.root).toBe(join(dir.path, "code"));
    expect(sources[0]!.repository).toBe("https://github.com/o/r");
    expect(loadManifest(FIXTURE_MANIFEST).sources.map((s) => s.name)).toEqual(["alpha", "beta"]);
  });

  it("accepts SPDX expressions, NONE and NOASSERTION", () => {
    for (const license of ["MIT", "Apache-2.0 OR MIT", "GPL-2.0-only WITH Classpath-exception-2.0", "(MIT AND BSD-3-Clause)", "NOASSERTION", "NONE"]) {
      expect(loadManifest(write({ sources: [{ ...valid, license }] })).sources[0]!.license).toBe(license);
    }
  });

  it("names the source when its license is not a valid SPDX expression", () => {
    const path = write({ sources: [valid, { ...valid, name: "second", license: "Apache 2" }] });
    expect(() => loadManifest(path)).toThrow(/source #2 \("second"\): license "Apache 2" is not a valid SPDX expression/);
  });

  it.each([
    ["not JSON", "{ sources: [", /is not valid JSON/],
    ["no sources list", { items: [] }, /must be an object with a "sources" list/],
    ["unknown kind", { sources: [{ ...valid, kind: "svn" }] }, /sources\[0\]\.kind must be one of "dir", "git", "npm", "archive", "python-stdlib"/],
    ["an empty name", { sources: [{ ...valid, name: "" }] }, /sources\[0\]\.name must NOT have fewer than 1 characters/],
    ["a misspelt key", { sources: [{ ...valid, licence: "MIT" }] }, /unknown key "licence" at sources\[0\]/],
    ["a misspelt top-level key", { sources: [valid], source: [] }, /unknown key "source"$/],
    ["an npm spec that is an option", { sources: [{ kind: "npm", spec: "--registry=https://evil.example" }] }, /sources\[0\]\.spec is not in the expected form/],
    ["missing folder", { sources: [{ ...valid, path: "nowhere" }] }, /folder not found/],
    ["bad repository", { sources: [{ ...valid, repository: "github.com/o/r" }] }, /sources\[0\]\.repository is not in the expected form/],
    ["duplicate names", { sources: [valid, valid] }, /duplicate source name "code"/],
    ["a control character in a name", { sources: [{ ...valid, name: "\u0001pending:code" }] }, /source #1: source name "\\u0001pending:code" holds a control character/],
    ["bad globs", { sources: [{ ...valid, exclude: "test" }] }, /sources\[0\]\.exclude must be array/],
  ])("rejects a manifest with %s with one clear error", (_, content, message) => {
    const path = write(content);
    expect(() => loadManifest(path)).toThrow(ReftrackError);
    expect(() => loadManifest(path)).toThrow(message);
  });

  it("names a dir source after its package.json, else its folder, and reads where it comes from", () => {
    writeFileSync(join(dir.path, "code", "package.json"), JSON.stringify({ name: "left-pad", repository: "github:stevemao/left-pad", gitHead: "0123456789abcdef0123456789abcdef01234567" }));
    mkdirSync(join(dir.path, "plain"));
    const { sources } = loadManifest(write({ sources: [{ kind: "dir", path: "code", license: "MIT" }, { kind: "dir", path: "plain", license: "MIT" }] }));
    expect(sources.map((s) => s.name)).toEqual(["left-pad", "plain"]);
    expect(sources[0]!.repository).toBe("https://github.com/stevemao/left-pad");
    expect(sources[0]!.revision).toBe("0123456789abcdef0123456789abcdef01234567");
    expect(sources[1]!.repository).toBeNull();
  });

  it("accepts a manifest that begins with a byte-order mark", () => {
    expect(loadManifest(write(`\uFEFF${JSON.stringify({ sources: [valid] })}`)).sources).toHaveLength(1);
  });

  it("rejects a manifest that does not exist", () => {
    expect(() => loadManifest(join(dir.path, "nope.json"))).toThrow(/cannot read manifest .*ENOENT/);
  });
});
