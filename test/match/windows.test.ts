import { describe, expect, it } from "vitest";
import { type QueryWindow, firstWindow, inQueryLines, mergeWindows, nextWindow, startsOf } from "../../src/match/windows.js";
import { loadTokenHasher } from "../../src/hashing.js";
import { languageByName } from "../../src/languages/registry.js";
import { Normalizer } from "../../src/normalize/normalizer.js";
import type { QueryStart } from "../../src/match/screen.js";
import type { Match } from "../../src/match/types.js";

/** Every window of `code`, each next one cut without a reading, as a fragment's are. */
function* queryWindows(code: string, windowChars: number, overlapChars: number): Generator<QueryWindow> {
  for (let window: QueryWindow | undefined = firstWindow(code, windowChars, overlapChars); window; window = nextWindow(code, window, windowChars, overlapChars)) yield window;
}

const lines = (count: number) => Array.from({ length: count }, (_, i) => `line ${i + 1} ${"x".repeat(i % 7)}`).join("\n") + "\n";

describe("queryWindows", () => {
  it("is one window for a short query", () => {
    expect([...queryWindows("a\nb\n", 100, 10)]).toEqual([{ text: "a\nb\n", firstLine: 1, start: 0, startsIn: "fragment" }]);
  });

  it("cuts at line breaks, overlaps each window with the next, and numbers lines as in the whole", () => {
    const code = lines(500);
    const windows = [...queryWindows(code, 1000, 200)];
    expect(windows.length).toBeGreaterThan(3);
    const all = code.split("\n");
    for (const window of windows) {
      expect(window.text.endsWith("\n") || window === windows[windows.length - 1]).toBe(true);
      // Every window's first line is that line of the whole query.
      expect(window.text.split("\n")[0]).toBe(all[window.firstLine - 1]);
    }
    for (let i = 1; i < windows.length; i++) {
      const previousEnd = windows[i - 1]!.firstLine + windows[i - 1]!.text.split("\n").length - 2;
      // Overlapping by about 200 characters: several lines of ~10.
      expect(previousEnd - windows[i]!.firstLine).toBeGreaterThanOrEqual(10);
    }
    expect(windows[windows.length - 1]!.text.endsWith("line 500 " + "x".repeat(499 % 7) + "\n")).toBe(true);
  });

  it("cuts a line longer than the overlap inside, each window bounded and numbered by the line it starts on", () => {
    // Long lines with no separator in them, each stretch of the text unique.
    const run = (from: number) => Array.from({ length: 1250 }, (_, i) => (from + i).toString(36).padStart(4, "0")).join("");
    const code = `${run(0)}\n${run(50000)}\n`;
    const windows = [...queryWindows(code, 1000, 200)];
    expect(windows.length).toBeGreaterThanOrEqual(10);
    let at = 0;
    for (const window of windows) {
      const start = code.indexOf(window.text);
      expect(window.start).toBe(start);
      // Each window starts inside or at the end of the one before, so nothing is left unread.
      expect(start).toBeLessThanOrEqual(at);
      expect(window.text.length).toBeLessThanOrEqual(1000 + 200);
      expect(window.firstLine).toBe(code.slice(0, start).split("\n").length);
      at = start + window.text.length;
    }
    expect(at).toBe(code.length);
  });

  it("keeps windows long where a long line without separators follows one early in it (a source map's data URL)", () => {
    // A separator at the line's start, then only base64: each window must still reach about its
    // length, or the next begins barely past the one before, thousands of times across the blob.
    const blob = Array.from({ length: 1500 }, (_, i) => (i * 7919).toString(36).padStart(4, "0")).join("");
    const code = `${lines(100)}//# sourceMappingURL=data:application/json;base64,${blob}\n`;
    const windows = [...queryWindows(code, 1000, 200)];
    expect(windows.length).toBeLessThanOrEqual(Math.ceil(code.length / (1000 - 3 * 200)) + 1);
    for (const window of windows.slice(0, -1)) expect(window.text.length).toBeGreaterThanOrEqual(1000 - 200);
    let at = 0;
    for (const window of windows) {
      expect(window.start).toBeLessThanOrEqual(at);
      expect(code.slice(window.start, window.start + window.text.length)).toBe(window.text);
      at = window.start + window.text.length;
    }
    expect(at).toBe(code.length);
  });

  it("cuts a minified line after a statement, and overlaps the next window with it", () => {
    const statement = (i: number) => `var a${i}=function(b){return b*${i}};`;
    const code = Array.from({ length: 400 }, (_, i) => statement(i)).join("");
    const windows = [...queryWindows(code, 2000, 300)];
    expect(windows.length).toBeGreaterThan(4);
    for (const window of windows) {
      expect(window.firstLine).toBe(1);
      // Cut after separators: each window begins after one (or at the start) and ends with one.
      const start = code.indexOf(window.text);
      expect(start === 0 || ";},".includes(code[start - 1]!)).toBe(true);
      expect(";},".includes(window.text[window.text.length - 1]!)).toBe(true);
      expect(window.text.length).toBeLessThanOrEqual(2000);
    }
    for (let i = 1; i < windows.length; i++) {
      const previous = windows[i - 1]!.text;
      // The next window begins inside the previous one's last 300 characters or so.
      expect(previous.includes(windows[i]!.text.slice(0, 250))).toBe(true);
    }
    expect(windows[windows.length - 1]!.text.endsWith(statement(399))).toBe(true);
  });
});

describe("startsOf", () => {
  it("reads inside a docstring, a template literal or a comment by its closer, and is code between them", async () => {
    const normalizer = new Normalizer(await loadTokenHasher());
    const python = 'def f(x):\n    r"""Doc\n    string."""\n    y = \'\'\'a\nb\'\'\' + "c, d"  # note\n    return y\n';
    const inPython = startsOf(normalizer.lex(python, languageByName("python")!), python, languageByName("python")!, "code");
    expect(inPython(python.indexOf("    string."))).toEqual({ insideOf: '"""' });
    expect(inPython(python.indexOf("b'''"))).toEqual({ insideOf: "'''" });
    // A one-line string or comment has no closer a window could be read by.
    expect(inPython(python.indexOf(" d"))).toBe("fragment");
    expect(inPython(python.indexOf("note"))).toBe("fragment");
    expect(inPython(python.indexOf("    y ="))).toBe("code");
    expect(inPython(python.indexOf("    return"))).toBe("code");
    // Past the reading's end a span may be open.
    expect(inPython(python.length)).toBe("fragment");
    const script = "const a = `one\n${b}\ntwo`;\n/* a\n comment */\nlet c = 1;\n";
    const inScript = startsOf(normalizer.lex(script, languageByName("javascript")!), script, languageByName("javascript")!, "code");
    expect(inScript(script.indexOf("${b}"))).toEqual({ insideOf: "`" });
    expect(inScript(script.indexOf("two`"))).toEqual({ insideOf: "`" });
    expect(inScript(script.indexOf(" comment"))).toEqual({ insideOf: "*/" });
    expect(inScript(script.indexOf("/* a"))).toBe("code");
    expect(inScript(script.indexOf("let c"))).toBe("code");
  });
});

describe("nextWindow", () => {
  // 120 lines of 20 characters: code, a string over lines 46-70 (1-based), code again.
  const code = Array.from({ length: 120 }, (_, i) => (i >= 45 && i < 70 ? `string line ${i}` : `code line ${i}`).padEnd(19, ".")).join("\n") + "\n";
  const stringFrom = code.indexOf("string line 45");
  const stringTo = code.indexOf("code line 70");
  // As the window's reading would say: the string's lines are inside a span `"""` closes.
  const reading =
    (window: { start: number }) =>
    (offset: number): QueryStart =>
      window.start + offset <= stringFrom || window.start + offset >= stringTo ? "code" : { insideOf: '"""' };

  it("begins where the reading before it has code, nearest the overlap, and says so", () => {
    const first = firstWindow(code, 1500, 400);
    const plain = nextWindow(code, first, 1500, 400)!;
    // Cut as before: inside the string, where it begins not known.
    expect(plain.start).toBeGreaterThan(stringFrom);
    expect(plain.start).toBeLessThan(stringTo);
    expect(plain.startsIn).toBe("fragment");
    const carried = nextWindow(code, first, 1500, 400, reading(first))!;
    // The overlap's cut (line 57) and every line start back to line 46 lie in the string: the
    // string's first line begins in code, and is no more than an overlap further back.
    expect(carried.start).toBe(stringFrom);
    expect(carried.startsIn).toBe("code");
    expect(carried.firstLine).toBe(46);
    expect(carried.text.startsWith("string line 45")).toBe(true);
  });

  it("begins inside the span the reading says where the overlap and the stretch before it hold no code", () => {
    const first = firstWindow(code, 1500, 400);
    const inside = nextWindow(code, first, 1500, 400, () => ({ insideOf: '"""' }))!;
    expect({ ...inside, startsIn: "fragment" }).toEqual(nextWindow(code, first, 1500, 400));
    expect(inside.startsIn).toEqual({ insideOf: '"""' });
  });
});

const match = (contentId: number, queryLines: [number, number], sourceLines: [number, number], matchedTokens: number): Match => ({
  contentId,
  queryLines,
  sourceLines,
  matchedTokens,
  similarity: 0.5,
  group: 1,
  complete: true,
  evidence: {
    basis: "code",
    textChars: 0,
    seedFingerprints: 4,
    meanSeedFileFrequency: 1,
    matchedChars: matchedTokens * 4,
    sourceMatchedTokens: matchedTokens,
    sourceMatchedChars: matchedTokens * 4,
    queryCoverage: 0.5,
    distinctKgramShare: 1,
    nameConsistency: 1,
    nameRepeats: 3,
    sameNameShare: 1,
    sameLiteralShare: 1,
    identicalChars: matchedTokens * 4,
  },
});

describe("mergeWindows", () => {
  it("shifts a window's query lines and offsets to the whole query's", () => {
    const shifted = inQueryLines([{ ...match(1, [3, 9], [1, 7], 50), queryOffsets: [40, 200] }], { firstLine: 101, start: 5000 })[0]!;
    expect(shifted.queryLines).toEqual([103, 109]);
    expect(shifted.queryOffsets).toEqual([5040, 5200]);
  });

  it("joins the offsets of a copy found in two windows of one long line", () => {
    const merged = mergeWindows([{ ...match(1, [1, 1], [2, 2], 100), queryOffsets: [100, 900] }, { ...match(1, [1, 1], [2, 2], 300), queryOffsets: [700, 2500] }], 10);
    expect(merged.map((m) => [m.matchedTokens, m.queryOffsets])).toEqual([[300, [100, 2500]]]);
  });

  it("joins a copy found in two windows, or twice in their overlap, and keeps other matches apart", () => {
    const merged = mergeWindows(
      [match(1, [90, 120], [10, 40], 100), match(1, [110, 160], [30, 80], 160), match(2, [110, 160], [500, 550], 150), match(1, [400, 420], [10, 30], 60)],
      10,
    );
    expect(merged.map((m) => [m.contentId, m.queryLines, m.sourceLines, m.matchedTokens, m.group])).toEqual([
      [1, [90, 160], [10, 80], 160, 1],
      [2, [110, 160], [500, 550], 150, 1],
      [1, [400, 420], [10, 30], 60, 2],
    ]);
  });
});
