import type { SourceRecord } from "../index/store.js";

/**
 * Each source's repository host, parsed once: a reference lists every origin of its content (the
 * same module in eleven Python trees), and a URL parse per origin was 2.5% of the slowest
 * queries' time. Keyed by the reader's cached record, so it is dropped with it.
 */
const hosts = new WeakMap<SourceRecord, string>();

function hostOf(source: SourceRecord, repository: string): string {
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

/**
 * A link to exact lines of a file: the source's own template when it has one, else the blob URL
 * for hosts whose layout is known, else the repository URL (or null) — never a guessed link that
 * might be dead.
 */
export function sourceLink(source: SourceRecord, path: string, lines: readonly [number, number]): string | null {
  const [start, end] = lines;
  const encodedPath = path.split("/").map(encodeURIComponent).join("/");
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
