import type { TokenStream } from "../normalize/token-stream.js";
import { RARE_SEEDS_MEAN_FILES, TEXT_MERGE_GAP_LINES, WHOLE_CONTENT_SHARE } from "../options.js";
import { lowerBound } from "../util/search.js";
import { near, regroup, union, unionOffsets } from "./line-ranges.js";
import type { Match } from "./types.js";

/**
 * Whether no token of the query begins on a line strictly between `after` and `before`: only blank
 * lines, or lines the normalizer skips (imports, directives, license notices), lie between.
 */
export type QuietBetween = (after: number, before: number) => boolean;

/** The sources (repositories) a content occurs in: the index's origins of it, by source name. */
export type SourcesOf = (contentId: number) => readonly string[];

/** What combine knows of the query beyond its matches; each part optional (see combine). */
export interface CombineContext {
  /** The query is long (rules.ts isLongQuery): regroup groups its matches as a whole file's. */
  readonly wholeFile?: boolean;
  /**
   * The query is a file scanned whole (MatchTarget.whole), however short, of this many lines (a
   * long file's window, of the window's): see holdsFile.
   */
  readonly scannedLines?: number;
  /** With scannedLines, the characters of prose the file (or window) holds, as TextEvidence counts them: see holdsFile. */
  readonly scannedProseChars?: number;
  readonly quiet?: QuietBetween;
  readonly sourcesOf?: SourcesOf;
}

/** QuietBetween over a query's streams (its code tokens and its prose words). */
export function quietBetween(streams: readonly TokenStream[]): QuietBetween {
  return (after, before) =>
    streams.every((stream) => {
      const next = lowerBound(stream.startLines, after + 1);
      return next >= stream.count || stream.startLines[next]! >= before;
    });
}

/**
 * Whether a text match sits beside a code match: within TEXT_MERGE_GAP_LINES on both sides, or
 * with nothing but blank and skipped lines between them in the query and no more lines between
 * them in the indexed file (a module's comment, `'use strict'` and blank lines, then its code).
 */
function beside(code: Match, prose: Match, quiet: QuietBetween | undefined): boolean {
  if (code.contentId !== prose.contentId) return false;
  if (near(code.queryLines, prose.queryLines, TEXT_MERGE_GAP_LINES) && near(code.sourceLines, prose.sourceLines, TEXT_MERGE_GAP_LINES)) return true;
  if (!quiet) return false;
  const [first, second] = code.queryLines[0] <= prose.queryLines[0] ? [code.queryLines, prose.queryLines] : [prose.queryLines, code.queryLines];
  const queryGap = second[0] - first[1] - 1;
  return queryGap > 0 && quiet(first[1], second[0]) && near(code.sourceLines, prose.sourceLines, queryGap + TEXT_MERGE_GAP_LINES);
}

/**
 * A query's code matches and text matches as the references a person reads: a content's code and
 * its prose found side by side (a function and its docstring, a block and its comments) are one
 * reference resting on both; prose found alone is a reference of its own. A match too short on its
 * own (Match.complete false) counts only beside the other channel's, when the two together reach
 * `minChars` and `minSeeds`. Groups (matches whose query lines overlap) are formed again over all of them, at
 * most `maxPerGroup` each, in the order the code matches were ranked, then the prose-only ones in
 * theirs. `quiet` tells which of the query's lines are empty of tokens (see beside). Prose found
 * alone inside another content's region of more text, through seeds many indexed files share
 * (RARE_SEEDS_MEAN_FILES), is a project's stock paragraph repeated in its files (async's `@param`
 * descriptions in each of its modules): that region's origin shows where the lines come from.
 * Unless it is most of its file's prose (WHOLE_CONTENT_SHARE): a small module the query holds whole
 * (lodash's `keys.js`, its doc comment inside a copy of lodash.js) is reported for its lines.
 * With `sourcesOf`, prose found alone inside the region of a file the query holds whole
 * (WHOLE_CONTENT_SHARE of it), whose origins name every source the prose's do, is not reported
 * however rare its seeds or whole its file: a sibling module repeating that file's paragraphs
 * (async's `parallel` inside a copy of its `series`) names no repository or license it does not.
 * Nor, with `sourcesOf`, is a match resting on its prose inside a region of more text that holds
 * a copy's run of identical code (siblingProse), nor, in a whole file, a match on its project's
 * idioms, or on prose alone that its files repeat, beside a copy of another of that project's
 * files (projectIdiom). In a file scanned whole (`scannedLines`), however short, a region over most
 * of it with a reference's length of identical code or prose is the file's own module (holdsFile),
 * and a match mostly inside it, of a sibling file with less of the lines the same and no copy's
 * run of identical code, is not reported (siblingCode).
 */
export function combine(
  code: readonly Match[],
  text: readonly Match[],
  minChars: number,
  minSeeds: number,
  maxPerGroup: number,
  { wholeFile = false, scannedLines, scannedProseChars = Number.POSITIVE_INFINITY, quiet, sourcesOf }: CombineContext = {},
): Match[] {
  const merged = code.map((match) => ({ match, complete: match.complete, textChars: 0, textSeeds: 0 }));
  const alone: Match[] = [];
  for (const prose of text) {
    const partner = merged.find(({ match }) => beside(match, prose, quiet));
    if (!partner) {
      if (prose.complete) alone.push(textOnly(prose));
      continue;
    }
    partner.match = {
      ...partner.match,
      queryLines: union(partner.match.queryLines, prose.queryLines),
      sourceLines: union(partner.match.sourceLines, prose.sourceLines),
      queryOffsets: unionOffsets(partner.match, prose),
    };
    partner.complete ||= prose.complete;
    partner.textChars += prose.evidence.textChars;
    partner.textSeeds += prose.evidence.seedFingerprints;
  }
  // Code matches, with the prose beside them; `proseLed` those whose code alone is short of a
  // reference, so that what they name rests on their prose.
  const all: Match[] = [];
  const proseLed = new Set<Match>();
  for (const { match, complete, textChars, textSeeds } of merged) {
    if (!complete && !(textChars > 0 && match.evidence.matchedChars + textChars >= minChars && match.evidence.seedFingerprints + textSeeds >= minSeeds)) continue;
    if (textChars === 0) {
      all.push(match);
      continue;
    }
    const joined: Match = {
      ...match,
      complete: true,
      evidence: { ...match.evidence, basis: "code and text", textChars, seedFingerprints: match.evidence.seedFingerprints + textSeeds },
    };
    all.push(joined);
    if (!match.complete) proseLed.add(joined);
  }
  for (const prose of alone) proseLed.add(prose);
  const found = [...all, ...alone];
  const holds = (match: Match): boolean => scannedLines !== undefined && holdsFile(match, scannedLines, scannedProseChars, minChars);
  const copy = (match: Match): boolean => match.evidence.identicalChars >= minChars || holds(match);
  // What each content's regions in the query hold, identical code and prose: read when first asked.
  let held: Map<number, number> | undefined;
  const heldIn = (contentId: number): number => (held ??= identicalByContent(found)).get(contentId) ?? 0;
  const idiom = (match: Match): boolean =>
    projectIdiom(match, found, minChars, wholeFile, holds, scannedLines !== undefined ? heldIn : undefined, sourcesOf) || siblingCode(match, found, minChars, holds, sourcesOf);
  if (proseLed.size === 0) return regroup(all.filter((match) => !idiom(match)), maxPerGroup, wholeFile);
  const sibling = (match: Match): boolean => siblingProse(match, found, copy, sourcesOf);
  const reported = [
    ...all.filter((match) => (!proseLed.has(match) || !sibling(match)) && !idiom(match)),
    ...alone.filter((prose) => !stockParagraph(prose, found, sourcesOf) && !sibling(prose) && !idiom(prose)),
  ];
  return regroup(reported, maxPerGroup, wholeFile);
}

/**
 * Whether a match found through seeds its indexed files share (RARE_SEEDS_MEAN_FILES on
 * average) lies beside a copy of another file whose origins name every source its own do: in a
 * whole file (`wholeFile`), one without as much identical text as a reference needs (`minChars`,
 * its run of identical code and its identical prose together) beside a copy by that much identical
 * code; in a file scanned whole, prose alone beside the file's own module (`holds`, holdsFile),
 * or, all the file shares with its content, over the lines another file of those sources matches
 * with as much prose, of which the file holds more elsewhere (`heldIn`: rxjs 8's `Subject.d.ts`,
 * whose internal-use note four of rxjs's files repeat, and `Subject.ts`'s other doc comments). The
 * file holds that project's code, and a region written on the project's idioms (react-aria's
 * `Menu` built as its `GridList` and `ListBox` are, names renamed) or a paragraph its files repeat
 * (rxjs's note that a class is an internal implementation detail) names no repository or license
 * that copy does not. A short function copied with its doc comment (lodash's `baseTimes` in a
 * bundle) has that text; a module held whole with it (heldWholeCopy) is reported for its lines.
 */
function projectIdiom(
  match: Match,
  others: readonly Match[],
  minChars: number,
  wholeFile: boolean,
  holds: (match: Match) => boolean,
  heldIn: ((contentId: number) => number) | undefined,
  sourcesOf: SourcesOf | undefined,
): boolean {
  const { textChars, basis, meanSeedFileFrequency } = match.evidence;
  if (!sourcesOf || meanSeedFileFrequency <= RARE_SEEDS_MEAN_FILES || heldWholeCopy(match, minChars)) return false;
  // Prose alone only beside the scanned file's own module (holdsFile), or over the same lines as
  // a file it holds more of: in a bundle of one project, its files' doc comments, found through
  // seeds its builds share, are copies of each.
  let anchor: (other: Match) => boolean;
  if (basis === "text") {
    // Only for the paragraph all the file shares with its content: one of a content with other
    // regions here (lodash's `core.js` in a bundle of lodash's functions) is an origin of the file's own.
    const heldAlone = heldIn !== undefined && heldIn(match.contentId) === textChars ? heldIn : undefined;
    anchor = (other) =>
      holds(other) || (heldAlone !== undefined && other.evidence.textChars >= textChars && mostlyOver(match, other) && heldAlone(other.contentId) > textChars);
  } else if (wholeFile && identicalText(match) < minChars) anchor = (other) => other.evidence.identicalChars >= minChars;
  else return false;
  const named = namedBy(match, sourcesOf);
  return others.some((other) => other.contentId !== match.contentId && anchor(other) && named(other));
}

/**
 * Whether, in a file scanned whole of `lines` lines holding `proseChars` of prose, a region spans
 * most of its lines (WHOLE_CONTENT_SHARE) with a reference's length (`minChars`) of identical code
 * or of identical prose, or holds that share of its prose with a reference's length of it: the file
 * is that module's version, as a declaration file holds its module's doc comments and little of its
 * code, and a module rewritten keeps its documentation (rxjs 8's `debounceTime`, whose new code is
 * half its lines). Its region is a copy for siblingProse and projectIdiom however little code it
 * holds, and the anchor of siblingCode.
 */
function holdsFile(match: Match, lines: number, proseChars: number, minChars: number): boolean {
  const { identicalChars, textChars } = match.evidence;
  if (identicalChars < minChars && textChars < minChars) return false;
  return match.queryLines[1] - match.queryLines[0] + 1 >= WHOLE_CONTENT_SHARE * lines || (textChars >= minChars && textChars >= WHOLE_CONTENT_SHARE * proseChars);
}

/** Whether prose found alone is a stock paragraph inside another content's region of more text (see combine). */
function stockParagraph(prose: Match, others: readonly Match[], sourcesOf: SourcesOf | undefined): boolean {
  const regions = others.filter((other) => holdsWithMoreText(other, prose));
  if (regions.length === 0) return false;
  if (sourcesOf) {
    const named = namedBy(prose, sourcesOf);
    if (regions.some((region) => heldWhole(region) && named(region))) return true;
  }
  return prose.evidence.meanSeedFileFrequency > RARE_SEEDS_MEAN_FILES && !heldWhole(prose);
}

/**
 * Whether a match resting on its prose lies inside another content's region of more text holding a
 * run of identical code a reference needs (`minChars`), whose origins name every source its own do:
 * that region's file is where the lines come from, and a sibling file of its project repeating some
 * of its doc comments (react-aria's `ListBox` and `GridList` describing `layout` alike) names no
 * repository or license it does not. Not when the match is most of its file's prose (heldWhole).
 */
function siblingProse(match: Match, others: readonly Match[], copy: (match: Match) => boolean, sourcesOf: SourcesOf | undefined): boolean {
  if (!sourcesOf || heldWhole(match)) return false;
  const named = namedBy(match, sourcesOf);
  return others.some((other) => copy(other) && holdsWithMoreText(other, match) && named(other));
}

/**
 * Whether a match without a copy's run of identical code (`minChars`) lies mostly inside the region
 * of the file scanned whole's own module (`holds`, holdsFile) with more identical code and prose
 * than it, whose origins name every source its own do: that module is where the lines come from,
 * and a sibling of it in its project written on the same calls (rxjs's `findIndex` beside its
 * `find` and `single`) names no repository or license it does not. Not when the match is its
 * file copied whole (heldWholeCopy); nor with a run of identical code of its own, which the lines
 * share with the sibling as much as with the module.
 */
function siblingCode(match: Match, others: readonly Match[], minChars: number, holds: (match: Match) => boolean, sourcesOf: SourcesOf | undefined): boolean {
  if (!sourcesOf || match.evidence.identicalChars >= minChars || heldWholeCopy(match, minChars)) return false;
  const named = namedBy(match, sourcesOf);
  return others.some(
    (other) => other.contentId !== match.contentId && holds(other) && identicalText(other) > identicalText(match) && mostlyOver(match, other) && named(other),
  );
}

/** Each content's identical code and prose over its matches. */
function identicalByContent(matches: readonly Match[]): Map<number, number> {
  const held = new Map<number, number>();
  for (const match of matches) held.set(match.contentId, (held.get(match.contentId) ?? 0) + identicalText(match));
  return held;
}

/** A match's identical code and identical prose together. */
function identicalText(match: Match): number {
  return match.evidence.identicalChars + match.evidence.textChars;
}

/** Whether `region` spans more than half of `match`'s query lines. */
function mostlyOver(match: Match, region: Match): boolean {
  const shared = Math.min(match.queryLines[1], region.queryLines[1]) - Math.max(match.queryLines[0], region.queryLines[0]) + 1;
  return 2 * shared > match.queryLines[1] - match.queryLines[0] + 1;
}

/** Whether `region`, of another content, spans `match`'s query lines with more text than it. */
function holdsWithMoreText(region: Match, match: Match): boolean {
  return (
    region.contentId !== match.contentId &&
    region.evidence.textChars > match.evidence.textChars &&
    region.queryLines[0] <= match.queryLines[0] &&
    match.queryLines[1] <= region.queryLines[1]
  );
}

/**
 * Whether a match is its file copied whole: most of it (heldWhole) with a reference's length
 * (`minChars`) of identical code and prose together, as a small module copied with its doc comment
 * is (lodash's `baseTimes` in a bundle). A small sibling written on the same loop as the module
 * around it (d3-array's `numbers` inside an older `mean`) is most of its file by its size alone.
 */
function heldWholeCopy(match: Match, minChars: number): boolean {
  return heldWhole(match) && identicalText(match) >= minChars;
}

/** Whether a match covers WHOLE_CONTENT_SHARE of its content, as far as alignment read it: the query holds that file. */
function heldWhole(match: Match): boolean {
  return match.sourceLength !== undefined && match.evidence.sourceMatchedTokens >= WHOLE_CONTENT_SHARE * match.sourceLength;
}

/** Whether a region's origins name every source `match`'s do; `match`'s read once, when first asked. */
function namedBy(match: Match, sourcesOf: SourcesOf): (region: Match) => boolean {
  let own: readonly string[] | undefined;
  return (region) => {
    own ??= sourcesOf(match.contentId);
    const theirs = sourcesOf(region.contentId);
    return own.every((source) => theirs.includes(source));
  };
}

/** A text match reported alone: its characters are prose, none of them code. */
function textOnly(match: Match): Match {
  return { ...match, evidence: { ...match.evidence, basis: "text", matchedChars: 0, sourceMatchedChars: 0 } };
}
