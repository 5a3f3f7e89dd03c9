import type { LanguageDefinition } from "../languages/language.js";
import { MAX_TOKEN_CHARS, TEXT_MIN_STRING_WORDS } from "../options.js";
import type { TokenStream } from "./token-stream.js";
import { reserve } from "../util/growable.js";
import { slabMemory } from "../util/slab.js";

/**
 * Text evidence: the prose of a source — its comments, docstrings and long string literals — as
 * a stream of words, kept apart from the code tokens. Code is normalized (names abstracted) so a
 * renamed copy is found; prose is compared as written (case kept, white space, line breaks and
 * comment markers aside), so a copy whose substance is its documentation is found too, and a
 * reflowed docstring still matches. Both readers report where the prose is (TextSpan): the parser
 * for the index, the lexer for queries; this module makes the words, the same way for both.
 */

export const enum TextKind {
  Comment = 1,
  String = 2,
}

/** A comment or string literal of a source, by UTF-16 offsets. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
  readonly kind: TextKind;
}

/**
 * A comment that is a license notice is never evidence: every file of a project carries it, and
 * the same notice heads unrelated projects' files. Recognised by the words licenses use.
 */
const LICENSE_NOTICE =
  /SPDX-License-Identifier|@license\b|Permission is hereby granted|Licensed under the|Redistribution and use in source|THE SOFTWARE IS PROVIDED|WITHOUT WARRANT|GNU (?:Lesser |Affero )?General Public License|Mozilla Public License|\ball rights reserved\b|\bcopyright\s*(?:\(c\)|©|\d{4})|(?:released|distributed|available) under (?:the )?[\w.-]+ licen[cs]e/i;
/**
 * The messages of the helpers compilers write into their output (Babel's iterable, class and
 * regenerator helpers, tslib's): every package built with the tool carries them, under whatever
 * names a minifier gives the helpers, so a string that is one is never evidence.
 */
const COMPILER_MESSAGE =
  /^.?(?:Invalid attempt to (?:spread|destructure|iterate) non-iterable instance|Cannot call a class as a function|Super expression must either be null or a function|this hasn't been initialised - super\(\) hasn't been called|Derived constructors may only return object or undefined|Generator is already (?:running|executing)|iterator result is not an object|try statement without catch or finally|illegal catch attempt|Symbol\.(?:async)?[iI]terator is not defined|Private accessor was defined without a getter|Cannot (?:read|write) private member (?:from|to) an object whose class did not declare it|Object\.defineProperty called on non-object)/;
/** A line that begins "Copyright" and a holder's name (not a character's name, `# COPYRIGHT SIGN`). */
const COPYRIGHT_LINE = /^[\s*#/!]*Copyright\s+[A-Z\d©(]/m;

/** Markers around comment words: slashes, asterisks (block and JSDoc comments), hashes, and a `!` after them (shebangs). */
const COMMENT_MARKERS_START = /^(?:\/\/+|\/\*+|#+|\*+(?!\/))!?/;
const COMMENT_MARKERS_END = /\*+\/$/;
const ONLY_MARKERS = /^[/*#!]+$/;
/** A string's prefix and opening quote (Python r"…", b'…', f"""…""", JavaScript `…`). */
const STRING_OPENING = /^[A-Za-z]{0,2}("""|'''|"|'|`)/;
const STRING_CLOSING = /("""|'''|"|'|`)$/;

/** FNV-1a over a word's characters, finished with murmur3's mixer: words are hashed once each, never cached. */
function wordHash(source: string, start: number, end: number, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = start; i < end; i++) {
    h ^= source.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A specification's requirement keywords, as RFC 2119 capitalizes them: prose holding them quotes
 * a standard (TokenStream.requirements). MAY and OPTIONAL are left out: capitals of their own.
 */
const REQUIREMENT_WORDS = new Set(["MUST", "SHALL", "SHOULD", "REQUIRED", "RECOMMENDED"]);

/**
 * Whether the word [start, end) is a requirement keyword, a trailing comma, period, colon or
 * semicolon aside: only a word of capitals is looked up, so prose's capitalized words cost two reads.
 */
function isRequirementWord(source: string, start: number, end: number): boolean {
  if (end - start < 4 || end - start > 12 || !isCapital(source.charCodeAt(start)) || !isCapital(source.charCodeAt(start + 1))) return false;
  const last = source.charCodeAt(end - 1);
  const trimmed = last === 44 || last === 46 || last === 58 || last === 59 ? end - 1 : end;
  return REQUIREMENT_WORDS.has(source.slice(start, trimmed));
}

function isCapital(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** Seeds word hashes per language family, so prose is never matched across families either. */
function familySeed(definition: LanguageDefinition): number {
  return definition.lexicon.dialect === "python" ? 0x5079_7468 : 0x4a53_4a53;
}

/**
 * The words of a text stream being made, column by column, in arrays reused from one stream to the
 * next (making a stream is synchronous): an object per word cost more than finding the word.
 */
class Words {
  starts = new Uint32Array(256);
  ends = new Uint32Array(256);
  lines = new Uint32Array(256);
  /** 1 for a word of a comment written after code on its line (TokenStream.annotations). */
  annotations = new Uint8Array(256);
  length = 0;

  push(start: number, end: number, line: number, annotation: boolean): void {
    if (this.length === this.starts.length) {
      this.starts = reserve(this.starts, this.length + 1);
      this.ends = reserve(this.ends, this.length + 1);
      this.lines = reserve(this.lines, this.length + 1);
      this.annotations = reserve(this.annotations, this.length + 1);
    }
    const at = this.length++;
    this.starts[at] = start;
    this.ends[at] = end;
    this.lines[at] = line;
    this.annotations[at] = annotation ? 1 : 0;
  }
}

let words = new Words();

/** Words whose columns are kept for the next stream; a larger stream's are let go (a huge file's prose). */
const WORDS_KEPT = 1 << 16;

/** White space as a regular expression's `\s` reads it: what separates words. */
function isWhiteSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether a word may begin with comment markers: only then are the marker patterns tried. */
function isMarker(c: number): boolean {
  return c === 47 || c === 42 || c === 35;
}

/**
 * The words of one span (runs of non-white-space), markers and quotes left out, with their 1-based
 * lines, read by character code: a word becomes a string only when it may carry a marker or quote.
 */
function spanWords(source: string, span: TextSpan, firstLine: number, into: Words, cuts: readonly Cut[]): void {
  const comment = span.kind === TextKind.Comment;
  const annotation = comment && followsCode(source, span.start);
  let cut = 0;
  const first = into.length;
  const stop = span.end;
  let line = firstLine;
  let i = span.start;
  while (i < stop) {
    const c = source.charCodeAt(i);
    if (isWhiteSpace(c)) {
      if (c === 10) line++;
      i++;
      continue;
    }
    let end = i + 1;
    while (end < stop && !isWhiteSpace(source.charCodeAt(end))) end++;
    let start = i;
    let last = end;
    if (comment) {
      if (isMarker(c) || c === 33) {
        const text = source.slice(i, end);
        if (ONLY_MARKERS.test(text)) {
          i = end;
          continue;
        }
        start += COMMENT_MARKERS_START.exec(text)?.[0].length ?? 0;
      }
      if (source.charCodeAt(end - 1) === 47) last -= COMMENT_MARKERS_END.exec(source.slice(i, end))?.[0].length ?? 0;
    } else {
      if (i === span.start) start += STRING_OPENING.exec(source.slice(i, end))?.[0].length ?? 0;
      if (end === stop) last -= STRING_CLOSING.exec(source.slice(start, end))?.[0].length ?? 0;
    }
    while (cut < cuts.length && cuts[cut]![1] <= i) cut++;
    const inCut = cut < cuts.length && cuts[cut]![0] <= i;
    if (last > start && !inCut) into.push(start, last, line, annotation && line === firstLine);
    i = end;
  }
  if (!comment && into.length - first < TEXT_MIN_STRING_WORDS) into.length = first;
}

/** Whether anything but white space precedes `at` on its line. */
function followsCode(source: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = source.charCodeAt(i);
    if (c === 10 || c === 13) return false;
    if (!isWhiteSpace(c)) return true;
  }
  return false;
}

const NO_CLASSES = new Uint32Array(0);

/** A range of a source's characters whose words are left out: a license paragraph inside a kept span. */
type Cut = readonly [number, number];

/** A line break, then a line of nothing but white space or comment markers: a paragraph ends. */
const PARAGRAPH_BREAK = /\n[ \t*#/]*(?=\r?\n)/g;
const HAS_WORD = /[A-Za-z0-9]/;

function isNotice(text: string): boolean {
  return LICENSE_NOTICE.test(text) || COPYRIGHT_LINE.test(text);
}

/** Whether a span holds at least `count` runs of non-white-space (spanWords' words, before markers and quotes are cut). */
function hasWords(source: string, span: TextSpan, count: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = span.start; i < span.end; i++) {
    const space = isWhiteSpace(source.charCodeAt(i));
    if (!space && !inWord && ++words >= count) return true;
    inWord = !space;
  }
  return false;
}

function isLineComment(source: string, span: TextSpan): boolean {
  return span.kind === TextKind.Comment && !source.startsWith("/*", span.start);
}

/**
 * The spans without their license notices and compilers' helper messages (COMPILER_MESSAGE). A
 * notice is often a run of line comments (`# Permission is hereby granted…` line after line), each
 * its own span, so a run of line comments is judged as one text, a paragraph at a time (a comment
 * line without words ends one), as is a block comment or docstring (a blank line ends one). From the
 * first paragraph with a notice on, the text is left out: a license's later paragraphs ("THIS
 * SOFTWARE IS PROVIDED BY…" in BSD's) need not name themselves, while the description above a
 * copyright line stays evidence.
 */
function withoutBoilerplateProse(source: string, spans: readonly TextSpan[]): { spans: TextSpan[]; cuts: Cut[] } {
  const kept: TextSpan[] = [];
  const cuts: Cut[] = [];
  for (let i = 0; i < spans.length; ) {
    if (isLineComment(source, spans[i]!)) {
      let j = i + 1;
      while (j < spans.length && isLineComment(source, spans[j]!) && source.slice(spans[j - 1]!.end, spans[j]!.start).trim() === "") j++;
      if (!isNotice(source.slice(spans[i]!.start, spans[j - 1]!.end))) {
        kept.push(...spans.slice(i, j));
        i = j;
        continue;
      }
      for (let from = i; from < j; ) {
        let to = from + 1;
        while (to < j && HAS_WORD.test(source.slice(spans[to]!.start, spans[to]!.end))) to++;
        if (isNotice(source.slice(spans[from]!.start, spans[to - 1]!.end))) break;
        kept.push(...spans.slice(from, to));
        from = to;
      }
      i = j;
      continue;
    }
    const span = spans[i++]!;
    // A string of fewer words than prose has gives no words (spanWords) and needs no notice test.
    if (span.kind === TextKind.String && !hasWords(source, span, TEXT_MIN_STRING_WORDS)) {
      kept.push(span);
      continue;
    }
    const text = source.slice(span.start, span.end);
    if (span.kind === TextKind.String && COMPILER_MESSAGE.test(text)) continue;
    if (!isNotice(text)) {
      kept.push(span);
      continue;
    }
    let from = 0;
    for (const found of [...text.matchAll(PARAGRAPH_BREAK), null]) {
      const end = found ? found.index! : text.length;
      if (isNotice(text.slice(from, end))) break;
      from = found ? end + found[0].length : text.length;
    }
    if (from === 0) continue;
    kept.push(span);
    cuts.push([span.start + from, span.end]);
  }
  return { spans: kept, cuts };
}

/**
 * The text stream of `source`: the words of its text spans (in source order), one token each,
 * hashed as written. Names and literal classes are empty: prose is compared word for word.
 */
export function textStream(source: string, spans: readonly TextSpan[], definition: LanguageDefinition): TokenStream {
  words.length = 0;
  let line = 1;
  let at = 0;
  const kept = withoutBoilerplateProse(source, spans);
  for (const span of kept.spans) {
    for (let i = source.indexOf("\n", at); i !== -1 && i < span.start; i = source.indexOf("\n", i + 1)) line++;
    at = span.start;
    spanWords(source, span, line, words, kept.cuts);
  }
  const count = words.length;
  // The eight arrays as views of one buffer: an allocation each cost more than making the words.
  const { buffer, offset } = slabMemory(count * 21);
  const hashes = new Uint32Array(buffer, offset, count);
  const lines = new Uint32Array(buffer, offset + count * 4, count);
  const startOffsets = new Uint32Array(buffer, offset + count * 8, count);
  const endOffsets = new Uint32Array(buffer, offset + count * 12, count);
  const names = new Uint16Array(buffer, offset + count * 16, count);
  const charWeights = new Uint8Array(buffer, offset + count * 18, count);
  const annotations = new Uint8Array(buffer, offset + count * 19, count);
  const requirements = new Uint8Array(buffer, offset + count * 20, count);
  const seed = familySeed(definition);
  for (let i = 0; i < count; i++) {
    const start = words.starts[i]!;
    const end = words.ends[i]!;
    hashes[i] = wordHash(source, start, end, seed);
    lines[i] = words.lines[i]!;
    startOffsets[i] = start;
    endOffsets[i] = end;
    charWeights[i] = Math.min(end - start, MAX_TOKEN_CHARS);
    annotations[i] = words.annotations[i]!;
    requirements[i] = isRequirementWord(source, start, end) ? 1 : 0;
  }
  if (words.starts.length > WORDS_KEPT) words = new Words();
  let lineCount = 1;
  for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) lineCount++;
  return {
    language: definition.name,
    count,
    hashes,
    startLines: lines,
    endLines: lines,
    startOffsets,
    endOffsets,
    charWeights,
    names,
    annotations,
    requirements,
    literalClasses: NO_CLASSES,
    keptLiteralClasses: NO_CLASSES,
    lineCount,
    hasErrors: false,
    errorChars: 0,
  };
}
