import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import { ReftrackError } from "../errors.js";
import { makeFolder } from "../util/make-folder.js";
import { extractEntries, extractedRoot, readArchive, readArchiveBytes } from "./archive.js";
import { readPackageJson } from "./package-json.js";
import { type RepositoryLocation, normalizeRepositoryUrl, repositoryFromPackageField } from "./repository-url.js";

/**
 * Turns the `npm`, `git` and `archive` manifest kinds into a local folder to index, plus what
 * the source itself says about where it lives. Fetched and extracted trees go to a cache keyed
 * by content (integrity, archive hash, commit), so re-indexing never downloads or extracts twice.
 */

export interface FetchedSource {
  /** Folder to index. */
  readonly root: string;
  /** Exactly the files to index (git: tracked files), when not "everything under root". */
  readonly files?: readonly string[];
  readonly repository: RepositoryLocation | null;
  readonly revision: string | null;
  readonly urlTemplate: string | null;
  /**
   * What the content is, immutably (an integrity hash, a commit): equal identity means equal
   * files, so an unchanged source is recognised without reading it.
   */
  readonly identity: string;
  /** The package's own name (npm), a default for the source name. */
  readonly packageName?: string;
}

/**
 * The cache folder, made when missing: one that cannot be (a file where it should be, a folder not
 * open to this user) is the user's error, told before anything is fetched.
 */
export function prepareCacheDirectory(path: string): void {
  const problem = makeFolder(path);
  if (problem) throw new ReftrackError(`cache folder ${path} cannot be used: ${problem}`);
}

/** $REFTRACK_CACHE, else the XDG cache folder, as npm and pip keep theirs. */
export function defaultCacheDirectory(): string {
  if (process.env.REFTRACK_CACHE) return resolve(process.env.REFTRACK_CACHE);
  const xdg = process.env.XDG_CACHE_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(homedir(), ".cache"), "reftrack");
}

function sha256File(path: string): string {
  return hashFile(path, "sha256").toString("hex");
}

function sriOf(path: string): string {
  return `sha512-${hashFile(path, "sha512").toString("base64")}`;
}

/** A file's digest, read a megabyte at a time: files of any size, in bounded memory. */
function hashFile(path: string, algorithm: "sha256" | "sha512"): Buffer {
  const hash = createHash(algorithm);
  const fd = openSync(path, "r");
  try {
    const chunk = Buffer.allocUnsafe(1024 * 1024);
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) hash.update(chunk.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest();
}

function firstLine(text: string): string {
  return (
    text
      .split("\n")
      .map((l) => l.replace(/^npm (error|ERR!)\s*/, "").trim())
      .find((l) => l !== "" && !/^(code|errno|syscall|A complete log)/.test(l)) ?? "no output"
  );
}

/** Extracts an archive into `target` unless an earlier run already did. */
function extractOnce(archivePath: string, target: string): string {
  if (!existsSync(target)) extractEntries(readArchive(archivePath), target);
  return extractedRoot(target);
}

// ---------------------------------------------------------------------------------------------
// archive

export function fetchArchive(archivePath: string, cacheDirectory: string): FetchedSource {
  if (!existsSync(archivePath) || !statSync(archivePath).isFile()) throw new ReftrackError(`archive not found: ${archivePath}`);
  const digest = sha256File(archivePath);
  const root = extractOnce(archivePath, join(cacheDirectory, "archives", digest));
  // A package archive (an npm tarball, a source release) says where it comes from, as a folder does.
  const metadata = readPackageJson(root);
  return {
    root,
    repository: repositoryFromPackageField(metadata?.repository),
    revision: publishedCommit(metadata),
    urlTemplate: null,
    identity: `sha256-${digest}`,
    ...(typeof metadata?.name === "string" ? { packageName: metadata.name } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// npm

interface NpmCacheRecord {
  readonly name: string;
  readonly version: string;
  readonly integrity: string;
  readonly tarball: string;
}

/** Specs that name a local tarball or folder rather than a registry package. */
function isLocalSpec(spec: string): boolean {
  return /^(file:|\.{1,2}\/|\/|~\/)/.test(spec) || /\.(tgz|tar\.gz)$/i.test(spec);
}

export interface NpmFetchOptions {
  readonly cacheDirectory: string;
  /** Folder relative local specs are resolved against (the manifest's). */
  readonly base: string;
  /** SRI the tarball must have (e.g. copied from `npm view <spec> dist.integrity`). */
  readonly integrity?: string;
}

/**
 * Fetches an npm package with npm's own `npm pack` (the registry and auth the machine is
 * configured for; pacote checks the tarball against the integrity the registry publishes), keeps
 * the tarball in the cache, and checks its SHA-512 again on every use, and against the
 * manifest's pinned `integrity` when there is one.
 */
export function fetchNpmPackage(spec: string, options: NpmFetchOptions): FetchedSource {
  const local = isLocalSpec(spec);
  const resolvedSpec = local ? resolve(options.base, spec.replace(/^file:/, "")) : spec;
  const npmCache = join(options.cacheDirectory, "npm");
  const recordPath = cacheRecordPath(npmCache, resolvedSpec);
  let record = validCacheRecord(recordPath, local ? resolvedSpec : undefined);
  if (!record) record = packIntoCache([{ spec, resolvedSpec, recordPath }], npmCache).get(resolvedSpec);
  if (!record) throw new NpmFetchError(`npm pack ${spec} did not produce a package`);
  if (options.integrity && options.integrity !== record.integrity) {
    throw new ReftrackError(
      `npm package ${spec}: integrity ${record.integrity} does not match the manifest's ${options.integrity}; refusing to index it`,
    );
  }
  const packageFolder = join(npmCache, "packages", createHash("sha256").update(record.integrity).digest("hex").slice(0, 32));
  const root = extractOnce(record.tarball, packageFolder);
  return {
    root,
    repository: repositoryFromPackageField(readPackageJson(root)?.repository),
    revision: record.version,
    // The published files are often built, not in the repository: link to exactly what npm serves.
    urlTemplate: local ? null : `https://unpkg.com/${record.name}@${record.version}/{path}`,
    identity: record.integrity,
    packageName: record.name,
  };
}

/**
 * Fetches every registry spec not yet cached with one `npm pack` run (npm's start-up and
 * registry handshake dominate a small package's fetch). Best effort: whatever fails here is
 * fetched, and reported, one by one by fetchNpmPackage.
 */
export function prefetchNpmPackages(specs: readonly string[], cacheDirectory: string): void {
  const npmCache = join(cacheDirectory, "npm");
  const missing = specs
    .filter((spec) => !isLocalSpec(spec))
    .map((spec) => ({ spec, resolvedSpec: spec, recordPath: cacheRecordPath(npmCache, spec) }))
    // Existence only: fetchNpmPackage verifies each cached tarball (once) and repacks a bad one.
    .filter((request) => !readCacheRecord(request.recordPath));
  if (missing.length < 2) return;
  try {
    packIntoCache(missing, npmCache);
  } catch {
    // One bad spec fails the whole run; the single fetches will say which.
  }
}

function cacheRecordPath(npmCache: string, resolvedSpec: string): string {
  return join(npmCache, "specs", `${createHash("sha256").update(resolvedSpec).digest("hex").slice(0, 32)}.json`);
}

/** The cached record if its tarball is intact (and, for a local tarball, still the same bytes). */
function validCacheRecord(recordPath: string, localTarball: string | undefined): NpmCacheRecord | undefined {
  const record = readCacheRecord(recordPath);
  if (!record || sriOf(record.tarball) !== record.integrity) return undefined;
  if (localTarball && existsSync(localTarball) && statSync(localTarball).isFile() && sriOf(localTarball) !== record.integrity) return undefined;
  return record;
}

function readCacheRecord(path: string): NpmCacheRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(path, "utf8")) as NpmCacheRecord;
    return existsSync(record.tarball) ? record : undefined;
  } catch {
    return undefined;
  }
}

interface PackRequest {
  readonly spec: string;
  readonly resolvedSpec: string;
  readonly recordPath: string;
}

interface PackedPackage {
  readonly name: string;
  readonly version: string;
  readonly integrity: string;
  readonly filename: string;
}

/** The package name a registry spec asks for ("@scope/name@^1" → "@scope/name"). */
function specName(spec: string): string {
  const at = spec.indexOf("@", 1);
  return at === -1 ? spec : spec.slice(0, at);
}

function packIntoCache(requests: readonly PackRequest[], npmCache: string): Map<string, NpmCacheRecord> {
  mkdirSync(join(npmCache, "tarballs"), { recursive: true });
  mkdirSync(join(npmCache, "specs"), { recursive: true });
  const staging = mkdtempSync(join(npmCache, "pack-"));
  const records = new Map<string, NpmCacheRecord>();
  const label = requests.length === 1 ? requests[0]!.spec : `${requests.length} packages`;
  try {
    const result = spawnSync(
      "npm",
      // Options first, then `--`: a spec is never read as an option (`--registry=…` would redirect them all).
      ["pack", "--json", "--ignore-scripts", "--loglevel=error", "--pack-destination", staging, "--", ...requests.map((r) => r.resolvedSpec)],
      { cwd: staging, encoding: "utf8", timeout: 600_000, maxBuffer: 256 * 1024 * 1024 },
    );
    if (result.error) throw new NpmFetchError(`cannot run npm: ${result.error.message}`);
    if (result.status !== 0) throw new NpmFetchError(`npm pack ${label} failed: ${firstLine(result.stderr || result.stdout)}`);
    let packed: PackedPackage[];
    try {
      packed = JSON.parse(result.stdout) as PackedPackage[];
      if (!Array.isArray(packed) || packed.length !== requests.length) throw new Error("count");
    } catch {
      throw new NpmFetchError(`npm pack ${label} printed no usable package description`);
    }
    requests.forEach((request, i) => {
      const entry = packed[i]!;
      if (!entry.name || !entry.version || !entry.integrity || !entry.filename) throw new NpmFetchError(`npm pack ${request.spec}: incomplete description`);
      // npm answers in the order asked; a name that disagrees means that order was not kept.
      if (request.resolvedSpec === request.spec && !isLocalSpec(request.spec) && specName(request.spec) !== entry.name) {
        throw new NpmFetchError(`npm pack returned ${entry.name} where ${request.spec} was asked for`);
      }
      const stagedTarball = join(staging, entry.filename.replace(/^.*[\\/]/, ""));
      const actual = sriOf(stagedTarball);
      if (actual !== entry.integrity) {
        throw new ReftrackError(`npm package ${request.spec}: tarball hash ${actual} differs from npm's ${entry.integrity}; refusing to index it`);
      }
      const tarball = join(npmCache, "tarballs", `${createHash("sha256").update(actual).digest("hex").slice(0, 32)}.tgz`);
      renameSync(stagedTarball, tarball);
      const record: NpmCacheRecord = { name: entry.name, version: entry.version, integrity: actual, tarball };
      writeFileSync(`${request.recordPath}.tmp`, JSON.stringify(record));
      renameSync(`${request.recordPath}.tmp`, request.recordPath);
      records.set(request.resolvedSpec, record);
    });
    return records;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** A fetch that failed for reasons of the moment (network, registry): the source is unavailable. */
export class NpmFetchError extends ReftrackError {}

// ---------------------------------------------------------------------------------------------
// git

function git(cwd: string, args: string[]): string {
  return execFileSync("git", ["-C", cwd, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 });
}

/**
 * A local git checkout at its HEAD commit: tracked files only, repository URL from `origin`
 * (credentials dropped, made https), revision the full commit SHA so links point at exactly
 * what was indexed. A working tree with uncommitted changes to tracked files is indexed from
 * the commit itself (via `git archive`), never from the edited files.
 */
export function fetchGitCheckout(path: string, cacheDirectory: string): FetchedSource {
  if (!existsSync(path) || !statSync(path).isDirectory()) throw new ReftrackError(`git checkout not found: ${path}`);
  let commit: string;
  let top: string;
  try {
    top = git(path, ["rev-parse", "--show-toplevel"]).trim();
    commit = git(path, ["rev-parse", "--verify", "HEAD^{commit}"]).trim();
  } catch {
    throw new ReftrackError(`${path} is not a git checkout with at least one commit`);
  }
  let repository: RepositoryLocation | null = null;
  try {
    const origin = normalizeRepositoryUrl(git(path, ["remote", "get-url", "origin"]).trim());
    if (origin) repository = { url: origin, directory: "" };
  } catch {
    // No origin remote: a local-only repository, reported without a URL.
  }
  const base = { repository, revision: commit, urlTemplate: null, identity: `git-${commit}` };
  if (resolve(top) !== resolve(path)) throw new ReftrackError(`${path} is inside the git checkout ${top}; give the checkout's top folder`);
  const dirty = spawnSync("git", ["-C", path, "diff", "--quiet", "HEAD", "--"], { stdio: "ignore" }).status !== 0;
  if (!dirty) {
    const files = git(path, ["ls-files", "-z"])
      .split("\0")
      .filter((f) => f !== "")
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return { ...base, root: path, files };
  }
  const target = join(cacheDirectory, "git", commit);
  if (!existsSync(target)) {
    const archive = spawnSync("git", ["-C", path, "archive", "--format=tar", "HEAD"], { maxBuffer: 4 * 1024 ** 3 });
    if (archive.status !== 0) throw new ReftrackError(`git archive failed in ${path}: ${firstLine(String(archive.stderr))}`);
    extractEntries(readArchiveBytes(`${path} (HEAD)`, "tar", archive.stdout, { skipLinks: true }), target);
  }
  return { ...base, root: target };
}

/**
 * The commit a package was published from, when npm recorded it (`gitHead`): a revision links can
 * use. A version number is not one: whether tag `1.2.3` or `v1.2.3` exists would be a guess.
 */
export function publishedCommit(metadata: Record<string, unknown> | undefined): string | null {
  const head = metadata?.gitHead;
  return typeof head === "string" && /^[0-9a-f]{7,40}$/i.test(head) ? head : null;
}
