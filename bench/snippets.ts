/** Query generation for the benchmarks: fixed-seed samples of real code, and disguised forms of it. */
import { readFileSync } from "node:fs";
import type { LanguageName } from "../src/languages/language.js";
import { languageByName, languageForPath } from "../src/languages/registry.js";
import type { Normalizer, TokenStream } from "../src/normalize/normalize.js";

/** mulberry32: small, fast, and the same sequence on every machine. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), this.state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

export interface Snippet {
  readonly code: string;
  readonly language: LanguageName;
  /** Where it was taken from (absolute path, 1-based inclusive lines). */
  readonly file: string;
  readonly startLine: number;
  readonly endLine: number;
}

/** Minimum non-blank characters for a window to count as code rather than blank lines. */
const MIN_WINDOW_CHARS = 300;

/**
 * `count` windows of `lines` lines from random files, each with enough code in it; windows that
 * are mostly comments or blank lines are redrawn.
 */
export function sampleWindows(
  files: readonly string[],
  count: number,
  lines: number,
  rng: Rng,
  minChars = MIN_WINDOW_CHARS,
  accept: (snippet: Snippet) => boolean = () => true,
): Snippet[] {
  const snippets: Snippet[] = [];
  const cache = new Map<string, string[] | null>();
  let attempts = 0;
  while (snippets.length < count && attempts < count * 50) {
    attempts++;
    const file = rng.pick(files);
    let text = cache.get(file);
    if (text === undefined) {
      try {
        const content = readFileSync(file, "utf8");
        text = content.length > 1024 * 1024 || content.includes("\u0000") ? null : content.split("\n");
      } catch {
        text = null;
      }
      cache.set(file, text);
    }
    if (!text || text.length < lines) continue;
    const start = rng.int(text.length - lines + 1);
    const window = text.slice(start, start + lines);
    const code = window.filter((l) => !/^\s*(#|\/\/|\*|\/\*)/.test(l)).join("");
    if (code.replace(/\s+/g, "").length < minChars) continue;
    if (window.some((l) => l.length > 300)) continue;
    const snippet = { code: window.join("\n"), language: languageForPath(file)!.name, file, startLine: start + 1, endLine: start + lines };
    if (accept(snippet)) snippets.push(snippet);
  }
  return snippets;
}

const RESERVED = new Set(
  (
    // Python
    "False None True and as assert async await break class continue def del elif else except finally for from global if " +
    "import in is lambda nonlocal not or pass raise return try while with yield self cls print len range str int dict list " +
    "set tuple isinstance super object type match case " +
    // JavaScript / TypeScript
    "abstract any arguments boolean case catch const constructor debugger declare default delete do enum export extends " +
    "false function get implements in instanceof interface keyof let module namespace never new null number of package " +
    "private protected public readonly require return satisfies static string switch symbol this throw true typeof " +
    "undefined unknown var void yield exports prototype"
  ).split(" "),
);

/**
 * The disguises a copier applies without changing behaviour: every name renamed consistently,
 * string contents changed, indentation width changed, runs of spaces collapsed, comment lines
 * dropped.
 */
export function renameAndReformat(snippet: Snippet, rng: Rng): Snippet {
  const renames = new Map<string, string>();
  const rename = (word: string): string => {
    if (RESERVED.has(word)) return word;
    let renamed = renames.get(word);
    if (!renamed) {
      renamed = `${rng.pick(["val", "item", "node", "tmp", "ref", "acc", "obj"])}${renames.size}`;
      renames.set(word, renamed);
    }
    return renamed;
  };
  const lines = snippet.code.split("\n").filter((line) => !/^\s*(#|\/\/)/.test(line));
  const code = lines
    .map((line) => {
      const indent = /^ */.exec(line)![0].length;
      const body = line
        .slice(indent)
        .replace(/("|')(?:(?!\1)[^\\]|\\.)*\1/g, (quoted) => `${quoted[0]}s${quoted.length}${quoted[0]}`)
        // Not after a member dot (obj.name keeps its member name), but after a spread (...name).
        .replace(/(?<![0-9A-Za-z_$])(?<!(?:^|[^.])\.)[A-Za-z_$][A-Za-z0-9_$]*/g, (word: string, offset: number, whole: string) =>
          // Leave prefixes of string literals (f"", r'') and numbers' suffixes alone.
          /["']/.test(whole[offset + word.length] ?? "") ? word : rename(word),
        )
        .replace(/ {2,}/g, " ");
      return " ".repeat(Math.floor(indent / 2)) + body;
    })
    .join("\n");
  return { ...snippet, code };
}

/**
 * Whether a snippet holds at least `minChars` normalized characters of code (what reftrack
 * measures) as its whole file parses, so a window that is mostly a docstring or a comment is not
 * counted as a query it should match. Judged on the file, not the fragment: a fragment that begins
 * inside a docstring parses its prose as code.
 */
export function hasCode(normalizer: Normalizer, minChars: number): (snippet: Snippet) => boolean {
  const fileTokens = tokensOfFiles(normalizer);
  return (snippet) => {
    const tokens = fileTokens(snippet);
    if (!tokens) return false;
    let weight = 0;
    for (let i = 0; i < tokens.count; i++) {
      if (tokens.startLines[i]! >= snippet.startLine && tokens.endLines[i]! <= snippet.endLine) weight += tokens.charWeights[i]!;
    }
    return weight >= minChars;
  };
}

/** The token stream of a snippet's whole file, normalized once per file; null when unreadable. */
function tokensOfFiles(normalizer: Normalizer): (snippet: Snippet) => TokenStream | null {
  const files = new Map<string, TokenStream | null>();
  return (snippet) => {
    let tokens = files.get(snippet.file);
    if (tokens === undefined) {
      try {
        tokens = normalizer.normalize(readFileSync(snippet.file, "utf8"), languageByName(snippet.language));
      } catch {
        tokens = null;
      }
      files.set(snippet.file, tokens);
    }
    return tokens;
  };
}

export interface Fidelity {
  readonly n: number;
  /** Snippets whose token stream equals their file's tokens on those lines. */
  readonly identical: number;
  /** Snippets whose longest common token subsequence with the file's is ≥ 90% of the longer. */
  readonly within10: number;
}

/**
 * How faithfully snippets, normalized alone, reproduce the tokens their lines have in the whole
 * file: the ceiling on finding them, whatever the matching does. A file token counts when it
 * overlaps the lines (a docstring begun above the window is one token on both sides).
 */
export function fragmentFidelity(normalizer: Normalizer, snippets: readonly Snippet[]): Fidelity {
  const fileTokens = tokensOfFiles(normalizer);
  let n = 0;
  let identical = 0;
  let within10 = 0;
  for (const snippet of snippets) {
    const whole = fileTokens(snippet);
    if (!whole) continue;
    const expected: number[] = [];
    for (let i = 0; i < whole.count; i++) {
      if (whole.endLines[i]! >= snippet.startLine && whole.startLines[i]! <= snippet.endLine) expected.push(whole.hashes[i]!);
    }
    const got = normalizer.normalize(snippet.code, languageByName(snippet.language)).hashes;
    const common = longestCommonSubsequence(expected, got);
    n++;
    if (common === expected.length && common === got.length) identical++;
    if (common >= 0.9 * Math.max(expected.length, got.length)) within10++;
  }
  return { n, identical, within10 };
}

function longestCommonSubsequence(a: readonly number[], b: ArrayLike<number>): number {
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}
