import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { ReftrackError, describeError } from "../errors.js";
import {
  type FetchedSource,
  NpmFetchError,
  defaultCacheDirectory,
  prepareCacheDirectory,
  fetchArchive,
  fetchGitCheckout,
  fetchNpmPackage,
  prefetchNpmPackages,
  publishedCommit,
} from "./fetch.js";
import { readJsonFile } from "../config/json-file.js";
import { validateAgainstSchema } from "../config/schema-validation.js";
import { globToRegExp } from "../files/glob.js";
import { isValidLicenseExpression } from "./license.js";
import type { SourceMetadata } from "../store/records.js";
import { detectSourceLicense } from "./license-detect.js";
import { readPackageJson } from "./package-json.js";
import { repositoryFolderUrl, repositoryFromPackageField } from "./repository-url.js";
import { assertSourceName } from "../store/pending-sources.js";

/** Metadata any source kind may state in the manifest; stated values win over detected ones. */
interface StatedMetadata {
  name?: string;
  license?: string;
  repository?: string;
  revision?: string;
  /** Folder inside the repository that the source's root is, for links ("" = repository root). */
  repositoryDirectory?: string;
  /** Link template for sources not browsable on a known host: {path}, {start}, {end}, {revision}. */
  url?: string;
  include?: string[];
  exclude?: string[];
}

/** A corpus source as written in a manifest. */
export type ManifestSource =
  /** A folder; its name defaults to its package.json's, else the folder's own. */
  | (StatedMetadata & { kind: "dir"; path: string })
  /** A local checkout at its HEAD commit; tracked files only; URL from the origin remote. */
  | (StatedMetadata & { kind: "git"; path: string })
  /** A package from the configured npm registry (or a local tarball), cached and integrity-checked. */
  | (StatedMetadata & { kind: "npm"; spec: string; integrity?: string })
  /** A local .tar.gz/.tgz/.tar/.zip/.whl, extracted safely into the cache. */
  | (StatedMetadata & { kind: "archive"; path: string })
  /** The standard library of the machine's python3, linked to CPython at the matching tag. */
  | { kind: "python-stdlib"; name?: string; include?: string[]; exclude?: string[] };

/** A source ready to index: the metadata the store keeps, an absolute root, which files to read. */
export interface ResolvedSource extends SourceMetadata {
  readonly root: string;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  /** Exactly the files to index (git: tracked files), instead of walking `root`. */
  readonly files?: readonly string[];
  /** Immutable identity of the content (integrity hash, commit), null when only reading tells. */
  readonly identity: string | null;
  /**
   * Index minified files too (the manifest's "minified": true), for scans that look for vendored
   * minified copies (`scan --minified`); otherwise they are skipped and counted.
   */
  readonly minified: boolean;
}

export interface LoadOptions {
  /** Where fetched packages and extracted archives are kept (default: defaultCacheDirectory()). */
  readonly cacheDirectory?: string;
}

export interface ResolvedManifest {
  readonly sources: ResolvedSource[];
  /** Sources that could not be resolved on this machine (e.g. no python3), with why. */
  readonly unavailable: { readonly name: string; readonly reason: string }[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function optionalString(source: Record<string, unknown>, key: string, where: string): string | undefined {
  const value = source[key];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw new ReftrackError(`${where}: "${key}" must be a string`);
  return value;
}

function optionalBoolean(source: Record<string, unknown>, key: string, where: string): boolean | undefined {
  const value = source[key];
  if (value === undefined) return undefined;
  if (typeof value !== "boolean") throw new ReftrackError(`${where}: "${key}" must be true or false`);
  return value;
}

function optionalStringList(source: Record<string, unknown>, key: string, where: string): string[] {
  const value = source[key];
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
    throw new ReftrackError(`${where}: "${key}" must be a list of glob strings`);
  }
  // A malformed glob is an error here, naming it, rather than a pattern that matches nothing.
  for (const pattern of value as string[]) {
    try {
      globToRegExp(pattern);
    } catch (error) {
      throw new ReftrackError(`${where}: "${key}": ${describeError(error)}`);
    }
  }
  return value as string[];
}

function requiredString(source: Record<string, unknown>, key: string, where: string): string {
  const value = optionalString(source, key, where);
  if (value === undefined || value.trim() === "") throw new ReftrackError(`${where}: "${key}" is required`);
  return value;
}

/** Reads, validates and resolves a manifest file. Every problem is one clear ReftrackError. */
export function loadManifest(manifestPath: string, options: LoadOptions = {}): ResolvedManifest {
  const cacheDirectory = options.cacheDirectory ?? defaultCacheDirectory();
  const parsed = readJsonFile(manifestPath, "manifest");
  if (!isRecord(parsed) || !Array.isArray(parsed.sources)) {
    throw new ReftrackError(`manifest ${manifestPath} must be an object with a "sources" list`);
  }
  // A misspelt key ("licence") is an error naming it, not silently ignored.
  validateAgainstSchema(parsed, "manifest", `manifest ${manifestPath}`);
  const base = dirname(resolve(manifestPath));
  if (parsed.sources.some((entry: unknown) => isRecord(entry) && (entry.kind === "npm" || entry.kind === "git" || entry.kind === "archive"))) {
    prepareCacheDirectory(cacheDirectory);
  }
  const sources: ResolvedSource[] = [];
  const unavailable: { name: string; reason: string }[] = [];
  const names = new Set<string>();
  const npmSpecs = parsed.sources
    .filter((entry: unknown): entry is Record<string, unknown> => isRecord(entry) && entry.kind === "npm" && typeof entry.spec === "string")
    .map((entry: Record<string, unknown>) => entry.spec as string);
  prefetchNpmPackages(npmSpecs, cacheDirectory);
  parsed.sources.forEach((entry: unknown, index: number) => {
    const where = `manifest ${manifestPath}, source #${index + 1}`;
    if (!isRecord(entry)) throw new ReftrackError(`${where}: must be an object`);
    const kind = entry.kind;
    let resolved: ResolvedSource | { name: string; reason: string };
    if (kind === "python-stdlib") {
      resolved = resolvePythonStdlib(entry, where);
    } else if (kind === "dir" || kind === "git" || kind === "npm" || kind === "archive") {
      resolved = resolveFetchedSource(kind, entry, base, cacheDirectory, where);
    } else {
      throw new ReftrackError(`${where}: unknown kind ${JSON.stringify(kind)} (expected "dir", "git", "npm", "archive" or "python-stdlib")`);
    }
    assertSourceName(resolved.name, where);
    if (names.has(resolved.name)) throw new ReftrackError(`${where}: duplicate source name "${resolved.name}"`);
    names.add(resolved.name);
    if ("root" in resolved) sources.push(resolved);
    else unavailable.push(resolved);
  });
  return { sources, unavailable };
}

function checkLicense(license: string, where: string, name: string): void {
  if (!isValidLicenseExpression(license)) {
    throw new ReftrackError(`${where} ("${name}"): license "${license}" is not a valid SPDX expression`);
  }
}

function checkHttpUrl(value: string | undefined, key: string, where: string): string | undefined {
  if (value !== undefined && !/^https?:\/\/\S+$/.test(value)) throw new ReftrackError(`${where}: ${key} must be an http(s) URL, got "${value}"`);
  return value;
}

/**
 * dir, git, npm and archive sources: find the files (fetching or extracting if need be), then
 * fill in what the manifest does not state from what the source says about itself.
 */
function resolveFetchedSource(
  kind: "dir" | "git" | "npm" | "archive",
  entry: Record<string, unknown>,
  base: string,
  cacheDirectory: string,
  where: string,
): ResolvedSource | { name: string; reason: string } {
  const statedName = optionalString(entry, "name", where);
  const license = optionalString(entry, "license", where);
  if (license !== undefined) checkLicense(license, where, statedName ?? kind);
  const repository = checkHttpUrl(optionalString(entry, "repository", where), "repository", where);
  const urlTemplate = checkHttpUrl(optionalString(entry, "url", where), "url", where);
  if (urlTemplate !== undefined && !urlTemplate.includes("{path}")) throw new ReftrackError(`${where}: url must be a template containing {path}`);
  const revision = optionalString(entry, "revision", where);
  const repositoryDirectory = optionalString(entry, "repositoryDirectory", where);
  const include = optionalStringList(entry, "include", where);
  const exclude = optionalStringList(entry, "exclude", where);
  const minified = optionalBoolean(entry, "minified", where) ?? false;

  let fetched: FetchedSource;
  let defaultName: string;
  if (kind === "npm") {
    const spec = requiredString(entry, "spec", where);
    const integrity = optionalString(entry, "integrity", where);
    try {
      fetched = fetchNpmPackage(spec, { cacheDirectory, base, ...(integrity ? { integrity } : {}) });
    } catch (error) {
      if (error instanceof NpmFetchError) return { name: statedName ?? spec, reason: error.message };
      throw error;
    }
    defaultName = fetched.packageName ?? spec;
  } else {
    const path = resolve(base, requiredString(entry, "path", where));
    defaultName = basename(path).replace(/\.(tar\.gz|tgz|tar|zip|whl)$/i, "");
    if (kind === "dir") {
      if (!existsSync(path) || !statSync(path).isDirectory()) throw new ReftrackError(`${where} ("${statedName ?? path}"): folder not found: ${path}`);
      // A folder that is a package says what and where it is; the manifest can still override.
      const metadata = readPackageJson(path);
      if (typeof metadata?.name === "string" && metadata.name.trim() !== "") defaultName = metadata.name;
      fetched = { root: path, repository: repositoryFromPackageField(metadata?.repository), revision: publishedCommit(metadata), urlTemplate: null, identity: "" };
    } else {
      try {
        fetched = kind === "git" ? fetchGitCheckout(path, cacheDirectory) : fetchArchive(path, cacheDirectory);
      } catch (error) {
        if (error instanceof ReftrackError) throw new ReftrackError(`${where}: ${error.message}`);
        throw error;
      }
    }
  }
  const name = statedName ?? defaultName;
  const detected = license === undefined ? detectSourceLicense(fetched.root) : undefined;
  const location = fetched.repository;
  return {
    name,
    root: fetched.root,
    ...(fetched.files ? { files: fetched.files } : {}),
    repository: repository?.replace(/\/+$/, "").replace(/\.git$/, "") ?? (location ? repositoryFolderUrl(location) : null),
    revision: revision ?? fetched.revision,
    repositoryDirectory: (repositoryDirectory ?? "").replace(/^\/+|\/+$/g, ""),
    urlTemplate: urlTemplate ?? fetched.urlTemplate,
    license: license ?? detected!.expression,
    licenseProvenance: license !== undefined ? "manifest" : detected!.provenance,
    licenseEvidence: license !== undefined ? "manifest" : detected!.evidence,
    include,
    exclude,
    identity: fetched.identity === "" ? null : fetched.identity,
    minified,
  };
}

const PYTHON_STDLIB_EXCLUDES = ["site-packages/**", "**/test/**", "**/tests/**", "**/idle_test/**", "config-*/**"];

function resolvePythonStdlib(entry: Record<string, unknown>, where: string): ResolvedSource | { name: string; reason: string } {
  const name = optionalString(entry, "name", where) ?? "cpython-stdlib";
  let output: string;
  try {
    output = execFileSync(
      "python3",
      ["-c", 'import sys, sysconfig; print(sysconfig.get_paths()["stdlib"]); print("%d.%d.%d" % sys.version_info[:3])'],
      { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 10_000 },
    );
  } catch {
    return { name, reason: "python3 not found on this machine" };
  }
  const [root, version] = output.trim().split("\n");
  if (!root || !version || !existsSync(root)) return { name, reason: "python3 did not report its standard library" };
  return {
    name,
    root,
    repository: "https://github.com/python/cpython",
    revision: `v${version}`,
    repositoryDirectory: "Lib",
    urlTemplate: null,
    license: "PSF-2.0",
    licenseProvenance: "declared",
    licenseEvidence: "CPython's standard library is licensed PSF-2.0",
    identity: null,
    include: optionalStringList(entry, "include", where),
    // site-packages holds third-party packages, not CPython; test suites are mostly fixtures.
    exclude: [...PYTHON_STDLIB_EXCLUDES, ...optionalStringList(entry, "exclude", where)],
    // Python is never minified.
    minified: false,
  };
}
