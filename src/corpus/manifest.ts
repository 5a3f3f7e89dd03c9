import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { ReftrackError, describeError } from "../errors.js";
import { isValidLicenseExpression } from "./license.js";

/** A corpus source as written in a manifest. */
export type ManifestSource =
  | {
      kind: "dir";
      path: string;
      name: string;
      repository?: string;
      revision?: string;
      /** Folder inside the repository that `path` corresponds to, for links ("" = repository root). */
      repositoryDirectory?: string;
      /** Link template for sources not browsable on a known host: {path}, {start}, {end}. */
      url?: string;
      license: string;
      include?: string[];
      exclude?: string[];
    }
  | {
      /** The standard library of the machine's python3, linked to CPython at the matching tag. */
      kind: "python-stdlib";
      name?: string;
      include?: string[];
      exclude?: string[];
    };

export interface Manifest {
  sources: ManifestSource[];
}

/** A source ready to index: absolute root, checked metadata. */
export interface ResolvedSource {
  readonly name: string;
  readonly root: string;
  readonly repository: string | null;
  readonly revision: string | null;
  readonly repositoryDirectory: string;
  readonly urlTemplate: string | null;
  readonly license: string;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
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

function optionalStringList(source: Record<string, unknown>, key: string, where: string): string[] {
  const value = source[key];
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
    throw new ReftrackError(`${where}: "${key}" must be a list of glob strings`);
  }
  return value as string[];
}

function requiredString(source: Record<string, unknown>, key: string, where: string): string {
  const value = optionalString(source, key, where);
  if (value === undefined || value.trim() === "") throw new ReftrackError(`${where}: "${key}" is required`);
  return value;
}

/** Reads, validates and resolves a manifest file. Every problem is one clear ReftrackError. */
export function loadManifest(manifestPath: string): ResolvedManifest {
  let text: string;
  try {
    text = readFileSync(manifestPath, "utf8");
  } catch (error) {
    throw new ReftrackError(`cannot read manifest ${manifestPath}: ${(error as NodeJS.ErrnoException).code ?? describeError(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ReftrackError(`manifest ${manifestPath} is not valid JSON: ${describeError(error)}`);
  }
  if (!isRecord(parsed) || !Array.isArray(parsed.sources)) {
    throw new ReftrackError(`manifest ${manifestPath} must be an object with a "sources" list`);
  }
  const base = dirname(resolve(manifestPath));
  const sources: ResolvedSource[] = [];
  const unavailable: { name: string; reason: string }[] = [];
  const names = new Set<string>();
  parsed.sources.forEach((entry: unknown, index: number) => {
    const where = `manifest ${manifestPath}, source #${index + 1}`;
    if (!isRecord(entry)) throw new ReftrackError(`${where}: must be an object`);
    const kind = entry.kind;
    let resolved: ResolvedSource | { name: string; reason: string };
    if (kind === "dir") {
      resolved = resolveDirSource(entry, base, where);
    } else if (kind === "python-stdlib") {
      resolved = resolvePythonStdlib(entry, where);
    } else {
      throw new ReftrackError(`${where}: unknown kind ${JSON.stringify(kind)} (expected "dir" or "python-stdlib")`);
    }
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

function resolveDirSource(entry: Record<string, unknown>, base: string, where: string): ResolvedSource {
  const name = requiredString(entry, "name", where);
  const path = requiredString(entry, "path", where);
  const license = requiredString(entry, "license", where);
  checkLicense(license, where, name);
  const root = resolve(base, path);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new ReftrackError(`${where} ("${name}"): folder not found: ${root}`);
  }
  const repository = optionalString(entry, "repository", where) ?? null;
  if (repository !== null && !/^https?:\/\/\S+$/.test(repository)) {
    throw new ReftrackError(`${where} ("${name}"): repository must be an http(s) URL, got "${repository}"`);
  }
  const urlTemplate = optionalString(entry, "url", where) ?? null;
  if (urlTemplate !== null && (!/^https?:\/\/\S+$/.test(urlTemplate) || !urlTemplate.includes("{path}"))) {
    throw new ReftrackError(`${where} ("${name}"): url must be an http(s) URL template containing {path}`);
  }
  return {
    name,
    root,
    urlTemplate,
    repository: repository?.replace(/\/+$/, "").replace(/\.git$/, "") ?? null,
    revision: optionalString(entry, "revision", where) ?? null,
    repositoryDirectory: (optionalString(entry, "repositoryDirectory", where) ?? "").replace(/^\/+|\/+$/g, ""),
    license,
    include: optionalStringList(entry, "include", where),
    exclude: optionalStringList(entry, "exclude", where),
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
    include: optionalStringList(entry, "include", where),
    // site-packages holds third-party packages, not CPython; test suites are mostly fixtures.
    exclude: [...PYTHON_STDLIB_EXCLUDES, ...optionalStringList(entry, "exclude", where)],
  };
}
