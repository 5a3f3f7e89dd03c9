/** Query generation for the benchmarks: fixed-seed samples of real code, and disguised forms of it. */
import { readFileSync } from "node:fs";
import Parser from "tree-sitter";
import type { LanguageName } from "../src/languages/language.js";
import { languageByName, languageForPath } from "../src/languages/registry.js";
import { BoundedMap } from "../src/util/bounded-map.js";
import { Normalizer } from "../src/normalize/normalizer.js";
import { importLines, licenseNoticeLines } from "./quality/text-runs.js";
import type { TokenStream } from "../src/normalize/token-stream.js";

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

/** How much text a window holds: the speed bench's measure, non-blank characters outside comment lines. */
export function codeChars(window: readonly string[]): number {
  return window.filter((l) => !/^\s*(#|\/\/|\*|\/\*)/.test(l)).join("").replace(/\s+/g, "").length;
}

/**
 * The measure a person would use to pick a region to copy, from its raw text alone: non-blank
 * characters of every line that is neither an import nor part of a license notice (other comments
 * and docstrings count: they are copied too). A license header and an import block are what every
 * file of a project begins with, not code copied from one. Nothing of reftrack's normalizer decides.
 */
export function rawTextChars(window: readonly string[], language: LanguageName): number {
  return nonImportChars(window, language, licenseNoticeLines(window, language === "python"));
}

/**
 * Non-blank characters outside import lines, license notices counted: how the quality benchmark
 * drew its windows before it left notices out. It still draws by it, so the windows it drew stay
 * as they were, and redraws those that fall short by rawTextChars (quality/run.ts).
 */
export function nonImportChars(window: readonly string[], language: LanguageName, leftOut?: readonly boolean[]): number {
  const imports = importLines(window, language === "python");
  let chars = 0;
  window.forEach((line, i) => {
    if (!imports[i] && !leftOut?.[i]) chars += line.replace(/\s+/g, "").length;
  });
  return chars;
}

/**
 * `count` windows of `lines` lines from random files, each with at least `minChars` by `measure`
 * (codeChars unless given); windows with less are redrawn.
 */
export function sampleWindows(
  files: readonly string[],
  count: number,
  lines: number,
  rng: Rng,
  minChars = MIN_WINDOW_CHARS,
  accept: (snippet: Snippet) => boolean = () => true,
  measure: (window: readonly string[], language: LanguageName) => number = codeChars,
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
    const language = languageForPath(file)!.name;
    if (measure(window, language) < minChars) continue;
    if (window.some((l) => l.length > 300)) continue;
    const snippet = { code: window.join("\n"), language, file, startLine: start + 1, endLine: start + lines };
    if (accept(snippet)) snippets.push(snippet);
  }
  return snippets;
}

/** One token of a snippet as tree-sitter lexes it: literals and comments whole, as reftrack sees them. */
export interface Lexeme {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** `#` or `//` comments, which the reformatter drops. */
  readonly lineComment: boolean;
  /** Inside an ERROR node: the parser could not place it, so the space around it is left as it was. */
  readonly inError: boolean;
  /** A name (of the language's identifier types), a string literal, or anything else. */
  readonly kind: "name" | "string" | "other";
}

const parsers = new Map<LanguageName, Parser>();

/** How many parsed files lexemes() keeps (parsedFiles). */
const PARSED_FILES_KEPT = 16;

function parserFor(language: LanguageName): Parser {
  let parser = parsers.get(language);
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(languageByName(language).grammar());
    parsers.set(language, parser);
  }
  return parser;
}

/**
 * The snippet's tokens as its whole file parses them (tree-sitter on the file, cut to the
 * fragment's lines), so a fragment that begins inside a comment or docstring is disguised as that
 * comment or docstring, whatever any reader of fragments would guess. A comment or string the cut
 * goes through is kept as it is: neither a name nor a whole literal.
 */
export function lexemes(snippet: Snippet): Lexeme[] {
  const file = fileLexemes(snippet.file, snippet.language);
  const lines = file.text.split("\n");
  let from = 0;
  for (let i = 0; i < snippet.startLine - 1; i++) from += lines[i]!.length + 1;
  const to = from + snippet.code.length;
  if (file.text.slice(from, to) !== snippet.code) throw new Error(`${snippet.file}:${snippet.startLine}: the snippet is not the file's text`);
  const out: Lexeme[] = [];
  for (const token of file.tokens) {
    if (token.end <= from || token.start >= to) continue;
    const start = Math.max(token.start, from);
    const end = Math.min(token.end, to);
    const whole = start === token.start && end === token.end;
    out.push({
      start: start - from,
      end: end - from,
      text: file.text.slice(start, end),
      lineComment: whole && token.lineComment,
      inError: token.inError,
      kind: whole ? token.kind : "other",
    });
  }
  return out;
}

interface FileLexemes {
  readonly text: string;
  readonly tokens: readonly Lexeme[];
}

/**
 * The files the snippets are disguised from, the latest few kept parsed. Not every file: the
 * speed bench makes its queries in the process it then times them in, and every file kept parsed
 * made that process's scavenges, which land in timed queries, longer (bench/DECISIONS.md).
 */
const parsedFiles = new BoundedMap<string, FileLexemes>(PARSED_FILES_KEPT);

function fileLexemes(path: string, language: LanguageName): FileLexemes {
  const cached = parsedFiles.get(path);
  if (cached) return cached;
  const text = readFileSync(path, "utf8");
  const definition = languageByName(language);
  const literal = new Set(Object.keys(definition.literalTypes));
  const comments = new Set(definition.commentTypes);
  const names = new Set(definition.identifierTypes);
  // The binding reads long strings in pieces through a callback.
  const tree = parserFor(language).parse((index: number) => text.slice(index, index + 65536));
  const cursor = tree.walk();
  const tokens: Lexeme[] = [];
  let errorDepth = 0;
  const visit = (): void => {
    const type = cursor.nodeType;
    const isError = type === "ERROR";
    const atomic = comments.has(type) || (cursor.nodeIsNamed && literal.has(type));
    if (!atomic && cursor.gotoFirstChild()) {
      if (isError) errorDepth++;
      do visit();
      while (cursor.gotoNextSibling());
      cursor.gotoParent();
      if (isError) errorDepth--;
      return;
    }
    const start = cursor.startIndex;
    const end = cursor.endIndex;
    if (end <= start) return;
    const token = text.slice(start, end);
    const kind = cursor.nodeIsNamed && names.has(type) ? "name" : definition.literalTypes[type] === "$str" ? "string" : "other";
    tokens.push({ start, end, text: token, lineComment: comments.has(type) && /^(#|\/\/)/.test(token), inError: errorDepth > 0 || isError, kind });
  };
  visit();
  const parsed = { text, tokens };
  parsedFiles.set(path, parsed);
  return parsed;
}

/** The column of `offset` in `code` (0-based). */
export function columnOf(code: string, offset: number): number {
  return offset === 0 ? 0 : offset - (code.lastIndexOf("\n", offset - 1) + 1);
}

/**
 * New indentation widths for Python's line-starting columns: about half, and in the same order,
 * which is all its blocks depend on (so 4 and 5 never both become 2).
 */
export function offsideIndents(columns: readonly number[]): Map<number, number> {
  const indents = new Map<number, number>();
  let last = -1;
  for (const column of [...new Set(columns)].sort((a, b) => a - b)) {
    last = Math.max(last + 1, Math.floor(column / 2));
    indents.set(column, last);
  }
  return indents;
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
 * The disguises a copier applies without changing behaviour, made on tree-sitter's tokens so no
 * token changes class: every name renamed consistently (member names after a dot, keywords and
 * builtins kept), string contents replaced (line breaks kept), indentation halved (Python's in the
 * same order), runs of spaces collapsed, line comments on their own line dropped. With `namesOnly`,
 * strings and comments stay as written: the names and the layout change, the text does not.
 */
export function renameAndReformat(snippet: Snippet, rng: Rng, namesOnly = false): Snippet {
  const { code, language } = snippet;
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
  const tokens = lexemes(snippet).filter((t, i, all) => {
    if (!t.lineComment || namesOnly) return true;
    const before = code.slice(i === 0 ? 0 : all[i - 1]!.end, t.start);
    return !(i === 0 || before.includes("\n"));
  });
  const starts = tokens.filter((t, i) => i === 0 || code.slice(tokens[i - 1]!.end, t.start).includes("\n")).map((t) => columnOf(code, t.start));
  const pythonIndent = offsideIndents(starts);
  const indentFor = (column: number): number => (language === "python" ? pythonIndent.get(column)! : Math.floor(column / 2));
  let out = "";
  let previousEnd = 0;
  tokens.forEach((token, i) => {
    const gap = code.slice(previousEnd, token.start);
    previousEnd = token.end;
    if (i === 0 || gap.includes("\n")) {
      // Dropped comment lines leave no blank line behind.
      const dropped = namesOnly ? 0 : (gap.match(/\n[ \t]*(#|\/\/)[^\n]*/g)?.length ?? 0);
      const breaks = i === 0 ? 0 : Math.max(1, gap.split("\n").length - 1 - dropped);
      out += "\n".repeat(breaks) + " ".repeat(indentFor(columnOf(code, token.start)));
    } else {
      out += gap.replace(/ {2,}/g, " ");
    }
    const previous = tokens[i - 1];
    if (token.kind === "name" && previous?.text !== "." && previous?.text !== "?.") {
      out += rename(token.text);
    } else if (token.kind === "string" && !namesOnly) {
      out += replaceStringContent(token.text);
    } else {
      out += token.text;
    }
  });
  out += code.slice(previousEnd).replace(/[^\n]/g, "");
  return { ...snippet, code: out };
}

/** `"text"` → `"s6"`, keeping prefix, quotes and line breaks; a string the fragment cut is left alone. */
function replaceStringContent(literal: string): string {
  const parts = /^([A-Za-z]*)("""|'''|"|'|`)([\s\S]*)\2$/.exec(literal);
  if (!parts || parts[3]!.length === 0) return literal;
  const [, prefix, quote, content] = parts;
  return `${prefix}${quote}s${content!.length}${"\n".repeat(content!.split("\n").length - 1)}${quote}`;
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
export function fragmentFidelity(
  normalizer: Normalizer,
  snippets: readonly Snippet[],
  read: (snippet: Snippet) => TokenStream = (snippet) => normalizer.normalize(snippet.code, languageByName(snippet.language)),
): Fidelity {
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
    const got = read(snippet).hashes;
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
