/**
 * Every threshold, limit and tuning setting of reftrack, each defined and documented once: what it
 * guards against and why it has its value. The measurements behind the values are in
 * bench/QUALITY.md (detection and false positives), bench/RESULTS.md (speed and memory) and
 * bench/DECISIONS.md (the history of each choice). No other module defines a tuning constant.
 *
 * Three kinds, kept apart: what counts as a reference (changing one changes results), limits on
 * input (what is refused or skipped), and performance settings (results never depend on them).
 */

// ---------------------------------------------------------------------------------------------
// Fingerprinting (stored in each index: a query must be fingerprinted as the index was)
// ---------------------------------------------------------------------------------------------

/**
 * Winnowing parameters (Schleimer, Wilkerson, Aiken, SIGMOD 2003).
 * - kgramTokens (k): no match shorter than k tokens is ever seen, so k sets the noise floor.
 * - windowKgrams (w): one fingerprint is kept per window of w consecutive k-grams, so density is
 *   about 2/(w+1) and every shared run of at least w + k − 1 tokens shares a fingerprint.
 */
export interface FingerprintParameters {
  readonly kgramTokens: number;
  readonly windowKgrams: number;
}

/**
 * k = 14 tokens is a statement or a little more, below which code is idiom rather than authorship;
 * w = 14 guarantees that any shared run of 27 tokens (about 90 normalized characters, 60% of the
 * reporting threshold) is seen, so a reportable region has two seeds or more. Shorter k-grams find
 * a few more copies and many more look-alikes (bench/QUALITY.md's sweep).
 */
export const DEFAULT_FINGERPRINT_PARAMETERS: FingerprintParameters = { kgramTokens: 14, windowKgrams: 14 };

/**
 * The data channel's winnowing window, in multiples of w: tables are long, so a wider window keeps
 * nearly every copied table findable by its data with far fewer fingerprints than w would.
 */
export const DATA_WINDOW_FACTOR = 2;

/**
 * Literals a literal or kept-data k-gram must hold (fingerprint/data-channel.ts). A table has one
 * per row or more, so two or more in k tokens; with one, the k-gram is a statement with a constant
 * in it (`self.assertEqual(f(x), 0)` line after line), which unrelated code shares.
 */
export const MIN_TABLE_LITERALS = 2;

/**
 * Text evidence's winnowing: k-grams of words, and the window. Eight words is a phrase or a short
 * sentence, below which prose is stock phrasing; a window of ten guarantees every shared run of
 * seventeen words (about a hundred characters) a shared fingerprint, so a reportable stretch of
 * text (150 characters) has two seeds or more, as with code. A window of eight finds slightly more
 * (bench/QUALITY.md) at 4% more index; twelve, less.
 */
export const TEXT_KGRAM_WORDS = 8;
export const TEXT_WINDOW_KGRAMS = 10;

/**
 * A query channel of at most this many windows of k-grams is short: its fingerprints include every
 * k-gram at its two ends (fingerprint/winnow.ts winnowQuery). A short copy's evidence is a few
 * fingerprints, and the windows cut short at its ends lose a large share of them; a long query loses
 * the same few, which it does not need, for lookups every query would pay.
 */
export const SHORT_QUERY_WINDOWS = 2;

/**
 * A text match becomes part of a code match of the same content when their lines are at most this
 * far apart on both sides (a docstring under its `def`, a comment above its block): one reference
 * resting on both, rather than two.
 */
export const TEXT_MERGE_GAP_LINES = 2;

/**
 * A code region or a text region shorter than its own threshold still counts when, found side by
 * side in the same file, the two together reach minMatchedChars: a function of four short lines
 * under a JSDoc example is one copy, its evidence split between code and prose. Each part must
 * hold at least this share of its threshold, so neither is a lone k-gram riding on the other.
 */
export const PARTIAL_EVIDENCE_SHARE = 1 / 3;

/**
 * A text match at least this share of whose words are annotations (comments written after code on
 * their line, `0x0621,  # ARABIC LETTER HAMZA`) is reported only where the code of its lines is the
 * indexed lines' code (ANNOTATED_ROWS_AGREEMENT): an annotation names what its line holds (a
 * character, a register, an error code), and any table of the same things in the same order
 * carries the same names, whatever its rows. A copy of the table brings its rows too.
 */
export const TEXT_ANNOTATION_SHARE = 1 / 2;

/**
 * A text match holding at least SPECIFICATION_MIN_REQUIREMENTS of a specification's requirement
 * keywords (RFC 2119's MUST, SHALL, SHOULD, … in capitals), one in every
 * SPECIFICATION_WORDS_PER_REQUIREMENT words or more, is a quotation of that specification's
 * sentences, which every implementation of it may quote alike: as prose alone, no evidence of a
 * copy of any one of them (a PDF library's password check and CPython's `idna` codec both quote
 * RFC 3454's bidirectional rules). A module's whole documentation copied, a requirement quoted
 * here and there in it, is prose of its own; code matched beside either is judged as code.
 */
export const SPECIFICATION_MIN_REQUIREMENTS = 2;
export const SPECIFICATION_WORDS_PER_REQUIREMENT = 25;

/**
 * How many of the rows annotated prose aligns must be the same code on both sides
 * (match/annotations.ts): the same token signatures line for line, and the same numbers. A copy's
 * rows keep their tokens and numbers, renamed or reformatted, with one or two edited; another table
 * of the same things has rows of its own shape, `0x41: (0x621, 0),` against `0x00c1: 0x0621,`, or
 * its own numbers, another code page's positions for the same characters. At most ANNOTATED_ROWS_MAX rows are
 * compared: a table's first rows tell its shape.
 */
export const ANNOTATED_ROWS_AGREEMENT = 1 / 2;
export const ANNOTATED_ROWS_MAX = 64;

/**
 * A fragment with no string or comment delimiter in it, read as code, that shows prose (two names
 * in a row, which no code has) by this non-blank line, is also read as the inside of a docstring or
 * doc comment: a person copies paragraphs of documentation too.
 */
export const PROSE_FROM_START_LINES = 2;

/**
 * A string literal is text evidence when it has at least this many words: a message, a docstring,
 * a template of prose. Shorter strings are data (keys, formats, single words), compared by the
 * code channel's literal agreement instead.
 */
export const TEXT_MIN_STRING_WORDS = 4;

// ---------------------------------------------------------------------------------------------
// Normalization (stored in each index with the normalizer's version)
// ---------------------------------------------------------------------------------------------

/**
 * A token's contribution to the "normalized characters" measure is its source length capped
 * here, so one long string literal or name cannot by itself make a region look substantial.
 */
export const MAX_TOKEN_CHARS = 24;

/** Longer names and literals are hashed on their first characters only: enough to tell them apart. */
export const NAME_HASH_CHARS = 64;

/**
 * Module boilerplate (`require` declarations, transpiler helpers) is recognised by the first
 * characters of its statement; both the parser and the lexer look at this many.
 */
export const BOILERPLATE_PREFIX_CHARS = 160;

/**
 * Compiled optional chaining on a temporary, `(_a = x.y) === null || _a === void 0 ? …`, is lifted
 * back to `x.y?.…` (normalize/downlevel.ts) when its `(_a =` is at most this many tokens before the
 * `)`: a compiler's temporaries hold a member chain or a call, and a bounded look keeps the pass linear.
 */
export const DOWNLEVEL_TEMPORARY_MAX_TOKENS = 64;

/**
 * How far the lexer looks for the `)` closing a parameter list, to tell `async (x) => …` from a
 * call `async(x)` and an object's method `m(x) { … }` from a call `m(x)`: a longer list is read as
 * a call's arguments.
 */
export const PARAMETER_LIST_LOOKAHEAD_CHARS = 1000;

/**
 * How far back the declarations reader (normalize/declarations.ts) looks for a declaration's head
 * before a `=` (`type A<T = X> =`) or for a return type's colon before a `{`: a longer head is read
 * as code, which only keeps the declarations rule from applying.
 */
export const DECLARATION_LOOK_BACK_TOKENS = 64;

// ---------------------------------------------------------------------------------------------
// Matching: what counts as a reference
// ---------------------------------------------------------------------------------------------

/** The thresholds a caller may change per query (ReferenceTracker.match's options). */
export interface MatchOptions {
  /**
   * A reference is reported only when the shared code is at least this many normalized
   * characters (non-whitespace, non-comment source characters, each token capped at
   * MAX_TOKEN_CHARS) in the query or in the indexed file: renaming a copy's names and strings to
   * short ones shortens the query, not the code it copied. 150 is the figure public
   * code-referencing filters use for "long enough to be a copy, not an idiom".
   */
  readonly minMatchedChars: number;
  /**
   * A fingerprint found in more than this many indexed files is boilerplate (import blocks,
   * interop helpers, license-header code): it never seeds a reference, though a match found
   * through rarer fingerprints may extend across it. 64 rather than 32 finds more renamed and
   * near-miss copies at the same false-positive rate (bench/QUALITY.md's sweep).
   */
  readonly maxFileFrequency: number;
  /**
   * Two matched segments are one region when the gap between them is at most this many tokens
   * on each side: one edited statement, so a near-copy reads as one reference, not several.
   */
  readonly maxGapTokens: number;
  /**
   * Share of a region's k-grams that must be distinct. After names and literals are abstracted,
   * import lists, `require` blocks and data tables are the same few k-grams over and over, and
   * any two such blocks match token for token; real code repeats itself far less.
   */
  readonly minDistinctKgramShare: number;
  /**
   * A region whose tokens are at least this share literals is data (a list of strings, a table of
   * messages, a locale): it is the same data only if at least MIN_IDENTITY_SHARE of its aligned
   * literals, or of its numbers, are the very same text, and it reaches minMatchedChars by its same
   * data: an aligned literal of other text counts one character, its class. Code has a literal in
   * ten tokens or fewer; two lists of other strings share nothing but their shape. Above 1, no
   * region is data.
   */
  readonly dataLiteralShare: number;
  /**
   * Least share of a region's repeated identifier occurrences that must correspond one to one
   * between the two sides (see ReferenceExplanation.nameConsistency). A copy keeps its names or
   * renames them consistently (Baker's parameterized match); code that only shares a shape, such
   * as `check(a.b, "x")` over and over, maps the same name to many. 0.6 rather than 0.8 keeps
   * near-misses whose inserted statement shifts part of the alignment.
   */
  readonly minNameConsistency: number;
  /**
   * Name consistency is judged once a region's names repeat at least this often: a name's first
   * pairing is free, so with fewer repeats there is too little to judge by.
   */
  readonly minNameRepeats: number;
  /**
   * Distinct query fingerprints that must hit the region. One seed extended past the threshold
   * is how shape-alike code slips through; a copy of any length yields several.
   */
  readonly minSeeds: number;
  /**
   * A fingerprint above maxFileFrequency still seeds when every file it is in belongs to at most
   * this many sources. Boilerplate spans projects; a project's own repetition (moment's locale
   * files, CPython's encoding tables) is in one, and a match on it names that project. Which of
   * its look-alike files is meant is then told by the literals (sameLiteralShare).
   */
  readonly maxSourceFrequency: number;
  /**
   * At most this many references per group (the same query lines found in several different
   * files), best first: past a handful, more look-alike files are noise, not information.
   */
  readonly maxReferencesPerGroup: number;
  /**
   * Text evidence (comments, docstrings, long string literals) is reported on its own when at least
   * this many characters of identical text (white space and comment markers aside, case kept)
   * match: the same ~150-character rule as code, in the text's own terms. A copy whose substance is
   * its documentation is found by it; a reference resting on code and text counts both.
   */
  readonly minTextChars: number;
  /**
   * A text fingerprint found in more than this many indexed files is boilerplate: license
   * headers, API documentation repeated across projects, stock phrases. Lower than
   * maxFileFrequency: identical prose repeats far more than identical code. As for code, text in
   * files of at most maxSourceFrequency sources is a project's own repetition, and names it.
   */
  readonly maxTextFileFrequency: number;
}

export const DEFAULT_MATCH_OPTIONS: MatchOptions = {
  minMatchedChars: 150,
  maxFileFrequency: 64,
  maxGapTokens: 24,
  minDistinctKgramShare: 0.5,
  dataLiteralShare: 0.25,
  minNameConsistency: 0.6,
  minNameRepeats: 3,
  minSeeds: 2,
  maxSourceFrequency: 1,
  maxReferencesPerGroup: 10,
  minTextChars: 150,
  maxTextFileFrequency: 16,
};

/**
 * A project-repetition fingerprint (see MatchOptions.maxSourceFrequency) in more files than this is
 * not used: aligning the query against every one of them would cost more than a suggestion's budget.
 */
export const MAX_REPETITION_FILES = 512;

/** Occurrences decoded per repetition file before its posting list counts as too long. */
export const REPETITION_OCCURRENCES_PER_FILE = 8;

/**
 * A posting list is decoded up to this many occurrences per allowed file (maxFileFrequency): past
 * that the verdict "too common" cannot change, and decoding further only costs time.
 */
export const LOOKUP_OCCURRENCES_PER_FILE = 4;

/**
 * Alignment steps over one gap of at most maxGapTokens (a statement inserted into the copy or left
 * out of it) when at least this many tokens match again past it. Shorter runs past a gap come by
 * chance in code; a run this long, beside a verified segment, does not.
 */
export const BRIDGE_MIN_TOKENS = 8;

/**
 * Candidate files are aligned best-evidenced first (most distinct seeds, then the rarest), at most
 * this many of them (or 3 × maxReferencesPerGroup when that is more), plus any file holding a seed
 * none of those holds, plus, when the limit cuts through the best-evidenced files, every file tied
 * with them. Code vendored in dozens of versions would otherwise have every version aligned, for at
 * most maxReferencesPerGroup references; ties at the top are kept because a project's look-alike
 * files (CPython's encodings) are told apart only by the literals alignment reads.
 */
export const MAX_ALIGNED_FILES = 32;

/**
 * A content whose code seeds in the query span at least this share of its code tokens is aligned
 * past MAX_ALIGNED_FILES: the query holds all of it. A bundle holds lodash's per-function modules
 * inside the copy of lodash.js it also holds; ranked by evidence, the monolith's versions fill the
 * places, and the small module, an origin of its own, would never be aligned. A look-alike shares
 * a stretch of a file, rarely a file from end to end. A match covering this share of its content
 * likewise says the query holds that file: prose of its own project found inside it is a sibling's
 * repetition of its paragraphs (combine.ts). And a region over this share of a file scanned whole,
 * or holding this share of its prose, with a reference's length of identical code or prose, says
 * the file is that module's version (combine.ts holdsFile: a declaration file holds its module's
 * doc comments and little of its code; a module rewritten keeps its doc comment).
 */
export const WHOLE_CONTENT_SHARE = 0.6;
/**
 * …and whose distinct seed positions are at least this share of the fingerprints winnowing keeps
 * in a content that long (2 per w + 1 k-grams): a module of 40 tokens is found by its 2 or 3, a
 * 3,000-token file is not spanned by an idiom at each end.
 */
export const WHOLE_CONTENT_DENSITY = 0.3;
/** Of a content held whole, text regions are kept within this many lines of its code region: its doc comment, not its prose elsewhere. */
export const WHOLE_TEXT_GAP_LINES = 2;

/**
 * Seeds in at most this many files on average: the evidence that lets a renamed region pass where
 * its shape alone would not (a renaming one for one throughout, the indexed side's length). A
 * shape found in many files is an idiom, which unrelated code shares by chance: a short stretch
 * with nothing the same, its names changing partner, found by seeds that common must cover
 * STITCHED_MIN_QUERY_SHARE of its query, and renamed in step or not, SHAPE_MIN_QUERY_SHARE: rows
 * of keyword arguments passed on, a module's export rows. So must a region of any length with
 * nothing the same whose names change partner: a wrapper's passthroughs.
 */
export const RARE_SEEDS_MEAN_FILES = 4;

/**
 * A region shorter than minMatchedChars in the query is measured on the indexed side only when it
 * holds at least this share of minMatchedChars in the query too: a copy renamed to short names
 * keeps most of its length, while a stray short region that the indexed side's long names make
 * long enough is a near-miss's other lines or another module's look-alike.
 */
export const RENAMED_QUERY_SHARE = 2 / 3;

/**
 * A renaming one for one throughout: at least this many distinct names, repeating at least
 * RENAMED_THROUGHOUT_REPEATS × minNameRepeats times, at least RENAMED_THROUGHOUT_CONSISTENCY of the
 * repeats keeping one partner. One name repeated (`exports.a = exports.b = …`) is a shape, not a
 * renaming; another table of the same shape would not repeat its names in step.
 */
export const RENAMED_THROUGHOUT_NAMES = 2;
export const RENAMED_THROUGHOUT_REPEATS = 2;
export const RENAMED_THROUGHOUT_CONSISTENCY = 0.9;

/**
 * A renaming aligns each row with its own: a repetitive candidate counts as renamed throughout only
 * when its indexed side covers at least this share of its query side. Below it, several query rows
 * were aligned with the same indexed rows, a shape repeated rather than a table renamed; and a short
 * stretch (SHAPE_STRETCH_MAX_SEEDS) so aligned, with nothing the same and its names changing
 * partner, is no copy at all.
 */
export const RENAMED_SOURCE_SHARE = 0.9;

/**
 * A short stretch (SHAPE_STRETCH_MAX_SEEDS) with nothing the same whose indexed side covers less
 * than this share of its query side, a third of its rows aligned again with indexed rows already
 * aligned, is a shape the query repeats, whatever its names: one name repeated with one partner is
 * consistent by default (pyopengl's `@_p.types(_cs.BOOL, _cs.HGLRC, _cs.GLuint, …)` aligned twice
 * over aifc's `_aifc_params(self._nchannels, self._sampwidth, …)`). A copy edited in places
 * realigns a row or two (RENAMED_SOURCE_SHARE), not a third of them.
 */
export const REALIGNED_SOURCE_SHARE = 2 / 3;

/**
 * Identity evidence for a region found only through a project's repeated shape (every seed above
 * maxFileFrequency): the shape alone is shared by the project's look-alike files and by other
 * projects' code of the same kind (date-fns's locale tables and moment's), so at least this share
 * of the aligned literals, or of the aligned names, must be the very same text, and at least
 * MIN_IDENTITY_PAIRS of them.
 */
export const MIN_IDENTITY_SHARE = 0.5;
export const MIN_IDENTITY_PAIRS = 3;

/**
 * Names the same count as identity only across this many distinct names each the same on both
 * sides: one name, however often it recurs (`options` in rows of `key: options.key`, `key` through
 * a mapping's protocol methods), is the variable of a shape, as `self` is.
 */
export const MIN_IDENTITY_NAMES = 2;

/**
 * A region found by fewer seeds than this needs corroboration beyond its shape: the same text
 * (identity evidence above) or a renaming one for one throughout (RENAMED_THROUGHOUT_*). Two seeds
 * of pure shape, with no name or literal in common, is how a dict of strings matches another. At
 * this many, names neither kept nor renamed (some the same, the others changing partner) with no
 * literal agreeing are no corroboration either.
 */
export const MIN_SEEDS_WITHOUT_IDENTITY = 3;

/**
 * A fingerprint in at least this many indexed files, all of one project (at most
 * maxSourceFrequency sources), is that project's template: lines its components or modules all
 * write (react-aria's context and render-props lines, in 31 and 16 of its files). A region without
 * a run of minMatchedChars identical characters needs minSeeds seeds besides such ones to name one
 * file, or, every seed of it in this many files, must be TEMPLATE_STRETCH_QUERY_SHARE of its query
 * and a stretch those files repeat (match/project-template.ts): a new file written from the
 * template matches each sibling by lines other siblings write too, where a copy of one keeps that
 * file's own fingerprints or its text, and a module the project writes over and over (CPython's
 * codecs) is one stretch in all of them. Above COMMON_FLOOR, so the index's common table answers
 * it in memory.
 */
export const PROJECT_IDIOM_FILES = 9;

/**
 * A region resting on its project's idioms, every seed in PROJECT_IDIOM_FILES files, is one of the
 * idioms the scanned text holds when it is under this share of the query's tokens, however many
 * files repeat it: react-aria's new ToggleButtonGroup writes the context lines of 16 of its
 * siblings as 4 of its 65 lines. A file adapting the template is mostly that template
 * (webencodings' codecs, a third of their module, are CPython's charmap codec classes).
 */
export const TEMPLATE_STRETCH_QUERY_SHARE = 1 / 4;

/**
 * A region found by no more than MIN_SEEDS_WITHOUT_IDENTITY seeds, with no name the same and no
 * literal agreeing, whose names are this few distinct ones: rows of member accesses and keys
 * (`key: x.key,` line after line, `self.a = a`, `x.a = f('…')`), which carry no names to compare,
 * around one or two variables renamed. That is any mapping code's shape, not evidence of a copy (a
 * copy keeps the keys it maps).
 */
export const SHAPE_ONLY_MAX_NAMES = 3;

/**
 * A region found by no more than SHAPE_STRETCH_MAX_SEEDS seeds, with no name or literal the
 * same and not renamed one for one throughout (its names used more than once each), must cover at
 * least this share of the query's tokens. A stretch that small inside a larger text is one of the
 * many the text holds, each a chance to coincide with an idiom of the index (properties returning
 * `self._x`, keyword arguments passed on as `a=self.a`, rows of `self.x = x`), while a suggestion
 * that is a renamed copy is mostly that copy. In a whole file (COINCIDENCE_BASE_TOKENS) the same
 * share is asked, whatever the seeds, of a region whose names are neither kept nor renamed.
 */
export const SHAPE_MIN_QUERY_SHARE = 1 / 3;

/**
 * The most seeds a region can have and still be held to SHAPE_MIN_QUERY_SHARE: at this many, with
 * nothing the same, it is still 150–200 characters, one idiom's length (a wrapper class's
 * `__iter__`/`__len__`/`__contains__` delegating to `self._wrapped`; an `__init__` of six
 * `self.x = x` rows). A stretch this short with no literal to compare, whose few names
 * (SHAPE_ONLY_MAX_NAMES) are not renamed one for one (RENAMED_THROUGHOUT_CONSISTENCY), is an idiom
 * whatever its share: an `Error` subclass around its own class name.
 */
export const SHAPE_STRETCH_MAX_SEEDS = 5;

/**
 * A region of no more than this many shape seeds whose names agree while every literal it holds is
 * other text, even one or two, or most of several (MIN_IDENTITY_PAIRS), found by seeds in more than
 * RARE_SEEDS_MEAN_FILES indexed files on average, is an API's own shape on other data, a template
 * those files share: a lib2to3 fixer's `BaseFix`, `PATTERN` and `transform(self, node, results)`
 * around another pattern; the descriptor protocol's `if self.fset is None: raise AttributeError(…)`
 * with other messages; argparse's `add_argument` rows of other flags. A copy keeps its
 * names and its strings, or renames both; and a longer region holds more than the API's idioms.
 */
export const API_SHAPE_MAX_SEEDS = 10;

/**
 * A region whose segments break this many times (a statement inserted or left out, on either side;
 * maxGapTokens bounds each) with no name or literal the same must cover at least
 * STITCHED_MIN_QUERY_SHARE of its query. A copy renamed then edited keeps long runs between one or
 * two edits; three or more, around short runs, are look-alike idioms chained across a class (an
 * `__init__`, an `__eq__`, a method returning its local), unless they are most of the suggestion.
 * The same holds for a short stretch (SHAPE_STRETCH_MAX_SEEDS) whose names agree but change
 * partner, with no literal agreeing: one API's idioms written twice side by side; and for one with
 * nothing the same whose names change partner and whose seeds are not rare (RARE_SEEDS_MEAN_FILES).
 */
export const STITCHED_MIN_EDITS = 3;
export const STITCHED_MIN_QUERY_SHARE = 1 / 2;

/**
 * A short stretch (SHAPE_STRETCH_MAX_SEEDS) with no name or literal the same and no identical prose
 * beside it, at least this share of whose distinct k-grams the query holds again outside it, must
 * cover STITCHED_MIN_QUERY_SHARE of its query: an idiom the query repeats (a facade's functions each
 * handing their arguments on), of which any indexed file with a few instances aligns with some
 * stretch. A renamed copy of one function is not written again beside itself.
 */
export const RECURRING_SHAPE_SHARE = 1 / 2;

/**
 * Integers up to COUNTER_MAX (decimal, or hexadecimal as `0x0A`) agreeing on both sides, each one
 * more than the last, are an enumeration's counter (`SIGNATURE = 0`, `VERSION = 1`, … in any file
 * format's constants): as data, no evidence that this table was copied.
 */
export const COUNTER_MAX = 99;

/**
 * Integers up to KEY_RANGE_MAX (a byte) agreeing on both sides, each one more than the last: a
 * table keyed by a range of byte values (a protocol's status codes from 0x80, a code page's upper
 * half) has the keys of every table over that range. Where such a table's other literals differ,
 * its keys are no evidence that it was copied, as a counter's are none (COUNTER_MAX).
 */
export const KEY_RANGE_MAX = 255;

/**
 * Powers of two up to 2^FLAG_MAX_EXPONENT agreeing on both sides, each twice the number before
 * it (1, 2, 4, 8, …, decimal or hexadecimal): a set of bit flags, whose values every flag set
 * writes in that order (lodash's `WRAP_*_FLAG`, acorn's `SCOPE_*`, a TypeScript `enum Flags`).
 * They count as a counter's steps do (COUNTER_MAX): no evidence that the table was copied.
 */
export const FLAG_MAX_EXPONENT = 31;

/**
 * Fewer repeats than minNameRepeats are too few to judge a renaming by, unless at least this many
 * all changed partner: every repeated name pairing with another name each time is a shape shared
 * line after line (one registration per line), not a copy renamed.
 */
export const MIN_BROKEN_REPEATS = 2;

/**
 * Evidence that scales with the chance of a coincidence. A query this many tokens long (a
 * suggestion, a snippet) needs minSeeds; each doubling beyond it needs one seed more, since a
 * scanned file twice as long holds twice the look-alike stretches by chance (short shapes shared
 * with some indexed file). A copy brings many seeds: a whole vendored function has dozens.
 */
export const COINCIDENCE_BASE_TOKENS = 300;

/**
 * A chain's seeds are found by scanning the hits in its source span when it holds at most this
 * many, else through a table of each fingerprint's positions made once per content (match/chain-seeds.ts):
 * the same seeds either way, in time proportional to the chain's own fingerprints where a content
 * repeating the query's text has a hit for every pair of a fingerprint's positions.
 */
export const CHAIN_SEED_SCAN_HITS = 1024;

/**
 * A match's first (or last) line is left out of its reported lines when the match holds at most
 * this many of its tokens, the line begins before the match (ends after it) on both sides, and a
 * blank or comment line parts it from the rest of the match on either side: a k-gram's context
 * (the `x` of `y = x` before a matched `def`, the `def f(` after a matched body), not a copied
 * line. On the indexed side such a line can lie pages of comments away from the copy. Nor does it
 * count toward minMatchedChars: what the reported lines do not show is no evidence of a copy.
 */
export const DANGLING_LINE_TOKENS = 3;

/**
 * In a query longer than COINCIDENCE_BASE_TOKENS, a region with nothing the same (under half its
 * names, and no literals agreeing on more than one value) needs this many times the seeds its
 * length asks: a whole file of original code holds idioms renamed by chance (`def __init__(self,
 * a, b): self.x = a …`, three `self.f(x)` calls in a row) that a snippet's few lines rarely do.
 */
export const UNIDENTIFIED_SEED_FACTOR = 2;

/**
 * The extra seeds a long query needs are halved for a region whose names and literals are the
 * very same text (verbatim identity): look-alikes rarely share their names as well as their shape.
 */
export const IDENTITY_SEED_DISCOUNT = 0.5;
export const VERBATIM_NAME_SHARE = 0.8;

/**
 * Names every method of their kind has (Python's `self` and `cls`, a binary operator's `other`, a
 * setter's `value`, `__setstate__`'s `state`), the protocol methods a class implements (the mapping
 * protocol's `keys`, `values` and `items` among them) and the builtins they answer with
 * (`isinstance(other, X)`, `return NotImplemented`, `return iter(self._d)`, `len`, `next`, `hash`,
 * `repr`), the decorators that make properties and abstract methods, and JavaScript's words for a
 * constructor's prototype chain and its errors (`X.prototype = Object.create(Error.prototype)`, `Error.call(this)`,
 * `Error.captureStackTrace(this, this.constructor)`), and the names a compiler generates: the same
 * on both sides by convention, not by copying, so they are no evidence of identity and their
 * repeats no evidence of a renaming.
 */
export const CONVENTIONAL_NAMES: readonly string[] = [
  "self", "cls", "other", "value", "state", "args", "kwargs",
  "property", "setter", "getter", "deleter", "staticmethod", "classmethod",
  "__init__", "__new__", "__repr__", "__str__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__", "__bool__",
  "__len__", "__iter__", "__next__", "__contains__", "__getitem__", "__setitem__", "__delitem__", "__getattr__", "__setattr__",
  "__delattr__", "__call__", "__enter__", "__exit__", "__getstate__", "__setstate__", "__reduce__", "__copy__", "__deepcopy__",
  "isinstance", "NotImplemented", "iter", "len", "next", "hash", "repr",
  // An abstract method's decorator and the error its body raises: every interface declares its
  // methods so (`@abstractmethod def real(self): raise NotImplementedError`).
  "abstractmethod", "NotImplementedError",
  // The mapping protocol's views: every mapping-like class defines them (a message's headers, an
  // enumeration's names), and every caller of a mapping calls them.
  "keys", "values", "items",
  "Error", "captureStackTrace", "prototype", "constructor", "Object", "create", "call",
  // The names Babel gives a rest parameter's loop: `for (var _len = arguments.length, args = new
  // Array(_len), _key = 0; _key < _len; _key++)`, numbered on (`_len2`, `_key2`) within a module.
  "arguments", ...["_len", "_key"].flatMap((name) => [name, ...Array.from({ length: 8 }, (_, i) => `${name}${i + 2}`)]),
];

/**
 * Strings the language itself defines, the results of JavaScript's `typeof`: every type test
 * writes them (`typeof value === 'number'`), so the same on both sides is no evidence of identity,
 * as CONVENTIONAL_NAMES are not.
 */
export const CONVENTIONAL_STRINGS: readonly string[] = ["undefined", "object", "boolean", "number", "bigint", "string", "symbol", "function"];

/**
 * The characters the languages' escape sequences name (`\b`, `\f`, `\n`, `\r`, `\t`, `\v`, `\0`,
 * Python's `\a`), as a string writes one out (`"\\n"`) or a regular expression finds one (`/\n/g`):
 * every escaper, quoter and serializer lists them, in the specification's order, so the same on
 * both sides is no evidence of identity, as CONVENTIONAL_STRINGS are not (a shell quoter's
 * `.replace(/\f/g, "\\f")…` chain as a pretty-printer's). A string holding one (`"\n".join(lines)`)
 * and the backslash (`.replace(/\\/g, "/")` on a path) are left out: code writes them for its own ends.
 */
export const ESCAPED_CHARACTERS: readonly string[] = ["b", "f", "n", "r", "t", "v", "0", "a"];

/**
 * Numbers every character test writes, the ASCII bounds of digits, letters and hexadecimal digits
 * ('0' 0x30, '9' 0x39, 'A' 0x41, 'F' 0x46, 'Z' 0x5A, 'a' 0x61, 'f' 0x66, 'z' 0x7A), however spelled:
 * the same on both sides is no evidence of identity (a cookie domain's letter-or-digit test and a
 * parser's hexadecimal-digit test compare a code against the same bounds).
 */
export const CHARACTER_BOUNDS: readonly number[] = [0x30, 0x39, 0x41, 0x46, 0x5a, 0x61, 0x66, 0x7a];

/**
 * Share of aligned literals, or of aligned names, that must be the very same text for a repetitive
 * region to count as copied data: a table of strings, or a list of names (`isEmail: isEmail,` line
 * after line, an export map), copied as it is.
 */
export const MIN_SAME_DATA_SHARE = 0.8;

/**
 * Names are more often shared by chance than literals (`x`, `key`, `value`), and one name repeated
 * is a shape, not data: a list counts as the same data on twice as many distinct names.
 */
export const MIN_SAME_DATA_NAMES = 2 * MIN_IDENTITY_PAIRS;

// ---------------------------------------------------------------------------------------------
// Index storage
// ---------------------------------------------------------------------------------------------

/**
 * Fingerprints in more than this many files are listed, with their count, in the index's
 * common-fingerprint table, so the maxFileFrequency cut-off costs no lookup. Below any sensible
 * maxFileFrequency, so the query-time cut-off can be chosen freely above it.
 */
export const COMMON_FLOOR = 8;

/**
 * The common table in memory is searched from a directory of where each value of a hash's top
 * this many bits begins (store/common-fingerprints.ts): a binary search over the whole sorted
 * table missed the processor's cache at each of its last steps, and a query asks for every hash.
 */
export const COMMON_DIRECTORY_BITS = 16;

/**
 * The membership filter's size and probes: m is the power of two nearest 12 bits per distinct
 * hash, 3 probes by double hashing, so 0.15–2.5% of absent hashes are "maybe present" and cost
 * one lookup each. Smaller than the textbook 16 bits on purpose: the filter is read at every open.
 */
export const FILTER_BITS_PER_HASH = 12;
export const FILTER_PROBES = 3;

// ---------------------------------------------------------------------------------------------
// Limits on input
// ---------------------------------------------------------------------------------------------

/** Files larger than this are data or generated code when indexing, and would dominate memory. */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/**
 * Each thread reads files up to this size into one buffer it keeps: every indexed file fits. A
 * larger one (a bundle a scan reads) gets a buffer of its own, let go with the file.
 */
export const READ_BUFFER_BYTES = 4 * 1024 * 1024;

/**
 * A scan reads and matches its files on helper threads (`scan --threads`) only when it has at
 * least this much to read: each helper opens the index and warms reftrack's code again, and one
 * thread alone already keeps a second core busy with V8's compiler and garbage collector, so a
 * short scan would only wait longer (figures: bench/PIPELINE.md, bench/DECISIONS.md).
 */
export const SCAN_PARALLEL_MIN_BYTES = 16 * 1024 * 1024;

/** Files given to each helper thread at once: it starts the next without waiting for the scan's thread to hand it over. */
export const SCAN_TASKS_PER_HELPER = 4;

/**
 * `scan --threads`' default is the machine's cores, at most this many: each helper holds a tracker
 * of its own (its memory: bench/DECISIONS.md), and a runner reporting dozens of cores should not
 * hold that many for one scan.
 */
export const SCAN_DEFAULT_MAX_THREADS = 8;

/** The most threads `--threads` accepts (scan, index): past it a mistyped count would exhaust memory, not speed anything up. */
export const MAX_THREADS = 64;

/**
 * Files larger than this are not scanned (`scan --max-file-size`). Bundles, where vendored code
 * hides, run to several MB and are scanned; past 64 MiB a file is data, and its text alone would
 * take a few hundred MB of memory.
 */
export const DEFAULT_MAX_SCAN_BYTES = 64 * 1024 * 1024;

/**
 * A query longer than this many characters (a bundle, a generated file) is matched in windows of
 * about this size, each overlapping the next by MATCH_WINDOW_OVERLAP_CHARS (match/windows.ts):
 * matching memory is one window's (tens of MB), time linear in the file. The overlap holds any
 * function whole; a longer copy across a cut is found in two parts and reported as one.
 */
export const MATCH_WINDOW_CHARS = 1_000_000;
export const MATCH_WINDOW_OVERLAP_CHARS = 64 * 1024;

/**
 * A streamed suggestion (pipeline/stream.ts) is looked at each time this many characters have
 * arrived, over its last STREAM_WINDOW_CHARS: every character is matched about twice while
 * streaming and once more by the final check, so streaming costs about three checks of the whole
 * (bench/RESULTS.md), and a reference shows at most this many characters after it crosses the
 * threshold. The window holds several times the ~150 normalized characters a reference needs.
 */
export const STREAM_STEP_CHARS = 512;
export const STREAM_WINDOW_CHARS = 1024;

/**
 * Average line length beyond which a file is a minified or generated bundle: hand-written code
 * averages 30–45 characters per line, bundles run to thousands. Files shorter than
 * MINIFIED_MIN_BYTES are too short to judge by it.
 */
export const MINIFIED_AVERAGE_LINE_LENGTH = 250;
export const MINIFIED_MIN_BYTES = 2048;

/**
 * JavaScript or TypeScript shorter than MINIFIED_MIN_BYTES reads as minified when one line of code
 * (not a comment) longer than MINIFIED_AVERAGE_LINE_LENGTH holds at least this share of it: a minifier's small module (a
 * component's prop table, a locale) is one line, and its locals renamed make its shape all that
 * matches a sibling module's (isMinifiedShape). Hand-written code of that size has no such line.
 */
export const MINIFIED_SHORT_LINE_SHARE = 0.5;

/**
 * A minifier renames every local, consistently, so in a minified query (`scan --minified`) a code
 * region with fewer than this share of its names the indexed file's is a match of shape alone, as
 * the compiler helpers every Babel-built bundle carries are; it is reported only at
 * MINIFIED_SHAPE_MIN_CHARS normalized characters or more. A vendored build keeps most of its
 * names, an older build of it many (bench/DECISIONS.md).
 */
export const MINIFIED_SHAPE_NAME_SHARE = 0.3;
export const MINIFIED_SHAPE_MIN_CHARS = 1000;

/** An archive expanding beyond this is refused (a decompression bomb, or not a source archive). */
export const MAX_EXTRACTED_BYTES = 2 * 1024 ** 3;
/** An archive with more entries than this is refused for the same reason. */
export const MAX_ARCHIVE_ENTRIES = 500_000;

/** Package metadata larger than this is not metadata (license detection reads no further). */
export const MAX_METADATA_BYTES = 256 * 1024;

/** An `SPDX-License-Identifier:` header counts only in a file's first characters, as REUSE says. */
export const HEADER_SEARCH_CHARS = 4096;

/**
 * A license text is identified when its word bigrams and an SPDX license's agree at least this much
 * (Sørensen–Dice), as licensee and askalono do; texts of fewer words are not license texts.
 */
export const LICENSE_TEXT_THRESHOLD = 0.9;
export const LICENSE_TEXT_MIN_WORDS = 20;

// ---------------------------------------------------------------------------------------------
// Performance settings: results never depend on these
// ---------------------------------------------------------------------------------------------

/**
 * Entries in each of the index reader's caches (a content's origins, its token count, its sources'
 * ids, source records): popular files stay cached, and a long-running service's heap stays bounded.
 */
export const READER_CACHE_ENTRIES = 8192;

/**
 * A query's short-lived typed arrays (token streams, k-grams, fingerprints) are views on shared
 * slabs of this size (util/slab.ts): off-heap buffers cost V8 more per allocation than the
 * work they hold. A slab stays alive while any view of it does, so requests over
 * SLAB_LARGEST_SHARE of a slab (a large file's windows) get a buffer of their own.
 */
export const SLAB_BYTES = 256 * 1024;
export const SLAB_LARGEST_SHARE = 1 / 8;

/**
 * How long a reader keeps its read transaction (SQLite's shared lock) between queries
 * (store/read-hold.ts): the longest a writer in another process waits for it, and the oldest
 * snapshot a query sees.
 */
export const READ_HOLD_MS = 20;

/**
 * How often a tracker opened on a file looks at the file's identity (a stat) to notice another
 * index renamed over it (store/index-file.ts): at most once per this many milliseconds, since a
 * stat per query costs a tenth of a short check, and the old index keeps answering correctly
 * until the new one is seen.
 */
export const INDEX_FILE_RECHECK_MS = 100;

/** Requested memory map for readers; SQLite lowers it to its compile-time maximum. */
export const READER_MMAP_BYTES = 2 ** 40;

/**
 * An index whose statistics (membership filter and common table) are at least this large has them
 * read on a thread of their own while it answers its first queries without them (the same
 * references, found with more reads): reading a large index's took most of the time to open it.
 * Smaller ones are read at open, which costs less than starting that thread.
 */
export const STATISTICS_BACKGROUND_BYTES = 4 * 1024 * 1024;

/** The writer's page cache (KiB, as SQLite reads a negative cache_size): enough for appends in key order. */
export const WRITER_CACHE_KIB = 65536;

/** The page cache while a build rescans the posting lists for its statistics: a scan in key order needs few pages. */
export const STATISTICS_SCAN_CACHE_KIB = 8192;

/** Hashes read per statement when the statistics are rebuilt: plain numbers, so a slice costs little memory. */
export const STATISTICS_SLICE_ROWS = 16384;

/** Posting-list rows per INSERT statement when merging (4 parameters each, well under SQLite's limit). */
export const MERGE_INSERT_BATCH = 100;

/** Bytes of the buffer posting lists are encoded into before a batch of inserts. */
export const MERGE_ENCODE_BUFFER_BYTES = 1 << 20;

/** Posting lists read per statement when removed contents are cut out of them. */
export const REWRITE_SLICE_ROWS = 4096;

/**
 * Staged fingerprints are merged into the searchable table at the end of a build, or as soon as
 * this many are waiting: each merge is one pass over the B-tree, so fewer is faster, while a bound
 * keeps staging's memory small and limits what an interrupted build must redo.
 */
export const MERGE_EVERY_ROWS = 8_000_000;

/**
 * Rows per block of staged fingerprints (as a power of two). Staging grows by whole blocks and
 * never copies: a doubling array would hold the old and the new copy at once, at the build's peak.
 */
export const STAGED_BLOCK_SHIFT = 18;

/** Buckets of staged rows up to this size are insertion-sorted; larger ones by two counting passes. */
export const INSERTION_SORT_ROWS = 32;

/**
 * Files in flight per indexing worker: enough to keep it busy while the main thread writes to
 * SQLite, and while one large file holds back the in-order delivery of the files after it.
 */
export const IN_FLIGHT_PER_WORKER = 32;

/**
 * An indexing worker replies for this many files in one message (or fewer, when it has no more
 * requests waiting). Each message wakes the main thread, and with every core busy parsing, the
 * woken thread takes a worker's core: one message per file cost a context switch per file. Well
 * under IN_FLIGHT_PER_WORKER, so a worker still has files queued while the main thread writes a
 * batch and sends more.
 */
export const REPLY_BATCH_FILES = 8;

/** Identical copies listed under a reference in text output beyond this are counted, not printed. */
export const COPIES_SHOWN = 3;

/** The terminal progress bar redraws at most this often: a repaint per file would cost more than the file. */
export const PROGRESS_REDRAW_MS = 100;
