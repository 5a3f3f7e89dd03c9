/** bench/QUALITY.md (or a --quick or --defaults run's copy in the cache) from the quality bench's figures. */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { LanguageName } from "../../src/languages/language.js";
import type { Fidelity } from "../snippets.js";
import { ADJUDICATED_COPIES } from "./adjudicated-copies.js";
import { REAL_RUN_CHARS, type Tally, interval95, log, pct } from "./evaluate.js";
import { FORMS, type Form } from "./forms.js";
import { ALL_LANGUAGES, CACHE, LANGUAGES, PER_CELL, PROJECT_ROOT, QUICK, RAW_MIN_CHARS, RELAXATIONS, SHORT_TEXT_CHARS, SWEEP } from "./settings.js";
import { EXPECTED_MIN_CHARS, EXPECTED_MIN_LINES, type VendoredFile, type VendoredOutcome } from "./vendored.js";
import { TSX_HELD_OUT, TSX_INDEXED } from "./tsx.js";
import type { WholeFileOutcome } from "./whole-files.js";

/** Queries of a form whose raw text is short (isShortText), and how many of them the defaults miss. */
export interface ShortText {
  queries: number;
  missed: number;
}

export interface ScreenAudit {
  group: string;
  n: number;
  /** Answered by the miss screen without parsing. */
  screened: number;
  /** Queries whose references differ from the full path's (the screen turned away a copy). */
  changed: number;
}

export interface WholeGroupResult {
  readonly group: string;
  readonly files: number;
  readonly bytes: number;
  readonly outcome: WholeFileOutcome;
  readonly filesWithFalse: number;
}

export interface VendoredResult {
  readonly file: VendoredFile;
  readonly outcome: VendoredOutcome;
  readonly ms: number;
}

export interface ReportInput {
  readonly result: {
    missReasons: Map<Form, Map<string, number>>;
    /** Per form, queries whose raw text is under SHORT_TEXT_CHARS, and those missed (empty unless the full run). */
    shortText: Map<Form, ShortText>;
    byCell: Map<string, Tally>;
    bySize: Map<string, Tally>;
    byNormalizedSelection: Map<LanguageName, Tally>;
    wholeGroups: WholeGroupResult[];
    vendoredResults: VendoredResult[];
    negativesReported: { falsePositives: number; realCopies: number };
    hardNegativesReported: { falsePositives: number; realCopies: number };
    boilerplateReported: { falsePositives: number; realCopies: number };
  };
  readonly index: { bytes: number; fingerprints: number; sourceBytes: number };
  readonly screenAudit: readonly ScreenAudit[];
  readonly sweepRows: readonly string[];
  readonly fidelity: Map<string, { parsed: Fidelity; lexed?: Fidelity; lexedPlain: Fidelity }>;
  readonly sizes: readonly number[];
  readonly counts: { negatives: number; hardNegatives: number; boilerplate: number; helpers: number };
  readonly seconds: number;
  readonly defaultName: string;
}

export function writeReport(input: ReportInput): void {
  const { result, counts } = input;
  const lines: string[] = ["# Match quality", ""];
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: PROJECT_ROOT, encoding: "utf8" }).trim();
  lines.push(
    `Run: \`npm run bench:quality\`${QUICK ? " --quick" : ""} on ${new Date().toISOString().slice(0, 10)}, commit ${commit}, ${input.seconds.toFixed(0)} s. ` +
      "Seeds are fixed: every run draws the same queries.",
    "",
    "Indexed: the default corpus (reftrack's npm dependencies, the machine's Python standard library) plus rxjs 7.8.1 " +
      `(TypeScript source), lodash-es 4.17.21 and the sources of four libraries of TSX components (${TSX_INDEXED.join(", ")}): ${(input.index.sourceBytes / 1e6).toFixed(1)} MB of source, index ${(input.index.bytes / 1e6).toFixed(1)} MB ` +
      `(${(input.index.bytes / input.index.sourceBytes).toFixed(3)} bytes per source byte).`,
    "",
    "**How queries are chosen: by their raw text, as a person would copy them.** Positives are regions of 8–40 lines of indexed " +
      `files holding at least ${RAW_MIN_CHARS} non-blank characters outside import lines (compiled re-exports, \`Object.defineProperty(exports, "x", { enumerable: true, get: … })\`, are import lines too; comments and docstrings count, but not a license notice: a comment holding one is left out whole, as a header and its file's imports are not code anyone copies; drawn before that rule, a window it leaves short was redrawn), ${PER_CELL} per language (TypeScript, JavaScript, Python and TSX), ` +
      "each in six forms: verbatim; reformatted (as a formatter does it, on tree-sitter's tokens so no token changes class: indentation width, " +
      "spaces around operators, blank lines, line breaks after commas inside brackets, comment lines added, strings in double quotes as black and " +
      "prettier write them by default, unless the string holds a double quote; comments and the contents of strings kept); renamed (every identifier and " +
      "string literal renamed consistently, docstrings included, re-indented, comment lines dropped); names-only (identifiers renamed and re-indented as " +
      "in renamed, strings, docstrings and comments kept as written: the renaming that leaves data and documentation alone); near-miss (the renamed form with one statement removed " +
      "and one inserted); partial (the middle half of the lines). Nothing of reftrack's normalizer chooses or drops a query. " +
      "Negatives are regions chosen the same way from effect's TypeScript, underscore, dayjs, throttle-debounce and date-fns, " +
      `CPython's test suite and pip's own code, and the TSX of ${TSX_HELD_OUT.length} other component libraries (React's and Solid's), none of it indexed; ` +
      "hard negatives are 20-line regions of those libraries' debounce, " +
      "throttle, parse and format modules, other implementations of functionality the index holds. Boilerplate: real import blocks " +
      "and `if __name__ == \"__main__\":` stanzas of indexed files, and compiler helper prologues (TypeScript's `__awaiter`…, " +
      "esbuild's `__defProp`/`__toESM`…, Babel's `_interopRequireDefault`…) from real published builds.",
    "",
    "**A real copy** is judged on raw text too: a reported region shares a run of at least " +
      `${REAL_RUN_CHARS} identical characters with the scanned one once white space and line breaks are removed (license-notice and ` +
      "import lines left out of both sides): a copy does, reflowed or re-indented; a look-alike, the same shape with other names and " +
      "data, does not. Held-out code can hold real copies (a backport, a helper vendored with a credit), and reporting " +
      "those is right; every other reference in held-out code is false.",
    "",
  );
  const allCells = (form: Form, languages: readonly LanguageName[] = ALL_LANGUAGES): Tally => {
    const t: Tally = { n: 0, detected: 0, repository: 0, fileAndLines: 0, license: 0 };
    for (const language of languages) {
      const c = result.byCell.get(`${language}/${form}`)!;
      t.n += c.n;
      t.detected += c.detected;
      t.repository += c.repository;
      t.fileAndLines += c.fileAndLines;
      t.license += c.license;
    }
    return t;
  };
  lines.push("## Summary against the targets", "");
  lines.push(
    "Detection rates are over the four languages' queries; the last column is the three measured before TSX was added " +
      "(TypeScript, JavaScript, Python), to compare with earlier runs. The 95% interval (Wilson's) is how far another " +
      "draw of as many queries could move a rate: a target inside it is met by this draw, not beyond doubt.",
    "",
  );
  lines.push("| measure | target | this run | 95% interval | without TSX |", "|---|---|---|---|---|");
  const rate = (form: Form): string => {
    const all = allCells(form);
    const earlier = allCells(form, LANGUAGES);
    return `${pct(all.repository, all.n)} | ${interval95(all.repository, all.n)} | ${pct(earlier.repository, earlier.n)}`;
  };
  lines.push(`| verbatim, correct repository | ≥ 99.5% | ${rate("verbatim")} |`);
  lines.push(`| reformatted | ≥ 99% | ${rate("reformatted")} |`);
  lines.push(`| renamed (string contents replaced, comment lines dropped) | ≥ 97% | ${rate("renamed")} |`);
  lines.push(`| renamed, names only (strings and comments kept) | ≥ 97% | ${rate("names-only")} |`);
  lines.push(`| near-miss | ≥ 85% | ${rate("near-miss")} |`);
  const wholeFalse = result.wholeGroups.reduce((a, g) => a + g.outcome.falseReferences, 0);
  lines.push(`| whole held-out files: false references | 0 | ${wholeFalse} | | |`);
  const negatives = result.negativesReported.falsePositives;
  lines.push(`| region negatives: false positives | ≤ 0.3% | ${pct(negatives, counts.negatives)} | ${interval95(negatives, counts.negatives)} | |`);
  lines.push(`| boilerplate snippets reported | never | ${result.boilerplateReported.falsePositives + result.boilerplateReported.realCopies} of ${counts.boilerplate} | | |`);
  const runs = result.vendoredResults.reduce((a, v) => a + v.outcome.runs, 0);
  const runsFound = result.vendoredResults.reduce((a, v) => a + v.outcome.runsFound, 0);
  const origins = result.vendoredResults.reduce((a, v) => a + v.outcome.origins, 0);
  const originsFound = result.vendoredResults.reduce((a, v) => a + v.outcome.originsFound, 0);
  lines.push(`| bundled/vendored: every expected origin reported with overlapping query lines | all | ${originsFound} of ${origins} origins (${runsFound} of ${runs} shared runs) | | |`);
  lines.push("");
  for (const form of ["renamed", "names-only", "near-miss"] as const) {
    const short = result.shortText.get(form);
    if (!short) continue;
    const n = allCells(form).n;
    const misses = n - allCells(form).repository;
    lines.push(
      `${form}: ${short.missed} of its ${misses} misses are queries the disguise left with fewer than ${SHORT_TEXT_CHARS} non-blank characters ` +
        `(see "Why the defaults miss"); finding every other miss would give ${pct(n - short.missed, n)}.`,
      "",
    );
  }

  lines.push(`## Defaults (${input.defaultName}) by language and form`, "");
  lines.push("| language | form | n | detected | correct repository | correct file and lines | correct license |", "|---|---|---|---|---|---|---|");
  for (const language of ALL_LANGUAGES) {
    for (const form of FORMS) {
      const t = result.byCell.get(`${language}/${form}`)!;
      lines.push(`| ${language} | ${form} | ${t.n} | ${pct(t.detected, t.n)} | ${pct(t.repository, t.n)} | ${pct(t.fileAndLines, t.n)} | ${pct(t.license, t.repository)} of correct repo |`);
    }
  }
  lines.push("");
  lines.push(
    "## Verbatim copies: raw-text selection against the selection this benchmark made before",
    "",
    "The same index and defaults; verbatim regions chosen by raw text (above), and as before by reftrack's own normalizer " +
      "(at least 300 normalized characters of code, so windows that are mostly docstring or comments were never queries).",
    "",
    "| language | raw-text selection: n | correct repository | normalized selection: n | correct repository |",
    "|---|---|---|---|---|",
  );
  for (const language of LANGUAGES) {
    const raw = result.byCell.get(`${language}/verbatim`)!;
    const normalized = result.byNormalizedSelection.get(language)!;
    lines.push(`| ${language} | ${raw.n} | ${pct(raw.repository, raw.n)} | ${normalized.n} | ${pct(normalized.repository, normalized.n)} |`);
  }
  lines.push(
    "",
    "## Region negatives",
    "",
    `False positives: ${result.negativesReported.falsePositives} of ${counts.negatives} negatives (${pct(result.negativesReported.falsePositives, counts.negatives)}); ` +
      `${result.hardNegativesReported.falsePositives} of ${counts.hardNegatives} hard negatives (${pct(result.hardNegativesReported.falsePositives, counts.hardNegatives)}); ` +
      `boilerplate snippets reported: ${result.boilerplateReported.falsePositives + result.boilerplateReported.realCopies} of ${counts.boilerplate} ` +
      `(${counts.helpers} of them compiler helper blocks). Held-out snippets reported that are real copies (not counted as false positives): ` +
      `${result.negativesReported.realCopies + result.hardNegativesReported.realCopies}. Real copies the raw-text judge cannot see, checked by hand:`,
    "",
    ...ADJUDICATED_COPIES.map((a) => `- ${a.pair}: ${a.evidence}`),
    "",
  );
  lines.push(
    "## Whole held-out files, scanned whole",
    "",
    "| files | n | MB | references | real copies | false references | files with a false reference | false per file | false per MB |",
    "|---|---|---|---|---|---|---|---|---|",
  );
  for (const g of result.wholeGroups) {
    const mb = g.bytes / 1e6;
    lines.push(
      `| ${g.group} | ${g.files} | ${mb.toFixed(2)} | ${g.outcome.references} | ${g.outcome.realCopies} | ${g.outcome.falseReferences} | ${g.filesWithFalse} | ` +
        `${(g.outcome.falseReferences / Math.max(1, g.files)).toFixed(3)} | ${(g.outcome.falseReferences / Math.max(1e-9, mb)).toFixed(2)} |`,
    );
  }
  lines.push(
    "",
    "## Bundled, vendored and forked code, scanned whole",
    "",
    `Each file's expected origins are the indexed files it shares runs of at least ${EXPECTED_MIN_LINES} identical lines and ${EXPECTED_MIN_CHARS} ` +
      "characters with (raw text, as above). A run is found when a reference names that source, overlaps the run's lines, and reports a " +
      "region sharing real text with it; an origin file is found when one of its runs is. A false reference shares no real text with any origin it names.",
    "",
    "| file | kind | lines | KB | expected runs | found | expected origin files | found | false references | scan | not found |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
  );
  for (const v of result.vendoredResults) {
    const text = v.file.text;
    lines.push(
      `| ${v.file.spec.name} | ${v.file.spec.kind} | ${text.split("\n").length} | ${(Buffer.byteLength(text) / 1024).toFixed(0)} | ${v.outcome.runs} | ${v.outcome.runsFound} | ` +
        `${v.outcome.origins} | ${v.outcome.originsFound} | ${v.outcome.falseReferences} | ${v.ms.toFixed(0)} ms | ${v.outcome.missing.slice(0, 4).join(", ")}${v.outcome.missing.length > 4 ? ", …" : ""} |`,
    );
  }
  lines.push(
    "",
    "## The miss screen",
    "",
    "Queries the miss screen (src/match/screen.ts) answers before any posting list is read. With queries read by the lexer (the " +
      "default) it is exact. With queries parsed (`queryReading: \"parsed\"`) it reads them otherwise than matching does, so the last " +
      "column compares parsed queries with the screen and without it: a difference would be a copy the screen turned away.",
    "",
    "| queries | n | answered by the screen | parsed queries: references differ with the screen |",
    "|---|---|---|---|",
    ...input.screenAudit.map((a) => `| ${a.group} | ${a.n} | ${pct(a.screened, a.n)} | ${a.changed} |`),
    "",
    "## Why the defaults miss (all three languages)",
    "",
    "Each missed query is attributed to the first single relaxation of the defaults under which it finds its repository.",
    "",
  );
  const reasonNames = [...RELAXATIONS.map(([name]) => name), "together", "no shared evidence"];
  lines.push(`| reason | ${FORMS.join(" | ")} |`, `|---|${FORMS.map(() => "---|").join("")}`);
  for (const reason of reasonNames) lines.push(`| ${reason} | ${FORMS.map((form) => result.missReasons.get(form)!.get(reason) ?? 0).join(" | ")} |`);
  lines.push(
    "",
    `Queries whose text has fewer than ${SHORT_TEXT_CHARS} non-blank characters outside import lines (the ~${SHORT_TEXT_CHARS}-character rule public code-referencing ` +
      "filters use, counted on the raw text as the selection counts): the renamed and near-miss disguises drop comment lines and replace string contents, " +
      "which can leave little of a documentation-heavy region. They stay in every figure above.",
    "",
    `| | ${FORMS.join(" | ")} |`,
    `|---|${FORMS.map(() => "---|").join("")}`,
    `| queries under ${SHORT_TEXT_CHARS} non-blank characters | ${FORMS.map((form) => result.shortText.get(form)!.queries).join(" | ")} |`,
    `| of them missed | ${FORMS.map((form) => result.shortText.get(form)!.missed).join(" | ")} |`,
    `| all misses | ${FORMS.map((form) => [...result.missReasons.get(form)!.values()].reduce((a, b) => a + b, 0)).join(" | ")} |`,
  );
  lines.push(
    "",
    "## Fragments as their file sees them",
    "",
    "What no matching of code tokens can recover: a query, read alone, against the tokens its lines have in the whole file. Identical " +
      "token streams, and streams whose longest common subsequence is at least 90% of the longer; parsed by tree-sitter, read by the " +
      "lexer as matching reads it, and in the lexer's plain reading alone.",
    "",
    "| language | form | n | parsed: identical | parsed: within 10% | lexed: identical | lexed: within 10% | lexed, plain reading: identical | within 10% |",
    "|---|---|---|---|---|---|---|---|---|",
  );
  for (const [key, { parsed, lexed, lexedPlain }] of input.fidelity) {
    const [language, form] = key.split("/");
    lines.push(
      `| ${language} | ${form} | ${parsed.n} | ${pct(parsed.identical, parsed.n)} | ${pct(parsed.within10, parsed.n)} | ` +
        `${lexed ? pct(lexed.identical, lexed.n) : "–"} | ${lexed ? pct(lexed.within10, lexed.n) : "–"} | ` +
        `${pct(lexedPlain.identical, lexedPlain.n)} | ${pct(lexedPlain.within10, lexedPlain.n)} |`,
    );
  }
  lines.push("", "## By snippet size (all three languages)", "");
  lines.push("| lines | form | n | correct repository | correct file and lines |", "|---|---|---|---|---|");
  for (const n of input.sizes) {
    for (const form of ["verbatim", "renamed"]) {
      const t = result.bySize.get(`${n}/${form}`)!;
      lines.push(`| ${n} | ${form} | ${t.n} | ${pct(t.repository, t.n)} | ${pct(t.fileAndLines, t.n)} |`);
    }
  }
  if (SWEEP) {
    lines.push("", "## Parameter sweep (correct repository, all languages)", "");
    lines.push(
      `| parameters | ${FORMS.join(" | ")} | false positives | hard negatives | boilerplate reported | index |`,
      `|---|${FORMS.map(() => "---|").join("")}---|---|---|---|`,
      ...input.sweepRows,
    );
  }
  // The record of what each change did, kept by hand beside the generator: every run carries it.
  lines.push("", readFileSync(join(PROJECT_ROOT, "bench", "quality", "history.md"), "utf8").trimEnd());
  const target = QUICK ? join(CACHE, "QUALITY.quick.md") : SWEEP ? join(PROJECT_ROOT, "bench", "QUALITY.md") : join(CACHE, "QUALITY.defaults.md");
  writeFileSync(target, `${lines.join("\n")}\n`);
  log(`wrote ${target}`);
}
