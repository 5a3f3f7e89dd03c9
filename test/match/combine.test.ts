import { describe, expect, it } from "vitest";
import { combine, quietBetween } from "../../src/match/combine.js";
import type { Match, MatchBasis } from "../../src/match/types.js";
import type { TokenStream } from "../../src/normalize/token-stream.js";

/** A match too short alone: 90 characters on one seed, its lines the same on both sides unless given. */
function partial(basis: MatchBasis, queryLines: [number, number], sourceLines: [number, number] = queryLines): Match {
  return {
    contentId: 7,
    queryLines,
    sourceLines,
    matchedTokens: 20,
    similarity: 0.5,
    group: 1,
    complete: false,
    evidence: {
      basis,
      textChars: basis === "text" ? 90 : 0,
      seedFingerprints: 1,
      meanSeedFileFrequency: 1,
      matchedChars: basis === "text" ? 0 : 90,
      sourceMatchedChars: basis === "text" ? 0 : 90,
      sourceMatchedTokens: 20,
      queryCoverage: 0.5,
      distinctKgramShare: 1,
      nameConsistency: 1,
      nameRepeats: 0,
      sameNameShare: 1,
      sameLiteralShare: 1,
      identicalChars: basis === "text" ? 0 : 90,
    },
  };
}

/** A stream of tokens beginning on the given lines (only their lines matter here). */
function tokensOn(...lines: number[]): TokenStream {
  return { count: lines.length, startLines: Uint32Array.from(lines) } as unknown as TokenStream;
}

const combined = (code: Match, prose: Match, streams: TokenStream[]): Match[] => combine([code], [prose], 150, 2, 10, { quiet: quietBetween(streams) });

describe("combining a code match and the prose beside it", () => {
  // A comment on lines 1–2, code on lines 8–11: lines 3–7 are blank or skipped (no token on them).
  const comment = partial("text", [1, 2]);
  const code = partial("code", [8, 11]);

  it("joins them across lines with no token of the query, into one reference on both", () => {
    const [match] = combined(code, comment, [tokensOn(8, 9, 10, 11), tokensOn(1, 1, 2, 2)]);
    expect(match?.evidence.basis).toBe("code and text");
    expect(match!.queryLines).toEqual([1, 11]);
    expect(match!.evidence.seedFingerprints).toBe(2);
  });

  it("joins where they lie in the query text too: from the comment's first word to the code's last token", () => {
    const [match] = combined({ ...code, queryOffsets: [300, 480] }, { ...comment, queryOffsets: [3, 95] }, [tokensOn(8, 9, 10, 11), tokensOn(1, 1, 2, 2)]);
    expect(match!.queryOffsets).toEqual([3, 480]);
  });

  it("does not join them across a line holding a token that matched nothing", () => {
    expect(combined(code, comment, [tokensOn(5, 8, 9, 10, 11), tokensOn(1, 1, 2, 2)])).toEqual([]);
    expect(combined(code, comment, [tokensOn(8, 9, 10, 11), tokensOn(1, 1, 2, 2, 4)])).toEqual([]);
  });

  it("does not join them when the indexed file has more lines between them than the query", () => {
    const farCode = partial("code", [8, 11], [30, 33]);
    expect(combined(farCode, comment, [tokensOn(8, 9, 10, 11), tokensOn(1, 1, 2, 2)])).toEqual([]);
  });

  it("joins them within TEXT_MERGE_GAP_LINES whatever lies between", () => {
    const close = partial("code", [4, 7]);
    const [match] = combined(close, comment, [tokensOn(3, 4, 5, 6, 7), tokensOn(1, 2)]);
    expect(match?.evidence.basis).toBe("code and text");
  });
});

describe("prose found alone inside another file's region of more text", () => {
  // A module's doc comment, lines 5–25, found whole in its own file; a sibling module of the same
  // project holds its `@param` paragraphs (lines 16–24), which the project repeats in fifteen files.
  const prose = (contentId: number, queryLines: [number, number], textChars: number, meanSeedFileFrequency: number): Match => {
    const match = partial("text", queryLines);
    return { ...match, contentId, complete: true, evidence: { ...match.evidence, textChars, seedFingerprints: 6, meanSeedFileFrequency } };
  };
  const own = prose(1, [5, 25], 776, 7.1);
  const stock = prose(2, [16, 24], 284, 15.2);
  const files = (matches: Match[]): number[] => combine([], [own, ...matches], 150, 2, 10, { wholeFile: true }).map((match) => match.contentId);

  it("is not reported when found through seeds many files share: the project's stock paragraph", () => {
    expect(files([stock])).toEqual([1]);
  });

  it("is reported with seeds of its own, with as much text, or outside the region", () => {
    expect(files([{ ...stock, evidence: { ...stock.evidence, meanSeedFileFrequency: 2 } }])).toEqual([1, 2]);
    expect(files([{ ...stock, queryLines: [5, 25], evidence: { ...stock.evidence, textChars: 776 } }])).toEqual([1, 2]);
    expect(files([{ ...stock, queryLines: [20, 30] }])).toEqual([1, 2]);
  });

  it("is reported when it is most of its file's prose: a small module held whole", () => {
    expect(files([{ ...stock, sourceLength: 100 }])).toEqual([1]);
    expect(files([{ ...stock, sourceLength: 25 }])).toEqual([1, 2]);
  });

  // The region's file is async's `series.js`, held whole (20 of its 25 words); the sibling is
  // `parallel.js` of the same source, or a file of lodash, another project sharing the paragraph.
  const sources: Record<number, string[]> = { 1: ["async"], 2: ["async"], 3: ["async", "lodash"] };
  const withSources = (region: Match, matches: Match[]): number[] =>
    combine([], [region, ...matches], 150, 2, 10, { wholeFile: true, sourcesOf: (contentId) => sources[contentId] ?? [] }).map((match) => match.contentId);
  const wholeFile = { ...own, sourceLength: 25 };
  const rare = { ...stock, evidence: { ...stock.evidence, meanSeedFileFrequency: 2 } };

  it("is not reported inside a file held whole of the same source, however rare its seeds or whole its file", () => {
    expect(withSources(wholeFile, [rare])).toEqual([1]);
    expect(withSources(wholeFile, [{ ...rare, sourceLength: 25 }])).toEqual([1]);
  });

  it("is reported when it names a source the region does not, lies outside it, or the region's file is not held whole", () => {
    expect(withSources(wholeFile, [{ ...rare, contentId: 3 }])).toEqual([1, 3]);
    expect(withSources(wholeFile, [{ ...rare, queryLines: [20, 30] }])).toEqual([1, 2]);
    expect(withSources(wholeFile, [{ ...rare, queryLines: [5, 25], evidence: { ...rare.evidence, textChars: 776 } }])).toEqual([1, 2]);
    // A near-miss query of async's `foldr`: its own prose inside a stretch of `foldl`'s stock paragraphs.
    expect(withSources({ ...own, sourceLength: 200 }, [rare])).toEqual([1, 2]);
    expect(withSources(own, [rare])).toEqual([1, 2]);
  });
});

describe("prose of a sibling file inside a region holding a copy's run of identical code", () => {
  // react-aria's `GridList` props in a declaration file, lines 5–50: its own file's code (344
  // characters the very same) and doc comments; `ListBox`, of the same source, repeats some of
  // those doc comments (lines 20–40, seeds in two or three files).
  const sources: Record<number, string[]> = { 1: ["react-aria"], 2: ["react-aria"], 3: ["react-aria", "other"] };
  const regionCode: Match = {
    ...partial("code", [5, 50]),
    contentId: 1,
    complete: true,
    evidence: { ...partial("code", [5, 50]).evidence, matchedChars: 519, sourceMatchedChars: 519, identicalChars: 344, seedFingerprints: 11 },
  };
  const regionProse: Match = { ...partial("text", [5, 50]), contentId: 1, complete: true, evidence: { ...partial("text", [5, 50]).evidence, textChars: 628, seedFingerprints: 9 } };
  const siblingProse: Match = {
    ...partial("text", [20, 40]),
    contentId: 2,
    complete: true,
    evidence: { ...partial("text", [20, 40]).evidence, textChars: 383, seedFingerprints: 9, meanSeedFileFrequency: 2.4 },
  };
  // The sibling's code beside its prose: 113 characters, short of a reference alone.
  const siblingCode: Match = { ...partial("code", [20, 40]), contentId: 2, evidence: { ...partial("code", [20, 40]).evidence, matchedChars: 113, identicalChars: 113, seedFingerprints: 2 } };
  const files = (code: Match[], text: Match[], of: Record<number, string[]> = sources): number[] =>
    combine(code, text, 150, 2, 10, { wholeFile: true, sourcesOf: (contentId) => of[contentId] ?? [] }).map((match) => match.contentId);

  it("is not reported, alone or completing code too short alone", () => {
    expect(files([regionCode], [regionProse, siblingProse])).toEqual([1]);
    expect(files([regionCode, siblingCode], [regionProse, siblingProse])).toEqual([1]);
  });

  it("is reported when it names another source, when its code is a reference alone, or outside the region", () => {
    expect(files([regionCode], [regionProse, { ...siblingProse, contentId: 3 }])).toEqual([1, 3]);
    expect(files([regionCode, { ...siblingCode, complete: true, evidence: { ...siblingCode.evidence, matchedChars: 300, identicalChars: 300 } }], [regionProse, siblingProse])).toEqual([1, 2]);
    expect(files([regionCode], [regionProse, { ...siblingProse, queryLines: [40, 60] }])).toEqual([1, 2]);
  });

  it("is reported when the region holds no run of identical code a reference needs, or no more text", () => {
    // A near-miss of async's `foldr`: its own prose inside the region of `foldl`, renamed code and stock paragraphs.
    expect(files([{ ...regionCode, evidence: { ...regionCode.evidence, identicalChars: 120 } }], [regionProse, siblingProse])).toEqual([1, 2]);
    expect(files([regionCode], [{ ...regionProse, evidence: { ...regionProse.evidence, textChars: 300 } }, siblingProse])).toEqual([1, 2]);
  });

  it("is reported when it is most of its file's prose: a small module held whole", () => {
    expect(files([regionCode], [regionProse, { ...siblingProse, sourceLength: 25 }])).toEqual([1, 2]);
  });
});

describe("a region written on its project's idioms in a whole file holding a copy of that project", () => {
  // react-aria's new `Menu.tsx`, scanned whole: lines 40–150 a copy of its old `Menu.tsx` (644
  // characters the very same); lines 166–184 its `GridList` renamed (74 the same), found through
  // seeds in about 7 of the project's files each.
  const sources: Record<number, string[]> = { 1: ["react-aria"], 2: ["react-aria"], 3: ["react-aria", "other"] };
  const copy: Match = {
    ...partial("code", [40, 150]),
    contentId: 1,
    complete: true,
    evidence: { ...partial("code", [40, 150]).evidence, matchedChars: 2453, sourceMatchedChars: 2453, identicalChars: 644, seedFingerprints: 61, meanSeedFileFrequency: 2.2 },
  };
  const idiom: Match = {
    ...partial("code", [166, 184]),
    contentId: 2,
    complete: true,
    evidence: { ...partial("code", [166, 184]).evidence, matchedChars: 431, sourceMatchedChars: 431, identicalChars: 74, seedFingerprints: 10, meanSeedFileFrequency: 6.8 },
  };
  const files = (code: Match[], wholeFile = true, of: Record<number, string[]> = sources): number[] =>
    combine(code, [], 150, 2, 10, { wholeFile, sourcesOf: (contentId) => of[contentId] ?? [] }).map((match) => match.contentId);

  it("is not reported", () => {
    expect(files([copy, idiom])).toEqual([1]);
  });

  it("is not reported when it is most of its file by that file's size alone", () => {
    // d3-array 2.12.1's bundled `numbers` as 3.2.4's `mean.js`: two thirds of a 19-line module,
    // its loop, 115 characters the very same; the file's copy is `number.js`, elsewhere.
    expect(files([copy, { ...idiom, sourceLength: 25 }])).toEqual([1]);
  });

  it("is reported when it names another source, has identical text a reference needs or seeds of its own, or is its file copied whole", () => {
    expect(files([copy, { ...idiom, contentId: 3 }])).toEqual([1, 3]);
    expect(files([copy, { ...idiom, evidence: { ...idiom.evidence, identicalChars: 150 } }])).toEqual([1, 2]);
    // lodash's `baseTimes` in a bundle: 74 characters of code the very same, and its doc comment.
    expect(files([copy, { ...idiom, evidence: { ...idiom.evidence, basis: "code and text", textChars: 76 } }])).toEqual([1, 2]);
    expect(files([copy, { ...idiom, evidence: { ...idiom.evidence, meanSeedFileFrequency: 4 } }])).toEqual([1, 2]);
    expect(files([copy, { ...idiom, sourceLength: 25, evidence: { ...idiom.evidence, basis: "code and text", textChars: 76 } }])).toEqual([1, 2]);
  });

  it("is reported when no copy of another file of its source is, or in a query shorter than a whole file", () => {
    expect(files([{ ...copy, evidence: { ...copy.evidence, identicalChars: 120 } }, idiom])).toEqual([1, 2]);
    expect(files([{ ...copy, contentId: 2, queryLines: [300, 400] }, idiom])).toEqual([2, 2]);
    expect(files([copy, idiom], false)).toEqual([1, 2]);
  });
});

describe("in a file scanned whole, however short, beside its own module's copy", () => {
  // rxjs 8's `min.d.ts`: its module's doc comments (717 characters of identical prose, 70 of code)
  // with `max`'s paragraphs inside them (286 characters, seeds in 2 files); and `Subject.ts`: a
  // paragraph four of rxjs's files repeat (seeds in 5.5 files on average) beside its module's copy.
  const sources: Record<number, string[]> = { 1: ["rxjs"], 2: ["rxjs"], 3: ["rxjs", "other"] };
  const own: Match = {
    ...partial("code", [3, 49]),
    contentId: 1,
    complete: true,
    evidence: { ...partial("code", [3, 49]).evidence, basis: "code and text", textChars: 717, matchedChars: 70, identicalChars: 70, seedFingerprints: 25, meanSeedFileFrequency: 4 },
  };
  const sibling: Match = {
    ...partial("text", [27, 46]),
    contentId: 2,
    complete: true,
    evidence: { ...partial("text", [27, 46]).evidence, textChars: 286, seedFingerprints: 7, meanSeedFileFrequency: 2 },
  };
  const stock: Match = { ...sibling, queryLines: [60, 63], evidence: { ...sibling.evidence, textChars: 160, seedFingerprints: 2, meanSeedFileFrequency: 5.5 } };
  // The file's 64 lines; a fragment has none given.
  const files = (code: Match[], text: Match[], scannedWhole: boolean, scannedLines = 64): number[] =>
    combine(code, text, 150, 2, 10, { scannedLines: scannedWhole ? scannedLines : undefined, sourcesOf: (contentId) => sources[contentId] ?? [] }).map(
      (match) => match.contentId,
    );

  it("a sibling's prose inside a region whose prose is a copy of the file's own module is not reported; in a fragment it is", () => {
    expect(files([own], [sibling], true)).toEqual([1]);
    expect(files([own], [sibling], false)).toEqual([1, 2]);
  });

  it("a region over little of the file is not its own module, whatever its prose: a bundle's", () => {
    expect(files([own], [sibling], true, 200)).toEqual([1, 2]);
    expect(files([own], [stock], true, 200)).toEqual([1, 2]);
  });

  it("unless it holds most of the file's prose: a module rewritten keeps its documentation", () => {
    // rxjs 8's `debounceTime.ts`: its doc comment copied (over 57 of its 104 lines), its code new.
    const withProse = (proseChars: number): number[] =>
      combine([own], [sibling], 150, 2, 10, { scannedLines: 200, scannedProseChars: proseChars, sourcesOf: (contentId) => sources[contentId] ?? [] }).map(
        (match) => match.contentId,
      );
    expect(withProse(1000)).toEqual([1]);
    expect(withProse(1400)).toEqual([1, 2]);
  });

  it("a paragraph the project repeats, beside a copy of another of its files, is not reported; with rarer seeds or another source it is", () => {
    expect(files([own], [stock], true)).toEqual([1]);
    expect(files([own], [stock], false)).toEqual([1, 2]);
    expect(files([own], [{ ...stock, evidence: { ...stock.evidence, meanSeedFileFrequency: 3 } }], true)).toEqual([1, 2]);
    expect(files([own], [{ ...stock, contentId: 3 }], true)).toEqual([1, 3]);
  });

  it("a paragraph the project repeats is not reported over the same lines as a file the query holds more of, unless it is not all the query shares with its own file", () => {
    // rxjs 8's `Subject.d.ts`: the internal-use note is found in `Subject.ts` too, whose other doc
    // comments the file holds, and in three files that share nothing else with it.
    const ownNote: Match = { ...stock, contentId: 1 };
    expect(files([own], [ownNote, stock], true, 200)).toEqual([1, 1]);
    expect(files([own], [ownNote, stock], false)).toEqual([1, 1, 2]);
    const elsewhere: Match = { ...sibling, contentId: 2, queryLines: [120, 140] };
    expect(files([own], [ownNote, stock, elsewhere], true, 200)).toEqual([1, 1, 2, 2]);
    expect(files([own], [stock], true, 200)).toEqual([1, 2]);
  });

  it("nothing is dropped beside a region with under a reference's length of identical prose and code", () => {
    const short: Match = { ...own, evidence: { ...own.evidence, textChars: 140 } };
    expect(files([short], [{ ...sibling, evidence: { ...sibling.evidence, textChars: 120 } }], true)).toEqual([1, 2]);
    expect(files([short], [stock], true)).toEqual([1, 2]);
  });
});

describe("in a file scanned whole, inside its own module's copy", () => {
  // rxjs 8's `findIndex.ts` (51 lines): its module's copy (lines 5-49, 1,070 characters of identical
  // prose, 141 of code), and `find.ts`, written on the same calls, over the same lines (56
  // identical characters of code, a seventh of that file).
  const sources: Record<number, string[]> = { 1: ["rxjs"], 2: ["rxjs"], 3: ["other"] };
  const region = (contentId: number, queryLines: [number, number], identicalChars: number, sourceLength: number): Match => ({
    ...partial("code", queryLines),
    contentId,
    complete: true,
    sourceLength,
    evidence: { ...partial("code", queryLines).evidence, matchedChars: identicalChars, identicalChars, sourceMatchedTokens: 30 },
  });
  const own = region(1, [5, 49], 271, 40);
  const sibling = region(2, [5, 49], 56, 220);
  const files = (code: Match[], scannedLines: number | undefined): number[] =>
    combine(code, [], 150, 2, 10, { scannedLines, sourcesOf: (contentId) => sources[contentId] ?? [] }).map((match) => match.contentId);

  it("a sibling's match over its lines is not reported; in a fragment it is", () => {
    expect(files([own, sibling], 51)).toEqual([1]);
    expect(files([own, sibling], undefined)).toEqual([1, 2]);
  });

  it("the module's copy may rest on its prose (a declaration file's doc comments)", () => {
    const prose: Match = { ...own, evidence: { ...own.evidence, basis: "code and text", identicalChars: 141, textChars: 1070 } };
    expect(files([prose, sibling], 51)).toEqual([1]);
    expect(files([{ ...prose, evidence: { ...prose.evidence, textChars: 140 } }, sibling], 51)).toEqual([1, 2]);
  });

  it("is reported from another project, with a copy's run of identical code, or copied whole with its prose", () => {
    expect(files([own, { ...sibling, contentId: 3 }], 51)).toEqual([1, 3]);
    expect(files([own, { ...sibling, evidence: { ...sibling.evidence, identicalChars: 156 } }], 51)).toEqual([1, 2]);
    const withProse: Match = { ...sibling, evidence: { ...sibling.evidence, basis: "code and text", textChars: 94 } };
    expect(files([own, { ...withProse, sourceLength: 40 }], 51)).toEqual([1, 2]);
    expect(files([own, withProse], 51)).toEqual([1]);
  });

  it("is not reported when it is most of its file by that file's size alone", () => {
    // d3-array 2.12.1's `mean.js`, its own module's copy over lines 1-19, and 3.2.4's `number.js`
    // over its loop (two thirds of that small file, 115 identical characters).
    expect(files([own, { ...sibling, sourceLength: 40 }], 51)).toEqual([1]);
  });

  it("is reported mostly outside the module's region, or where that region spans little of the file: a bundle's copy of a monolith keeps its modules", () => {
    expect(files([own, { ...sibling, queryLines: [40, 60] }], 51)).toEqual([1, 2]);
    expect(files([own, { ...sibling, queryLines: [30, 60] }], 51)).toEqual([1]);
    expect(files([own, sibling], 200)).toEqual([1, 2]);
  });
});
