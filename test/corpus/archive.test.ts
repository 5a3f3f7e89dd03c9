import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { extractEntries, extractedRoot, readArchive } from "../../src/corpus/archive.js";
import { loadManifest } from "../../src/corpus/manifest.js";
import { ReftrackError } from "../../src/errors.js";
import { temporaryDirectory } from "../helpers.js";
import { type TestEntry, tarArchive, tarGzArchive, zipArchive } from "../support/archives.js";

describe("archives", () => {
  let dir: ReturnType<typeof temporaryDirectory>;
  beforeEach(() => {
    dir = temporaryDirectory();
  });
  afterEach(() => dir.cleanup());

  function write(name: string, bytes: Buffer): string {
    const path = join(dir.path, name);
    writeFileSync(path, bytes);
    return path;
  }

  const tree: TestEntry[] = [
    { name: "pkg-1.0/", type: "5" },
    { name: "pkg-1.0/index.js", content: "module.exports = 1;\n" },
    { name: "pkg-1.0/lib/deep/util.py", content: "def f():\n    return 2\n" },
  ];

  for (const [format, make] of [
    ["tar.gz", tarGzArchive],
    ["tar", tarArchive],
    ["zip", zipArchive],
  ] as const) {
    it(`extracts a ${format} archive and indexes from its single top folder`, () => {
      const archive = write(`pkg.${format}`, make(tree));
      const target = join(dir.path, "out");
      extractEntries(readArchive(archive), target);
      const root = extractedRoot(target);
      expect(root).toBe(join(target, "pkg-1.0"));
      expect(readFileSync(join(root, "lib/deep/util.py"), "utf8")).toBe("def f():\n    return 2\n");
      expect(readdirSync(dir.path).filter((n) => n.includes("partial"))).toEqual([]);
    });
  }

  it("reads where a package archive comes from: its package.json repository and published commit", () => {
    const archive = write(
      "left-pad-1.3.0.tgz",
      tarGzArchive([
        { name: "package/", type: "5" },
        { name: "package/index.js", content: "module.exports = leftPad;\n" },
        { name: "package/package.json", content: JSON.stringify({ name: "left-pad", version: "1.3.0", repository: { type: "git", url: "git+https://github.com/stevemao/left-pad.git" }, gitHead: "abcdef1234567" }) },
      ]),
    );
    const manifest = join(dir.path, "manifest.json");
    writeFileSync(manifest, JSON.stringify({ sources: [{ kind: "archive", path: "left-pad-1.3.0.tgz", license: "MIT" }] }));
    const [source] = loadManifest(manifest, { cacheDirectory: join(dir.path, "cache") }).sources;
    expect(source).toMatchObject({ name: "left-pad-1.3.0", repository: "https://github.com/stevemao/left-pad", revision: "abcdef1234567" });
  });

  const attacks: [string, TestEntry[], RegExp][] = [
    ["a ../ path", [{ name: "pkg/../../escaped.txt", content: "x" }], /would be written outside the extraction folder/],
    ["an absolute path", [{ name: "/tmp/escaped.txt", content: "x" }], /absolute path/],
    ["a symlink", [{ name: "pkg/link", type: "2", linkTarget: "/etc/passwd" }], /is a link; links are not extracted/],
    ["a hard link", [{ name: "pkg/hard", type: "1", linkTarget: "../../outside" }], /is a link/],
  ];
  for (const [what, entries, message] of attacks) {
    for (const [format, make] of [
      ["tgz", tarGzArchive],
      ["zip", zipArchive],
    ] as const) {
      if (format === "zip" && what === "a hard link") continue; // zip has no hard links
      it(`refuses a ${format} with ${what}, and writes nothing at all`, () => {
        const archive = write(`evil.${format}`, make([{ name: "pkg/ok.js", content: "ok();\n" }, ...entries]));
        let error: unknown;
        try {
          extractEntries(readArchive(archive), join(dir.path, "out"));
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(ReftrackError);
        expect((error as Error).message).toMatch(message);
        expect((error as Error).message).toMatch(/nothing was extracted/);
        expect(existsSync(join(dir.path, "out"))).toBe(false);
        expect(existsSync(join(dir.path, "escaped.txt"))).toBe(false);
        expect(readdirSync(dir.path).sort()).toEqual([`evil.${format}`]);
      });
    }
  }

  it("refuses Windows drive paths and backslash traversal in zip files", () => {
    for (const name of ["C:/Windows/evil.js", "pkg\\..\\..\\evil.js"]) {
      const archive = write("win.zip", zipArchive([{ name, content: "x" }]));
      expect(() => readArchive(archive)).toThrow(/absolute path|outside the extraction folder/);
    }
  });

  it("rejects corrupt and unknown archives with one clear error", () => {
    const gz = tarGzArchive(tree);
    expect(() => readArchive(write("cut.tgz", gz.subarray(0, gz.length - 30)))).toThrow(ReftrackError);
    const zip = zipArchive(tree);
    zip[zip.readUInt32LE(zip.length - 22 + 16)]! ^= 0xff; // the central directory's signature
    expect(() => readArchive(write("bad.zip", zip))).toThrow(/corrupt central directory/);
    const single = zipArchive([{ name: "a.js", content: "a();\n".repeat(50) }]);
    single.writeUInt32LE(12345, single.readUInt32LE(single.length - 22 + 16) + 16); // a wrong CRC-32
    expect(() => readArchive(write("crc.zip", single))).toThrow(/fails its CRC check/);
    expect(() => readArchive(write("x.rar", Buffer.from("Rar!")))).toThrow(/unknown archive type/);
    expect(() => readArchive(join(dir.path, "missing.tgz"))).toThrow(/cannot read archive .*ENOENT/);
  });
});
