import { describe, expect, it } from "vitest";
import { type Selection, selectReferences } from "../../src/match/rank.js";
import type { Candidate, Evidence, NameComparison } from "../../src/match/types.js";

/** A judged-alike candidate: one segment over query tokens [start, end), its names `sameShare` the query's own. */
function candidate(contentId: number, start: number, end: number): Candidate {
  const tokens = end - start;
  return {
    contentId,
    segments: [{ queryStart: start, queryEnd: end, sourceStart: 0, sourceEnd: tokens }],
    matchedTokens: tokens,
    matchedChars: tokens * 4,
    sourceMatchedChars: null,
    literalTokens: 0,
    seeds: 3,
    edgeSeeds: 0,
    borrowedSeeds: 0,
  endsToCheck: false,
    frequencySum: 3,
    rarestSeedFrequency: 1,
    complete: true,
  };
}

/** Four characters a token, as candidate() counts them. */
const QUERY_CHARS = Int32Array.from({ length: 2001 }, (_, i) => 4 * i);

/** How the tests select: ten a group, and a reference's length of identical code (150 characters) for the few-common-seeds rule. */
function selection(wholeFile: boolean): Selection {
  return { maxPerGroup: 10, wholeFile, minIdenticalChars: 150, queryChars: QUERY_CHARS };
}

function names(sameShare: number, identicalRunChars = 1000): NameComparison {
  return { pairs: 12, distinctNames: 6, distinctSameNames: sameShare > 0 ? 6 : 0, repeats: 6, consistency: 1, sameShare, literalPairs: 0, sameLiterals: 0, sameLiteralsVary: false, keptLiteralPairs: 0, sameKeptLiterals: 0, sameKeptLiteralsVary: false, sameCounterSteps: 0, sameBeyondDefaults: 0, sameKeyRunSteps: 0, sameStrideSteps: 0, otherLiteralChars: 0, identicalRunChars };
}

describe("selecting references", () => {
  // A bundle: one monolith matches 1,000 tokens; inside them, eleven small modules each match a
  // stretch of their own, and two look-alike siblings match the first module's stretch with another name.
  const monolith = candidate(1, 0, 1000);
  const modules = Array.from({ length: 11 }, (_, i) => candidate(10 + i, 40 + i * 80, 100 + i * 80));
  const siblings = [candidate(30, 40, 100), candidate(31, 40, 100)];
  const sameShare = new Map<number, number>([[30, 11 / 12], [31, 11 / 12]]);
  const judge = (c: Candidate): Evidence => ({ distinctKgramShare: 1, recurringKgramShare: 0, declarationsOnly: false, signaturesOnly: false, requirementWords: 0, echoChars: 0, names: names(sameShare.get(c.contentId) ?? 1) });
  const all = [monolith, ...modules, ...siblings];

  it("in a whole file, gives each module inside the monolith's range a group of its own, and drops the renamed siblings", () => {
    const selected = selectReferences(all, judge, selection(true));
    const reported = selected.map((j) => j.candidate.contentId);
    for (const module of modules) expect(reported).toContain(module.contentId);
    expect(reported).not.toContain(30);
    expect(reported).not.toContain(31);
    expect(new Set(selected.map((j) => j.group)).size).toBe(12);
  });

  it("in a whole file, drops a sibling with fewer own names inside another version of the file, and keeps the modules", () => {
    // The file scanned is another release of the monolith: 97% of its names the query's own. A
    // sibling class of the same project matches one module's stretch with half its names.
    const release = new Map<number, number>([[1, 0.97], [30, 0.46]]);
    const judgeRelease = (c: Candidate): Evidence => ({ distinctKgramShare: 1, recurringKgramShare: 0, declarationsOnly: false, signaturesOnly: false, requirementWords: 0, echoChars: 0, names: names(release.get(c.contentId) ?? 1) });
    // Past the last module: only the monolith's region holds it.
    const sibling = candidate(30, 910, 970);
    const reported = selectReferences([monolith, ...modules, sibling], judgeRelease, selection(true)).map((j) => j.candidate.contentId);
    expect(reported).toContain(1);
    for (const module of modules) expect(reported).toContain(module.contentId);
    expect(reported).not.toContain(30);
    // Inside a region with fewer own names than VERBATIM_NAME_SHARE, nothing is dropped.
    release.set(1, 0.6);
    expect(selectReferences([monolith, sibling], judgeRelease, selection(true)).map((j) => j.candidate.contentId)).toEqual([1, 30]);
  });

  it("in a snippet, groups what overlaps half of the shorter range, at most maxPerGroup, siblings included", () => {
    const selected = selectReferences(all, judge, selection(false));
    expect(selected).toHaveLength(10);
    expect(new Set(selected.map((j) => j.group)).size).toBe(1);
  });
});

describe("a turned-down candidate offered again narrower", () => {
  it("judges the narrower candidate in its turn and reports it when the rules accept it", () => {
    const wide = candidate(1, 0, 200);
    const narrow = candidate(1, 120, 200);
    const other = candidate(2, 300, 400);
    const judged: Candidate[] = [];
    const judge = (c: Candidate): Evidence | null => {
      judged.push(c);
      return c === wide ? null : { distinctKgramShare: 1, recurringKgramShare: 0, declarationsOnly: false, signaturesOnly: false, requirementWords: 0, echoChars: 0, names: names(1) };
    };
    const offered: Candidate[] = [];
    const narrower = (c: Candidate): Candidate | undefined => {
      offered.push(c);
      return c === wide ? narrow : undefined;
    };
    const selected = selectReferences([wide, other], judge, selection(false), narrower).map((j) => j.candidate);
    expect(selected).toHaveLength(2);
    expect(selected).toContain(narrow);
    expect(selected).toContain(other);
    // Only a candidate the rules turned down is offered for narrowing.
    expect(offered).toEqual([wide]);
    expect(judged).toContain(narrow);
  });

  it("drops a sibling table whose strings are all other text inside a region whose strings are all the query's own", () => {
    // A locale's ordinal suffixes: 18 numeric keys and their 18 strings; a sibling locale has the
    // same keys and other suffixes. Ranked first by its identical strings, the copied table is kept.
    const table = (sameStrings: number): NameComparison => ({ ...names(1), pairs: 0, sameShare: 1, literalPairs: 36, sameLiterals: 18 + sameStrings, keptLiteralPairs: 18, sameKeptLiterals: 18, sameKeptLiteralsVary: true });
    const copied = candidate(1, 0, 60);
    const sibling = candidate(2, 0, 60);
    const strings = new Map<number, number>([[1, 18], [2, 0]]);
    const judgeTables = (c: Candidate): Evidence => ({ distinctKgramShare: 1, recurringKgramShare: 0, declarationsOnly: false, signaturesOnly: false, requirementWords: 0, echoChars: 0, names: table(strings.get(c.contentId)!) });
    expect(selectReferences([sibling, copied], judgeTables, selection(false)).map((j) => j.candidate.contentId)).toEqual([1]);
    // With some of its strings the same too, it is another copy of them, and listed.
    strings.set(2, 9);
    expect(selectReferences([sibling, copied], judgeTables, selection(false)).map((j) => j.candidate.contentId)).toEqual([1, 2]);
  });
});

describe("another origin inside a copied region", () => {
  // A fork of a framework's command: its own origin matches 300 tokens, 1,200 characters of them
  // identical code; a sibling command matches a stretch inside them on its shape, two option rows
  // identical among others (90 characters in a row), three of its twelve names other.
  const origin = { ...candidate(1, 0, 300), seeds: 20, frequencySum: 40 };
  const sibling = candidate(2, 40, 110);
  const identical = new Map<number, number>([[1, 1200], [2, 90]]);
  const same = new Map<number, number>([[1, 1], [2, 0.75]]);
  const judge = (c: Candidate): Evidence => ({ distinctKgramShare: 1, recurringKgramShare: 0, declarationsOnly: false, signaturesOnly: false, requirementWords: 0, echoChars: 0, names: names(same.get(c.contentId)!, identical.get(c.contentId)!) });
  const reported = (candidates: Candidate[], wholeFile = false): number[] => selectReferences(candidates, judge, selection(wholeFile)).map((j) => j.candidate.contentId);

  it("is dropped when its run of identical code is shorter than a reference, in a snippet or a whole file", () => {
    expect(reported([origin, sibling])).toEqual([1]);
    expect(reported([origin, sibling], true)).toEqual([1]);
  });

  it("is kept with a reference's length of identical code: a second origin of the same lines", () => {
    identical.set(2, 150);
    expect(reported([origin, sibling])).toEqual([1, 2]);
    identical.set(2, 90);
  });

  it("is kept with every name and literal the query's own: a module shorter than a reference, copied whole", () => {
    same.set(2, 1);
    expect(reported([origin, sibling])).toEqual([1, 2]);
    same.set(2, 0.75);
  });

  it("is dropped when it was ranked before the copy, or runs past the copy by less than a reference and less than it lies over it", () => {
    // A sibling template ranked first by its rarer seeds; the copy of the same lines comes later.
    const rarer = { ...candidate(2, 40, 110), frequencySum: 3 };
    const commoner = { ...candidate(1, 35, 125), seeds: 9, frequencySum: 90 };
    expect(selectReferences([rarer, commoner], judge, selection(false)).map((j) => j.candidate.contentId)).toEqual([1]);
    // 20 tokens past the copy's end, 30 over it: 80 characters of its own.
    expect(reported([origin, candidate(2, 270, 320)])).toEqual([1]);
    // 50 tokens past it: 200 characters, a reference's length of its own.
    expect(reported([origin, candidate(2, 250, 350)]).sort()).toEqual([1, 2]);
    // 30 tokens past it and 10 over it: shorter than a reference outside, but mostly its own lines.
    expect(reported([origin, candidate(2, 290, 330)]).sort()).toEqual([1, 2]);
  });

  it("counts its characters once where its segments overlap (repetitive code aligned twice)", () => {
    // 20 tokens past the copy's end, 30 over it, and a second segment over 40 of the same tokens:
    // 80 characters of its own, not 160.
    const twice = { ...candidate(2, 270, 320), segments: [...candidate(2, 270, 320).segments, { queryStart: 280, queryEnd: 320, sourceStart: 60, sourceEnd: 100 }] };
    expect(reported([origin, twice])).toEqual([1]);
  });

  it("is kept inside a region that is no copy of its origin's text, or outside the copied region", () => {
    identical.set(1, 120);
    expect(reported([origin, sibling])).toEqual([1, 2]);
    identical.set(1, 1200);
    expect(reported([candidate(1, 0, 60), sibling]).sort()).toEqual([1, 2]);
  });

  it("never applies to prose, matched only where its words are the same", () => {
    const prose = (c: Candidate): Evidence => ({ ...judge(c), names: names(1, 0) });
    expect(selectReferences([origin, sibling], prose, { ...selection(false), minIdenticalChars: 0 }).map((j) => j.candidate.contentId)).toEqual([1, 2]);
  });
});
