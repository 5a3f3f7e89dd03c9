import {
  API_SHAPE_MAX_SEEDS,
  COINCIDENCE_BASE_TOKENS,
  IDENTITY_SEED_DISCOUNT,
  MIN_BROKEN_REPEATS,
  MIN_IDENTITY_NAMES,
  MIN_IDENTITY_PAIRS,
  MIN_IDENTITY_SHARE,
  MIN_SAME_DATA_NAMES,
  MIN_SAME_DATA_SHARE,
  MIN_SEEDS_WITHOUT_IDENTITY,
  MINIFIED_SHAPE_MIN_CHARS,
  MINIFIED_SHAPE_NAME_SHARE,
  type MatchOptions,
  RARE_SEEDS_MEAN_FILES,
  REALIGNED_SOURCE_SHARE,
  RECURRING_SHAPE_SHARE,
  RENAMED_SOURCE_SHARE,
  RENAMED_THROUGHOUT_CONSISTENCY,
  RENAMED_THROUGHOUT_NAMES,
  RENAMED_THROUGHOUT_REPEATS,
  SHAPE_MIN_QUERY_SHARE,
  SHAPE_ONLY_MAX_NAMES,
  SHAPE_STRETCH_MAX_SEEDS,
  SPECIFICATION_MIN_REQUIREMENTS,
  SPECIFICATION_WORDS_PER_REQUIREMENT,
  STITCHED_MIN_EDITS,
  STITCHED_MIN_QUERY_SHARE,
  UNIDENTIFIED_SEED_FACTOR,
  VERBATIM_NAME_SHARE,
} from "../options.js";
import { sourceSideTokens } from "./evidence.js";
import type { Candidate, Evidence, Match, NameComparison } from "./types.js";

/**
 * What counts as a reference, given a candidate long enough (chain.ts) and its evidence
 * (evidence.ts). Every threshold is in options.ts, with why it is there.
 */
export function isReference(candidate: Candidate, evidence: Evidence, options: MatchOptions, queryTokens: number): boolean {
  const names = evidence.names;
  const sameText = verbatim(names);
  // Seeds at the query's ends are there because the query is short, not because the region is
  // long: they count for a region of the same text, not for a shape (Fingerprints.edgeOnly).
  const seeds = candidate.seeds + candidate.borrowedSeeds;
  const shapeSeeds = shapeSeedsOf(candidate);
  // A long query holds look-alike stretches by chance: its regions need more seeds.
  if ((sameText ? seeds : shapeSeeds) < seedsForLength(queryTokens, options, sameText)) return false;
  const identity = showsIdentity(names, isLongQuery(queryTokens));
  const chars = Math.max(candidate.matchedChars, candidate.sourceMatchedChars ?? 0);
  // A renamed region is long by its own code, not by statements storing parameters under their own
  // names (`self.path = path`) or accessors of one attribute (TokenStream.echoes): any constructor of
  // as many parameters, any class with as many properties, is that long.
  const ownChars = evidence.echoChars > 0 ? chars * (1 - evidence.echoChars / candidate.matchedChars) : chars;
  if (!identity && chars >= options.minMatchedChars && ownChars < options.minMatchedChars) return false;
  if (isLongQuery(queryTokens) && !identity && shapeSeeds < UNIDENTIFIED_SEED_FACTOR * seedsForLength(queryTokens, options, false)) return false;
  // Data (a list of literals, a table of messages) is the same data, not the same shape.
  // Where only a counter agrees (0, 1, 2, …), or a run of keys over a range of byte values (0x80,
  // 0x81, … a protocol's status codes against HTML's character references), the names must be the same.
  const data = candidate.literalTokens >= options.dataLiteralShare * candidate.matchedTokens;
  if (data && (literalsDisagree(names) || (literalsDisagree(names, names.sameKeyRunSteps) && !sameNames(names)))) return false;
  // Nor is a data region long by its shape: its other literals count one character each, so what
  // reaches minMatchedChars is the same data (an option table sharing two of its rows with another
  // command's is two rows long, not five).
  if (data && chars >= options.minMatchedChars && chars - names.otherLiteralChars < options.minMatchedChars) return false;
  // A repetitive shape (a data table) matches any other table of its kind, unless its data is the
  // very same or it is renamed one for one throughout.
  if (evidence.distinctKgramShare < options.minDistinctKgramShare && !sameData(names) && !renamedThroughout(candidate, names, options)) return false;
  // Names that do not correspond one to one: a shared shape, not a copy.
  if (names.repeats >= options.minNameRepeats && names.consistency < options.minNameConsistency) return false;
  if (names.repeats >= MIN_BROKEN_REPEATS && names.consistency === 0 && !identity) return false;
  // Found only through a project's repeated shape: it must show which of the project's files it is.
  if (candidate.rarestSeedFrequency > options.maxFileFrequency && !identity && !renamedOneForOne(names, options)) return false;
  // Shape alone, however many seeds: no name repeats to show a renaming and its literals other
  // text, whatever names agree (a distutils command's table of other options under the names
  // every command has, `user_options`, `initialize_options`).
  if (names.repeats === 0 && literalsDisagree(names)) return false;
  // Nor where no literal agrees, beyond one value repeated, and not one name is the same (a chain
  // of `self.a == other.a and …` whose only names, conventional ones aside, are its method's; a run
  // of `this.a = 0` initializers).
  // Nor where the literals agreeing are only 0, 1 and the empty string, the flags and defaults any
  // run of initializers writes (`self.useAbsolute = 0`, `self.joinedLines = 1` as `self.strict = 0`,
  // `self.metadata = 1`; `self.forward_seq = ""` as `self.rawq = b''`).
  if (names.repeats === 0 && names.sameShare === 0 && (!literalsShowIdentity(names, MIN_IDENTITY_SHARE) || names.sameBeyondDefaults === 0)) return false;
  // Few seeds of pure shape: corroborated by the same text or a renaming one for one throughout.
  if (shapeSeeds < MIN_SEEDS_WITHOUT_IDENTITY && !identity && !renamedOneForOne(names, options)) return false;
  // At that many seeds, a shape around a few variables, with no name the same and no literal
  // agreeing beside them (rows of `x.a = f('…')` renamed one for one only repeat their row).
  if (shapeSeeds <= MIN_SEEDS_WITHOUT_IDENTITY && names.distinctNames <= SHAPE_ONLY_MAX_NAMES && names.sameShare === 0 && !literalsShowIdentity(names, MIN_IDENTITY_SHARE)) return false;
  // Names changing partner with no literal agreeing to make up for it: neither kept nor renamed.
  const brokenNames = names.consistency < RENAMED_THROUGHOUT_CONSISTENCY && !literalsShowIdentity(names, MIN_IDENTITY_SHARE);
  const shortStretch = shapeSeeds <= SHAPE_STRETCH_MAX_SEEDS;
  const commonSeeds = !rareSeeds(candidate.frequencySum, candidate.seeds);
  // Names agreeing while every literal is other text, even one or two, or most of several, found by
  // seeds many indexed files share: an API's own shape on other data (API_SHAPE_MAX_SEEDS), whose
  // literals are all that says which file it is (the descriptor protocol's `__set__` and
  // `__delete__` raising AttributeError with other messages; a lib2to3 fixer around another
  // pattern; argparse options of other flags and help, one `"store_true"` alike).
  const otherData = (names.literalPairs > 0 && names.sameLiterals === 0) || literalsDisagree(names);
  if (identity && otherData && commonSeeds && shapeSeeds <= API_SHAPE_MAX_SEEDS) return false;
  // Nor a short stretch of shape (a few seeds, nothing the same) inside a longer text (a class's
  // properties returning `self._x` among its own code and docstrings), unless renamed one for one
  // throughout with its names used more than once each: the more the text holds, the likelier one
  // idiom of it matches, and rows of `self.x = x` repeat each parameter once.
  if (shortStretch) {
    const renamedInStep = renamedOneForOne(names, options) && names.repeats > names.distinctNames;
    if (!identity && !renamedInStep && candidate.matchedTokens < SHAPE_MIN_QUERY_SHARE * queryTokens) return false;
    // Nor, however much of its query it is, a short stretch whose names agree while every literal
    // is other text: the same API on other data (`str.replace(/…/g, …)` with other patterns). Its
    // names keeping their partners is no renaming when they are the same names and its strings are
    // other text: a copy keeping its names keeps its strings (graphql-tools' root-type map reads
    // `schema.getQueryType()` into `queryType` as graphql's `printSchema` does, then stores it under
    // other strings). Its numbers may be written otherwise by a formatter (prettier prints `0xC0`
    // as `0xc0`), so they alone do not turn away names kept in step.
    if (identity && literalsDisagree(names) && (!renamedInStep || stringsDisagree(names))) return false;
    // Nor one with no name the same whose numbers are all written otherwise: a renaming keeps a
    // copy's numbers as written (whatwg-url's `c >= 0x30 && c <= 0x39` is graphql's
    // `code >= 0x0030 && code <= 0x0039` written afresh, not renamed).
    if (!identity && names.keptLiteralPairs >= MIN_IDENTITY_PAIRS && names.sameKeptLiterals === 0) return false;
    // Nor one whose few names are not renamed one for one, with no literal agreeing to make up for
    // them (an Error subclass's idiom around its own class name; `s = s.replace("&", "&amp;")` as
    // `data = data.replace(…)` on other characters).
    const fewNames = names.distinctNames <= SHAPE_ONLY_MAX_NAMES && names.repeats > 0;
    if (!identity && fewNames && brokenNames) return false;
    // Nor, with nothing the same and its names changing partner, one whose rows were aligned again
    // with the same indexed rows (RENAMED_SOURCE_SHARE): a shape repeated, not a copy (a `switch`
    // of five entity cases aligned twice over another function's three); nor, whatever its names,
    // one with a third of its rows so aligned (REALIGNED_SOURCE_SHARE).
    const sourceSide = sourceSideTokens(candidate.segments);
    if (!identity && brokenNames && sourceSide < RENAMED_SOURCE_SHARE * candidate.matchedTokens) return false;
    if (!identity && sourceSide < REALIGNED_SOURCE_SHARE * candidate.matchedTokens) return false;
    // Nor, at MIN_SEEDS_WITHOUT_IDENTITY seeds, one whose names are neither kept nor renamed: some
    // the same (a library's calls), the others changing partner, no literal agreeing (flake8's
    // constants compiled with `re.compile(r"…", re.IGNORECASE)` as tokenize's). A renamed copy,
    // edited or not, has none of its names the same.
    if (shapeSeeds <= MIN_SEEDS_WITHOUT_IDENTITY && !identity && brokenNames && names.sameShare > 0) return false;
    // Nor, its names changing partner, one found only by seeds many indexed files share
    // (RARE_SEEDS_MEAN_FILES) that is less than half its query (STITCHED_MIN_QUERY_SHARE): an idiom
    // of the text around it (a queue's `put` and `get` passed on to another object's methods, as
    // asyncio's StreamWriter passes `write` on to its transport).
    if (!identity && brokenNames && commonSeeds && candidate.matchedTokens < STITCHED_MIN_QUERY_SHARE * queryTokens) return false;
    // Nor, renamed in step or not, one found only by such common seeds that is less than a third of
    // its query (SHAPE_MIN_QUERY_SHARE): rows of one idiom around a variable or two, which many
    // files write (keyword arguments passed on, `scopes=self._scopes` as `stripdir=args.stripdir`;
    // a module's export rows, `m.trust = hyperscript.trust` as `lodash.extend = object.assignIn`).
    if (!identity && commonSeeds && candidate.matchedTokens < SHAPE_MIN_QUERY_SHARE * queryTokens) return false;
    // Nor, with nothing the same and no identical prose beside it, one whose shape the query writes
    // again outside it (RECURRING_SHAPE_SHARE), less than half its query: one idiom the query
    // repeats, some stretch of which any indexed file with a few of it aligns with (a facade's
    // functions handing their arguments on, as a parser's entry points hand theirs).
    if (!identity && mayRecur(candidate, queryTokens) && evidence.recurringKgramShare >= RECURRING_SHAPE_SHARE) return false;
    // Nor one of declarations alone (overload signatures, an interface, a type alias) whose names
    // are neither kept nor renamed: every implementation of an API declares it with the same
    // vocabulary (a predicate's `(value: T, index: number) => value is S`, an observer's `next`,
    // `error`, `complete`) under its own declared names, and a declared name occurs once, so
    // whether it changed partner shows nothing. A copy keeps every name or renames them.
    if (evidence.declarationsOnly && names.sameShare > 0 && names.sameShare < 1) return false;
    // Nor, its names the same or not, one of function signatures alone under SHAPE_MIN_QUERY_SHARE
    // of its query: a compatible API declares the very names of the one it follows (IxJS's
    // `takeWhile` overloads are RxJS's, `predicate: (value: T, index: number) => value is S`), so in
    // a longer text its signatures agreeing are its interface, not a copy of the other's code; a
    // type alias's conditions are its implementation, copied or not.
    if (evidence.signaturesOnly && candidate.matchedTokens < SHAPE_MIN_QUERY_SHARE * queryTokens) return false;
  }
  // Nor, however many seeds, a region found only by seeds many indexed files share, under
  // SHAPE_MIN_QUERY_SHARE of its query, with fewer than MIN_IDENTITY_PAIRS names to judge and no
  // identity: an idiom the query writes row after row (a distutils command's `self.x = None`
  // initializers as another command's, only the method's name compared). In a whole file, code (not
  // data) of that kind is such an idiom whatever literals agree: they are the framework's own names
  // every file of it writes (`set_undefined_options('build', ('build_base', 'build_base'), …)`).
  const fewNamesToJudge = names.pairs < MIN_IDENTITY_PAIRS;
  const frameworkIdiom = !data && isLongQuery(queryTokens);
  if ((!identity || frameworkIdiom) && commonSeeds && fewNamesToJudge && candidate.matchedTokens < SHAPE_MIN_QUERY_SHARE * queryTokens) return false;
  // Nor, however many seeds, a region under SHAPE_MIN_QUERY_SHARE of its query that shows no
  // identity, its names changing partner and no literal agreeing, where it is either
  // - in a whole file, with some names the same: neither kept nor renamed (a lazy `__getattr__`
  //   refusing private names and caching what it made, as ctypes' loader does with another thing
  //   made; a copy keeps its names or renames them one for one), or
  // - found only by seeds many indexed files share: one idiom written row after row (a wrapper's
  //   `return self.scheduler.get_lr()` passthroughs, as a socket wrapper's `return self._sock.family`),
  //   which the longer it runs the likelier another file has.
  const partlyKept = isLongQuery(queryTokens) && names.sameShare > 0;
  if (!identity && brokenNames && (partlyKept || commonSeeds) && candidate.matchedTokens < SHAPE_MIN_QUERY_SHARE * queryTokens) return false;
  // A region stitched across several edits with nothing the same is look-alike idioms side by side
  // (an `__init__`, an `__eq__`, a method returning its local), unless it is most of its query; so
  // is a short one whose names change partner however many agree: one API's idioms written twice
  // (an AST unparser's `visit_Assign` and `visit_AugAssign`: `node.targets`, `node.value`).
  const stitchable = !identity || (shortStretch && brokenNames);
  if (stitchable && edits(candidate) >= STITCHED_MIN_EDITS && candidate.matchedTokens < STITCHED_MIN_QUERY_SHARE * queryTokens) return false;
  return true;
}

/**
 * Whether the recurring-shape rule can turn `candidate` down, so its evidence must measure how much
 * of its shape the query repeats (Evidence.recurringKgramShare): a short stretch with no identical
 * prose beside it, less than STITCHED_MIN_QUERY_SHARE of its query.
 */
export function mayRecur(candidate: Candidate, queryTokens: number): boolean {
  return shapeSeedsOf(candidate) <= SHAPE_STRETCH_MAX_SEEDS && candidate.borrowedSeeds === 0 && candidate.matchedTokens < STITCHED_MIN_QUERY_SHARE * queryTokens;
}

/**
 * Whether the declarations rule can turn `candidate` down, so its evidence must say whether it is
 * declarations only (Evidence.declarationsOnly): a short stretch (SHAPE_STRETCH_MAX_SEEDS).
 */
export function mayBeDeclarations(candidate: Candidate): boolean {
  return shapeSeedsOf(candidate) <= SHAPE_STRETCH_MAX_SEEDS;
}

/** A candidate's seeds, borrowed ones included, less those at the query's ends (Fingerprints.edgeOnly). */
function shapeSeedsOf(candidate: Candidate): number {
  return candidate.seeds + candidate.borrowedSeeds - candidate.edgeSeeds;
}

/** Breaks between a candidate's segments: a statement inserted or left out on either side. */
function edits(candidate: Candidate): number {
  let count = 0;
  for (let i = 1; i < candidate.segments.length; i++) {
    const before = candidate.segments[i - 1]!;
    const after = candidate.segments[i]!;
    if (after.queryStart > before.queryEnd || after.sourceStart !== before.sourceEnd) count++;
  }
  return count;
}

/**
 * A query long enough that its regions need more than minSeeds (seedsForLength): a whole file or a
 * bundle's window rather than a suggestion. Its chains are not continued past edits (bridges.ts), which in
 * a long query would join look-alike stretches that come by chance; and its references group by
 * the longer range (rank.ts), so each module inside a long region is listed.
 */
export function isLongQuery(queryTokens: number): boolean {
  return queryTokens > COINCIDENCE_BASE_TOKENS;
}

/**
 * Seeds a region of a query `queryTokens` long needs: minSeeds, and one more for each doubling of
 * the query beyond COINCIDENCE_BASE_TOKENS (half as many for a verbatim region).
 */
export function seedsForLength(queryTokens: number, options: MatchOptions, verbatimRegion: boolean): number {
  if (queryTokens <= COINCIDENCE_BASE_TOKENS) return options.minSeeds;
  const extra = Math.log2(queryTokens / COINCIDENCE_BASE_TOKENS) * (verbatimRegion ? IDENTITY_SEED_DISCOUNT : 1);
  return options.minSeeds + Math.ceil(extra);
}

/**
 * Fewer seeds than a region of a query `queryTokens` long needs even when its names and literals
 * are the very same text: isReference's first rule turns it down whatever its evidence.
 */
export function tooFewSeedsForLength(candidate: Candidate, options: MatchOptions, queryTokens: number): boolean {
  return candidate.seeds + candidate.borrowedSeeds < seedsForLength(queryTokens, options, true);
}

/**
 * Names and literals the very same text on both sides, MIN_IDENTITY_PAIRS of them at least: a name
 * or two the same is no text (every `__hash__` calls `hash`).
 */
function verbatim(names: NameComparison): boolean {
  const compared = names.pairs >= MIN_IDENTITY_PAIRS || names.literalPairs >= MIN_IDENTITY_PAIRS;
  return compared && names.sameShare >= VERBATIM_NAME_SHARE && (names.literalPairs === 0 || names.sameLiterals >= MIN_IDENTITY_SHARE * names.literalPairs);
}

/** Enough aligned strings (literals other than numbers and regular expressions), most of them other text. */
function stringsDisagree(names: NameComparison): boolean {
  const strings = names.literalPairs - names.keptLiteralPairs;
  return strings >= MIN_IDENTITY_PAIRS && names.sameLiterals - names.sameKeptLiterals < MIN_IDENTITY_SHARE * strings;
}

/** Enough aligned literals, most of them other text, and not the same numbers either, `setAside` of the same ones not counted (literalsAgree). */
function literalsDisagree(names: NameComparison, setAside = 0): boolean {
  return names.literalPairs >= MIN_IDENTITY_PAIRS && !literalsAgree(names, MIN_IDENTITY_SHARE, setAside);
}

/**
 * What counts as a reference of text evidence, given a candidate of identical prose long enough
 * (minTextChars, chain.ts) with minSeeds seeds: not one phrase repeated (a row of separators, a
 * repeated "Returns the value" list). The words are compared as written, so no name rules apply.
 */
export function isTextReference(candidate: Candidate, evidence: Evidence, options: MatchOptions, queryWords: number): boolean {
  // A specification's sentences, which its implementations quote alike.
  const requirements = evidence.requirementWords;
  if (requirements >= SPECIFICATION_MIN_REQUIREMENTS && candidate.matchedTokens <= SPECIFICATION_WORDS_PER_REQUIREMENT * requirements) return false;
  // Prose is compared as written: every text region is verbatim.
  return evidence.distinctKgramShare >= options.minDistinctKgramShare && candidate.seeds + candidate.borrowedSeeds >= seedsForLength(queryWords, options, true);
}

/** The matching options of the text channel: its threshold and boilerplate cut-off (the one-source exception as for code). */
export function textOptions(options: MatchOptions): MatchOptions {
  return { ...options, minMatchedChars: options.minTextChars, maxFileFrequency: options.maxTextFileFrequency };
}

/**
 * Data copied whole: a candidate mostly literals (dataLiteralShare), MIN_SAME_DATA_NAMES of them at
 * least, every one the very same text and more than one value among them, and every name the same.
 */
export function identicalData(candidate: Candidate, names: NameComparison, options: MatchOptions): boolean {
  const data = candidate.literalTokens >= options.dataLiteralShare * candidate.matchedTokens;
  return data && names.literalPairs >= MIN_SAME_DATA_NAMES && names.sameLiterals === names.literalPairs && names.sameLiteralsVary && (names.pairs === 0 || names.sameShare === 1);
}

/**
 * Whether a match of a minified query is shape alone (MINIFIED_SHAPE_NAME_SHARE), too short to
 * report: every local of minified code is renamed, so consistent renaming tells nothing there.
 */
export function isMinifiedShape(match: Match): boolean {
  const evidence = match.evidence;
  return evidence.basis !== "text" && evidence.sameNameShare < MINIFIED_SHAPE_NAME_SHARE && evidence.matchedChars < MINIFIED_SHAPE_MIN_CHARS;
}

/** Seeds in at most RARE_SEEDS_MEAN_FILES contents on average. */
export function rareSeeds(frequencySum: number, seedCount: number): boolean {
  return frequencySum <= RARE_SEEDS_MEAN_FILES * seedCount;
}

/** Literals agreeing (literalsAgree) on more than one value: `= 0` line after line is any code's. */
function literalsShowIdentity(names: NameComparison, share: number, setAside = 0): boolean {
  return literalsAgree(names, share, setAside) && (names.sameLiteralsVary || names.sameKeptLiteralsVary);
}

/**
 * At least `share` of the aligned literals (MIN_IDENTITY_PAIRS of them at least) are the very same
 * text; or of its numbers and regular expressions alone, more than one value among them: renaming
 * a copy changes its strings, not its data's numbers (`S_IRGRP = 0o0040` renamed is still
 * `0o0040`), while one value repeated (`x[0]`, `y[0]`) is any code's. As data, `setAside` of the
 * same numbers are not counted: an enumeration's counter (0, 1, 2, …) is every enumeration's.
 */
function literalsAgree(names: NameComparison, share: number, setAside = 0): boolean {
  const same = names.sameLiterals - setAside;
  const sameKept = names.sameKeptLiterals - setAside;
  const all = names.literalPairs >= MIN_IDENTITY_PAIRS && same >= share * names.literalPairs;
  const kept = names.keptLiteralPairs >= MIN_IDENTITY_PAIRS && sameKept >= share * names.keptLiteralPairs && names.sameKeptLiteralsVary;
  return all || kept;
}

/** This table's data, or this list's names, copied (MIN_SAME_DATA_SHARE). */
function sameData(names: NameComparison): boolean {
  return sameNames(names) || literalsShowIdentity(names, MIN_SAME_DATA_SHARE, names.sameCounterSteps);
}

/** This list's names copied: an enumeration's names, where its values are only a counter. */
function sameNames(names: NameComparison): boolean {
  return names.distinctNames >= MIN_SAME_DATA_NAMES && names.sameShare >= MIN_SAME_DATA_SHARE;
}

/**
 * The same text: identity evidence for a project's look-alike files (MIN_IDENTITY_SHARE), from
 * MIN_IDENTITY_NAMES distinct names the same at least, or literals agreeing. In a long query (a
 * whole file), which holds look-alike stretches by chance, not a counter's steps (sameStrideSteps):
 * indexes and a binary layout's offsets count alike in any code over them.
 */
function showsIdentity(names: NameComparison, longQuery: boolean): boolean {
  const sameNames = names.pairs >= MIN_IDENTITY_PAIRS && names.sameShare >= MIN_IDENTITY_SHARE && names.distinctSameNames >= MIN_IDENTITY_NAMES;
  return sameNames || literalsShowIdentity(names, MIN_IDENTITY_SHARE, longQuery ? names.sameStrideSteps : 0);
}

/**
 * Many repeated names that all keep one partner: a renaming, one for one. Also the identity
 * evidence a project's repeated shape may show instead of the same text: a shape only that project
 * has, renamed throughout, is its code renamed, while its look-alike files repeat few names.
 */
function renamedOneForOne(names: NameComparison, options: MatchOptions): boolean {
  return (
    names.distinctNames >= RENAMED_THROUGHOUT_NAMES &&
    names.repeats >= RENAMED_THROUGHOUT_REPEATS * options.minNameRepeats &&
    names.consistency >= RENAMED_THROUGHOUT_CONSISTENCY
  );
}

/**
 * A repetitive candidate renamed one for one and found by rare seeds, each of its rows aligned with
 * its own indexed row (RENAMED_SOURCE_SHARE): the same code renamed. Rows of the query aligned
 * again and again with the same indexed rows are a shape repeated (an interface's methods, each
 * `raise NotImplementedError()` under its docstring).
 */
function renamedThroughout(candidate: Candidate, names: NameComparison, options: MatchOptions): boolean {
  return (
    renamedOneForOne(names, options) &&
    rareSeeds(candidate.frequencySum, candidate.seeds) &&
    sourceSideTokens(candidate.segments) >= RENAMED_SOURCE_SHARE * candidate.matchedTokens
  );
}
