/**
 * `npm run bench:quality`: detection and false-positive rates on real code, per language and
 * form; whole held-out files scanned whole; real published files that bundle, vendor or fork
 * indexed code; a sweep of the matching parameters; bench/QUALITY.md.
 *
 * Queries are chosen from raw text, as a person would copy it (regions with enough non-blank,
 * non-import characters, comments and docstrings counted), never by reftrack's own normalizer.
 * `--quick` runs fewer queries and no sweep; `--defaults` the full set without the sweep;
 * `--explain` logs every miss and every false reference; `--dump-references FILE` writes every
 * query's result under the defaults and stops.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadManifest, type ResolvedSource } from "../../src/corpus/manifest.js";
import { looksMinified } from "../../src/files/source-file.js";
import { Fingerprinter } from "../../src/fingerprint/fingerprint.js";
import { loadTokenHasher } from "../../src/hashing.js";
import { buildIndex } from "../../src/indexing/build.js";
import type { LanguageName } from "../../src/languages/language.js";
import { languageByName, languageForPath } from "../../src/languages/registry.js";
import { MissScreen } from "../../src/match/screen.js";
import { Normalizer } from "../../src/normalize/normalizer.js";
import { DEFAULT_FINGERPRINT_PARAMETERS, DEFAULT_MATCH_OPTIONS, type FingerprintParameters, type MatchOptions } from "../../src/options.js";
import type { Reference } from "../../src/output/reference.js";
import { IndexReader } from "../../src/store/reader.js";
import { PidLock } from "../../src/util/pid-lock.js";
import { ReftrackError, describeError } from "../../src/errors.js";
import { ReferenceTracker } from "../../src/tracker.js";
import { type Fidelity, Rng, type Snippet, fragmentFidelity, hasCode, nonImportChars, rawTextChars, sampleWindows } from "../snippets.js";
import { boilerplateSnippets, helperSnippets } from "./boilerplate.js";
import {
  EXPLAIN,
  isRealCopy,
  IndexedText,
  type Query,
  type Tally,
  countReported,
  judge,
  log,
  pct,
  recordFeatures,
  tally,
  writeFeatures,
} from "./evaluate.js";
import { linesWithin } from "./text-runs.js";
import { FORMS, type Form, LATER_FORM_SEEDS, applyForm, rename } from "./forms.js";
import { fetchPackage, filesOf, wheelRoot } from "./packages.js";
import { judgeVendored, loadVendored } from "./vendored.js";
import { type WholeFile, judgeWholeFile, sampleWholeFiles, wholeFileLines, wholeFileText } from "./whole-files.js";
import { MORE_NPM } from "./held-out-npm.js";
import { MORE_PYTHON } from "./held-out-wheels.js";
import { TSX_HELD_OUT, TSX_INDEXED, TSX_SEED, tsxFilesOf } from "./tsx.js";
import { BUNDLED_CPYTHON, DEBIAN_JAVASCRIPT, DEBIAN_PYTHON, GCLOUD_SAMPLE, GCLOUD_SDK, NPM_BUNDLED, POPULAR_PYTHON, RUST_DOCS, RUST_DOCS_SAMPLE, SITE_PACKAGES, SITE_PACKAGE_NAMES, everyFileOf } from "./whole-file-sets.js";
import { type ScreenAudit, type ShortText, type VendoredResult, type WholeGroupResult, writeReport } from "./report.js";
import {
  ALL_LANGUAGES,
  ALL_RELAXED,
  CACHE,
  DUMP,
  LANGUAGES,
  NEGATIVES,
  PER_CELL,
  PER_SIZE,
  PROJECT_ROOT,
  QUICK,
  RAW_MIN_CHARS,
  RELAXATIONS,
  SHORT_TEXT_CHARS,
  SWEEP,
  WHOLE_FILES_PER_GROUP,
} from "./settings.js";


interface IndexedSource {
  readonly name: string;
  readonly root: string;
  readonly license: string;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

function variableWindows(files: readonly string[], count: number, rng: Rng, minLines: number, maxLines: number): Snippet[] {
  const out: Snippet[] = [];
  for (let i = 0; i < count * 3 && out.length < count; i++) {
    const lines = minLines + rng.int(maxLines - minLines + 1);
    out.push(...redrawNotices(sampleWindows(files, 1, lines, rng, RAW_MIN_CHARS, () => true, nonImportChars), files, RAW_MIN_CHARS));
  }
  return out;
}

/**
 * Left out of the windows' measure later than they were first drawn, license notices could have
 * changed every draw after the first window holding one. So windows are drawn as before
 * (nonImportChars), and those short of `minChars` once notices are left out (rawTextChars: a
 * license header and its file's imports, say) are redrawn from a sequence of their own.
 */
const noticeRedraws = new Rng(20261207);

function redrawNotices(windows: readonly Snippet[], files: readonly string[], minChars: number): Snippet[] {
  return windows.map((window) => {
    if (rawTextChars(window.code.split("\n"), window.language) >= minChars) return window;
    return sampleWindows(files, 1, window.endLine - window.startLine + 1, noticeRedraws, minChars, () => true, rawTextChars)[0] ?? window;
  });
}

function toQuery(snippet: Snippet, sources: readonly IndexedSource[]): Query {
  const source = sources.find((s) => snippet.file.startsWith(`${s.root}/`))!;
  return { snippet, source: source.name, path: snippet.file.slice(source.root.length + 1), license: source.license };
}

function isShortText(snippet: Snippet): boolean {
  return rawTextChars(snippet.code.split("\n"), snippet.language) < SHORT_TEXT_CHARS;
}

function attributeMisses(tracker: ReferenceTracker, queries: readonly Query[], cell: string, reasons: Map<string, number>, short: ShortText): void {
  for (const query of queries) {
    const found = (options: Partial<MatchOptions>) =>
      judge(query, tracker.match(query.snippet.code, { language: query.snippet.language, ...options }).references).repository;
    const shortText = isShortText(query.snippet);
    if (shortText) short.queries++;
    if (found({})) continue;
    if (shortText) short.missed++;
    let reason = "no shared evidence";
    if (found(ALL_RELAXED)) reason = RELAXATIONS.find(([, o]) => found(o))?.[0] ?? "together";
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    if (EXPLAIN) log(`miss ${cell} (${reason}): ${query.path}:${query.snippet.startLine}-${query.snippet.endLine}\n${query.snippet.code}\n[quality] end of miss`);
  }
}

interface Configuration {
  readonly fingerprinting: FingerprintParameters;
  readonly options: Partial<MatchOptions>;
  /** How queries are read (OpenOptions.queryReading); the default (lexed) unless said. */
  readonly queryReading?: "parsed" | "lexed";
}

/** What the miss screen answers unparsed, and whether any answer differs from parsing's. */
async function auditScreen(db: string, groups: readonly [string, readonly Snippet[]][]): Promise<ScreenAudit[]> {
  const reader = IndexReader.open(db);
  const screen = new MissScreen(reader, new Normalizer(await loadTokenHasher()), new Fingerprinter(reader.parameters));
  // Read by the lexer (the default) the screen is exact by construction: it asks what matching
  // would. Its guarantee worth measuring is against the parsed reading.
  const screened = await ReferenceTracker.open(db, { queryReading: "parsed" });
  const unscreened = await ReferenceTracker.openWith(db, { screen: false, queryReading: "parsed" });
  try {
    return groups.map(([group, snippets]) => {
      const audit: ScreenAudit = { group, n: snippets.length, screened: 0, changed: 0 };
      for (const s of snippets) {
        if (!screen.mayMatch(s.code, languageByName(s.language), DEFAULT_MATCH_OPTIONS)) audit.screened++;
        const a = screened.match(s.code, { language: s.language });
        const b = unscreened.match(s.code, { language: s.language });
        if (JSON.stringify(a) !== JSON.stringify(b)) {
          audit.changed++;
          if (EXPLAIN) log(`screen changed ${group}: ${s.file}:${s.startLine}-${s.endLine}`);
        }
      }
      return audit;
    });
  } finally {
    screened.close();
    unscreened.close();
    reader.close();
  }
}

function configName(c: Configuration): string {
  const o = { ...DEFAULT_MATCH_OPTIONS, ...c.options };
  return (
    `k=${c.fingerprinting.kgramTokens} w=${c.fingerprinting.windowKgrams} minChars=${o.minMatchedChars} maxFiles=${o.maxFileFrequency} ` +
    `names=${o.minNameConsistency}/${o.minNameRepeats} seeds=${o.minSeeds} maxSources=${o.maxSourceFrequency}` +
    (c.queryReading === "parsed" ? " queries=parsed" : "")
  );
}

async function main(): Promise<void> {
  mkdirSync(CACHE, { recursive: true });
  // Every run deletes and rebuilds the indexes it reads: a second run at once would pull them from
  // under the first (one crashed with SQLITE_CORRUPT). The lock file is left by a crash; then it
  // names a process that is gone and is taken over.
  const lock = PidLock.acquire(join(CACHE, "run.lock"), {
    busy: (holder) => `bench:quality: another run (pid ${holder}) is using ${CACHE}; wait for it to finish`,
    failed: (error) => `bench:quality: cannot lock ${CACHE}: ${describeError(error)}`,
  });
  process.on("exit", () => lock.release());
  const started = Date.now();
  const fetch = (spec: string) => fetchPackage(spec, CACHE, log);
  const tsxPackages = TSX_INDEXED.map(fetch);
  const indexedPackages = [...["rxjs@7.8.1", "lodash-es@4.17.21"].map(fetch), ...tsxPackages];
  const tsxPackageNames = new Set(tsxPackages.map((p) => p.name));
  const heldOutPackages = ["effect@3.10.0", "underscore@1.13.7", "dayjs@1.11.13", "throttle-debounce@5.0.2", "date-fns@4.1.0"].map(fetch);

  const defaults = loadManifest(join(PROJECT_ROOT, "corpus", "default.json"));
  const resolved: ResolvedSource[] = [
    ...defaults.sources,
    ...indexedPackages.map((p) => ({
      name: p.name,
      root: p.root,
      repository: p.repository,
      revision: p.version,
      repositoryDirectory: "",
      urlTemplate: `https://unpkg.com/${p.name}@${p.version}/{path}`,
      license: p.license,
      licenseProvenance: "declared" as const,
      licenseEvidence: "package.json license",
      identity: null,
      include: [],
      exclude: ["dist/**", "**/*.d.ts"],
      minified: false,
    })),
  ];
  const sources: IndexedSource[] = resolved.map((s) => ({ name: s.name, root: s.root, license: s.license, include: s.include, exclude: s.exclude }));
  const roots = new Map(sources.map((s) => [s.name, s.root]));
  const indexedText = new IndexedText(roots, (path) => languageForPath(path)?.name);
  const manifestPath = join(CACHE, "manifest.json");
  writeFileSync(
    manifestPath,
    JSON.stringify({
      sources: resolved.map((s) => ({
        kind: "dir",
        name: s.name,
        path: s.root,
        repository: s.repository ?? undefined,
        revision: s.revision ?? undefined,
        repositoryDirectory: s.repositoryDirectory,
        url: s.urlTemplate ?? undefined,
        license: s.license,
        include: s.include,
        exclude: s.exclude,
      })),
    }),
  );
  const python = defaults.sources.find((s) => s.name === "cpython-stdlib");
  if (!python) throw new Error("the quality benchmark needs python3 for its Python corpus");

  // Positives: regions of 8–40 lines of indexed files, chosen by their raw text, in every form.
  // The first three languages' from the sources indexed before TSX was added, TSX's from the TSX packages.
  const rng = new Rng(20261202);
  const earlierSources = sources.filter((s) => !tsxPackageNames.has(s.name));
  const positiveFiles: Record<LanguageName, string[]> = {
    typescript: earlierSources.flatMap((s) => filesOf(s, "typescript")),
    tsx: sources.filter((s) => tsxPackageNames.has(s.name)).flatMap((s) => tsxFilesOf(s.root)),
    javascript: earlierSources.flatMap((s) => filesOf(s, "javascript")),
    python: earlierSources.flatMap((s) => filesOf(s, "python")),
  };
  const regions = new Map<LanguageName, Snippet[]>();
  for (const language of LANGUAGES) regions.set(language, variableWindows(positiveFiles[language], PER_CELL, rng, 8, 40));
  const tsxRng = new Rng(TSX_SEED);
  regions.set("tsx", variableWindows(positiveFiles.tsx, PER_CELL, tsxRng, 8, 40));
  const cells = new Map<string, Query[]>();
  for (const [languageIndex, language] of ALL_LANGUAGES.entries()) {
    // TSX's forms draw from its own sequence too.
    const formSeeds = language === "tsx" ? tsxRng : rng;
    for (const form of FORMS) {
      const laterSeed = LATER_FORM_SEEDS[form];
      const formRng = new Rng(laterSeed === undefined || language === "tsx" ? formSeeds.int(2 ** 31) : laterSeed + languageIndex);
      cells.set(`${language}/${form}`, regions.get(language)!.map((s) => toQuery(applyForm(form, s, formRng), sources)));
    }
  }
  // The selection this benchmark made before, for comparison only: regions whose code, as
  // reftrack's normalizer measures it, is twice the reporting threshold (docstring windows excluded).
  const normalizedRng = new Rng(20261123);
  const substantial = hasCode(new Normalizer(await loadTokenHasher()), 2 * DEFAULT_MATCH_OPTIONS.minMatchedChars);
  const normalizedSelection = new Map<LanguageName, Query[]>();
  for (const language of LANGUAGES) {
    const picked: Snippet[] = [];
    for (let i = 0; i < PER_CELL * 3 && picked.length < PER_CELL; i++) {
      picked.push(...sampleWindows(positiveFiles[language], 1, 8 + normalizedRng.int(33), normalizedRng, 300, substantial));
    }
    normalizedSelection.set(language, picked.map((s) => toQuery(s, sources)));
  }
  // How faithfully a fragment, read alone, reproduces its lines' tokens in the whole file.
  const fidelityNormalizer = new Normalizer(await loadTokenHasher());
  const fidelity = new Map<string, { parsed: Fidelity; lexed?: Fidelity; lexedPlain: Fidelity }>();
  for (const language of ALL_LANGUAGES) {
    for (const form of ["verbatim", "reformatted"] as const) {
      const snippets = cells.get(`${language}/${form}`)!.map((q) => q.snippet);
      fidelity.set(`${language}/${form}`, {
        parsed: fragmentFidelity(fidelityNormalizer, snippets),
        lexedPlain: fragmentFidelity(fidelityNormalizer, snippets, (snippet) => fidelityNormalizer.lex(snippet.code, languageByName(language))),
      });
    }
  }
  const addLexedFidelity = async (db: string): Promise<void> => {
    const reader = IndexReader.open(db);
    const screen = new MissScreen(reader, fidelityNormalizer, new Fingerprinter(reader.parameters));
    try {
      for (const [key, entry] of fidelity) {
        const [language, form] = key.split("/") as [LanguageName, Form];
        const snippets = cells.get(`${language}/${form}`)!.map((q) => q.snippet);
        entry.lexed = fragmentFidelity(fidelityNormalizer, snippets, (s) => screen.lexedQuery(s.code, languageByName(s.language), DEFAULT_MATCH_OPTIONS).tokens);
      }
    } finally {
      reader.close();
    }
  };
  // Snippet sizes: verbatim and renamed regions of exactly n lines, as drawn.
  const sizes = [5, 10, 20, 40];
  const sized = new Map<string, Query[]>();
  for (const n of sizes) {
    const windows = LANGUAGES.flatMap((language) => {
      const minChars = Math.min(RAW_MIN_CHARS, n * 25);
      return redrawNotices(sampleWindows(positiveFiles[language], PER_SIZE, n, rng, minChars, () => true, nonImportChars), positiveFiles[language], minChars);
    });
    sized.set(`${n}/verbatim`, windows.map((s) => toQuery(s, sources)));
    const sizeRng = new Rng(n);
    sized.set(`${n}/renamed`, windows.map((s) => toQuery(rename(s, sizeRng), sources)));
  }
  // Negatives: real code that is not in the index, chosen as positives are.
  const negativeFiles: Record<string, string[]> = {
    typescript: filesOf({ root: heldOutPackages[0]!.root, include: ["src/**"] }, "typescript"),
    javascript: heldOutPackages.slice(1).flatMap((p) => filesOf({ root: p.root, exclude: ["**/*.min.js", "**/locale/**", "**/locale.js"] }, "javascript")),
    python: [...filesOf({ root: python.root, include: ["test/**"] }, "python"), ...filesOf({ root: python.root, include: ["site-packages/pip/_internal/**"] }, "python")],
  };
  const negatives = LANGUAGES.flatMap((language) => variableWindows(negativeFiles[language]!, NEGATIVES / 3, rng, 8, 40));
  // TSX's negatives: other component libraries' TSX, as many as each other language's.
  const heldOutTsx = TSX_HELD_OUT.map(fetch).flatMap((p) => tsxFilesOf(p.root));
  negatives.push(...variableWindows(heldOutTsx, NEGATIVES / 3, tsxRng, 8, 40));
  // Hard negatives: other implementations of functionality the index holds (debounce, throttle, parse, format).
  const hardNegativeFiles = heldOutPackages.slice(1).flatMap((p) => filesOf({ root: p.root }, "javascript").filter((f) => /debounce|throttle|parse|format/i.test(f)));
  const hardNegatives = redrawNotices(sampleWindows(hardNegativeFiles, QUICK ? 40 : 200, 20, rng, 200, () => true, nonImportChars), hardNegativeFiles, 200);
  // Boilerplate: from indexed files, and compiler helper prologues from real published bundles and builds.
  const vendored = loadVendored(CACHE, new Map(sources.map((s) => [s.name, s])), log);
  // Compiler helpers are a build's: the vendored set's JavaScript files (its TypeScript forks are sources).
  const helperFiles = [
    ...vendored.filter((v) => v.spec.language === "javascript").map((v) => v.file),
    ...filesOf({ root: join(PROJECT_ROOT, "node_modules") }, "javascript").filter((f) => /\/(dist|lib|cjs|build)\//.test(f)),
  ];
  const helperRng = new Rng(7);
  const helpers = helperFiles
    .sort(() => helperRng.next() - 0.5)
    .flatMap((f) => helperSnippets(f))
    .slice(0, QUICK ? 20 : 100);
  const boilerplate = [...boilerplateSnippets(LANGUAGES.flatMap((l) => positiveFiles[l]), rng, QUICK ? 60 : 300), ...helpers];
  // Whole held-out files, scanned whole.
  const wholeRng = new Rng(31);
  const rootsOf = (wheels: readonly string[]): string[] => wheels.map((wheel) => wheelRoot(wheel, CACHE)).filter((root): root is string => root !== undefined);
  const popularRoots = rootsOf(POPULAR_PYTHON);
  // Minified files are skipped by `scan` unless asked (--minified): not scanned here either.
  const morePackages = MORE_NPM.map(fetch);
  const wholeFiles: WholeFile[] = [
    ...sampleWholeFiles("effect (TypeScript)", negativeFiles.typescript!, "typescript", WHOLE_FILES_PER_GROUP, wholeRng),
    ...sampleWholeFiles("underscore, dayjs, throttle-debounce, date-fns (JavaScript)", negativeFiles.javascript!, "javascript", WHOLE_FILES_PER_GROUP, wholeRng),
    ...sampleWholeFiles("CPython's test suite (Python)", filesOf({ root: python.root, include: ["test/**"] }, "python"), "python", WHOLE_FILES_PER_GROUP, wholeRng),
    ...sampleWholeFiles("pip (Python)", filesOf({ root: python.root, include: ["site-packages/pip/_internal/**"] }, "python"), "python", WHOLE_FILES_PER_GROUP, wholeRng),
    ...sampleWholeFiles(
      `popular Python packages (${POPULAR_PYTHON.map((w) => w.split("-")[0]).join(", ")}), every file`,
      popularRoots.flatMap((root) => filesOf({ root }, "python")),
      "python",
      QUICK ? 40 : 100_000,
      wholeRng,
    ),
    ...(["javascript", "typescript"] as const).flatMap((language) =>
      sampleWholeFiles(
        `${MORE_NPM.length} npm packages not indexed (${MORE_NPM.map((spec) => spec.replace(/@[^@]*$/, "")).join(", ")}), every ${language} file scan reads`,
        morePackages.flatMap((p) => filesOf({ root: p.root }, language, true)),
        language,
        QUICK ? 40 : 100_000,
        wholeRng,
        undefined,
        (text) => !looksMinified(text),
      ),
    ),
    ...sampleWholeFiles(
      `${MORE_PYTHON.length} more packages of the mirror (${MORE_PYTHON.map((w) => w.split("-")[0]).join(", ")}), every file`,
      rootsOf(MORE_PYTHON).flatMap((root) => filesOf({ root }, "python")),
      "python",
      QUICK ? 40 : 100_000,
      wholeRng,
    ),
    ...sampleWholeFiles(
      `the Google Cloud SDK's Python (${GCLOUD_SAMPLE} files drawn at random from its own code, its surfaces and its vendored libraries, the CPython it bundles left out)`,
      existsSync(GCLOUD_SDK) ? filesOf({ root: GCLOUD_SDK }, "python").filter((file) => !BUNDLED_CPYTHON.test(file)) : [],
      "python",
      QUICK ? 40 : GCLOUD_SAMPLE,
      new Rng(58),
    ),
    ...sampleWholeFiles(
      `the Rust toolchain's documentation JavaScript (${RUST_DOCS_SAMPLE} files drawn at random: rustdoc's generated search index, implementor and source lists, mdBook's scripts)`,
      existsSync(RUST_DOCS) ? filesOf({ root: RUST_DOCS }, "javascript") : [],
      "javascript",
      QUICK ? 40 : RUST_DOCS_SAMPLE,
      new Rng(59),
      undefined,
      (text) => !looksMinified(text),
    ),
    ...everyFileOf(
      "Debian 12's system Python packages (apt, cryptography, dbus, PyGObject, pip 23, setuptools 66, wheel 0.38, pygments, oauthlib, pyparsing, yaml, …), every file",
      [DEBIAN_PYTHON],
      "python",
    ),
    ...everyFileOf(
      `${SITE_PACKAGE_NAMES.length} packages of the machine's Python 3.11 site-packages (${SITE_PACKAGE_NAMES.join(", ")}), every file`,
      SITE_PACKAGE_NAMES.map((name) => join(SITE_PACKAGES, name)),
      "python",
    ),
    ...everyFileOf(
      "the dependencies the machine's npm 11 bundles (undici, minimatch, semver, tar, cacache, pacote, … 118 packages), every JavaScript file scan reads",
      [NPM_BUNDLED],
      "javascript",
    ),
    ...everyFileOf("Debian 12's system JavaScript (jQuery, underscore, Sphinx's scripts), every file scan reads", [DEBIAN_JAVASCRIPT], "javascript"),
    ...sampleWholeFiles(
      `${TSX_HELD_OUT.length} npm packages of TSX components not indexed (${TSX_HELD_OUT.map((spec) => spec.replace(/@[^@]*$/, "")).join(", ")}), every .tsx file`,
      heldOutTsx,
      "tsx",
      QUICK ? 40 : 100_000,
      new Rng(61),
    ),
  ];
  log(
    `queries: ${[...cells.values()].reduce((a, q) => a + q.length, 0)} positives, ${negatives.length} negatives, ${hardNegatives.length} hard negatives, ` +
      `${boilerplate.length} boilerplate (${helpers.length} compiler helper blocks), ${wholeFiles.length} whole files, ${vendored.length} vendored files ` +
      `(${vendored.reduce((a, v) => a + v.expected.length, 0)} expected runs)`,
  );

  const evaluate = async (config: Configuration, db: string, full: boolean) => {
    const tracker = await ReferenceTracker.open(db, { queryReading: config.queryReading });
    try {
      const missReasons = new Map<Form, Map<string, number>>();
      const shortText = new Map<Form, ShortText>();
      if (full) {
        for (const form of FORMS) {
          const reasons = new Map<string, number>();
          const short = { queries: 0, missed: 0 };
          for (const language of ALL_LANGUAGES) attributeMisses(tracker, cells.get(`${language}/${form}`)!, `${language}/${form}`, reasons, short);
          missReasons.set(form, reasons);
          shortText.set(form, short);
        }
      }
      const byCell = new Map<string, Tally>();
      for (const [key, queries] of cells) byCell.set(key, tally(tracker, queries, config.options, key));
      const bySize = new Map<string, Tally>();
      const byNormalizedSelection = new Map<LanguageName, Tally>();
      const wholeGroups: WholeGroupResult[] = [];
      const vendoredResults: VendoredResult[] = [];
      if (full) {
        for (const [key, queries] of sized) bySize.set(key, tally(tracker, queries, config.options, key));
        for (const [language, queries] of normalizedSelection) byNormalizedSelection.set(language, tally(tracker, queries, config.options));
        for (const group of [...new Set(wholeFiles.map((f) => f.group))]) {
          let references = 0;
          let realCopies = 0;
          let falseReferences = 0;
          let filesWithFalse = 0;
          const files = wholeFiles.filter((f) => f.group === group);
          for (const file of files) {
            const text = wholeFileText(file);
            const result = tracker.match(text, { language: file.language, ...config.options, whole: true });
            const lines = result.references.length > 0 ? wholeFileLines(file, text) : [];
            const outcome = judgeWholeFile(file, lines, result.references, indexedText.sharesText);
            const real = (r: Reference): boolean => isRealCopy(file.file, lines, r, indexedText.sharesText);
            recordFeatures(`whole ${group}`, file.file, text.split("\n").length, text.length, result.references, real);
            references += outcome.references;
            realCopies += outcome.realCopies;
            falseReferences += outcome.falseReferences;
            if (outcome.falseReferences > 0) {
              filesWithFalse++;
              if (EXPLAIN) {
                for (const r of result.references) {
                  log(`whole file${real(r) ? " (real copy)" : ""} ${file.file}:${r.queryLines.join("-")} → ${r.source}:${r.path}:${r.sourceLines.join("-")} ${JSON.stringify(r.explanation)}`);
                }
              }
            }
          }
          wholeGroups.push({ group, files: files.length, bytes: files.reduce((a, f) => a + f.bytes, 0), outcome: { references, realCopies, falseReferences }, filesWithFalse });
        }
        for (const file of vendored) {
          const start = performance.now();
          const result = tracker.match(file.text, { language: file.spec.language, ...config.options, whole: true });
          const ms = performance.now() - start;
          const outcome = judgeVendored(file, result.references, indexedText.sharesText);
          recordFeatures(`vendored ${file.spec.name}`, file.file, file.text.split("\n").length, file.text.length, result.references, (r) =>
            r.origins.some((o) => indexedText.sharesText(linesWithin(file.lines, r.queryLines), o.source, o.path, r.sourceLines)),
          );
          vendoredResults.push({ file, outcome, ms });
          if (EXPLAIN && (outcome.missing.length > 0 || outcome.falseReferences > 0)) log(`vendored ${file.spec.name}: missing ${outcome.missing.join(", ")}; false ${outcome.falseReferences}`);
        }
      }
      return {
        missReasons,
        shortText,
        byCell,
        bySize,
        byNormalizedSelection,
        wholeGroups,
        vendoredResults,
        negativesReported: countReported(tracker, negatives, config.options, indexedText),
        hardNegativesReported: countReported(tracker, hardNegatives, config.options, indexedText),
        boilerplateReported: countReported(tracker, boilerplate, config.options, indexedText),
      };
    } finally {
      tracker.close();
    }
  };

  const buildFor = async (fingerprinting: FingerprintParameters): Promise<{ db: string; bytes: number; fingerprints: number; sourceBytes: number }> => {
    const db = join(CACHE, `index-k${fingerprinting.kgramTokens}-w${fingerprinting.windowKgrams}.db`);
    // Fresh every run: a few seconds, and never an index from an older normalizer.
    for (const suffix of ["", "-wal", "-shm"]) rmSync(db + suffix, { force: true });
    const summary = await buildIndex(db, manifestPath, { fingerprinting });
    return { db, bytes: summary.index.bytes, fingerprints: summary.index.fingerprints, sourceBytes: summary.sourceBytes };
  };

  const defaultConfig: Configuration = { fingerprinting: DEFAULT_FINGERPRINT_PARAMETERS, options: {} };
  const screenGroups: [string, Snippet[]][] = [
    ...FORMS.map((form): [string, Snippet[]] => [form, ALL_LANGUAGES.flatMap((l) => cells.get(`${l}/${form}`)!.map((q) => q.snippet))]),
    ["sized (5–40 lines)", [...sized.values()].flatMap((queries) => queries.map((q) => q.snippet))],
    ["negatives", negatives],
    ["hard negatives", hardNegatives],
    ["boilerplate", boilerplate],
  ];
  if (DUMP) {
    const index = await buildFor(defaultConfig.fingerprinting);
    const tracker = await ReferenceTracker.open(index.db);
    const lines: string[] = [];
    try {
      for (const [group, snippets] of screenGroups) {
        for (const s of snippets) lines.push(JSON.stringify({ group, ...tracker.match(s.code, { language: s.language }) }));
      }
      for (const f of wholeFiles) lines.push(JSON.stringify({ group: "whole files", file: f.file, ...tracker.match(wholeFileText(f), { language: f.language, whole: true }) }));
      for (const v of vendored) lines.push(JSON.stringify({ group: "vendored", ...tracker.match(v.text, { language: v.spec.language, whole: true }) }));
    } finally {
      tracker.close();
    }
    writeFileSync(DUMP, `${lines.join("\n")}\n`);
    log(`wrote ${lines.length} results to ${DUMP}`);
    return;
  }
  const sweep: Configuration[] = !SWEEP
    ? [defaultConfig, ...(process.argv.includes("--parsed") ? [{ ...defaultConfig, queryReading: "parsed" as const }] : [])]
    : [
        ...[
          [8, 8],
          [10, 10],
          [12, 12],
          [14, 14],
          [16, 16],
          [12, 20],
          [16, 24],
        ].map(([k, w]) => ({ fingerprinting: { kgramTokens: k!, windowKgrams: w! }, options: {} })),
        ...[100, 120, 200].map((minMatchedChars) => ({ ...defaultConfig, options: { minMatchedChars } })),
        ...[16, 32, 128].map((maxFileFrequency) => ({ ...defaultConfig, options: { maxFileFrequency } })),
        ...[0, 0.8, 0.9].map((minNameConsistency) => ({ ...defaultConfig, options: { minNameConsistency } })),
        ...[1, 6].map((minNameRepeats) => ({ ...defaultConfig, options: { minNameRepeats } })),
        ...[1, 3].map((minSeeds) => ({ ...defaultConfig, options: { minSeeds } })),
        ...[0, 2].map((maxSourceFrequency) => ({ ...defaultConfig, options: { maxSourceFrequency } })),
        { ...defaultConfig, options: { minSeeds: 1, minMatchedChars: 120 } },
        { ...defaultConfig, options: { maxFileFrequency: 32, minNameConsistency: 0.8 } },
        { ...defaultConfig, queryReading: "parsed" },
      ];
  let screenAudit: ScreenAudit[] = [];
  const sweepRows: string[] = [];
  let defaultResult: Awaited<ReturnType<typeof evaluate>> | undefined;
  let defaultIndex: Awaited<ReturnType<typeof buildFor>> | undefined;
  for (const config of sweep) {
    const index = await buildFor(config.fingerprinting);
    const isDefault = configName(config) === configName(defaultConfig) && !defaultResult;
    const result = await evaluate(config, index.db, isDefault);
    if (isDefault) {
      defaultResult = result;
      defaultIndex = index;
      screenAudit = await auditScreen(index.db, screenGroups);
      await addLexedFidelity(index.db);
    }
    const rate = (form: Form): string => {
      let part = 0;
      let whole = 0;
      for (const language of ALL_LANGUAGES) {
        const t = result.byCell.get(`${language}/${form}`)!;
        part += t.repository;
        whole += t.n;
      }
      return pct(part, whole);
    };
    sweepRows.push(
      `| ${configName(config)} | ${FORMS.map(rate).join(" | ")} | ${pct(result.negativesReported.falsePositives, negatives.length)} | ` +
        `${pct(result.hardNegativesReported.falsePositives, hardNegatives.length)} | ${result.boilerplateReported.falsePositives + result.boilerplateReported.realCopies} | ${(index.bytes / 1e6).toFixed(1)} MB, ${(index.fingerprints / 1e6).toFixed(2)} M fp |`,
    );
    log(sweepRows[sweepRows.length - 1]!);
  }
  writeFeatures();
  writeReport({
    result: defaultResult!,
    index: defaultIndex!,
    screenAudit,
    sweepRows,
    fidelity,
    sizes,
    counts: { negatives: negatives.length, hardNegatives: hardNegatives.length, boilerplate: boilerplate.length, helpers: helpers.length },
    seconds: (Date.now() - started) / 1000,
    defaultName: configName(defaultConfig),
  });
}

try {
  await main();
} catch (error) {
  if (!(error instanceof ReftrackError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 2;
}
