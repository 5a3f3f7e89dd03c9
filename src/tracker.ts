import { ReftrackError, requireKnownKeys, requirePath } from "./errors.js";
import { Fingerprinter, textFingerprints } from "./fingerprint/fingerprint.js";
import { loadTokenHasher } from "./hashing.js";
import type { LanguageDefinition, LanguageName } from "./languages/language.js";
import { languageByName, languageForFile } from "./languages/registry.js";
import type { MatchIndex } from "./match/match-index.js";
import { combine, quietBetween } from "./match/combine.js";
import { type Lookup, NO_LOOKUP, hitsOf, lookUp, secondLookOptions, seedsNeeded } from "./match/lookup.js";
import { Matcher } from "./match/matcher.js";
import { isLongQuery, isMinifiedShape, seedsForLength, textOptions } from "./match/rules.js";
import { type ChannelQuery, type LexedQuery, MissScreen, type QueryStart } from "./match/screen.js";
import { type QueryWindow, firstWindow, inQueryLines, mergeWindows, nextWindow, startsOf } from "./match/windows.js";
import { closeGroups, joinOverlapping } from "./match/line-ranges.js";
import { looksMinified, looksMinifiedShort } from "./files/source-file.js";
import { WholeContents } from "./match/whole-contents.js";
import type { HitsByFile, Match } from "./match/types.js";
import { isShortStream } from "./fingerprint/winnow.js";
import { newlinesIn } from "./normalize/lexical-chars.js";
import { Normalizer } from "./normalize/normalizer.js";
import { textStream } from "./normalize/text.js";
import type { TokenStream } from "./normalize/token-stream.js";
import {
  DEFAULT_MATCH_OPTIONS,
  type FingerprintParameters,
  MATCH_WINDOW_CHARS,
  MATCH_WINDOW_OVERLAP_CHARS,
  MINIFIED_AVERAGE_LINE_LENGTH,
  type MatchOptions,
  TEXT_KGRAM_WORDS,
  TEXT_WINDOW_KGRAMS,
} from "./options.js";
import type { Reference } from "./output/reference.js";
import { type OriginCatalog, type QueryColumns, toReferences } from "./output/references.js";
import { type CheckResult, StreamSession } from "./pipeline/stream.js";
import { decide } from "./policy/decide.js";
import { type Policy, compilePolicy } from "./policy/policy.js";
import { IndexFileWatch } from "./store/index-file.js";
import { IndexReader } from "./store/reader.js";
import type { StatisticsReading } from "./store/statistics-loader.js";
import type { IndexDescription } from "./store/records.js";
import { loneCrAsLf } from "./util/line-ends.js";
import { lineEndOffset, lineStartOffsets } from "./util/line-starts.js";
import { lowerBound } from "./util/search.js";

/**
 * Say which language the code is in, by name or by a file path whose extension decides. `whole`
 * says the code is a whole file, as `reftrack scan` reads one, not a fragment cut from one: it
 * begins outside any string or comment, so the lexer (the default reading) reads it from its start
 * only; the parsed reading frames it as an index build does. Without it (a
 * suggestion, a selection) a fragment whose delimiters say it may begin inside a docstring or doc
 * comment is also read from inside one, and the reading with more evidence wins.
 */
export type MatchTarget = ({ language: LanguageName; path?: string } | { path: string; language?: LanguageName }) & Partial<MatchOptions> & { readonly whole?: boolean };

/** A match target with the policy to decide by (default: annotate every reference, no license rules). */
export type CheckTarget = MatchTarget & { readonly policy?: Policy };

export interface MatchResult {
  readonly language: LanguageName;
  readonly references: Reference[];
}

export interface OpenOptions {
  /**
   * How queries are read: "lexed" (default) by the lexer that reads tree-sitter's tokens without a
   * parser (normalize/lexical.ts), or "parsed" by tree-sitter. The index is always parsed. A query
   * is a fragment, which tree-sitter parses with errors; the lexer reproduces the file's own tokens
   * more often, so it finds more copies at the same false-positive rate (bench/QUALITY.md).
   */
  readonly queryReading?: "parsed" | "lexed";
  /**
   * Whether another index renamed over the file is opened in its place (default true), as a
   * long-lived pipeline wants. `false` keeps the file opened, as a scan whose report describes one
   * index does. Updates in place are followed either way (store/reader.ts).
   */
  readonly followFile?: boolean;
}

/** Settings the benchmarks and tests use to measure what each part saves; not part of the public API. */
export interface TrackerSettings extends OpenOptions {
  /** Answer absent fingerprints from the index's in-memory filter and common table (default true). */
  readonly useFilter?: boolean;
  /** Answer queries no indexed file can match before reading any posting list (match/screen.ts; default true). */
  readonly screen?: boolean;
  /** When the index's statistics are read (store/statistics-loader.ts; default by their size). */
  readonly statistics?: StatisticsReading;
}

/**
 * What the tracker reads: matching's view of an index and the origins references are made of.
 * The SQLite store's IndexReader is one; tests use one in memory.
 */
export interface TrackerIndex extends MatchIndex, OriginCatalog {
  /** The winnowing parameters the index was built with: queries are fingerprinted alike. */
  readonly parameters: FingerprintParameters;
  /** The index's parameters and corpus, for reports (output/provenance.ts). */
  describe(): IndexDescription;
  /** Runs one query's reads together (one read transaction for SQLite). */
  withinRead<T>(read: () => T): T;
  /** Forgets what the index has cached about contents and sources, where it caches any. */
  dropCaches?(): void;
  /** Resolves once the index's in-memory statistics are read, where it reads them apart (IndexReader). */
  statisticsLoaded?(): Promise<void>;
  close(): void;
}

/**
 * The library entry point: open an index once, then `match` code synchronously, as often as a
 * suggestion pipeline needs. Code passed to `match` is only held for the duration of the call;
 * nothing about a query is stored or logged.
 */
export class ReferenceTracker {
  private constructor(
    private engine: Engine,
    private readonly normalizer: Normalizer,
    private readonly settings: TrackerSettings,
    /** The file the index was opened from, when it was (openWith): another renamed over it is opened in its place. */
    private readonly file: IndexFileWatch | undefined,
  ) {}

  private closed = false;

  /** The sources a content occurs in, for combine's sibling paragraphs: read only when prose was found alone inside another region. */
  private readonly sourcesOf = (contentId: number): string[] => this.index.origins(contentId).map((origin) => origin.source.name);

  private get index(): TrackerIndex {
    return this.engine.index;
  }
  private get fingerprinter(): Fingerprinter {
    return this.engine.fingerprinter;
  }
  private get matcher(): Matcher {
    return this.engine.matcher;
  }
  private get textMatcher(): Matcher {
    return this.engine.textMatcher;
  }
  private get screen(): MissScreen {
    return this.engine.screen;
  }
  private get screening(): boolean {
    return this.settings.screen !== false;
  }
  private get lexed(): boolean {
    return this.settings.queryReading !== "parsed";
  }

  static async open(dbPath: string, options: OpenOptions = {}): Promise<ReferenceTracker> {
    requirePath(dbPath, "ReferenceTracker.open()", "the index");
    if (typeof options !== "object" || options === null) throw new ReftrackError("ReferenceTracker.open(): options must be an object");
    requireKnownKeys(options, OPEN_KEYS, "ReferenceTracker.open()", "option");
    const reading = options.queryReading;
    if (reading !== undefined && reading !== "lexed" && reading !== "parsed") throw new ReftrackError(`ReferenceTracker.open(): queryReading must be "lexed" or "parsed", got ${JSON.stringify(reading)}`);
    const followFile = options.followFile;
    if (followFile !== undefined && typeof followFile !== "boolean") throw new ReftrackError(`ReferenceTracker.open(): followFile must be true or false, got ${JSON.stringify(followFile)}`);
    return ReferenceTracker.openWith(dbPath, { queryReading: reading, followFile });
  }

  /** @internal Opens with measurement settings (TrackerSettings), for the benchmarks and tests. */
  static async openWith(dbPath: string, settings: TrackerSettings): Promise<ReferenceTracker> {
    const file = settings.followFile === false ? undefined : new IndexFileWatch(dbPath);
    const normalizer = new Normalizer(await loadTokenHasher());
    return new ReferenceTracker(engineOver(openReader(dbPath, settings), normalizer), normalizer, settings, file);
  }

  /** @internal A tracker over any index (TrackerIndex); it closes the index when closed. */
  static async over(index: TrackerIndex, settings: TrackerSettings = {}): Promise<ReferenceTracker> {
    const normalizer = new Normalizer(await loadTokenHasher());
    return new ReferenceTracker(engineOver(index, normalizer), normalizer, settings, undefined);
  }

  /**
   * Before a call reads the index: another index renamed over the file it was opened from is opened
   * in its place, and the old one closed. One that cannot be opened yet (a first build still
   * running, a damaged file) leaves the open one answering, and is tried again later.
   */
  private follow(): void {
    if (this.closed) throw new ReftrackError("this ReferenceTracker is closed");
    const identity = this.file?.replacement();
    if (identity === undefined) return;
    let next: Engine;
    try {
      next = engineOver(openReader(this.file!.path, this.settings), this.normalizer);
    } catch {
      return;
    }
    this.engine.index.close();
    this.engine = next;
    this.file!.opened(identity);
  }

  match(given: string, target: MatchTarget): MatchResult {
    this.follow();
    if (typeof given !== "string") throw new ReftrackError("match() expects the code as a string");
    // Lines as reading a file counts them (files/source-file.ts).
    const code = loneCrAsLf(given);
    const language = resolveLanguage(target, code);
    const options = resolveMatchOptions(target);
    const whole = resolveWhole(target);
    // Minified code (scanned with --minified, or a small minified module, which is scanned
    // anyway) matches by shape more often: see isMinifiedShape.
    const minified = looksMinified(code) || looksMinifiedShort(code, language.name);
    const reported = (matches: readonly Match[]): readonly Match[] => (minified ? closeGroups(matches.filter((match) => !isMinifiedShape(match))) : matches);
    const columns = columnsIn(code);
    // A file scanned whole tells combine its line count (holdsFile); a minified file's lines say
    // nothing of how much of it a region holds, one line holding many modules.
    const scannedLines = (text: string): number | undefined => (whole && !minified ? newlinesIn(text, 0, text.length) + 1 : undefined);
    if (code.length <= MATCH_WINDOW_CHARS) {
      return this.index.withinRead(() => ({
        language: language.name,
        references: toReferences(reported(joinOverlapping(this.matchesOf(code, language, options, { lengthFactor: 1, lines: scannedLines(code) }, whole ? "code" : "fragment").matches, 0)), this.index, columns),
      }));
    }
    // A long file (a bundle, generated code) is matched window by window (match/windows.ts). Of a
    // whole file, the first window begins where the file does, and each next one where the
    // reading before it has code (or inside the span it says), so every window is read as the file is.
    const matches: Match[] = [];
    let window: QueryWindow | undefined = firstWindow(code, MATCH_WINDOW_CHARS, MATCH_WINDOW_OVERLAP_CHARS);
    while (window) {
      const current: QueryWindow = window;
      const start: QueryStart = current.start === 0 && whole ? "code" : current.startsIn;
      const found = this.index.withinRead(() => this.matchesOf(current.text, language, options, { lengthFactor: code.length / current.text.length, lines: scannedLines(current.text) }, start));
      matches.push(...inQueryLines(found.matches, current));
      const reading = whole ? (found.reading ?? this.normalizer.lex(current.text, language, typeof start === "object" ? start : undefined)) : undefined;
      window = nextWindow(code, current, MATCH_WINDOW_CHARS, MATCH_WINDOW_OVERLAP_CHARS, reading && startsOf(reading, current.text, language, start));
    }
    return { language: language.name, references: this.index.withinRead(() => toReferences(reported(mergeWindows(matches, options.maxReferencesPerGroup)), this.index, columns)) };
  }

  /**
   * `match`, and the policy's decision on its references (allow, annotate or block, with a reason
   * naming each reference that is not simply allowed and the rule that fired).
   */
  check(code: string, target: CheckTarget): CheckResult {
    resolveLanguage(target, code);
    const policy = compilePolicy(target.policy);
    const result = this.match(code, target);
    return { ...result, decision: decide(result.references, policy) };
  }

  /**
   * A session checking a suggestion while it is generated: `push(chunk)` reports references (and
   * the decision) soon after the text so far holds them, at a cost proportional to the new text;
   * `end()` returns what `check()` returns on the whole text.
   */
  stream(target: CheckTarget): StreamSession {
    // Told now, not at the first push: the target is the caller's error.
    resolveLanguage(target);
    const policy = compilePolicy(target.policy);
    resolveMatchOptions(target);
    return new StreamSession({ references: (code) => this.match(code, target).references, check: (code) => this.check(code, target) }, policy);
  }

  /**
   * Both channels' matches of one query (or window of one), combined (match/combine.ts). A region
   * short of its threshold is kept only in a content the other channel hits too: only there can
   * it combine. A short query the first look finds nothing in is looked at again with every
   * k-gram at its ends (SHORT_QUERY_WINDOWS), where a code region of one seed that is data copied
   * whole is taken too (MatchScope.dataSeeds). `start`: where the code begins, when known (a
   * whole file's start, a long file's window: QueryStart), so the lexer reads it from there
   * only. `scope`: what the text is part of (QueryScope). With the matches, the lexer's reading of
   * the code, when it read the query (queryReading "lexed").
   */
  private matchesOf(
    code: string,
    language: LanguageDefinition,
    options: MatchOptions,
    scope: QueryScope,
    start: QueryStart,
  ): { matches: Match[]; reading?: TokenStream } {
    const { lengthFactor } = scope;
    if (!this.lexed) {
      // Parsed only when the screen lets a look through: most misses are answered before the parse.
      const looks = this.screening ? this.screen.looks(code, language, options, start) : { first: true, second: true };
      let tokens: TokenStream | undefined;
      const look = (ends: boolean): Match[] => {
        tokens ??= this.normalizer.normalizeQuery(code, language);
        if (ends && !isShortStream(tokens.count, this.index.parameters)) return [];
        const text = textStream(code, tokens.textSpans ?? [], language);
        const codeQuery = { tokens, fingerprints: this.fingerprinter.fingerprint(tokens, ends), mayMatch: true };
        const poolAll = ends || isLongQuery(tokens.count * lengthFactor);
        return this.matchChannels(codeQuery, { tokens: text, fingerprints: textFingerprints(text, ends), mayMatch: true }, options, scope, poolAll, ends);
      };
      const first = looks.first ? look(false) : [];
      return { matches: first.length > 0 || !looks.second ? first : look(true) };
    }
    const query = this.screen.lexedQuery(code, language, options, { start });
    const first = this.matchLexed(query, options, scope, isLongQuery(query.tokens.count * lengthFactor));
    if (first.length > 0 || !query.short) return { matches: first, reading: query.tokens };
    const second = this.matchLexed(this.screen.lexedQuery(code, language, options, { ends: { readings: query.readings } }), options, scope, true, true);
    return { matches: second, reading: query.tokens };
  }

  private matchLexed(query: LexedQuery, options: MatchOptions, scope: QueryScope, poolAll: boolean, secondLook = false): Match[] {
    // The screen is exact for lexed queries: a channel it turns away would find nothing.
    if (this.screening && !query.mayMatch && !query.text.mayMatch) return [];
    return this.matchChannels(query, query.text, options, scope, poolAll, secondLook);
  }

  /**
   * Both channels looked up, aligned and combined, their seeds pooled: a content is aligned when it
   * holds minSeeds seeds of a channel, or fewer that the other channel's seeds in it make up (a code
   * fingerprint and a prose fingerprint side by side are two: a function's code and its doc comment
   * may each be too short to be winnowed twice), and a region short of the seeds it needs alone is
   * judged with the other channel's seeds there, and reported only beside that channel's region.
   * Unless `poolAll` (a short query's second look, a long query), a channel is pooled only with one
   * that holds the seeds it needs alone there: two channels of one seed each are worth a look only
   * where winnowing's windows were cut short or the query is long enough to hold look-alikes anyway.
   */
  private matchChannels(code: ChannelQuery, prose: ChannelQuery, options: MatchOptions, { lengthFactor, lines: scannedLines }: QueryScope, poolAll: boolean, secondLook = false): Match[] {
    const textOptionsOf = textOptions(options);
    // A short query's second look takes a code region of one seed when it is data copied whole.
    const codeOptions = secondLook ? secondLookOptions(code.tokens, code.fingerprints, options) : options;
    const dataSeeds = codeOptions.minSeeds < options.minSeeds ? options.minSeeds : undefined;
    const codeLookup = code.mayMatch ? lookUp(code.fingerprints, this.index, codeOptions, code.seedable) : NO_LOOKUP;
    const textLookup = prose.mayMatch ? lookUp(prose.fingerprints, this.index, textOptionsOf, prose.seedable) : NO_LOOKUP;
    const needed = seedsNeeded(options);
    // Pooled, a content must hold what a region of this query needs (more in a long one): in a
    // bundle's window most contents hold a seed of each channel by chance.
    const scannedLength = Math.round(code.tokens.count * lengthFactor);
    const pooledSeeds = seedsForLength(scannedLength, options, true);
    const pooledNeeded = Math.max(needed, pooledSeeds);
    const keep = (other: Lookup, alone = needed) => (contentId: number, seeds: number) => {
      const otherSeeds = other.seedsPerContent.get(contentId) ?? 0;
      return seeds >= alone || (seeds + otherSeeds >= pooledNeeded && (poolAll || otherSeeds >= needed));
    };
    const codeHits = hitsOf(codeLookup, code.fingerprints, keep(textLookup, seedsNeeded(codeOptions)));
    const textHits = hitsOf(textLookup, prose.fingerprints, keep(codeLookup));
    const partnerSeeds = (hits: HitsByFile, other: Lookup) => (contentId: number) => (hits.has(contentId) ? other.seedsPerContent.get(contentId) : undefined);
    const longQuery = isLongQuery(scannedLength);
    const whole = longQuery ? new WholeContents(codeHits, this.index, this.index.parameters) : undefined;
    const scope = (partners: HitsByFile, other: Lookup) => ({ lengthFactor, partialIn: partnerSeeds(partners, other), borrowSeeds: true });
    const codeMatches =
      codeHits.size > 0 ? this.matcher.matchHits(code.tokens, code.fingerprints, codeHits, codeOptions, { ...scope(textHits, textLookup), ...whole?.codeScope(), dataSeeds }) : [];
    const textScope = { ...scope(codeHits, codeLookup), ...whole?.textScope(codeMatches), annotatedCode: code.tokens };
    // Prose with too few seeds alone matters only beside code short of its own threshold: elsewhere
    // the reference stands or falls without it, and aligning it reads the content's prose.
    const codeShort = new Set(codeMatches.filter((match) => !match.complete).map((match) => match.contentId));
    for (const contentId of textHits.keys()) if (textLookup.seedsPerContent.get(contentId)! < needed && !codeShort.has(contentId)) textHits.delete(contentId);
    const textMatches = textHits.size > 0 ? this.textMatcher.matchHits(prose.tokens, prose.fingerprints, textHits, textOptionsOf, textScope) : [];
    return combine(codeMatches, textMatches, options.minMatchedChars, pooledSeeds, options.maxReferencesPerGroup, {
      wholeFile: longQuery,
      scannedLines,
      scannedProseChars: scannedLines === undefined ? undefined : charsOf(prose.tokens),
      quiet: quietBetween([code.tokens, prose.tokens]),
      sourcesOf: this.sourcesOf,
    });
  }

  /** How the index was built: its parameters and the sources of its corpus. */
  describeIndex(): IndexDescription {
    this.follow();
    return this.index.describe();
  }

  /**
   * @internal Forgets the index's cached contents and sources, for the speed bench: a query timed
   * after the same query ran would otherwise find every content it reports already read.
   */
  dropCaches(): void {
    this.index.dropCaches?.();
  }

  /**
   * Resolves once the index's in-memory statistics are read. A large index reads them on a thread
   * of its own after opening, and answers meanwhile without them: the same references, with more
   * reads. A benchmark of steady-state latency waits for this; a caller needs not.
   */
  async statisticsLoaded(): Promise<void> {
    await this.index.statisticsLoaded?.();
  }

  close(): void {
    if (!this.closed) this.index.close();
    this.closed = true;
  }
}

/** What a tracker matches with, made from one index: replaced whole when another index is renamed over its file. */
interface Engine {
  readonly index: TrackerIndex;
  /** The tracker's own (see Fingerprinter); the screen has another. */
  readonly fingerprinter: Fingerprinter;
  readonly matcher: Matcher;
  /** The text channel's: prose compared as written (normalize/text.ts). */
  readonly textMatcher: Matcher;
  readonly screen: MissScreen;
}

function engineOver(index: TrackerIndex, normalizer: Normalizer): Engine {
  const parameters = index.parameters;
  return {
    index,
    fingerprinter: new Fingerprinter(parameters),
    matcher: new Matcher(index, parameters),
    textMatcher: new Matcher(index, { kgramTokens: TEXT_KGRAM_WORDS, windowKgrams: TEXT_WINDOW_KGRAMS }, "text"),
    screen: new MissScreen(index, normalizer, new Fingerprinter(parameters)),
  };
}

function openReader(path: string, settings: TrackerSettings): IndexReader {
  return IndexReader.open(path, { useFilter: settings.useFilter ?? true, statistics: settings.statistics });
}

/**
 * Columns of offsets in `code` (QueryColumns) where a reference begins or ends on a line as long as
 * minified code's (MINIFIED_AVERAGE_LINE_LENGTH): there its lines say little of where it lies.
 * Line starts are found once, when first asked.
 */
function columnsIn(code: string): QueryColumns {
  let starts: number[] | undefined;
  return ([start, end]) => {
    starts ??= lineStartOffsets(code);
    const last = Math.max(start, end - 1);
    const [first, final] = [lowerBound(starts, start + 1) - 1, lowerBound(starts, last + 1) - 1];
    const length = (line: number): number => lineEndOffset(code, starts!, line) - starts![line]!;
    if (length(first) <= MINIFIED_AVERAGE_LINE_LENGTH && length(final) <= MINIFIED_AVERAGE_LINE_LENGTH) return undefined;
    return [start - starts[first]! + 1, last - starts[final]! + 1];
  };
}

/** What ReferenceTracker.open's options may say. */
const OPEN_KEYS: readonly string[] = ["queryReading", "followFile"];

/** What a target may say: its language, path, whether it is a whole file, a policy, and the match options. */
const TARGET_KEYS: readonly string[] = ["language", "path", "whole", "policy", ...Object.keys(DEFAULT_MATCH_OPTIONS)];

/**
 * Defaults filled in; a bad value is the caller's error, told in one line, not a crash later, and
 * so is a key no target has: a misspelt option (`minChars`) would otherwise change nothing, silently.
 */
function resolveMatchOptions(target: Partial<MatchOptions>): MatchOptions {
  requireKnownKeys(target, TARGET_KEYS, "match()", "option");
  const options: { -readonly [K in keyof MatchOptions]: MatchOptions[K] } = { ...DEFAULT_MATCH_OPTIONS };
  for (const key of Object.keys(DEFAULT_MATCH_OPTIONS) as (keyof MatchOptions)[]) {
    const value = target[key];
    if (value === undefined) continue;
    if (typeof value !== "number" || Number.isNaN(value) || value < 0) {
      throw new ReftrackError(`match option ${key} must be a number ≥ 0, got ${String(value)}`);
    }
    options[key] = value;
  }
  return options;
}

/** Whether the target says its code is a whole file (MatchTarget.whole); anything but a boolean is the caller's error. */
function resolveWhole(target: MatchTarget): boolean {
  if (target.whole !== undefined && typeof target.whole !== "boolean") throw new ReftrackError(`match(): whole must be true or false, got ${String(target.whole)}`);
  return target.whole === true;
}

/** The target's language: named, or told by its path's extension, or by the code's `#!` line when the path has none. */
function resolveLanguage(target: MatchTarget, code?: string): LanguageDefinition {
  if (typeof target !== "object" || target === null) throw new ReftrackError("match() needs a target: { language } or { path }");
  if (target.language !== undefined) {
    if (typeof target.language !== "string") throw new ReftrackError("match(): language must be a string");
    return languageByName(target.language);
  }
  if (target.path !== undefined) {
    if (typeof target.path !== "string") throw new ReftrackError("match(): path must be a string");
    const language = languageForFile(target.path, () => (typeof code === "string" ? code : undefined));
    if (!language) throw new ReftrackError(`cannot tell the language of ${target.path} from its extension${code === undefined ? "" : " or a #! line"}`);
    return language;
  }
  throw new ReftrackError("match() needs { language } or { path }");
}

/** A stream's characters, as its tokens' weights count them (QueryTables.charsBefore). */
function charsOf(stream: TokenStream): number {
  let chars = 0;
  for (let t = 0; t < stream.count; t++) chars += stream.charWeights[t]!;
  return chars;
}

/**
 * What a query (or one window of a long one) is part of: `lengthFactor`, the whole query's length
 * over this text's (a window's matches are judged as the whole file's), and `lines`, the text's
 * line count when it is a file scanned whole (MatchTarget.whole) and not minified, undefined for a
 * fragment.
 */
interface QueryScope {
  readonly lengthFactor: number;
  readonly lines: number | undefined;
}

