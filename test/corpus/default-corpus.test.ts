import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isValidLicenseExpression } from "../../src/corpus/license.js";
import { loadManifest } from "../../src/corpus/manifest.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DEFAULT_MANIFEST = join(ROOT, "corpus", "default.json");

describe("default corpus", () => {
  const manifest = JSON.parse(readFileSync(DEFAULT_MANIFEST, "utf8")) as { sources: { kind: string; spec?: string; integrity?: string }[] };

  it("pins every npm package to an exact version and the integrity the registry published", () => {
    const npm = manifest.sources.filter((s) => s.kind === "npm");
    expect(npm.length).toBeGreaterThanOrEqual(30);
    for (const source of npm) {
      expect(source.spec, source.spec).toMatch(/^(@[\w.-]+\/)?[\w.-]+@\d+\.\d+\.\d+$/);
      expect(source.integrity, source.spec).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
    }
    expect(manifest.sources.some((s) => s.kind === "python-stdlib")).toBe(true);
  });

  it("resolves with detected licenses, repositories and exact-version links", { timeout: 120_000 }, () => {
    const { sources, unavailable } = loadManifest(DEFAULT_MANIFEST);
    expect(unavailable).toEqual([]);
    for (const entry of manifest.sources.filter((s) => s.kind === "npm")) {
      const [name, version] = [entry.spec!.slice(0, entry.spec!.lastIndexOf("@")), entry.spec!.slice(entry.spec!.lastIndexOf("@") + 1)];
      const source = sources.find((s) => s.name === name)!;
      expect(source, name).toBeDefined();
      expect(source.revision).toBe(version);
      expect(source.licenseProvenance, name).toBe("declared");
      expect(isValidLicenseExpression(source.license) && source.license !== "NOASSERTION", `${name}: ${source.license}`).toBe(true);
      expect(source.repository, name).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+/);
      expect(source.urlTemplate).toBe(`https://unpkg.com/${name}@${version}/{path}`);
      expect(source.identity).toBe(entry.integrity);
    }
  });
});
