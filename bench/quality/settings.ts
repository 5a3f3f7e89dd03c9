/** The quality bench's settings: where it works, how many queries of each kind, and the rules its figures are read by. */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { LanguageName } from "../../src/languages/language.js";
import type { MatchOptions } from "../../src/options.js";

export const PROJECT_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const CACHE = join(PROJECT_ROOT, "bench", ".cache", "quality");
export const QUICK = process.argv.includes("--quick");
export const DUMP = process.argv.includes("--dump-references") ? process.argv[process.argv.indexOf("--dump-references") + 1] : undefined;
export const SWEEP = !QUICK && !process.argv.includes("--defaults");
/** Positives per language and form: at 400 (1,600 per form over the four languages), one standard error is about 0.3 points at 99% and 1 point at 85%. */
export const PER_CELL = QUICK ? 40 : 400;
export const PER_SIZE = QUICK ? 30 : 150;
export const NEGATIVES = QUICK ? 100 : 600;
export const WHOLE_FILES_PER_GROUP = QUICK ? 20 : 100;
/** The languages whose queries are drawn from one seeded sequence, in this order. */
export const LANGUAGES: readonly LanguageName[] = ["typescript", "javascript", "python"];
/** Every language the benchmark measures: TSX draws from a sequence of its own (tsx.ts TSX_SEED). */
export const ALL_LANGUAGES: readonly LanguageName[] = [...LANGUAGES, "tsx"];

/** A region is a query when it holds this many non-blank characters outside import lines and license notices. */
export const RAW_MIN_CHARS = 250;

/**
 * The first single relaxation of the defaults under which a missed query finds its repository:
 * which filter cost the detection. "no shared evidence" means not even all of them relaxed at
 * once find it; "together" means no single relaxation suffices but all of them do.
 */
export const RELAXATIONS: ReadonlyArray<readonly [string, Partial<MatchOptions>]> = [
  ["common fingerprints (maxFiles and maxTextFiles ∞)", { maxFileFrequency: Number.POSITIVE_INFINITY, maxTextFileFrequency: Number.POSITIVE_INFINITY }],
  ["one seed (seeds 1)", { minSeeds: 1 }],
  ["names (names 0/0)", { minNameConsistency: 0, minNameRepeats: 0 }],
  ["repetitive (distinct share 0)", { minDistinctKgramShare: 0 }],
  ["short (minChars 0)", { minMatchedChars: 0 }],
  ["short text (minTextChars 0)", { minTextChars: 0 }],
];
export const ALL_RELAXED: Partial<MatchOptions> = Object.assign({}, ...RELAXATIONS.map(([, o]) => o));

/**
 * The ~150 characters public code-referencing filters ask of a match, counted on a query's raw text
 * as its selection counts (rawTextChars: non-blank, outside import lines; not reftrack's
 * normalizer). The renamed and near-miss disguises drop comment lines and replace string contents,
 * which may leave less than that of a documentation-heavy region. Such queries stay in every
 * figure; they are counted apart so a target can be read against them.
 */
export const SHORT_TEXT_CHARS = 150;
