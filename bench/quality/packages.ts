/** Corpora the quality benchmark fetches or extracts once into its cache: npm packages and wheels. */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fetchArchive } from "../../src/corpus/fetch.js";
import { PathFilter } from "../../src/files/glob.js";
import { walkFiles } from "../../src/files/walk.js";
import type { LanguageName } from "../../src/languages/language.js";
import { benchLanguage } from "../corpus.js";

export interface Package {
  readonly spec: string;
  readonly root: string;
  readonly name: string;
  readonly version: string;
  readonly license: string;
  readonly repository: string | null;
}

/** Fetches an npm package once into `cache` (npm verifies the registry's integrity). */
export function fetchPackage(spec: string, cache: string, log: (message: string) => void): Package {
  const target = join(cache, "packages", spec.replace("/", "__"));
  if (!existsSync(join(target, "package", "package.json"))) {
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    log(`fetching ${spec}`);
    const tarball = execFileSync("npm", ["pack", spec, "--silent", "--pack-destination", target], { encoding: "utf8" }).trim().split("\n").pop()!;
    // Into `package/` whatever the tarball's one top folder is called (most are `package/`; some
    // published from a GitHub archive keep its folder, `mscdex-busboy-9aadb7a/`).
    mkdirSync(join(target, "package"));
    execFileSync("tar", ["-xzf", join(target, tarball), "-C", join(target, "package"), "--strip-components=1"]);
  }
  const root = join(target, "package");
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    name: string;
    version: string;
    license?: string;
    repository?: string | { url?: string };
  };
  const url = typeof pkg.repository === "string" ? pkg.repository : pkg.repository?.url;
  let repository = url
    ? url.replace(/^git\+/, "").replace(/^git:\/\//, "https://").replace(/\.git$/, "").replace(/^github:/, "https://github.com/")
    : null;
  if (repository && /^[\w.-]+\/[\w.-]+$/.test(repository)) repository = `https://github.com/${repository}`;
  return { spec, root, name: pkg.name, version: pkg.version, license: pkg.license ?? "NOASSERTION", repository };
}

/** The machine's PyPI mirrors (see bench/corpus.ts; the second holds other wheels): extracted with reftrack's archive reader. */
const WHEEL_MIRRORS = ["/opt/pypi/files", "/opt/pypi-more/files"];

/** The root of a wheel from a mirror, extracted once; undefined when no mirror has it. */
export function wheelRoot(fileName: string, cache: string): string | undefined {
  const path = WHEEL_MIRRORS.map((mirror) => join(mirror, fileName)).find((candidate) => existsSync(candidate));
  return path === undefined ? undefined : fetchArchive(path, join(cache, "wheels")).root;
}

/**
 * Code files of a folder (benchLanguage: the benchmarks' fixed extensions), by language (TSX counted as TypeScript), filtered by
 * globs; TypeScript declaration files left out unless `declarations` (every file `scan` reads: a
 * scanned package's `.d.ts` files are code it ships too).
 */
export function filesOf(source: { root: string; include?: readonly string[]; exclude?: readonly string[] }, language?: LanguageName, declarations = false): string[] {
  const filter = new PathFilter(source.include ?? [], source.exclude ?? []);
  const files: string[] = [];
  for (const path of walkFiles(source.root)) {
    const detected = benchLanguage(path);
    if (!detected || !filter.accepts(path) || (!declarations && path.endsWith(".d.ts"))) continue;
    const name = detected.name === "tsx" ? "typescript" : detected.name;
    if (!language || name === language) files.push(join(source.root, path));
  }
  return files;
}
