import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadManifest } from "../../src/corpus/manifest.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DEFAULT_MANIFEST = join(ROOT, "corpus", "default.json");

describe("default corpus", () => {
  it("resolves on this machine, and its metadata is what the installed packages declare", () => {
    const { sources } = loadManifest(DEFAULT_MANIFEST);
    const npmSources = sources.filter((s) => s.urlTemplate?.startsWith("https://unpkg.com/"));
    expect(npmSources.length).toBeGreaterThan(20);
    for (const source of npmSources) {
      const pkg = JSON.parse(readFileSync(join(source.root, "package.json"), "utf8")) as { name: string; version: string; license: string };
      expect(source.revision, source.name).toBe(pkg.version);
      expect(source.license, source.name).toBe(pkg.license);
      expect(source.urlTemplate).toBe(`https://unpkg.com/${pkg.name}@${pkg.version}/{path}`);
    }
  });
});
