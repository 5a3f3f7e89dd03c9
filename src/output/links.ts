/** What a link is made from: a source's repository, revision and link template. */
export interface LinkSource {
  readonly repository: string | null;
  readonly revision: string | null;
  /** Folder inside the repository that the source's root is ("" = repository root). */
  readonly repositoryDirectory: string;
  /** A template with {path}, {start}, {end}, {revision}, for sources not on a known host. */
  readonly urlTemplate: string | null;
}

/**
 * Each source's repository host, parsed once: a reference lists every origin of its content (the
 * same module in many Python trees), and parsing a URL per origin showed in the slowest queries.
 * Keyed by the index reader's cached source record, so it is dropped with it.
 */
const hosts = new WeakMap<LinkSource, string>();

function hostOf(source: LinkSource, repository: string): string {
  let host = hosts.get(source);
  if (host === undefined) {
    try {
      host = new URL(repository).hostname.toLowerCase();
    } catch {
      // Not a URL: no known layout, so the repository itself is the link.
      host = "";
    }
    hosts.set(source, host);
  }
  return host;
}

/** A character encodeURIComponent would escape, other than the path's slashes: most paths have none. */
const NEEDS_ENCODING = /[^A-Za-z0-9\-_.!~*'()/]/;

/**
 * A file path (forward slashes) as a URI path, each segment percent-encoded: `#`, `?` and `%` in a
 * name are the name's, not a fragment, a query or an escape (encodeURI leaves `#` and `?` as they are).
 */
export function encodePath(path: string): string {
  return NEEDS_ENCODING.test(path) ? path.split("/").map(encodeURIComponent).join("/") : path;
}

/**
 * A link to exact lines of a file: the source's own template when it has one, else the blob URL
 * for hosts whose layout is known, else the repository URL (or null) — never a guessed link that
 * might be dead.
 */
export function sourceLink(source: LinkSource, path: string, lines: readonly [number, number]): string | null {
  const [start, end] = lines;
  const encodedPath = encodePath(path);
  if (source.urlTemplate) {
    return source.urlTemplate
      .replaceAll("{path}", encodedPath)
      .replaceAll("{start}", String(start))
      .replaceAll("{end}", String(end))
      .replaceAll("{revision}", encodeURIComponent(source.revision ?? ""));
  }
  const repository = source.repository;
  if (!repository) return null;
  if (!source.revision) return repository;
  const filePath = source.repositoryDirectory ? `${source.repositoryDirectory}/${encodedPath}` : encodedPath;
  const rev = encodeURIComponent(source.revision);
  const host = hostOf(source, repository);
  if (host === "github.com") return `${repository}/blob/${rev}/${filePath}#L${start}-L${end}`;
  if (host === "gitlab.com") return `${repository}/-/blob/${rev}/${filePath}#L${start}-${end}`;
  if (host === "bitbucket.org") return `${repository}/src/${rev}/${filePath}#lines-${start}:${end}`;
  return repository;
}
