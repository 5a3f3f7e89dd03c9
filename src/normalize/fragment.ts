import type { LanguageDefinition } from "../languages/language.js";

/**
 * A query is a fragment cut from a file at line boundaries, and must tokenize as its lines do in
 * the file. This module decides how a fragment is framed before tree-sitter parses it; no framing
 * adds a token or moves a line. The lexer reads fragments itself (lexical.ts); the screen asks
 * spanCut which of its readings to try.
 */

/** What is put around a fragment before parsing it (see parseAsFragment). */
export interface Framing {
  /** Whole lines before the source: blocks opened for an indented first line. */
  readonly prelude: string;
  /** A multi-line string's or comment's opener, inserted after the first line's indentation. */
  readonly opener: string;
  /** A multi-line string's or comment's closer, appended. */
  readonly closer: string;
}

/** What choosing a framing needs to know of a parse of it. */
export interface FramedParse {
  readonly hasErrors: boolean;
  /** Characters inside ERROR nodes. */
  readonly errorChars: number;
  /** Where, in the source, the first ERROR node begins (Infinity for none). */
  readonly firstErrorAt: number;
}

/**
 * Parses a fragment cut from a file at line boundaries so it reads as its lines do in the file:
 * - In an offside-rule language (Python) whose first line is indented, blocks are opened first
 *   (see blockPrelude), so the indented code parses as in its file and not as "unexpected indent".
 * - When a multi-line string's or comment's delimiters, by their count or order, say it may begin
 *   inside one, and it parses with an error in its first two lines before the first closing
 *   delimiter, it is also parsed with the opener inserted. Prose read as code fails at once; an
 *   error later, after lines that parsed, is not prose (the fragment ends inside a span, often one
 *   holding the delimiter, as backquotes in a doc comment), and an opener would make code a string.
 * - When they say it may end inside one and it parses with errors only from the last opener on,
 *   it is also parsed with the closer appended, so a doc comment cut off at the end stays a
 *   comment rather than code full of errors.
 * The parse with least text in ERROR nodes wins; on a tie, the one whose inserted delimiter turned
 * less text into string or comment (a lone `"""` closes what came before rather than opening the
 * rest). `parse` is given each framing to try; the normalizer and the benchmarks' disguisers share
 * this choice, so both read a fragment alike.
 */
export function parseAsFragment<T extends FramedParse>(source: string, definition: LanguageDefinition, parse: (framing: Framing) => T): T {
  const prelude = definition.offsideRule ? blockPrelude(source) : "";
  const plain = parse({ prelude, opener: "", closer: "" });
  if (!plain.hasErrors) return plain;
  let best = plain;
  let bestSwallowed = 0;
  const proseEnd = endOfNonBlankLines(source, 2);
  for (const [open, close] of definition.spanningDelimiters) {
    const candidates: [Framing, number][] = [];
    const firstClose = source.indexOf(close);
    if (beginsInside(source, open, close) && plain.firstErrorAt <= Math.min(firstClose, proseEnd)) {
      candidates.push([{ prelude, opener: open, closer: "" }, firstClose + close.length]);
    }
    const lastOpen = source.lastIndexOf(open);
    if (endsInside(source, open, close) && plain.firstErrorAt >= lastOpen) {
      candidates.push([{ prelude, opener: "", closer: close }, source.length - lastOpen]);
    }
    for (const [candidate, swallowed] of candidates) {
      const retried = parse(candidate);
      if (retried.errorChars < best.errorChars || (retried.errorChars === best.errorChars && swallowed < bestSwallowed)) {
        best = retried;
        bestSwallowed = swallowed;
      }
    }
  }
  return best;
}

/**
 * The text to parse for a framing: prelude + the first line's indentation + opener + the rest of
 * the source + closer; `toSource` maps an offset in it back to the source (clamped into it).
 */
export function framedText(source: string, framing: Framing): { text: string; preludeEnd: number; toSource: (offset: number) => number } {
  const firstLineIndent = framing.opener === "" ? 0 : /^[ \t]*/.exec(source)![0].length;
  const text = framing.prelude + source.slice(0, firstLineIndent) + framing.opener + source.slice(firstLineIndent) + framing.closer;
  const preludeEnd = framing.prelude.length;
  const openerEnd = preludeEnd + firstLineIndent + framing.opener.length;
  const shift = framing.prelude.length + framing.opener.length;
  const toSource = (offset: number): number =>
    offset >= openerEnd ? Math.min(offset - shift, source.length) : Math.max(0, Math.min(offset - preludeEnd, firstLineIndent));
  return { text, preludeEnd, toSource };
}

/**
 * For an offside-rule fragment whose first line is indented: one `if 1:` line per indentation level
 * below it that the fragment uses (and column 0), each nested in the previous, so the first line
 * sits in a block and every later dedent lands on an open level, as in the file. Empty otherwise,
 * and for tab-indented code, whose levels cannot be compared by counting characters.
 */
export function blockPrelude(source: string): string {
  const firstIndent = /^(?:[ \t]*(?:\r?\n|$))*([ \t]*)/.exec(source)![1]!;
  if (firstIndent.length === 0 || firstIndent.includes("\t")) return "";
  const levels = new Set<number>([0]);
  for (const match of source.matchAll(/^( *)\S/gm)) {
    if (match[1]!.length < firstIndent.length) levels.add(match[1]!.length);
  }
  return [...levels]
    .sort((a, b) => a - b)
    .map((level) => `${" ".repeat(level)}if 1:\n`)
    .join("");
}

/** Whether text looks cut off inside an open…close span: an opener after the last closer, or an odd count of a symmetric delimiter. */
function endsInside(text: string, open: string, close: string): boolean {
  if (open === close) return beginsInside(text, open, close);
  const lastOpen = text.lastIndexOf(open);
  return lastOpen !== -1 && lastOpen > text.lastIndexOf(close);
}

/** The offset just past the `count`th line holding more than whitespace (the text's end if none). */
export function endOfNonBlankLines(text: string, count: number): number {
  let seen = 0;
  for (const match of text.matchAll(/^.*\S.*$/gm)) {
    if (++seen === count) return match.index! + match[0].length;
  }
  return text.length;
}

/**
 * Whether text looks cut from inside an open…close span: "inside" for a lone closer or an odd count
 * of a symmetric delimiter; "inside if prose comes first" for an even count (at least two) of a
 * symmetric one, which may be a fragment cut inside spans at both ends (`prose"""` … code …
 * `"""doc`) and which the count cannot tell from spans wholly inside: the reading decides.
 */
export type SpanCut = "inside" | "inside if prose comes first" | "outside";

export function spanCut(text: string, open: string, close: string): SpanCut {
  if (open === close) {
    const count = occurrences(text, open);
    return count % 2 === 1 ? "inside" : count >= 2 ? "inside if prose comes first" : "outside";
  }
  const firstClose = text.indexOf(close);
  if (firstClose === -1) return "outside";
  const firstOpen = text.indexOf(open);
  return firstOpen === -1 || firstClose < firstOpen ? "inside" : "outside";
}

/** Whether the first `close` in the text begins its line, white space before it: a comment's end, which begins no line of code. */
export function firstCloserBeginsLine(text: string, close: string): boolean {
  const line = lineOfFirst(text, close);
  return line !== undefined && text.slice(line.start, line.at).trim() === "";
}

/** Whether text looks cut from inside an open…close span: a lone closer, or an odd count of a symmetric delimiter. */
function beginsInside(text: string, open: string, close: string): boolean {
  return spanCut(text, open, close) === "inside";
}

function occurrences(text: string, delimiter: string): number {
  let count = 0;
  for (let i = text.indexOf(delimiter); i !== -1; i = text.indexOf(delimiter, i + delimiter.length)) count++;
  return count;
}

/**
 * A JSX opening tag's line: an attribute given a value (`onPress={…}`, `aria-label="…"`, hyphens
 * and all), a spread (`{...props}`), or the tag's end alone (`>`, `/>`). Code writes none of these
 * at a line's start: an assignment has spaces around its `=` or a left side of more than a name.
 */
const TAG_LINE = /^\s*(?:[A-Za-z_$][\w$]*(?:-[\w$]+)*=(?:\{|"|')|\{\.\.\.|\/?>\s*$)/;

/** Whether a fragment's first line holding more than white space is a JSX opening tag's (TAG_LINE): it may begin among a tag's attributes. */
export function beginsInsideTag(text: string): boolean {
  const first = /^.*\S.*$/m.exec(text);
  return first !== null && TAG_LINE.test(first[0]);
}

/** Whether the first thing in `text` other than white space is `delimiter`. */
export function startsWithDelimiter(text: string, delimiter: string): boolean {
  return text.startsWith(delimiter, text.search(/\S/));
}

/**
 * Whether the line holding the first `delimiter` in `text` holds nothing else: more often a closer
 * (a docstring's last line) than an opener, which most docstrings share with their first words.
 */
export function firstDelimiterStandsAlone(text: string, delimiter: string): boolean {
  const line = lineOfFirst(text, delimiter);
  return line !== undefined && text.slice(line.start, line.end).trim() === delimiter;
}

/** Where the first `delimiter` in the text is, and where its line starts and ends (line break excluded); undefined when there is none. */
function lineOfFirst(text: string, delimiter: string): { start: number; at: number; end: number } | undefined {
  const at = text.indexOf(delimiter);
  if (at === -1) return undefined;
  const end = text.indexOf("\n", at);
  return { start: text.lastIndexOf("\n", at - 1) + 1, at, end: end === -1 ? text.length : end };
}

/** 1-based line of the character at `offset`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

