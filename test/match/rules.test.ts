import { describe, expect, it } from "vitest";
import { identicalData, isMinifiedShape, isReference, isTextReference, seedsForLength, tooFewSeedsForLength } from "../../src/match/rules.js";
import type { Candidate, Evidence, Match, NameComparison } from "../../src/match/types.js";
import { DEFAULT_MATCH_OPTIONS, type MatchOptions } from "../../src/options.js";

// Unless a case gives its segments, one segment of the candidate's matched tokens.
const candidate = (fields: Partial<Candidate>): Candidate => ({
  contentId: 1,
  segments: [{ queryStart: 0, queryEnd: fields.matchedTokens ?? 60, sourceStart: 0, sourceEnd: fields.matchedTokens ?? 60 }],
  matchedTokens: 60,
  matchedChars: 200,
  sourceMatchedChars: null,
  literalTokens: 4,
  seeds: 4,
  edgeSeeds: 0,
  borrowedSeeds: 0,
  endsToCheck: false,
  frequencySum: 4,
  rarestSeedFrequency: 1,
  complete: true,
  ...fields,
});

// Unless a case says otherwise, every distinct name is paired with itself somewhere when any is.
const names = (fields: Partial<NameComparison>): NameComparison => ({
  pairs: 20,
  distinctNames: fields.distinctNames ?? 8,
  distinctSameNames: (fields.sameShare ?? 1) > 0 ? (fields.distinctNames ?? 8) : 0,
  repeats: 12,
  consistency: 1,
  sameShare: 1,
  literalPairs: 4,
  sameLiterals: 4,
  sameLiteralsVary: true,
  keptLiteralPairs: 0,
  sameKeptLiterals: 0,
  sameKeptLiteralsVary: false,
  sameCounterSteps: 0,
  sameBeyondDefaults: fields.sameLiterals ?? 4,
  sameKeyRunSteps: fields.sameCounterSteps ?? 0,
  sameStrideSteps: fields.sameCounterSteps ?? 0,
  otherLiteralChars: 0,
  identicalRunChars: 0,
  ...fields,
});

const evidence = (distinctKgramShare: number, comparison: Partial<NameComparison> = {}, recurringKgramShare = 0, declarationsOnly = false, signaturesOnly = false): Evidence => ({
  distinctKgramShare,
  recurringKgramShare,
  declarationsOnly,
  signaturesOnly,
  requirementWords: 0,
  echoChars: 0,
  names: names(comparison),
});
const options = (fields: Partial<MatchOptions> = {}): MatchOptions => ({ ...DEFAULT_MATCH_OPTIONS, ...fields });

describe("isReference", () => {
  it("accepts a verbatim copy found by several seeds", () => {
    expect(isReference(candidate({}), evidence(0.9), options(), 100)).toBe(true);
  });

  it("turns away a repetitive shape whose data differs, and takes it once the repetition filter is off", () => {
    // A table of other strings: one shape over and over, no name or literal in common.
    const table = candidate({ seeds: 3, literalTokens: 10 });
    const other = evidence(0.06, { pairs: 0, distinctNames: 0, repeats: 0, sameShare: 1, literalPairs: 2, sameLiterals: 0 });
    expect(isReference(table, other, options(), 100)).toBe(false);
    expect(isReference(table, other, options({ minDistinctKgramShare: 0 }), 100)).toBe(true);
  });

  it("turns away data whose literals are other text, unless its numbers are the same", () => {
    // More seeds than a short stretch, which the same names beside other literals would turn away.
    const data = candidate({ literalTokens: 30, seeds: 6 });
    expect(isReference(data, evidence(0.9, { literalPairs: 30, sameLiterals: 2 }), options(), 100)).toBe(false);
    const sameNumbers = { literalPairs: 30, sameLiterals: 10, keptLiteralPairs: 10, sameKeptLiterals: 10, sameKeptLiteralsVary: true };
    expect(isReference(data, evidence(0.9, sameNumbers), options(), 100)).toBe(true);
    expect(isReference(data, evidence(0.9, { literalPairs: 30, sameLiterals: 2 }), options({ dataLiteralShare: 2 }), 100)).toBe(true);
  });

  it("turns away shape alone however many seeds: no name repeats, literals other text, nothing the same", () => {
    // Documented stubs of another interface: \`def NAME(self): "doc"\` over and over, every name and docstring other.
    const stubs = evidence(0.6, { pairs: 6, distinctNames: 6, repeats: 0, sameShare: 0, literalPairs: 6, sameLiterals: 0 });
    expect(isReference(candidate({ seeds: 8 }), stubs, options(), 100)).toBe(false);
    // Nor do names the same make it a copy: a distutils command's table of other options under the
    // names every command has (`user_options`, `initialize_options`).
    expect(isReference(candidate({ seeds: 8 }), evidence(0.9, { repeats: 0, literalPairs: 6, sameLiterals: 0 }), options(), 100)).toBe(false);
    // A name repeated in step is a renaming to judge, and literals the same are identity: both pass.
    expect(isReference(candidate({ seeds: 8 }), evidence(0.9, { sameShare: 0, repeats: 6, literalPairs: 6, sameLiterals: 0 }), options(), 100)).toBe(true);
    expect(isReference(candidate({ seeds: 8 }), evidence(0.9, { repeats: 0, literalPairs: 6, sameLiterals: 6 }), options(), 100)).toBe(true);
  });

  it("turns away an idiom's rows found by common seeds however many, under a third of the query, names changing partner", () => {
    // A scheduler wrapper's passthroughs (`return self.scheduler.get_lr()` …) against a socket
    // wrapper's (`return self._sock.family` …): 7 seeds in 15 indexed files on average.
    const passthroughs = candidate({ seeds: 7, frequencySum: 107, matchedTokens: 66, literalTokens: 0 });
    const changing = { pairs: 6, distinctNames: 4, repeats: 2, consistency: 0.5, sameShare: 0, literalPairs: 0, sameLiterals: 0 };
    expect(isReference(passthroughs, evidence(0.85, changing), options(), 296)).toBe(false);
    // The same rows a third of the query or more, or found by rare seeds, are judged as before.
    expect(isReference(passthroughs, evidence(0.85, changing), options(), 190)).toBe(true);
    expect(isReference(candidate({ seeds: 7, frequencySum: 14, matchedTokens: 66, literalTokens: 0 }), evidence(0.85, changing), options(), 296)).toBe(true);
  });

  it("turns away an idiom's rows found by common seeds however many, under a third of the query, too few names to judge", () => {
    // setuptools' dist_info command's `self.x = None` initializers as distutils build_py's: one
    // name compared (the method's), its two literals other text, 7 seeds in 16 indexed files on average.
    const initializers = candidate({ seeds: 7, frequencySum: 115, matchedTokens: 41, literalTokens: 2 });
    const oneName = { pairs: 1, distinctNames: 1, repeats: 0, consistency: 1, sameShare: 1, literalPairs: 2, sameLiterals: 0 };
    expect(isReference(initializers, evidence(0.61, oneName), options(), 427)).toBe(false);
    // A third of the query or more, found by rare seeds, or with names enough to judge, they are judged as before.
    expect(isReference(initializers, evidence(0.61, oneName), options(), 120)).toBe(true);
    expect(isReference({ ...initializers, frequencySum: 20 }, evidence(0.61, oneName), options(), 427)).toBe(true);
    const renamed = { pairs: 12, distinctNames: 4, repeats: 8, consistency: 1, sameShare: 0, literalPairs: 2, sameLiterals: 2 };
    expect(isReference(initializers, evidence(0.61, renamed), options(), 427)).toBe(true);
  });

  it("turns away a framework's idiom in a whole file whatever literals agree, not its data", () => {
    // numpy's build_src initializers and `set_undefined_options('build', ('build_base', 'build_base'),
    // ('build_lib', 'build_lib'))` as distutils clean's: one name compared, five of seven literals
    // the same, 7 seeds in 15 indexed files on average, a thirteenth of a 900-line file.
    const idiom = candidate({ seeds: 7, frequencySum: 108, matchedTokens: 60, literalTokens: 9 });
    const optionNames = { pairs: 1, distinctNames: 1, repeats: 0, consistency: 1, sameShare: 1, literalPairs: 7, sameLiterals: 5, sameBeyondDefaults: 5 };
    expect(isReference(idiom, evidence(0.7, optionNames), options(), 4600)).toBe(false);
    // In a suggestion-sized query its literals still tell, and data (a stub's `__all__` list, the
    // module's own) is judged by its literals anywhere.
    expect(isReference(idiom, evidence(0.7, optionNames), options(), 200)).toBe(true);
    expect(isReference({ ...idiom, literalTokens: 30 }, evidence(0.7, { ...optionNames, literalPairs: 30, sameLiterals: 30, sameBeyondDefaults: 30 }), options(), 4600)).toBe(true);
  });

  it("measures a data region by its same data: other literals are one character of shape each", () => {
    // setuptools' install_scripts option table as distutils install_lib's: 162 characters over
    // four rows, of which the help texts and flags of two rows (58 characters) are other text.
    const table = candidate({ seeds: 2, frequencySum: 13, matchedTokens: 22, matchedChars: 162, literalTokens: 11 });
    const rows = { pairs: 0, distinctNames: 0, distinctSameNames: 0, repeats: 0, literalPairs: 11, sameLiterals: 8, sameBeyondDefaults: 8 };
    expect(isReference(table, evidence(1, { ...rows, otherLiteralChars: 58 }), options(), 60)).toBe(false);
    // The same rows with every literal the same, or the other text short, are a copy of the table.
    expect(isReference(table, evidence(1, { ...rows, otherLiteralChars: 0 }), options(), 60)).toBe(true);
    expect(isReference(table, evidence(1, { ...rows, otherLiteralChars: 12 }), options(), 60)).toBe(true);
    // Code with a literal here and there is measured as before, its literals' text or not.
    expect(isReference({ ...table, literalTokens: 3 }, evidence(1, { ...rows, otherLiteralChars: 58 }), options(), 60)).toBe(true);
  });

  it("counts a renamed region's statements storing parameters under their own names no characters", () => {
    // A generated constructor keeping its five parameters (`self.path = path`, 136 of its 208
    // characters) as tracemalloc's StatisticDiff.__init__: renamed one for one, nothing the same.
    const constructor = candidate({ seeds: 3, frequencySum: 94, matchedTokens: 37, matchedChars: 208, literalTokens: 0 });
    const renamed = { pairs: 10, distinctNames: 5, distinctSameNames: 0, repeats: 5, consistency: 1, sameShare: 0, literalPairs: 0, sameLiterals: 0 };
    const echoes = (echoChars: number): Evidence => ({ ...evidence(0.71, renamed), echoChars });
    expect(isReference(constructor, echoes(136), options(), 95)).toBe(false);
    expect(isReference(constructor, echoes(0), options(), 95)).toBe(true);
    // With its names the same, the constructor's own names are what it copied.
    const same = { ...renamed, distinctSameNames: 5, sameShare: 1 };
    expect(isReference(constructor, { ...evidence(0.71, same), echoChars: 136 }, options(), 95)).toBe(true);
  });

  it("takes no identity from numbers that only count: indexes and a layout's offsets", () => {
    // scikit-rf's record fields (`fwd0re = from_bytes(chunk[0:4])`, `chunk[4:8]`, …) as sndhdr's
    // header fields (`hdr_size = func(h[4:8])`, …): renamed one for one, 5 seeds, in a long file.
    const fields = candidate({ seeds: 5, frequencySum: 11, matchedTokens: 57, literalTokens: 10 });
    const offsets = { pairs: 16, distinctNames: 8, distinctSameNames: 0, repeats: 8, consistency: 1, sameShare: 0, literalPairs: 10, sameLiterals: 10, keptLiteralPairs: 10, sameKeptLiterals: 10, sameKeptLiteralsVary: true };
    expect(isReference(fields, evidence(0.25, { ...offsets, sameStrideSteps: 8 }), options(), 1406)).toBe(false);
    // The same numbers not counting (a format's own constants) are its identity; and in a query
    // short enough to be a suggestion, so are the counting ones (a renamed `switch` over
    // `arguments.length`, `case 0`, `case 1`, keeps them).
    expect(isReference(fields, evidence(0.25, { ...offsets, sameStrideSteps: 0 }), options(), 1406)).toBe(true);
    expect(isReference(fields, evidence(0.25, { ...offsets, sameStrideSteps: 8 }), options(), 160)).toBe(true);
  });

  it("turns away a short stretch of declarations whose names are neither kept nor renamed", () => {
    // A sibling API's overloads: its vocabulary the same (`item`, `position`, `In`), its declared
    // names and types its own. Every name the same, or every name renamed, is judged as code is.
    const overloads = candidate({ seeds: 4, literalTokens: 0 });
    const sibling = { literalPairs: 0, sameLiterals: 0, sameShare: 0.75 };
    expect(isReference(overloads, evidence(0.95, sibling, 0, true), options(), 100)).toBe(false);
    expect(isReference(overloads, evidence(0.95, sibling, 0, false), options(), 100)).toBe(true);
    expect(isReference(overloads, evidence(0.95, { ...sibling, sameShare: 1 }, 0, true), options(), 100)).toBe(true);
  });

  it("turns away a region where no name repeats, no literal agrees and no name is the same", () => {
    // `self.a == other.a and self.b == other.b …` under `def __repr__` against `def __str__`: one name, other.
    const chain = evidence(0.7, { pairs: 1, distinctNames: 1, repeats: 0, sameShare: 0, literalPairs: 0, sameLiterals: 0 });
    expect(isReference(candidate({ seeds: 4 }), chain, options(), 100)).toBe(false);
    // The same region with its own method name is the same text, and passes.
    expect(isReference(candidate({ seeds: 4 }), evidence(0.7, { pairs: 1, distinctNames: 1, repeats: 0, sameShare: 1, literalPairs: 0, sameLiterals: 0 }), options(), 100)).toBe(true);
  });

  it("takes no identity from one literal value repeated: a run of `this.a = 0` initializers", () => {
    // Other members, the same zeros: nothing but the shape and the most common number.
    const zeros = evidence(0.8, { pairs: 2, distinctNames: 1, repeats: 0, sameShare: 0, literalPairs: 8, sameLiterals: 8, sameLiteralsVary: false });
    expect(isReference(candidate({ seeds: 8 }), zeros, options(), 100)).toBe(false);
    // Literals that agree on more than one value are the same data.
    expect(isReference(candidate({ seeds: 8 }), evidence(0.8, { pairs: 2, distinctNames: 1, repeats: 0, sameShare: 0, literalPairs: 8, sameLiterals: 8, sameLiteralsVary: true }), options(), 100)).toBe(true);
  });

  it("needs MIN_IDENTITY_PAIRS names compared before a long query's region counts as the same text", () => {
    // `return hash((self.a, self.b, …))` in a 2,000-line file: one name, `hash`, the same.
    const oneName = evidence(0.6, { pairs: 1, distinctNames: 1, repeats: 0, sameShare: 1, literalPairs: 0, sameLiterals: 0 });
    expect(seedsForLength(20000, options(), true)).toBeLessThanOrEqual(7);
    expect(seedsForLength(20000, options(), false)).toBeGreaterThan(7);
    expect(isReference(candidate({ seeds: 7 }), oneName, options(), 20000)).toBe(false);
    expect(isReference(candidate({ seeds: 7 }), evidence(0.6, { pairs: 6, distinctNames: 4, repeats: 2, sameShare: 1 }), options(), 20000)).toBe(true);
  });

  it("turns away rows of `x.a = f('…')` renamed one for one: few names, none the same, no literal agreeing", () => {
    const rows = evidence(1, { pairs: 12, distinctNames: 2, repeats: 10, consistency: 1, sameShare: 0, literalPairs: 6, sameLiterals: 0 });
    expect(isReference(candidate({ seeds: 2 }), rows, options(), 60)).toBe(false);
    // The same rows keeping their strings are the same data.
    expect(isReference(candidate({ seeds: 2 }), evidence(1, { pairs: 12, distinctNames: 2, repeats: 10, consistency: 1, sameShare: 0, literalPairs: 6, sameLiterals: 6, sameLiteralsVary: true }), options(), 60)).toBe(true);
  });

  it("turns away names that change partner, even below minNameRepeats when every repeat does", () => {
    expect(isReference(candidate({}), evidence(0.9, { sameShare: 0, consistency: 0.3 }), options(), 100)).toBe(false);
    const twoBroken = evidence(0.9, { sameShare: 0, repeats: 2, consistency: 0, sameLiterals: 0 });
    expect(isReference(candidate({}), twoBroken, options(), 100)).toBe(false);
    expect(isReference(candidate({}), evidence(0.9, { sameShare: 0, repeats: 2, consistency: 1 }), options(), 100)).toBe(true);
  });

  it("needs more seeds of a long query, fewer more of a verbatim region", () => {
    expect(seedsForLength(300, options(), false)).toBe(2);
    expect(seedsForLength(1200, options(), false)).toBe(4);
    expect(seedsForLength(1200, options(), true)).toBe(3);
    const threeSeeds = candidate({ seeds: 3 });
    expect(isReference(threeSeeds, evidence(0.9, { sameShare: 0 }), options(), 1200)).toBe(false);
    expect(isReference(threeSeeds, evidence(0.9), options(), 1200)).toBe(true);
  });

  it("turns away, whatever the evidence, a region tooFewSeedsForLength says is short of seeds (the judge skips its evidence)", () => {
    // Verbatim, repetitive, renamed: not one evidence makes a region of too few seeds a reference.
    const evidences = [evidence(1), evidence(0.9, { sameShare: 0 }), evidence(0.05), evidence(1, { pairs: 0, distinctNames: 0, repeats: 0, literalPairs: 0, sameLiterals: 0 })];
    for (const [seeds, borrowedSeeds, length] of [[2, 0, 1200], [1, 1, 1200], [6, 0, 20000], [2, 0, 300]] as const) {
      const region = candidate({ seeds, borrowedSeeds });
      const tooFew = tooFewSeedsForLength(region, options(), length);
      expect(tooFew).toBe(seeds + borrowedSeeds < seedsForLength(length, options(), true));
      if (tooFew) for (const e of evidences) expect(isReference(region, e, options(), length)).toBe(false);
    }
    expect(tooFewSeedsForLength(candidate({ seeds: 2 }), options(), 1200)).toBe(true);
    expect(tooFewSeedsForLength(candidate({ seeds: 2, borrowedSeeds: 1 }), options(), 1200)).toBe(false);
    expect(isReference(candidate({ seeds: 2, borrowedSeeds: 1 }), evidence(0.9), options(), 1200)).toBe(true);
  });

  it("turns away a short stretch of pure shape inside a longer query: one idiom among the many the text holds", () => {
    const shape = { sameShare: 0.1, repeats: 2, literalPairs: 2, sameLiterals: 0 };
    // 45 of 200 tokens, 3 or 4 seeds, nothing the same: under a third of the query.
    expect(isReference(candidate({ seeds: 3, matchedTokens: 45 }), evidence(0.9, shape), options(), 200)).toBe(false);
    // Most of the query, the same shape is a renamed copy.
    expect(isReference(candidate({ seeds: 3, matchedTokens: 120 }), evidence(0.9, shape), options(), 200)).toBe(true);
    // Its names the same, or more seeds, it stands whatever its share.
    expect(isReference(candidate({ seeds: 3, matchedTokens: 45 }), evidence(0.9, { ...shape, sameShare: 0.8, pairs: 6 }), options(), 200)).toBe(true);
    expect(isReference(candidate({ seeds: 5, matchedTokens: 45 }), evidence(0.9, shape), options(), 200)).toBe(false);
    expect(isReference(candidate({ seeds: 6, matchedTokens: 45 }), evidence(0.9, shape), options(), 200)).toBe(true);
    // Names the same beside literals all other text are the same API on other data, whatever its
    // share: `str.replace` on other patterns inside a file, a lib2to3 fixer's template around
    // another pattern as the whole file. With its literals the same too, it stands.
    const api = { ...shape, pairs: 6, distinctNames: 3, repeats: 4, consistency: 0.75, sameShare: 0.67, literalPairs: 3, sameLiterals: 0 };
    expect(isReference(candidate({ seeds: 2, matchedTokens: 42 }), evidence(0.9, api), options(), 288)).toBe(false);
    const template = { ...shape, pairs: 13, distinctNames: 10, repeats: 3, consistency: 1, sameShare: 0.92, literalPairs: 4, sameLiterals: 0 };
    expect(isReference(candidate({ seeds: 4, matchedTokens: 43 }), evidence(1, template), options(), 43)).toBe(false);
    expect(isReference(candidate({ seeds: 4, matchedTokens: 43 }), evidence(1, { ...template, sameLiterals: 4, sameLiteralsVary: true }), options(), 43)).toBe(true);
    expect(isReference(candidate({ seeds: 2, matchedTokens: 42 }), evidence(0.9, { ...api, sameLiterals: 3, sameLiteralsVary: true }), options(), 288)).toBe(true);
    // Renamed one for one throughout, it stands when its names are used more than once each; rows
    // of `self.x = x` (each parameter declared, then assigned once) are the idiom.
    const rows = { ...shape, pairs: 12, distinctNames: 6, repeats: 6, consistency: 1 };
    expect(isReference(candidate({ seeds: 3, matchedTokens: 45 }), evidence(0.9, rows), options(), 200)).toBe(false);
    expect(isReference(candidate({ seeds: 3, matchedTokens: 45 }), evidence(0.9, { ...rows, pairs: 18, repeats: 12 }), options(), 200)).toBe(true);
  });

  it("turns away a short idiom around a few names not renamed one for one, however much of its query", () => {
    // An Error subclass against another: \`Error.call(this)\`, \`Error.captureStackTrace(this, this.constructor)\`,
    // \`X.prototype = Object.create(Error.prototype)\`, the language's words left out, its class name and one more.
    const idiom = { pairs: 4, distinctNames: 2, repeats: 3, consistency: 0.67, sameShare: 0, literalPairs: 0, sameLiterals: 0 };
    expect(isReference(candidate({ seeds: 4, matchedTokens: 41 }), evidence(1, idiom), options(), 77)).toBe(false);
    // Renamed one for one, or with literals to compare, it is judged as before.
    expect(isReference(candidate({ seeds: 4, matchedTokens: 41 }), evidence(1, { ...idiom, consistency: 1 }), options(), 77)).toBe(true);
    expect(isReference(candidate({ seeds: 6, matchedTokens: 41 }), evidence(1, idiom), options(), 77)).toBe(true);
  });

  it("turns away look-alikes stitched across three edits or more, unless they are most of the query", () => {
    // An \`__init__\`, an \`__eq__\` and a method returning its local, with what lies between left out.
    const pieces = [
      { queryStart: 18, queryEnd: 29, sourceStart: 100, sourceEnd: 111 },
      { queryStart: 51, queryEnd: 84, sourceStart: 111, sourceEnd: 144 },
      { queryStart: 98, queryEnd: 112, sourceStart: 161, sourceEnd: 175 },
      { queryStart: 114, queryEnd: 131, sourceStart: 181, sourceEnd: 198 },
    ];
    const shape = { pairs: 11, distinctNames: 6, repeats: 5, consistency: 0.6, sameShare: 0, literalPairs: 2, sameLiterals: 0 };
    const stitched = candidate({ seeds: 6, matchedTokens: 75, segments: pieces });
    expect(isReference(stitched, evidence(1, shape), options(), 216)).toBe(false);
    // Most of the suggestion, or with two edits only (a near-miss copy's), it stands; so with its names the same.
    expect(isReference(stitched, evidence(1, shape), options(), 140)).toBe(true);
    expect(isReference(candidate({ seeds: 6, matchedTokens: 64, segments: pieces.slice(0, 3) }), evidence(1, shape), options(), 216)).toBe(true);
    expect(isReference(stitched, evidence(1, { ...shape, sameShare: 0.8 }), options(), 216)).toBe(true);
  });

  it("counts a repetitive region as renamed throughout only when each of its rows has its own indexed row", () => {
    // Interface methods, \`def f(self, a, b): "doc" raise NotImplementedError()\`, aligned again and
    // again with the same indexed stubs: the indexed side is shorter than the query's.
    const stubs = { pairs: 19, distinctNames: 11, repeats: 8, consistency: 1, sameShare: 0.42, literalPairs: 8, sameLiterals: 0 };
    const overlapping = [
      { queryStart: 68, queryEnd: 100, sourceStart: 0, sourceEnd: 32 },
      { queryStart: 103, queryEnd: 125, sourceStart: 32, sourceEnd: 54 },
      { queryStart: 132, queryEnd: 166, sourceStart: 35, sourceEnd: 69 },
    ];
    expect(isReference(candidate({ seeds: 6, matchedTokens: 88, segments: overlapping }), evidence(0.47, stubs), options(), 208)).toBe(false);
    const ownRows = [...overlapping.slice(0, 2), { queryStart: 132, queryEnd: 166, sourceStart: 60, sourceEnd: 94 }];
    expect(isReference(candidate({ seeds: 6, matchedTokens: 88, segments: ownRows }), evidence(0.47, stubs), options(), 208)).toBe(true);
  });

  it("takes no identity from one name the same, however often it recurs", () => {
    // Rows of \`key: options.key\`: \`options\` on both sides, every key another.
    const rows = { pairs: 6, distinctNames: 1, repeats: 5, consistency: 1, sameShare: 1, literalPairs: 0, sameLiterals: 0 };
    expect(isReference(candidate({ seeds: 3, matchedTokens: 32 }), evidence(0.67, rows), options(), 958)).toBe(false);
    // Two names the same, and the same region of a smaller file, stand.
    expect(isReference(candidate({ seeds: 4, matchedTokens: 32 }), evidence(0.67, { ...rows, distinctNames: 2 }), options(), 958)).toBe(true);
  });

  it("asks twice the seeds of a long query's region with nothing the same: an idiom renamed by chance", () => {
    // In a 1,200-token file a region needs 4 seeds; with no name or literal the same, 8.
    const renamed = { sameShare: 0, repeats: 6, literalPairs: 4, sameLiterals: 0 };
    expect(isReference(candidate({ seeds: 6 }), evidence(0.9, renamed), options(), 1200)).toBe(false);
    expect(isReference(candidate({ seeds: 8 }), evidence(0.9, renamed), options(), 1200)).toBe(true);
    // The same literals (more than one value), or half its names, are identity: 4 seeds do.
    expect(isReference(candidate({ seeds: 4 }), evidence(0.9, { ...renamed, sameLiterals: 4 }), options(), 1200)).toBe(true);
    // A snippet's region is judged as before (most of the snippet: the short-stretch rule does not apply).
    expect(isReference(candidate({ seeds: 2 }), evidence(0.9, renamed), options(), 150)).toBe(true);
  });

  it("turns away a template many indexed files share when every literal it holds is other text", () => {
    // A lib2to3 fixer against another: `BaseFix`, `PATTERN`, `transform(self, node, results)` the
    // same, its pattern and replacement name other strings; its 2 seeds are in 25 files each.
    const fixer = { pairs: 9, distinctNames: 8, repeats: 1, consistency: 1, sameShare: 0.667, literalPairs: 2, sameLiterals: 0, sameLiteralsVary: false };
    const template = candidate({ seeds: 2, matchedTokens: 26, frequencySum: 50, rarestSeedFrequency: 25 });
    expect(isReference(template, evidence(1, fixer), options(), 43)).toBe(false);
    // The same stretch found in 2 files is no template; with its literals the same it is that file's.
    expect(isReference(candidate({ seeds: 2, matchedTokens: 26, frequencySum: 4, rarestSeedFrequency: 2 }), evidence(1, fixer), options(), 43)).toBe(true);
    expect(isReference(template, evidence(1, { ...fixer, sameLiterals: 2, sameLiteralsVary: true }), options(), 43)).toBe(true);
  });

  it("turns away an API's own shape on other data, up to API_SHAPE_MAX_SEEDS, where its seeds are common", () => {
    // peewee's `hybrid_property.__set__` and `__delete__` against `types.DynamicClassAttribute`'s:
    // `if self.fset is None: raise AttributeError(…)`, names the same, both messages other text,
    // its seeds ones many indexed files share (what makes it the protocol's shape, not that file's).
    const descriptor = { pairs: 12, distinctNames: 7, repeats: 5, consistency: 1, sameShare: 0.75, literalPairs: 2, sameLiterals: 0, sameLiteralsVary: false };
    const methods = candidate({ seeds: 8, matchedTokens: 68, literalTokens: 2, frequencySum: 61, rarestSeedFrequency: 2 });
    expect(isReference(methods, evidence(0.85, descriptor), options(), 242)).toBe(false);
    // Its messages the same, or its seeds rare, it is a copy.
    expect(isReference(methods, evidence(0.85, { ...descriptor, sameLiterals: 2, sameLiteralsVary: true }), options(), 242)).toBe(true);
    expect(isReference({ ...methods, frequencySum: 12 }, evidence(0.85, descriptor), options(), 242)).toBe(true);
    // So is one whose literals are mostly other text, one value alike: aiohttp's pytest options
    // (`parser.addoption("--aiohttp-fast", action="store_true", default=False, help=…)`) against
    // json.tool's `parser.add_argument(…)` rows.
    const addoption = { pairs: 12, distinctNames: 4, repeats: 8, consistency: 0.75, sameShare: 0.833, literalPairs: 10, sameLiterals: 2, sameLiteralsVary: false };
    const rows = candidate({ seeds: 6, matchedTokens: 44, literalTokens: 10, frequencySum: 27, rarestSeedFrequency: 2 });
    expect(isReference(rows, evidence(0.94, addoption), options(), 1555)).toBe(false);
    expect(isReference(rows, evidence(0.94, { ...addoption, sameLiterals: 6, sameLiteralsVary: true }), options(), 1555)).toBe(true);
    // Longer than API_SHAPE_MAX_SEEDS, it holds more than the API's idioms.
    expect(isReference({ ...methods, seeds: 12, frequencySum: 90, matchedTokens: 110 }, evidence(0.85, descriptor), options(), 242)).toBe(true);
  });

  it("turns away a short stretch whose names are the same and keep their partners while every literal is other text", () => {
    // graphql-tools' getRootTypeMap against graphql's printSchema: `const queryType =
    // schema.getQueryType(); if (queryType) …` three times, stored under other strings.
    const rootTypes = { pairs: 12, distinctNames: 5, repeats: 7, consistency: 1, sameShare: 0.75, literalPairs: 3, sameLiterals: 0, sameLiteralsVary: false, otherLiteralChars: 28 };
    const reads = candidate({ seeds: 2, matchedTokens: 58, matchedChars: 263, literalTokens: 3, frequencySum: 2, rarestSeedFrequency: 1 });
    expect(isReference(reads, evidence(0.368, rootTypes), options(), 201)).toBe(false);
    // Its strings the same, it is a copy; renamed (few names the same), a renamed copy.
    expect(isReference(reads, evidence(0.368, { ...rootTypes, sameLiterals: 3, sameLiteralsVary: true }), options(), 201)).toBe(true);
    expect(isReference(reads, evidence(0.368, { ...rootTypes, sameShare: 0, distinctSameNames: 0 }), options(), 201)).toBe(true);
    // Numbers written otherwise are no such evidence: fast-querystring's encoder against qs's, Node's
    // querystring both, `hexTable[0xc0 | (c >> 6)]` as `hexTable[0xC0 | (c >> 6)]` (prettier's hex).
    const hex = { pairs: 13, distinctNames: 3, repeats: 10, consistency: 1, sameShare: 0.923, literalPairs: 13, sameLiterals: 6, sameLiteralsVary: true, keptLiteralPairs: 13, sameKeptLiterals: 6, sameKeptLiteralsVary: true };
    const encoder = candidate({ seeds: 5, matchedTokens: 73, matchedChars: 169, literalTokens: 13, frequencySum: 5, rarestSeedFrequency: 1 });
    expect(isReference(encoder, evidence(0.872, hex), options(), 537)).toBe(true);
  });

  it("turns away a short stretch renamed one for one whose numbers are all written otherwise", () => {
    // whatwg-url's `c >= 0x30 && c <= 0x39` against graphql's `code >= 0x0030 && code <= 0x0039`.
    const written = { pairs: 15, distinctNames: 4, repeats: 11, consistency: 0.909, sameShare: 0, literalPairs: 6, sameLiterals: 0, keptLiteralPairs: 6, sameKeptLiterals: 0 };
    const stretch = candidate({ seeds: 4, matchedTokens: 55, frequencySum: 11, rarestSeedFrequency: 1 });
    expect(isReference(stretch, evidence(1, written), options(), 102)).toBe(false);
    // A renaming keeps its numbers: the same region with them the same stands.
    expect(isReference(stretch, evidence(1, { ...written, sameLiterals: 6, sameKeptLiterals: 6, sameKeptLiteralsVary: true }), options(), 102)).toBe(true);
  });

  it("turns away a short stretch of few names not renamed one for one, its literals mostly other text", () => {
    // `s = s.replace("&", "&amp;")` … against `data = data.replace(…)` over other characters.
    const escape = { pairs: 11, distinctNames: 2, repeats: 9, consistency: 0.889, sameShare: 0, literalPairs: 11, sameLiterals: 2 };
    const stretch = candidate({ seeds: 4, matchedTokens: 51 });
    expect(isReference(stretch, evidence(0.72, escape), options(), 74)).toBe(false);
    // Its literals the same, or its names renamed in step, it stands.
    expect(isReference(stretch, evidence(0.72, { ...escape, sameLiterals: 10 }), options(), 74)).toBe(true);
    expect(isReference(stretch, evidence(0.72, { ...escape, consistency: 1 }), options(), 74)).toBe(true);
  });

  it("turns away a short stretch stitched across edits whose names change partner, however many agree", () => {
    // An AST unparser's `visit_Assign` and `visit_AugAssign` against another's: the API's names the
    // same (`node.targets`, `node.value`, `self.write`), the code between them other.
    const segments = [
      { queryStart: 776, queryEnd: 792, sourceStart: 3523, sourceEnd: 3539 },
      { queryStart: 809, queryEnd: 830, sourceStart: 3552, sourceEnd: 3573 },
      { queryStart: 828, queryEnd: 854, sourceStart: 3587, sourceEnd: 3613 },
      { queryStart: 862, queryEnd: 886, sourceStart: 3626, sourceEnd: 3650 },
    ];
    const api = { pairs: 11, distinctNames: 6, repeats: 6, consistency: 0.833, sameShare: 0.818, literalPairs: 2, sameLiterals: 1, sameLiteralsVary: false };
    const stitched = candidate({ seeds: 5, matchedTokens: 85, segments, frequencySum: 18 });
    expect(isReference(stitched, evidence(0.97, api), options(), 3200)).toBe(false);
    // Its names kept one for one, it is a copy edited in places.
    expect(isReference(stitched, evidence(0.97, { ...api, consistency: 1 }), options(), 3200)).toBe(true);
  });

  it("turns away a short stretch with a third of its rows aligned again with the same indexed rows, however consistent its names", () => {
    // pyopengl's `@_p.types(_cs.BOOL, _cs.HGLRC, _cs.GLuint, …)` against aifc's
    // `_aifc_params(self._nchannels, self._sampwidth, …)`: its second segment aligns the decorator's
    // arguments again over the indexed rows the first aligned; `_cs` always meets `self`.
    const twice = [
      { queryStart: 33, queryEnd: 53, sourceStart: 2427, sourceEnd: 2447 },
      { queryStart: 71, queryEnd: 97, sourceStart: 2429, sourceEnd: 2455 },
    ];
    const members = { pairs: 17, distinctNames: 6, repeats: 12, consistency: 0.917, sameShare: 0, literalPairs: 0, sameLiterals: 0, sameLiteralsVary: false };
    const shape = { seeds: 2, matchedTokens: 46, literalTokens: 0, frequencySum: 23, rarestSeedFrequency: 3 };
    expect(isReference(candidate({ ...shape, segments: twice }), evidence(0.65, members), options(), 113)).toBe(false);
    // Each query row aligned with its own indexed row, the same names renamed in step stand.
    const ownRows = [twice[0]!, { queryStart: 71, queryEnd: 97, sourceStart: 2447, sourceEnd: 2473 }];
    expect(isReference(candidate({ ...shape, segments: ownRows }), evidence(0.65, members), options(), 113)).toBe(true);
  });

  it("turns away a short stretch whose rows were aligned again with the same indexed rows, names changing partner", () => {
    // escape-html's `switch` of five entity cases against preact's three: its second segment aligns
    // query rows the first already aligned with the same indexed rows, which a copy never needs.
    const segments = [
      { queryStart: 61, queryEnd: 101, sourceStart: 45, sourceEnd: 85 },
      { queryStart: 94, queryEnd: 125, sourceStart: 64, sourceEnd: 95 },
      { queryStart: 126, queryEnd: 135, sourceStart: 95, sourceEnd: 104 },
    ];
    const entities = {
      pairs: 16, distinctNames: 5, repeats: 11, consistency: 0.818, sameShare: 0.1875, literalPairs: 10, sameLiterals: 4,
      keptLiteralPairs: 5, sameKeptLiterals: 2, sameKeptLiteralsVary: true,
    };
    const reused = candidate({ seeds: 5, matchedTokens: 73, literalTokens: 10, segments, frequencySum: 5 });
    expect(isReference(reused, evidence(0.95, entities), options(), 162)).toBe(false);
    // Each query row aligned with its own indexed row, the same stretch stands.
    const ownRows = [segments[0]!, { queryStart: 101, queryEnd: 125, sourceStart: 85, sourceEnd: 109 }, { queryStart: 126, queryEnd: 135, sourceStart: 109, sourceEnd: 118 }];
    expect(isReference(candidate({ seeds: 5, matchedTokens: 73, literalTokens: 10, segments: ownRows, frequencySum: 5 }), evidence(0.95, entities), options(), 162)).toBe(true);
  });

  it("turns away a region of three seeds whose names are neither kept nor renamed, nothing agreeing", () => {
    // flake8's constants (`re.compile(r"…", re.IGNORECASE)`) against tokenize's: `re` and `compile`
    // the same, the other names changing partner, every pattern other.
    const constants = { pairs: 9, distinctNames: 5, repeats: 4, consistency: 0.75, sameShare: 0.444, literalPairs: 5, sameLiterals: 0 };
    const three = candidate({ seeds: 3, matchedTokens: 34, literalTokens: 5, frequencySum: 7 });
    expect(isReference(three, evidence(0.81, constants), options(), 79)).toBe(false);
    // A renamed copy edited in places has none of its names the same: it stands.
    expect(isReference(three, evidence(0.81, { ...constants, sameShare: 0 }), options(), 79)).toBe(true);
  });

  it("turns away a whole file's region whose names are neither kept nor renamed, however many seeds", () => {
    // py's lazy `__getattr__` of errno classes against ctypes' LibraryLoader: `name`, `setattr` and
    // `AttributeError` the same, the made thing's names changing partner, two literals.
    const lazy = { pairs: 15, distinctNames: 7, distinctSameNames: 3, repeats: 9, consistency: 0.667, sameShare: 0.467, literalPairs: 2, sameLiterals: 2 };
    const six = candidate({ seeds: 6, matchedTokens: 48, literalTokens: 2, frequencySum: 13 });
    expect(isReference(six, evidence(1, lazy), options(), 388)).toBe(false);
    // Renamed one for one, or in a snippet rather than a file, it stands.
    expect(isReference(six, evidence(1, { ...lazy, consistency: 1 }), options(), 388)).toBe(true);
    expect(isReference(six, evidence(1, lazy), options(), 120)).toBe(true);
  });

  it("turns away a region whose only literals agreeing are 0 and 1, no name the same or repeated", () => {
    // reportlab's line chart initializers (`self.useAbsolute = 0`, `self.joinedLines = 1`, …, 40
    // tokens of a 4,227-token file) as distutils' `check` options (`self.strict = 0`, `self.metadata = 1`).
    const rows = candidate({ seeds: 7, matchedTokens: 40, literalTokens: 6, frequencySum: 18, segments: [{ queryStart: 0, queryEnd: 12, sourceStart: 0, sourceEnd: 12 }, { queryStart: 90, queryEnd: 118, sourceStart: 12, sourceEnd: 40 }] });
    const flags = { pairs: 1, distinctNames: 1, distinctSameNames: 0, repeats: 0, sameShare: 0, literalPairs: 6, sameLiterals: 5, keptLiteralPairs: 6, sameKeptLiterals: 5, sameKeptLiteralsVary: true, sameCounterSteps: 1, sameBeyondDefaults: 0 };
    expect(isReference(rows, evidence(0.79, flags), options(), 4227)).toBe(false);
    // The same rows with other numbers agreeing too (a table's own values) are identity.
    expect(isReference(rows, evidence(0.79, { ...flags, sameBeyondDefaults: 2 }), options(), 4227)).toBe(true);
  });

  it("turns away function signatures alone under a third of their query, however their names agree", () => {
    // IxJS's `takeWhile` overloads, RxJS's word for word: 3 seeds, 42 of 190 tokens.
    const overloads = candidate({ seeds: 3, matchedTokens: 42, literalTokens: 0, frequencySum: 12 });
    const same = { pairs: 16, distinctNames: 7, repeats: 9, sameShare: 1, literalPairs: 0, sameLiterals: 0, sameLiteralsVary: false };
    expect(isReference(overloads, evidence(0.96, same, 0, true, true), options(), 190)).toBe(false);
    // Most of the query (a suggestion of those overloads) is reported; so is a type alias's logic.
    expect(isReference(overloads, evidence(0.96, same, 0, true, true), options(), 100)).toBe(true);
    expect(isReference(overloads, evidence(0.96, same, 0, true, false), options(), 190)).toBe(true);
  });

  it("turns away a short stretch of common seeds renamed in step, under a third of its query", () => {
    // google-auth's keyword arguments passed on (`scopes=self._scopes, …`) against compileall's
    // (`stripdir=args.stripdir, …`): nothing the same, renamed one for one, its two seeds in 31
    // indexed files on average.
    const keywords = { pairs: 10, distinctNames: 4, repeats: 6, consistency: 1, sameShare: 0, literalPairs: 0, sameLiterals: 0, sameLiteralsVary: false };
    const rows = candidate({ seeds: 2, matchedTokens: 29, literalTokens: 0, frequencySum: 63, rarestSeedFrequency: 12 });
    expect(isReference(rows, evidence(1, keywords), options(), 239)).toBe(false);
    // Found by rare seeds, or a third of its query or more, it stands.
    expect(isReference({ ...rows, frequencySum: 4, rarestSeedFrequency: 1 }, evidence(1, keywords), options(), 239)).toBe(true);
    expect(isReference(rows, evidence(1, keywords), options(), 80)).toBe(true);
  });

  it("turns away a short stretch of common seeds whose names change partner, under half its query", () => {
    // mido's queue passing `put` and `get` on to its own queue, against asyncio's StreamWriter
    // passing `write` and `writelines` on to its transport: its few seeds ones many indexed files
    // share, which is what says idiom rather than copy.
    const segments = [
      { queryStart: 33, queryEnd: 55, sourceStart: 1261, sourceEnd: 1283 },
      { queryStart: 75, queryEnd: 101, sourceStart: 1285, sourceEnd: 1311 },
      { queryStart: 103, queryEnd: 111, sourceStart: 1311, sourceEnd: 1319 },
    ];
    const delegation = { pairs: 8, distinctNames: 6, repeats: 3, consistency: 0.667, sameShare: 0, literalPairs: 0, sameLiterals: 0, sameLiteralsVary: false };
    const common = candidate({ seeds: 4, matchedTokens: 56, matchedChars: 157, literalTokens: 0, segments, frequencySum: 129, rarestSeedFrequency: 15 });
    expect(isReference(common, evidence(1, delegation), options(), 159)).toBe(false);
    // Most of its query (a suggestion that is the stretch), or found by rare seeds, it stands.
    expect(isReference(common, evidence(1, delegation), options(), 100)).toBe(true);
    expect(isReference({ ...common, frequencySum: 12, rarestSeedFrequency: 2 }, evidence(1, delegation), options(), 159)).toBe(true);
  });

  it("turns down a short stretch of nothing the same whose shape its query repeats, less than half of it", () => {
    // class-transformer's compiled facade, eleven functions handing their arguments on to one
    // converter, against three of acorn's entry points handing theirs on to the parser class: the
    // names renamed one for one, as any pass-through function's are.
    const forwarding = { pairs: 20, distinctNames: 7, repeats: 13, consistency: 1, sameShare: 0.3, literalPairs: 0, sameLiterals: 0, sameLiteralsVary: false };
    const segments = [{ queryStart: 187, queryEnd: 238, sourceStart: 36486, sourceEnd: 36537 }];
    const stretch = candidate({ seeds: 4, matchedTokens: 51, matchedChars: 306, literalTokens: 0, segments, frequencySum: 6, rarestSeedFrequency: 1 });
    expect(isReference(stretch, evidence(0.895, forwarding, 1), options(), 274)).toBe(false);
    // Written once in its query, the same stretch is a renamed copy; so it is as most of its query,
    // or beside identical prose.
    expect(isReference(stretch, evidence(0.895, forwarding, 0), options(), 274)).toBe(true);
    expect(isReference(stretch, evidence(0.895, forwarding, 1), options(), 100)).toBe(true);
    expect(isReference({ ...stretch, borrowedSeeds: 2, complete: false }, evidence(0.895, forwarding, 1), options(), 274)).toBe(true);
  });

  it("needs identity or a renaming throughout from a region of two seeds", () => {
    const twoSeeds = candidate({ seeds: 2 });
    expect(isReference(twoSeeds, evidence(0.9, { sameShare: 0, repeats: 1, sameLiterals: 0 }), options(), 100)).toBe(false);
    expect(isReference(twoSeeds, evidence(0.9), options(), 100)).toBe(true);
  });
});

describe("isTextReference", () => {
  it("accepts distinct prose and turns away one phrase repeated", () => {
    expect(isTextReference(candidate({ seeds: 3 }), evidence(0.8), options(), 200)).toBe(true);
    expect(isTextReference(candidate({ seeds: 3 }), evidence(0.2), options(), 200)).toBe(false);
  });

  it("turns away a specification's requirement sentences, not documentation quoting one here and there", () => {
    const quoted = (requirementWords: number): Evidence => ({ ...evidence(1), requirementWords });
    // fpdf2's quotation of RFC 3454: 38 words, MUST NOT, MUST, MUST.
    expect(isTextReference(candidate({ seeds: 6, matchedTokens: 38 }), quoted(3), options(), 400)).toBe(false);
    expect(isTextReference(candidate({ seeds: 6, matchedTokens: 38 }), quoted(1), options(), 400)).toBe(true);
    // A module's documentation copied whole, 1,000 words with five keywords in it.
    expect(isTextReference(candidate({ seeds: 40, matchedTokens: 1000 }), quoted(5), options(), 4000)).toBe(true);
  });
});

describe("data copied whole (a short table found on one seed)", () => {
  const table = candidate({ matchedTokens: 24, literalTokens: 8, seeds: 1 });
  const rows = { pairs: 8, distinctNames: 8, repeats: 0, literalPairs: 8, sameLiterals: 8 };

  it("is every literal the very same text, several values, and every name the same", () => {
    expect(identicalData(table, names(rows), options())).toBe(true);
  });

  it("is not a table with one literal other, one value repeated, a name renamed, or too few literals", () => {
    expect(identicalData(table, names({ ...rows, sameLiterals: 7 }), options())).toBe(false);
    expect(identicalData(table, names({ ...rows, sameLiteralsVary: false }), options())).toBe(false);
    expect(identicalData(table, names({ ...rows, sameShare: 0.875 }), options())).toBe(false);
    expect(identicalData(candidate({ matchedTokens: 15, literalTokens: 5, seeds: 1 }), names({ ...rows, literalPairs: 5, sameLiterals: 5 }), options())).toBe(false);
  });

  it("is not code with a few literals among many tokens", () => {
    expect(identicalData(candidate({ matchedTokens: 60, literalTokens: 8, seeds: 1 }), names(rows), options())).toBe(false);
  });
});

describe("a minified query's matches of shape alone", () => {
  const matchOf = (basis: "code" | "text" | "code and text", sameNameShare: number, matchedChars: number): Match =>
    ({ evidence: { basis, sameNameShare, matchedChars } }) as unknown as Match;

  it("are the short ones whose names are mostly not the file's", () => {
    // Babel's iterable helpers in two minified builds: 249 characters, 5% of names the same.
    expect(isMinifiedShape(matchOf("code and text", 0.054, 249))).toBe(true);
    expect(isMinifiedShape(matchOf("code", 0.29, 999))).toBe(true);
  });

  it("are not a vendored build's, which keeps its names, nor a long region, nor prose", () => {
    expect(isMinifiedShape(matchOf("code", 0.445, 400))).toBe(false);
    expect(isMinifiedShape(matchOf("code", 0, 1000))).toBe(false);
    expect(isMinifiedShape(matchOf("text", 0, 0))).toBe(false);
  });
});
