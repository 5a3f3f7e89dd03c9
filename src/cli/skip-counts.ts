/**
 * Skipped files counted by reason, most first, as the `scan` and `index` summaries print them:
 * "741 empty, 7 minified, 1 binary".
 */
export function describeSkipCounts(counts: Readonly<Partial<Record<string, number>>>): string {
  return Object.entries(counts)
    .filter((entry): entry is [string, number] => (entry[1] ?? 0) > 0)
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
    .map(([reason, n]) => `${n} ${reason}`)
    .join(", ");
}

/** How many of `skipped` were left for each reason. */
export function countSkipReasons(skipped: readonly { readonly reason: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { reason } of skipped) counts[reason] = (counts[reason] ?? 0) + 1;
  return counts;
}

/**
 * Whether a skipped file gets a line of its own on standard error. An empty file (Python's
 * `__init__.py` by the hundred) found in a folder is counted in the summary only: it holds nothing
 * to check, and a line each buried the skips worth a look. A file named on the command line is
 * always told, whatever its reason: it was asked for.
 */
export function skipWorthALine(reason: string, named: boolean): boolean {
  return named || reason !== "empty";
}
