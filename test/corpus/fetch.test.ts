import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadManifest } from "../../src/corpus/manifest.js";
import { buildFromSources } from "../../src/indexing/build.js";
import { ReferenceTracker } from "../../src/tracker.js";
import { temporaryDirectory } from "../helpers.js";
import { tarGzArchive, zipArchive } from "../support/archives.js";

/** Enough distinctive code to be matched on its own. */
const WIDGET_CODE = `export function layoutWidgets(widgets, columns) {
  const rows = [];
  let current = [];
  for (const widget of widgets) {
    if (current.length === columns) {
      rows.push(current);
      current = [];
    }
    current.push({ id: widget.id, width: Math.max(1, widget.span || 1) * 120 });
  }
  if (current.length > 0) rows.push(current);
  return rows.map((row, index) => ({ index, height: Math.max(...row.map((cell) => cell.width / 2)), row }));
}
`;

describe("source kinds", () => {
  let dir: ReturnType<typeof temporaryDirectory>;
  let cacheDirectory: string;
  beforeEach(() => {
    dir = temporaryDirectory();
    cacheDirectory = join(dir.path, "cache");
  });
  afterEach(() => dir.cleanup());

  function manifest(sources: unknown[]): string {
    const path = join(dir.path, "manifest.json");
    writeFileSync(path, JSON.stringify({ sources }));
    return path;
  }

  function packageTarball(version: string, extra: Record<string, unknown> = {}): string {
    const path = join(dir.path, "widgets.tgz");
    const pkg = {
      name: "@acme/widgets",
      version,
      license: "Apache 2",
      repository: { type: "git", url: "git+ssh://git@github.com/acme/monorepo.git", directory: "packages/widgets" },
      ...extra,
    };
    writeFileSync(
      path,
      tarGzArchive([
        { name: "package/package.json", content: JSON.stringify(pkg) },
        { name: "package/lib/layout.js", content: WIDGET_CODE },
        { name: "package/lib/layout.esm.js", content: WIDGET_CODE },
      ]),
    );
    return path;
  }

  describe("npm", () => {
    it("fetches with npm pack into the cache, verifies integrity and reads package metadata", () => {
      packageTarball("1.2.0");
      const { sources, unavailable } = loadManifest(manifest([{ kind: "npm", spec: "./widgets.tgz" }]), { cacheDirectory });
      expect(unavailable).toEqual([]);
      const [source] = sources;
      expect(source).toMatchObject({
        name: "@acme/widgets",
        revision: "1.2.0",
        license: "Apache-2.0",
        licenseProvenance: "declared",
        repository: "https://github.com/acme/monorepo/tree/HEAD/packages/widgets",
        urlTemplate: null,
      });
      expect(source!.identity).toMatch(/^sha512-/);
      expect(readFileSync(join(source!.root, "lib", "layout.js"), "utf8")).toBe(WIDGET_CODE);
      expect(source!.root.startsWith(cacheDirectory)).toBe(true);
    });

    it("re-indexing uses the cache: no npm needed the second time", () => {
      packageTarball("1.2.0");
      const path = manifest([{ kind: "npm", spec: "./widgets.tgz" }]);
      const first = loadManifest(path, { cacheDirectory }).sources[0]!;
      const savedPath = process.env.PATH;
      process.env.PATH = join(dir.path, "no-binaries-here");
      try {
        const second = loadManifest(path, { cacheDirectory });
        expect(second.unavailable).toEqual([]);
        expect(second.sources[0]!.root).toBe(first.root);
      } finally {
        process.env.PATH = savedPath;
      }
    });

    it("a changed local tarball is fetched again, not served stale", () => {
      packageTarball("1.2.0");
      const path = manifest([{ kind: "npm", spec: "./widgets.tgz" }]);
      expect(loadManifest(path, { cacheDirectory }).sources[0]!.revision).toBe("1.2.0");
      packageTarball("1.3.0");
      expect(loadManifest(path, { cacheDirectory }).sources[0]!.revision).toBe("1.3.0");
    });

    it("refuses a package whose integrity differs from the manifest's pin", () => {
      packageTarball("1.2.0");
      const pinned = `sha512-${Buffer.alloc(64, 7).toString("base64")}`;
      expect(() => loadManifest(manifest([{ kind: "npm", spec: "./widgets.tgz", integrity: pinned }]), { cacheDirectory })).toThrow(
        /integrity sha512-\S+ does not match the manifest's .*refusing to index it/,
      );
    });

    it("reports a package npm cannot fetch as unavailable, with npm's reason", () => {
      const { sources, unavailable } = loadManifest(manifest([{ kind: "npm", spec: "./no-such-package.tgz" }]), { cacheDirectory });
      expect(sources).toEqual([]);
      expect(unavailable[0]!.reason).toMatch(/^npm pack \.\/no-such-package\.tgz failed: /);
    });
  });

  describe("archive", () => {
    it("extracts into the cache and detects the license from the files inside", () => {
      writeFileSync(
        join(dir.path, "widgets-2.0.whl"),
        zipArchive([
          { name: "widgets/layout.py", content: "def layout(widgets):\n    return [w for w in widgets if w]\n" },
          { name: "widgets-2.0.dist-info/METADATA", content: "Metadata-Version: 2.1\nName: widgets\nClassifier: License :: OSI Approved :: MIT License\n\n" },
        ]),
      );
      const { sources } = loadManifest(manifest([{ kind: "archive", path: "widgets-2.0.whl", repository: "https://github.com/acme/widgets" }]), {
        cacheDirectory,
      });
      expect(sources[0]).toMatchObject({ name: "widgets-2.0", license: "MIT", licenseProvenance: "declared", repository: "https://github.com/acme/widgets" });
      expect(existsSync(join(sources[0]!.root, "widgets", "layout.py"))).toBe(true);
    });

    it("refuses an archive that tries to escape, naming the source", () => {
      writeFileSync(join(dir.path, "evil.tgz"), tarGzArchive([{ name: "../../evil.js", content: "x" }]));
      expect(() => loadManifest(manifest([{ kind: "archive", path: "evil.tgz", license: "MIT" }]), { cacheDirectory })).toThrow(
        /source #1: archive .*evil\.tgz: entry "\.\.\/\.\.\/evil\.js" would be written outside the extraction folder; nothing was extracted/,
      );
      expect(existsSync(join(dir.path, "..", "evil.js"))).toBe(false);
    });
  });

  // git is on every machine that cloned this repository; without it these say so instead of failing.
  const hasGit = (() => {
    try {
      execFileSync("git", ["--version"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();

  describe.skipIf(!hasGit)("git", () => {
    function git(cwd: string, ...args: string[]): string {
      return execFileSync("git", ["-C", cwd, ...args], {
        encoding: "utf8",
        env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" },
      });
    }

    function checkout(): { path: string; commit: string } {
      const path = join(dir.path, "widgets");
      mkdirSync(join(path, "src"), { recursive: true });
      git(path, "init", "-q");
      git(path, "remote", "add", "origin", "git@github.com:acme/widgets.git");
      writeFileSync(join(path, "src", "layout.js"), WIDGET_CODE);
      writeFileSync(join(path, "LICENSE"), "placeholder\n");
      writeFileSync(join(path, "package.json"), JSON.stringify({ name: "widgets", license: "BSD-2-Clause" }));
      symlinkSync("/etc/hostname", join(path, "src", "outside.js"));
      git(path, "add", "-A");
      git(path, "commit", "-qm", "first");
      writeFileSync(join(path, "src", "untracked.js"), WIDGET_CODE.replaceAll("widget", "gadget"));
      return { path, commit: git(path, "rev-parse", "HEAD").trim() };
    }

    it("indexes tracked files at HEAD, links to that commit, URL from origin", async () => {
      const { commit } = checkout();
      const { sources } = loadManifest(manifest([{ kind: "git", path: "widgets" }]), { cacheDirectory });
      const source = sources[0]!;
      expect(source).toMatchObject({ name: "widgets", repository: "https://github.com/acme/widgets", revision: commit, license: "BSD-2-Clause" });
      expect(source.files).toContain("src/layout.js");
      expect(source.files).not.toContain("src/untracked.js");
      const db = join(dir.path, "git.db");
      const summary = await buildFromSources(db, sources, []);
      // layout.js only: the tracked symlink is not followed out of the checkout.
      expect(summary.filesIndexed).toBe(1);
      const tracker = await ReferenceTracker.open(db);
      try {
        const { references } = tracker.match(WIDGET_CODE, { language: "javascript" });
        expect(references[0]!.url).toBe(`https://github.com/acme/widgets/blob/${commit}/src/layout.js#L1-L13`);
      } finally {
        tracker.close();
      }
    });

    it("with uncommitted edits, indexes the commit the links point at, not the edits", () => {
      const { path, commit } = checkout();
      writeFileSync(join(path, "src", "layout.js"), "// edited, not committed\n");
      const source = loadManifest(manifest([{ kind: "git", path: "widgets" }]), { cacheDirectory }).sources[0]!;
      expect(source.revision).toBe(commit);
      expect(readFileSync(join(source.root, "src", "layout.js"), "utf8")).toBe(WIDGET_CODE);
      expect(existsSync(join(source.root, "src", "untracked.js"))).toBe(false);
    });

    it("refuses a folder that is not a git checkout", () => {
      mkdirSync(join(dir.path, "plain"));
      expect(() => loadManifest(manifest([{ kind: "git", path: "plain" }]), { cacheDirectory })).toThrow(/not a git checkout/);
    });
  });
});
