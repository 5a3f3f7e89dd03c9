import type { Match } from "./types.js";

/** Inclusive 1-based line ranges of matches: how they overlap, join and group. */

/** Whether two inclusive ranges overlap or are at most `gap` lines apart. */
export function near(a: readonly [number, number], b: readonly [number, number], gap: number): boolean {
  return a[0] <= b[1] + gap && b[0] <= a[1] + gap;
}

export function union(a: readonly [number, number], b: readonly [number, number]): [number, number] {
  return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
}

/** Two matches' query offsets joined (Match.queryOffsets): unknown when either is. */
export function unionOffsets(a: Match, b: Match): readonly [number, number] | undefined {
  return a.queryOffsets && b.queryOffsets ? [Math.min(a.queryOffsets[0], b.queryOffsets[0]), Math.max(a.queryOffsets[1], b.queryOffsets[1])] : undefined;
}

/** Overlap of two inclusive ranges as a share of the shorter one (of the longer, with `ofLonger`). */
export function overlapShare(a: readonly [number, number], b: readonly [number, number], ofLonger = false): number {
  const overlap = Math.min(a[1], b[1]) - Math.max(a[0], b[0]) + 1;
  if (overlap <= 0) return 0;
  const lengths = [a[1] - a[0] + 1, b[1] - b[0] + 1] as const;
  return overlap / (ofLonger ? Math.max(...lengths) : Math.min(...lengths));
}

/**
 * Whether a match on `range` joins the group of `groupRange`: more than half of the shorter range
 * shared, or, in a whole file (`wholeFile`, rank.ts), of the longer.
 */
export function sameGroup(groupRange: readonly [number, number], range: readonly [number, number], wholeFile: boolean): boolean {
  return overlapShare(groupRange, range, wholeFile) > 0.5;
}

/**
 * Whether `match` joins the group `first` began: by query lines (sameGroup), or, when both lie on
 * one and the same line, by their characters there (Match.queryOffsets). On a minified line every
 * library shares the line: by lines alone they were one group, and maxPerGroup cut the line's
 * references short.
 */
function joinsGroup(first: Match, match: Match, wholeFile: boolean): boolean {
  const [a, b] = [first.queryLines, match.queryLines];
  if (a[0] === a[1] && b[0] === b[1] && a[0] === b[0] && first.queryOffsets && match.queryOffsets) {
    return sameGroup([first.queryOffsets[0], first.queryOffsets[1] - 1], [match.queryOffsets[0], match.queryOffsets[1] - 1], wholeFile);
  }
  return sameGroup(a, b, wholeFile);
}

/**
 * Matches grouped by query lines (joinsGroup, as rank.ts grouped them by tokens), groups numbered
 * in the order their first match comes, at most `maxPerGroup` matches each.
 */
export function regroup(matches: readonly Match[], maxPerGroup: number, wholeFile = false): Match[] {
  const firsts: Match[] = [];
  const members: Match[][] = [];
  for (const match of matches) {
    let group = firsts.findIndex((first) => joinsGroup(first, match, wholeFile));
    if (group === -1) {
      firsts.push(match);
      members.push([]);
      group = firsts.length - 1;
    }
    if (members[group]!.length < maxPerGroup) members[group]!.push(match);
  }
  return members.flatMap((list, group) => list.map((match) => (match.group === group + 1 ? match : { ...match, group: group + 1 })));
}

/**
 * Of one content's matches, those whose lines lie within another's on both sides are left out (of
 * two on the very same lines, the later): they show a reader nothing the other does not. On a
 * minified line every region of a content shares its lines; in a bundle, a module's long region
 * can hold a shorter one aligned apart from it. A window's matches are merged alike (windows.ts).
 */
export function outermostPerContent(matches: readonly Match[]): readonly Match[] {
  const within = (inner: Match, outer: Match): boolean =>
    outer.queryLines[0] <= inner.queryLines[0] &&
    inner.queryLines[1] <= outer.queryLines[1] &&
    outer.sourceLines[0] <= inner.sourceLines[0] &&
    inner.sourceLines[1] <= outer.sourceLines[1];
  const same = (a: Match, b: Match): boolean => within(a, b) && within(b, a);
  const dropped = matches.map((match, i) =>
    matches.some((other, j) => j !== i && other.contentId === match.contentId && within(match, other) && (!same(match, other) || j < i)),
  );
  const kept = matches.filter((_, i) => !dropped[i]);
  if (kept.length === matches.length) return matches;
  // A match left out still says where in the query its content lies: on a minified line, the
  // match kept spans the characters of every one within it.
  const widened = kept.map((keeper) =>
    matches.reduce((wider, match, i) => (dropped[i] && match.contentId === keeper.contentId && within(match, keeper) ? { ...wider, queryOffsets: unionOffsets(wider, match) } : wider), keeper),
  );
  return closeGroups(widened);
}

/** Matches with their groups numbered 1, 2, … in the order they come, where some were left out. */
export function closeGroups(matches: readonly Match[]): Match[] {
  const numbers = new Map<number, number>();
  return matches.map((match) => {
    let group = numbers.get(match.group);
    if (group === undefined) numbers.set(match.group, (group = numbers.size + 1));
    return group === match.group ? match : { ...match, group };
  });
}
