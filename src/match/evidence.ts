import type { TokenStream } from "../normalize/token-stream.js";
import { nameChars, nameHash, stringNameHash } from "../normalize/token-stream.js";
import { CHARACTER_BOUNDS, CONVENTIONAL_NAMES, CONVENTIONAL_STRINGS, COUNTER_MAX, ESCAPED_CHARACTERS, FLAG_MAX_EXPONENT, KEY_RANGE_MAX } from "../options.js";
import { reserve } from "../util/growable.js";
import { IDENTIFIER, KEPT_LITERAL, LITERAL, type QueryTables } from "./query-tables.js";
import type { MatchScratch } from "./scratch.js";
import type { SourceTokens } from "./source-tokens.js";
import type { Candidate, NameComparison, Segment } from "./types.js";

/**
 * Measurements of a candidate beyond its length: how repetitive it is and how the names and
 * literals behind its shape correspond. Taken only for candidates that would be reported
 * (rank.ts), since repetitive code yields dozens of candidates per file over the same query lines.
 */

/** How repetitive the k-grams a candidate covers in the query are (Evidence). */
export interface KgramShares {
  readonly distinct: number;
  readonly recurring: number;
}

/**
 * Of the k-grams the segments cover in the query (clipped like its tokens), the share that are
 * distinct; and of those distinct values, the share the query also holds outside the segments,
 * given `sortedQueryKgrams`, every k-gram of the query sorted (else 0: not asked).
 */
export function kgramShares(segments: readonly Segment[], kgrams: Int32Array, k: number, sortedQueryKgrams: Int32Array | undefined, scratch: MatchScratch): KgramShares {
  let matchedKgrams = 0;
  let covered = -1;
  for (const segment of segments) {
    const from = Math.max(segment.queryStart, covered);
    const to = segment.queryEnd - k + 1;
    if (to > from) {
      scratch.kgrams = reserve(scratch.kgrams, matchedKgrams + to - from);
      scratch.kgrams.set(kgrams.subarray(from, to), matchedKgrams);
      matchedKgrams += to - from;
    }
    covered = Math.max(covered, segment.queryEnd);
  }
  if (matchedKgrams === 0) return { distinct: 0, recurring: 0 };
  const region = scratch.kgrams.subarray(0, matchedKgrams).sort();
  let distinct = 0;
  let recurring = 0;
  for (let i = 0; i < matchedKgrams; ) {
    const value = region[i]!;
    let j = i + 1;
    while (j < matchedKgrams && region[j] === value) j++;
    distinct++;
    if (sortedQueryKgrams && countOf(sortedQueryKgrams, value) > j - i) recurring++;
    i = j;
  }
  return { distinct: distinct / matchedKgrams, recurring: recurring / distinct };
}

/** Occurrences of `value` in the sorted `values`. */
function countOf(values: Int32Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid]! < value) low = mid + 1;
    else high = mid;
  }
  let end = low;
  while (end < values.length && values[end] === value) end++;
  return end - low;
}

/**
 * Normalized characters of the segments' indexed side: each identifier and literal of the query
 * at the length its indexed counterpart was stored with (nameChars), every other token at the
 * query's weight, since matching tokens are the same token.
 */
export function sourceSideChars(segments: readonly Segment[], query: TokenStream, source: SourceTokens): number {
  let chars = 0;
  let covered = -1;
  for (const segment of segments) {
    for (let t = Math.max(segment.queryStart, covered); t < segment.queryEnd; t++) {
      const sourceName = query.names[t] === 0 ? 0 : source.name(segment.sourceStart + (t - segment.queryStart));
      chars += sourceName === 0 ? query.charWeights[t]! : nameChars(sourceName);
    }
    covered = Math.max(covered, segment.queryEnd);
  }
  return chars;
}

/** Normalized characters of the segments' query side, each token once (as chain.ts counts a candidate's). */
export function queryChars(segments: readonly Segment[], charsBefore: Int32Array): number {
  let chars = 0;
  let covered = -1;
  for (const segment of segments) {
    const from = Math.max(segment.queryStart, covered);
    if (segment.queryEnd > from) chars += charsBefore[segment.queryEnd]! - charsBefore[from]!;
    covered = Math.max(covered, segment.queryEnd);
  }
  return chars;
}

/** Source tokens the segments cover, each once (segments are in query order; source ranges may overlap). */
export function sourceSideTokens(segments: readonly Segment[]): number {
  const ranges = segments.map((segment) => [segment.sourceStart, segment.sourceEnd] as const).sort((a, b) => a[0] - b[0]);
  let tokens = 0;
  let covered = -1;
  for (const [start, end] of ranges) {
    const from = Math.max(start, covered);
    if (end > from) tokens += end - from;
    covered = Math.max(covered, end);
  }
  return tokens;
}

const CONVENTIONAL = new Set(CONVENTIONAL_NAMES.map((name) => nameHash(name, 0, name.length)));
/**
 * Strings the same by convention: CONVENTIONAL_STRINGS by their name words, as a string literal's
 * value gives them, and ESCAPED_CHARACTERS' escape sequences written out (`"\\n"`).
 */
const CONVENTIONAL_LITERALS = new Set([...CONVENTIONAL_STRINGS, ...ESCAPED_CHARACTERS.map((c) => `\\\\${c}`)].map(quotedWord));
/**
 * Kept literals the same by convention: CHARACTER_BOUNDS by their name words, however spelled
 * (counterSpellings), and regular expressions finding one of ESCAPED_CHARACTERS, by their text.
 */
const CONVENTIONAL_KEPT = new Set([
  ...CHARACTER_BOUNDS.flatMap((value) => counterSpellings(value)),
  ...ESCAPED_CHARACTERS.flatMap((c) => [`\\${c}`, `[\\${c}]`].flatMap((body) => [`/${body}/g`, `/${body}/`])),
].map((text) => nameHash(text, 0, text.length)));

function quotedWord(content: string): number {
  return stringNameHash(`"${content}"`, 0, content.length + 2);
}

/**
 * The integers 0…KEY_RANGE_MAX by their name words, as a number literal's text gives them
 * (counterSpellings); and the printable ASCII characters as one-character strings, past them
 * (ALPHABET_BASE + code point): a run of `"(", ")", "*", …, "a", "b"` is the character set in its
 * own order, which every table of it shares, as a run of 0, 1, 2 is any enumeration's.
 */
const ALPHABET_BASE = KEY_RANGE_MAX + 2;
const COUNTERS = new Map([
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => [stringNameHash(`'${String.fromCharCode(0x20 + i)}'`, 0, 3), ALPHABET_BASE + 0x20 + i] as const),
  ...Array.from({ length: KEY_RANGE_MAX + 1 }, (_, value) => counterSpellings(value, 8).map((text) => [nameHash(text, 0, text.length), value] as const)).flat(),
]);

/**
 * The powers of two past KEY_RANGE_MAX up to 2^FLAG_MAX_EXPONENT by their name words, as
 * COUNTERS holds the smaller ones: a flag set's high bits, each twice the one before.
 */
const FIRST_HIGH_FLAG_EXPONENT = Math.log2(KEY_RANGE_MAX + 1);
const HIGH_FLAGS = new Map(
  Array.from({ length: FLAG_MAX_EXPONENT - FIRST_HIGH_FLAG_EXPONENT + 1 }, (_, i) => 2 ** (FIRST_HIGH_FLAG_EXPONENT + i)).flatMap((value) =>
    counterSpellings(value, 8).map((text) => [nameHash(text, 0, text.length), value] as const),
  ),
);

/** A number's value when it may step a counter (COUNTERS' numbers, HIGH_FLAGS), else -2. */
function counterValue(name: number): number {
  const value = COUNTERS.get(name);
  return value !== undefined && value < ALPHABET_BASE ? value : (HIGH_FLAGS.get(name) ?? -2);
}

/** The empty string, however quoted or prefixed (`""`, `''`, `b''`): stringNameHash ignores both. */
const EMPTY_STRING = stringNameHash('""', 0, 2);

/** Whether a literal is 0, 1 (however written: counterSpellings) or the empty string: a default any initializer writes. */
function isInitializerDefault(name: number): boolean {
  const value = COUNTERS.get(name);
  return value === 0 || value === 1 || name === EMPTY_STRING;
}

/**
 * How a counter is written: in decimal, or in hexadecimal as a protocol's constants are (`0x0A`),
 * of either case and prefix, padded to 1, 2 or 4 digits (or 8, as a flag set's 32 bits are).
 */
function counterSpellings(value: number, widest = 4): string[] {
  const spellings = [String(value)];
  for (const prefix of ["0x", "0X"]) {
    for (const digits of [1, 2, 4, 8]) {
      if (digits > widest) break;
      const hex = value.toString(16).padStart(digits, "0");
      spellings.push(prefix + hex, prefix + hex.toUpperCase());
    }
  }
  return [...new Set(spellings)];
}

/**
 * How many of the query tokens the segments cover are marked in `marks` (a text stream's
 * annotations or requirement keywords, a code stream's echoes), each counted once; with `weights`,
 * their weights summed (characters, TokenStream.charWeights).
 */
export function markedWords(segments: readonly Segment[], marks: Uint8Array, weights?: Uint8Array): number {
  let marked = 0;
  let covered = -1;
  for (const segment of segments) {
    for (let t = Math.max(segment.queryStart, covered); t < segment.queryEnd; t++) marked += weights && marks[t] ? weights[t]! : marks[t]!;
    covered = Math.max(covered, segment.queryEnd);
  }
  return marked;
}

/**
 * Each identifier of the matched code paired with the one at the same place on the other side; a
 * name's first pair is free, and each repeat either keeps the same partner or not (Baker's
 * parameterized match). Literals are counted apart: the same text or not.
 */
export function compareNames(candidate: Candidate, query: TokenStream, tables: QueryTables, source: SourceTokens, scratch: MatchScratch): NameComparison {
  // Each aligned pair of names as one 32-bit key, both ways round: sorted, a name's pairs are
  // adjacent, so counting needs no maps.
  scratch.namePairsByQuery = reserve(scratch.namePairsByQuery, candidate.matchedTokens);
  scratch.namePairsBySource = reserve(scratch.namePairsBySource, candidate.matchedTokens);
  const tally = scratch.nameTally.fill(0);
  tally[LAST_COUNTER] = -2;
  tally[LAST_CHARACTER] = -2;
  let covered = -1;
  for (const segment of candidate.segments) {
    const from = Math.max(segment.queryStart, covered);
    covered = Math.max(covered, segment.queryEnd);
    // A gap between segments ends an identical run.
    endRun(tally);
    tallySegment(from, segment.queryEnd, segment.sourceStart - segment.queryStart, query.names, tables.nameKinds, query.charWeights, query.vocabulary, source, scratch, tally);
  }
  endRun(tally);
  const pairs = tally[PAIRS]!;
  const byQueryName = partners(scratch.namePairsByQuery.subarray(0, pairs).sort());
  const bySourceName = partners(scratch.namePairsBySource.subarray(0, pairs).sort());
  const repeats = Math.max(byQueryName.repeats, bySourceName.repeats);
  let consistency = 1;
  for (const side of [byQueryName, bySourceName]) if (side.repeats > 0) consistency = Math.min(consistency, side.consistent / side.repeats);
  return {
    pairs,
    distinctNames: byQueryName.names,
    distinctSameNames: byQueryName.sameNames,
    repeats: pairs === 0 ? 0 : repeats,
    consistency,
    // With only conventional names, nothing is the same by more than convention.
    sameShare: pairs === 0 ? (tally[CONVENTIONAL_PAIRS]! > 0 ? 0 : 1) : tally[SAME]! / pairs,
    literalPairs: tally[LITERAL_PAIRS]!,
    sameLiterals: tally[SAME_LITERALS]!,
    sameLiteralsVary: tally[SAME_LITERALS_VARY] === 1,
    keptLiteralPairs: tally[KEPT_LITERAL_PAIRS]!,
    sameKeptLiterals: tally[SAME_KEPT_LITERALS]!,
    sameKeptLiteralsVary: tally[SAME_KEPT_LITERALS_VARY] === 1,
    sameCounterSteps: tally[COUNTER_STEPS]!,
    sameBeyondDefaults: tally[SAME_BEYOND_DEFAULTS]!,
    sameKeyRunSteps: tally[KEY_RUN_STEPS]!,
    sameStrideSteps: tally[STRIDE_STEPS]!,
    otherLiteralChars: tally[OTHER_LITERAL_CHARS]!,
    identicalRunChars: tally[LONGEST_RUN_CHARS]!,
  };
}

/** Closes the identical run being counted: the longest so far is kept. */
function endRun(tally: Int32Array): void {
  if (tally[RUN_CHARS]! > tally[LONGEST_RUN_CHARS]!) tally[LONGEST_RUN_CHARS] = tally[RUN_CHARS]!;
  tally[RUN_CHARS] = 0;
}

/** Slots of MatchScratch.nameTally, compareNames's running counts across a candidate's segments. */
const PAIRS = 0;
const SAME = 1;
const CONVENTIONAL_PAIRS = 2;
const LITERAL_PAIRS = 3;
const SAME_LITERALS = 4;
const FIRST_SAME = 5;
const SAME_LITERALS_VARY = 6;
const KEPT_LITERAL_PAIRS = 7;
const SAME_KEPT_LITERALS = 8;
const FIRST_SAME_KEPT = 9;
const SAME_KEPT_LITERALS_VARY = 10;
const COUNTER_STEPS = 11;
const LAST_COUNTER = 12;
const LAST_CHARACTER = 13;
const SAME_BEYOND_DEFAULTS = 14;
const KEY_RUN_STEPS = 15;
const STRIDE = 16;
const STRIDE_STEPS = 17;
const OTHER_LITERAL_CHARS = 18;
const RUN_CHARS = 19;
const LONGEST_RUN_CHARS = 20;
export const NAME_TALLY_SLOTS = 21;

/**
 * The query tokens [from, to) of one segment, each paired with the source token `offset` further
 * on, counted into `tally` and, for identifiers, keyed into the scratch's pair arrays. The loop is
 * the whole function and its counts live in `tally`, not in locals written back after it: a
 * bundle's first call compiles the loop while it runs, and code after it, not yet run, had no type
 * feedback, so the compiled loop deoptimized there on every later call (bench/DECISIONS.md).
 */
function tallySegment(
  from: number,
  to: number,
  offset: number,
  queryNames: Uint16Array,
  nameKinds: Uint8Array,
  charWeights: Uint8Array,
  vocabulary: Uint8Array | undefined,
  source: SourceTokens,
  scratch: MatchScratch,
  tally: Int32Array,
): void {
  const byQuery = scratch.namePairsByQuery;
  const bySource = scratch.namePairsBySource;
  for (let t = from; t < to; t++) {
    const queryName = queryNames[t]!;
    const sourceName = queryName === 0 ? 0 : source.name(t + offset);
    // Identical text runs on through every token but a name or literal that is other text.
    if (queryName !== sourceName && sourceName !== 0) endRun(tally);
    else tally[RUN_CHARS]! += charWeights[t]!;
    if (queryName === 0) continue;
    // A fragment can parse a token differently from its whole file (`key: value` cut out of an
    // object literal is a label): a name on one side only is no evidence either way.
    if (sourceName === 0) continue;
    const kind = nameKinds[t]!;
    if (kind !== IDENTIFIER) {
      if (queryName === sourceName && (kind === LITERAL ? CONVENTIONAL_LITERALS : CONVENTIONAL_KEPT).has(queryName)) continue;
      tally[LITERAL_PAIRS]!++;
      if (queryName === sourceName) {
        tally[SAME_LITERALS]!++;
        if (!isInitializerDefault(queryName)) tally[SAME_BEYOND_DEFAULTS]!++;
        if (tally[FIRST_SAME] === 0) tally[FIRST_SAME] = queryName;
        else if (queryName !== tally[FIRST_SAME]) tally[SAME_LITERALS_VARY] = 1;
      } else {
        // Another literal counts as its class alone, one character: the shape, not the data.
        tally[OTHER_LITERAL_CHARS]! += charWeights[t]! - 1;
      }
      if (kind !== KEPT_LITERAL) {
        // The character set in its own order, string after string with no number between (a
        // table mapping each character to another holds more than the characters).
        const character = queryName === sourceName ? COUNTERS.get(queryName) : undefined;
        if (character !== undefined && character >= ALPHABET_BASE && character === tally[LAST_CHARACTER]! + 1) tally[COUNTER_STEPS]!++;
        tally[LAST_CHARACTER] = character !== undefined && character >= ALPHABET_BASE ? character : -2;
      } else {
        tally[LAST_CHARACTER] = -2;
        tally[KEPT_LITERAL_PAIRS]!++;
        // A counter runs from one number to the next with no other number between (a table's
        // columns interleave theirs).
        const counter = queryName === sourceName ? counterValue(queryName) : -2;
        const last = tally[LAST_COUNTER]!;
        // A flag set's bits, each twice the last (FLAG_MAX_EXPONENT), count as a counter's steps.
        const doubling = last > 0 && counter === 2 * last && (counter & (counter - 1)) === 0;
        if (counter >= 0 && (counter === last + 1 || doubling)) {
          tally[KEY_RUN_STEPS]!++;
          if (counter <= COUNTER_MAX || doubling) tally[COUNTER_STEPS]!++;
        }
        // A counter of any stride: one more, the step it took last, or, once it steps by more than
        // one, the number again (a slice's end is the next one's start: `h[4:8]`, `h[8:12]`).
        let strideStep = false;
        if (counter >= 0 && last >= 0 && counter <= COUNTER_MAX) {
          const step = counter - last;
          strideStep = step === 1 || (step > 0 && step === tally[STRIDE]) || (step === 0 && tally[STRIDE]! > 1);
          if (step !== 0) tally[STRIDE] = step;
        } else {
          tally[STRIDE] = 0;
        }
        if (strideStep || doubling) tally[STRIDE_STEPS]!++;
        tally[LAST_COUNTER] = counter;
        if (queryName === sourceName) {
          tally[SAME_KEPT_LITERALS]!++;
          if (tally[FIRST_SAME_KEPT] === 0) tally[FIRST_SAME_KEPT] = queryName;
          else if (queryName !== tally[FIRST_SAME_KEPT]) tally[SAME_KEPT_LITERALS_VARY] = 1;
        }
      }
      continue;
    }
    // A keyword argument's or a module qualifier's name the same is the API's, which every caller
    // writes; another one is another callee or module, and counts.
    if (queryName === sourceName && (CONVENTIONAL.has(queryName) || vocabulary?.[t] === 1)) {
      tally[CONVENTIONAL_PAIRS]!++;
      continue;
    }
    const pairs = tally[PAIRS]!;
    byQuery[pairs] = ((queryName << 16) | sourceName) >>> 0;
    bySource[pairs] = ((sourceName << 16) | queryName) >>> 0;
    tally[PAIRS] = pairs + 1;
    if (queryName === sourceName) tally[SAME]!++;
  }
}

/**
 * One direction of the name pairs (sorted keys, the name in the high 16 bits): per name, its pairs
 * beyond the first are repeats, and those with its most frequent partner the consistent ones.
 * A function of its own: judging a bundle calls it thousands of times in one cold run, and kept
 * inside compareNames its loops were compiled before they had run and deoptimized over and over.
 */
function partners(keys: Uint32Array): { names: number; sameNames: number; repeats: number; consistent: number } {
  let repeats = 0;
  let consistent = 0;
  let names = 0;
  let sameNames = 0;
  for (let i = 0; i < keys.length; ) {
    const name = keys[i]! >>> 16;
    names++;
    let total = 0;
    let best = 0;
    let same = 0;
    while (i < keys.length && keys[i]! >>> 16 === name) {
      const key = keys[i]!;
      if ((key & 0xffff) === name) same = 1;
      let run = 0;
      while (i < keys.length && keys[i] === key) {
        run++;
        i++;
      }
      total += run;
      if (run > best) best = run;
    }
    repeats += total - 1;
    consistent += best - 1;
    sameNames += same;
  }
  return { names, sameNames, repeats, consistent };
}

/**
 * Whether an aligned name or literal is other text on the two sides, among the tokens compareNames
 * pairs (each query token once): a region with one is not data copied whole (rules.ts
 * identicalData). Asked first of a region that can be nothing else, it stops at the first.
 */
export function namesDisagree(segments: readonly Segment[], query: TokenStream, source: SourceTokens): boolean {
  let covered = -1;
  for (const segment of segments) {
    const from = Math.max(segment.queryStart, covered);
    covered = Math.max(covered, segment.queryEnd);
    const offset = segment.sourceStart - segment.queryStart;
    for (let t = from; t < segment.queryEnd; t++) if (otherText(query, t, source, t + offset)) return true;
  }
  return false;
}

/** Whether query token `t` is a name or literal and the source's token there another (a name on one side only is no evidence). */
function otherText(query: TokenStream, t: number, source: SourceTokens, position: number): boolean {
  const name = query.names[t]!;
  if (name === 0) return false;
  const sourceName = source.name(position);
  return sourceName !== 0 && sourceName !== name;
}

/**
 * Whether the segments align at least `needed` literals that are the same text on the two sides:
 * an upper bound on compareNames's same literals for them and for any part of them (settleEnds,
 * agreeingStretch), read until it is reached. A list of strings matches every other list's rows by
 * their shape alone, thousands of times in a long one, with none of its strings.
 */
export function alignsSameLiterals(segments: readonly Segment[], query: TokenStream, tables: QueryTables, source: SourceTokens, needed: number): boolean {
  let same = 0;
  for (const segment of segments) {
    const offset = segment.sourceStart - segment.queryStart;
    for (let t = segment.queryStart; t < segment.queryEnd; t++) {
      const kind = tables.nameKinds[t]!;
      if (kind === 0 || kind === IDENTIFIER) continue;
      const name = query.names[t]!;
      if (name !== 0 && source.name(t + offset) === name && ++same >= needed) return true;
    }
  }
  return false;
}

/** How many of the query's literal tokens have each name: what a content must hold for them to align to the same text. */
export function literalNameCounts(query: TokenStream, tables: QueryTables): Map<number, number> {
  const counts = new Map<number, number>();
  for (let t = 0; t < query.count; t++) {
    const kind = tables.nameKinds[t]!;
    const name = query.names[t]!;
    if (kind === 0 || kind === IDENTIFIER || name === 0) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

/**
 * Whether the first `length` tokens of `source` hold the names of at least `needed` of the query's
 * literal tokens (`counts`, literalNameCounts): an upper bound on the literals any region of that
 * content aligns to the same text (alignsSameLiterals), read until it is reached.
 */
export function holdsLiteralNames(counts: ReadonlyMap<number, number>, source: SourceTokens, length: number, needed: number): boolean {
  let held = 0;
  const found = new Set<number>();
  for (let p = 0; p < length; p++) {
    const name = source.name(p);
    const count = name === 0 || found.has(name) ? undefined : counts.get(name);
    if (count === undefined) continue;
    found.add(name);
    held += count;
    if (held >= needed) return true;
  }
  return false;
}

/**
 * The longest stretch of the segments in which no aligned literal is other text on the two sides;
 * undefined when no literal disagrees (nothing narrower to offer). A segment of repetitive rows
 * aligns on their shape whatever their data: a list of strings copied after a list of other
 * strings is one segment from the first row of either.
 */
export function agreeingStretch(segments: readonly Segment[], query: TokenStream, tables: QueryTables, source: SourceTokens): Segment | undefined {
  let best: Segment | undefined;
  let disagrees = false;
  for (const segment of segments) {
    const offset = segment.sourceStart - segment.queryStart;
    let from = segment.queryStart;
    const end = (to: number): void => {
      if (to > from && (!best || to - from > best.queryEnd - best.queryStart)) best = { queryStart: from, queryEnd: to, sourceStart: from + offset, sourceEnd: to + offset };
    };
    for (let t = segment.queryStart; t < segment.queryEnd; t++) {
      const kind = tables.nameKinds[t]!;
      if (kind === 0 || kind === IDENTIFIER) continue;
      const sourceName = source.name(t + offset);
      if (sourceName === 0 || sourceName === query.names[t]) continue;
      end(t);
      from = t + 1;
      disagrees = true;
    }
    end(segment.queryEnd);
  }
  return disagrees ? best : undefined;
}
