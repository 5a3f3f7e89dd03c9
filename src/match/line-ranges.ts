import type { Match, MatchBasis } from "./types.js";

/** Inclusive 1-based line ranges of matches: how they overlap, join and group. */

/** Whether two inclusive ranges overlap or are at most `gap` lines apart. */
export function near(a: readonly [number, number], b: readonly [number, number], gap: number): boolean {
  return a[0] <= b[1] + gap && b[0] <= a[1] + gap;
}

export function union(a: readonly [number, number], b: readonly [number, number]): [number, number] {
  return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
}

/** Two matches' query offsets joined (Match.queryOffsets): unknown when either is. */
export function unionOffsets(a: Pick<Match, "queryOffsets">, b: Pick<Match, "queryOffsets">): readonly [number, number] | undefined {
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
 * Of one content's matches, those whose lines overlap on both sides (or lie at most `gapLines`
 * apart) are one match: one copy found as two chains (an edit between them, a doc comment joining
 * one of them over the other's first lines) or twice (a window's overlap, the regions of one
 * minified line). Two references to the same lines of the same file show a reader nothing one does
 * not. The joined match spans every part's lines and columns, in the first part's place; its
 * figures are those of the part around all the others, else of the part with the most tokens, and
 * its evidence counts the most code and the most prose any part rests on. Matches overlapping on
 * one side only stay apart (a file's line matched against two of the content's lines).
 */
export function joinOverlapping(matches: readonly Match[], gapLines: number): readonly Match[] {
  // Most queries have one match or none: nothing to allocate for them on the lookup path.
  if (matches.length < 2) return matches;
  const root = matches.map((_, i) => i);
  const find = (i: number): number => (root[i] === i ? i : (root[i] = find(root[i]!)));
  // Pairs within one content only: a bundle's thousands of matches are a few per content.
  const byContent = new Map<number, number[]>();
  matches.forEach((match, i) => {
    const list = byContent.get(match.contentId);
    if (list) list.push(i);
    else byContent.set(match.contentId, [i]);
  });
  let joins = 0;
  for (const indexes of byContent.values()) {
    for (let x = 0; x < indexes.length; x++) {
      for (let y = x + 1; y < indexes.length; y++) {
        const [i, j] = [indexes[x]!, indexes[y]!];
        const [a, b] = [matches[i]!, matches[j]!];
        if (!near(a.queryLines, b.queryLines, gapLines) || !near(a.sourceLines, b.sourceLines, gapLines)) continue;
        const [ra, rb] = [find(i), find(j)];
        if (ra === rb) continue;
        root[Math.max(ra, rb)] = Math.min(ra, rb);
        joins++;
      }
    }
  }
  if (joins === 0) return matches;
  const parts = new Map<number, Match[]>();
  matches.forEach((match, i) => {
    const at = find(i);
    const list = parts.get(at);
    if (list) list.push(match);
    else parts.set(at, [match]);
  });
  return closeGroups([...parts.values()].map(joined));
}

/** One match of a content's overlapping parts (see joinOverlapping). */
function joined(parts: readonly Match[]): Match {
  if (parts.length === 1) return parts[0]!;
  const within = (inner: Match, outer: Match): boolean =>
    outer.queryLines[0] <= inner.queryLines[0] &&
    inner.queryLines[1] <= outer.queryLines[1] &&
    outer.sourceLines[0] <= inner.sourceLines[0] &&
    inner.sourceLines[1] <= outer.sourceLines[1];
  const largest = (among: readonly Match[]): Match => among.reduce((best, part) => (part.matchedTokens > best.matchedTokens ? part : best));
  const around = parts.filter((part) => parts.every((other) => within(other, part)));
  // Of parts around the others on the very same lines, the one with the most tokens, as of parts that only overlap.
  const principal = largest(around.length > 0 ? around : parts);
  const textChars = Math.max(...parts.map((part) => part.evidence.textChars));
  const matchedChars = Math.max(...parts.map((part) => part.evidence.matchedChars));
  const sourceMatchedChars = Math.max(...parts.map((part) => part.evidence.sourceMatchedChars));
  const evidence =
    textChars === principal.evidence.textChars && matchedChars === principal.evidence.matchedChars && sourceMatchedChars === principal.evidence.sourceMatchedChars
      ? principal.evidence
      : { ...principal.evidence, basis: basisOf(matchedChars, textChars), textChars, matchedChars, sourceMatchedChars };
  return {
    ...principal,
    queryLines: parts.reduce((lines, part) => union(lines, part.queryLines), principal.queryLines),
    sourceLines: parts.reduce((lines, part) => union(lines, part.sourceLines), principal.sourceLines),
    queryOffsets: parts.reduce<Pick<Match, "queryOffsets">>((joined, part) => ({ queryOffsets: unionOffsets(joined, part) }), principal).queryOffsets,
    group: parts[0]!.group,
    evidence,
  };
}

function basisOf(codeChars: number, textChars: number): MatchBasis {
  return codeChars > 0 && textChars > 0 ? "code and text" : textChars > 0 ? "text" : "code";
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
