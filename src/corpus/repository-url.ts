/**
 * Repository locations as package metadata and git remotes write them, reduced to the https URL
 * a person can open. npm's `repository` field alone comes in six spellings (see npm's
 * package.json docs and hosted-git-info); a link is only useful if every one of them lands on
 * the same page.
 */

export interface RepositoryLocation {
  /** https URL of the repository root, without `.git`, credentials or trailing slash. */
  readonly url: string;
  /** Folder of the package inside the repository (monorepos), "" for the root. */
  readonly directory: string;
}

/** Shorthand prefixes npm accepts, and the host each stands for. */
const SHORTHAND_HOSTS: Record<string, string> = {
  github: "github.com",
  gitlab: "gitlab.com",
  bitbucket: "bitbucket.org",
};

/**
 * Normalizes one repository string: `git+https://…`, `git://…`, `ssh://git@…`, `git@host:o/r.git`,
 * `github:o/r` (and gitlab:, bitbucket:, gist:), the bare `o/r` GitHub shorthand, or a plain
 * http(s) URL. Returns null for anything that does not name a browsable repository.
 */
export function normalizeRepositoryUrl(value: string): string | null {
  let text = value.trim();
  if (text === "") return null;
  const shorthand = /^(github|gitlab|bitbucket|gist):(.+)$/.exec(text);
  if (shorthand) {
    const [, kind, rest] = shorthand;
    if (kind === "gist") return cleanUrl(`https://gist.github.com/${rest!.replace(/^\/+/, "")}`);
    text = `https://${SHORTHAND_HOSTS[kind!]}/${rest!.replace(/^\/+/, "")}`;
  } else if (/^[\w.-]+\/[\w.-]+$/.test(text)) {
    // npm reads a bare "owner/repo" as GitHub.
    text = `https://github.com/${text}`;
  } else {
    // scp-like syntax: git@github.com:owner/repo.git
    const scp = /^(?:[\w.-]+@)?([\w.-]+\.[a-z]{2,}):(?!\/\/)\/?(.+)$/i.exec(text);
    if (scp && !/^[a-z+]+:\/\//i.test(text)) text = `https://${scp[1]}/${scp[2]}`;
  }
  let url: URL;
  try {
    url = new URL(text.replace(/^git\+/, ""));
  } catch {
    return null;
  }
  if (!["https:", "http:", "git:", "ssh:", "git+ssh:"].includes(url.protocol)) return null;
  if (!url.hostname.includes(".")) return null;
  return cleanUrl(`https://${url.hostname.toLowerCase()}${url.port && url.protocol.startsWith("http") ? `:${url.port}` : ""}${url.pathname}`);
}

function cleanUrl(url: string): string | null {
  const cleaned = url.replace(/[#?].*$/, "").replace(/\/+$/, "").replace(/\.git$/i, "").replace(/\/+$/, "");
  const path = cleaned.replace(/^https:\/\/[^/]+/, "");
  return path.length > 1 ? cleaned : null;
}

/**
 * Reads package.json's `repository` in all its forms: a string (any spelling above) or an object
 * `{ type, url, directory }`, whose directory places a monorepo package inside its repository.
 */
export function repositoryFromPackageField(field: unknown): RepositoryLocation | null {
  if (typeof field === "string") {
    const url = normalizeRepositoryUrl(field);
    return url ? { url, directory: "" } : null;
  }
  if (typeof field === "object" && field !== null && !Array.isArray(field)) {
    const record = field as Record<string, unknown>;
    if (typeof record.url !== "string") return null;
    const url = normalizeRepositoryUrl(record.url);
    if (!url) return null;
    const directory = typeof record.directory === "string" ? cleanDirectory(record.directory) : "";
    return { url, directory };
  }
  return null;
}

function cleanDirectory(directory: string): string {
  const parts = directory.replace(/\\/g, "/").split("/").filter((p) => p !== "" && p !== ".");
  // A directory that climbs out of the repository is not a place to link to.
  return parts.includes("..") ? "" : parts.join("/");
}

/**
 * The page of a folder inside a repository, on hosts whose layout is known; else the repository.
 * `revision` defaults to the host's default branch (HEAD).
 */
export function repositoryFolderUrl(location: RepositoryLocation, revision?: string | null): string {
  if (!location.directory) return location.url;
  const ref = encodeURIComponent(revision || "HEAD");
  const folder = location.directory.split("/").map(encodeURIComponent).join("/");
  const host = new URL(location.url).hostname;
  if (host === "github.com") return `${location.url}/tree/${ref}/${folder}`;
  if (host === "gitlab.com") return `${location.url}/-/tree/${ref}/${folder}`;
  if (host === "bitbucket.org") return `${location.url}/src/${ref}/${folder}`;
  return location.url;
}
