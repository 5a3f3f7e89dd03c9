/**
 * `npm run bench:quality`: detection and false-positive rates on real code, per language and
 * form, a sweep of the matching parameters, and bench/QUALITY.md.
 *
 * Indexed: the default corpus (reftrack's npm dependencies and the Python standard library) plus
 * rxjs (TypeScript source) and lodash-es, fetched with `npm pack`. Held out, for negatives: effect
 * (TypeScript), underscore, dayjs, throttle-debounce and date-fns (other libraries' debounce,
 * throttle and date code: independent implementations of indexed functionality), CPython's test
 * suite and pip's own code. `--quick` runs fewer queries and no sweep.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PathFilter } from "../../src/files/glob.js";
import { loadManifest, type ResolvedSource } from "../../src/corpus/manifest.js";
import { walkFiles } from "../../src/files/walk.js";
import { buildIndex } from "../../src/indexing/build.js";
import { DEFAULT_FINGERPRINT_PARAMETERS, DEFAULT_MATCH_OPTIONS, type FingerprintParameters, type MatchOptions } from "../../src/options.js";
import { Fingerprinter } from "../../src/fingerprint/fingerprint.js";
import type { LanguageName } from "../../src/languages/language.js";
import { languageForPath } from "../../src/languages/registry.js";
import type { Reference } from "../../src/output/reference.js";
import { ReferenceTracker } from "../../src/tracker.js";
import { loadTokenHasher } from "../../src/hashing.js";
import { IndexReader } from "../../src/store/reader.js";
import { languageByName } from "../../src/languages/registry.js";
import { MissScreen } from "../../src/match/screen.js";
import { Normalizer } from "../../src/normalize/normalizer.js";
import { type Fidelity, Rng, type Snippet, fragmentFidelity, hasCode, loadDisguises, sampleWindows } from "../snippets.js";
import { FORMS, type Form, applyForm, rename } from "./forms.js";

const PROJECT_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const CACHE = join(PROJECT_ROOT, "bench", ".cache", "quality");
const QUICK = process.argv.includes("--quick");
/**
 * `--dump-references FILE`: every query's match() result under the defaults as one JSON line each,
 * then stop (no sweep, no QUALITY.md): two code versions' files compare their results on exactly
 * the benchmark's queries.
 */
const DUMP = process.argv.includes("--dump-references") ? process.argv[process.argv.indexOf("--dump-references") + 1] : undefined;
/** `--defaults`: the full query set against the defaults only, no sweep (written to the cache, not QUALITY.md). */
const SWEEP = !QUICK && !process.argv.includes("--defaults");
const PER_CELL = QUICK ? 40 : 200;
const PER_SIZE = QUICK ? 30 : 150;
const NEGATIVES = QUICK ? 100 : 600;
const LANGUAGES: readonly LanguageName[] = ["typescript", "javascript", "python"];

function log(message: string): void {
  process.stderr.write(`[quality] ${message}\n`);
}

interface Package {
  readonly spec: string;
  readonly root: string;
  readonly name: string;
  readonly version: string;
  readonly license: string;
  readonly repository: string | null;
}

/** Fetches an npm package once into the cache (npm verifies the registry's integrity). */
function fetchPackage(spec: string): Package {
  const target = join(CACHE, "packages", spec.replace("/", "__"));
  if (!existsSync(join(target, "package", "package.json"))) {
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    log(`fetching ${spec}`);
    const tarball = execFileSync("npm", ["pack", spec, "--silent", "--pack-destination", target], { encoding: "utf8" }).trim().split("\n").pop()!;
    execFileSync("tar", ["-xzf", join(target, tarball), "-C", target]);
  }
  const root = join(target, "package");
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    name: string;
    version: string;
    license?: string;
    repository?: string | { url?: string };
  };
  const url = typeof pkg.repository === "string" ? pkg.repository : pkg.repository?.url;
  let repository = url
    ? url.replace(/^git\+/, "").replace(/^git:\/\//, "https://").replace(/\.git$/, "").replace(/^github:/, "https://github.com/")
    : null;
  if (repository && /^[\w.-]+\/[\w.-]+$/.test(repository)) repository = `https://github.com/${repository}`;
  return { spec, root, name: pkg.name, version: pkg.version, license: pkg.license ?? "NOASSERTION", repository };
}

interface IndexedSource {
  readonly name: string;
  readonly root: string;
  readonly license: string;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

interface Query {
  readonly snippet: Snippet;
  /** For positives: the source and path the code came from. */
  readonly source?: string;
  readonly path?: string;
  readonly license?: string;
}

function filesOf(source: { root: string; include?: readonly string[]; exclude?: readonly string[] }, language?: LanguageName): string[] {
  const filter = new PathFilter(source.include ?? [], source.exclude ?? []);
  const files: string[] = [];
  for (const path of walkFiles(source.root)) {
    const detected = languageForPath(path);
    if (!detected || !filter.accepts(path) || path.endsWith(".d.ts")) continue;
    const name = detected.name === "tsx" ? "typescript" : detected.name;
    if (!language || name === language) files.push(join(source.root, path));
  }
  return files;
}

function variableWindows(
  files: readonly string[],
  count: number,
  rng: Rng,
  minLines: number,
  maxLines: number,
  accept: (snippet: Snippet) => boolean,
): Snippet[] {
  const out: Snippet[] = [];
  for (let i = 0; i < count * 3 && out.length < count; i++) {
    const lines = minLines + rng.int(maxLines - minLines + 1);
    out.push(...sampleWindows(files, 1, lines, rng, 200, accept));
  }
  return out;
}

function toQuery(snippet: Snippet, sources: readonly IndexedSource[]): Query {
  const source = sources.find((s) => snippet.file.startsWith(`${s.root}/`))!;
  return { snippet, source: source.name, path: snippet.file.slice(source.root.length + 1), license: source.license };
}

interface Outcome {
  detected: boolean;
  repository: boolean;
  fileAndLines: boolean;
  license: boolean;
}

function judge(query: Query, references: readonly Reference[]): Outcome {
  // An identical copy elsewhere is one content with several origins: the query's is among them.
  const origins = references.flatMap((r) => r.origins.map((o) => ({ ...o, sourceLines: r.sourceLines })));
  const fromSource = origins.filter((o) => o.source === query.source);
  const sameFile = fromSource.filter(
    (o) => o.path === query.path && o.sourceLines[0] <= query.snippet.endLine && o.sourceLines[1] >= query.snippet.startLine,
  );
  return {
    detected: references.length > 0,
    repository: fromSource.length > 0,
    fileAndLines: sameFile.length > 0,
    license: fromSource.length > 0 && fromSource.every((o) => o.license === query.license),
  };
}

interface Tally {
  n: number;
  detected: number;
  repository: number;
  fileAndLines: number;
  license: number;
}

function tally(tracker: ReferenceTracker, queries: readonly Query[], options: Partial<MatchOptions>, cell = ""): Tally {
  const t: Tally = { n: 0, detected: 0, repository: 0, fileAndLines: 0, license: 0 };
  for (const query of queries) {
    const { references } = tracker.match(query.snippet.code, { language: query.snippet.language, ...options });
    const o = judge(query, references);
    if (EXPLAIN && !o.repository) {
      log(`missed ${cell} ${query.path}:${query.snippet.startLine}-${query.snippet.endLine} refs=${references.map((r) => `${r.source}:${r.path}`).join(",")}`);
      log(query.snippet.code.slice(0, 300));
    }
    if (EXPLAIN && o.repository && !o.fileAndLines) {
      log(`wrong file ${cell} ${query.path}:${query.snippet.startLine}-${query.snippet.endLine} refs=${references.slice(0, 3).map((r) => `${r.path}:${r.sourceLines.join("-")} ${JSON.stringify(r.explanation)}`).join(" ; ")}`);
    }
    t.n++;
    if (o.detected) t.detected++;
    if (o.repository) t.repository++;
    if (o.fileAndLines) t.fileAndLines++;
    if (o.license) t.license++;
  }
  return t;
}

const EXPLAIN = process.argv.includes("--explain");

/**
 * The first single relaxation of the defaults under which a missed query finds its repository:
 * which filter cost the detection. "no shared evidence" means not even all of them relaxed at
 * once find it (the fragment normalizes differently from the indexed file, or too little of it is
 * code); "together" means no single relaxation suffices but all of them do.
 */
const RELAXATIONS: ReadonlyArray<readonly [string, Partial<MatchOptions>]> = [
  ["common fingerprints (maxFiles ∞)", { maxFileFrequency: Number.POSITIVE_INFINITY }],
  ["one seed (seeds 1)", { minSeeds: 1 }],
  ["names (names 0/0)", { minNameConsistency: 0, minNameRepeats: 0 }],
  ["repetitive (distinct share 0)", { minDistinctKgramShare: 0 }],
  ["short (minChars 0)", { minMatchedChars: 0 }],
];
const ALL_RELAXED: Partial<MatchOptions> = Object.assign({}, ...RELAXATIONS.map(([, o]) => o));

function attributeMisses(tracker: ReferenceTracker, queries: readonly Query[], cell: string, reasons: Map<string, number>): void {
  for (const query of queries) {
    const found = (options: Partial<MatchOptions>) =>
      judge(query, tracker.match(query.snippet.code, { language: query.snippet.language, ...options }).references).repository;
    if (found({})) continue;
    let reason = "no shared evidence";
    if (found(ALL_RELAXED)) reason = RELAXATIONS.find(([, o]) => found(o))?.[0] ?? "together";
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    if (EXPLAIN) {
      const relaxed = tracker.match(query.snippet.code, { language: query.snippet.language, ...ALL_RELAXED }).references;
      const own = relaxed.find((r) => r.origins.some((o) => o.source === query.source));
      log(`miss ${cell} (${reason}): ${query.path}:${query.snippet.startLine}-${query.snippet.endLine}${own ? ` relaxed: ${JSON.stringify(own.explanation)}` : ""}`);
      if (process.env.EXPLAIN_CODE) log(query.snippet.code);
    }
  }
}

/**
 * Held-out code that was checked by hand and found to be a real copy of indexed code: reporting it
 * is right, so it is counted apart from false positives (and listed in QUALITY.md with the evidence).
 */
const ADJUDICATED_COPIES: ReadonlyArray<{ pair: string; query: RegExp; reference: RegExp; evidence: string }> = [
  {
    pair: "pip `_internal/locations/base.py` → CPython `distutils/util.py`",
    query: /\/site-packages\/pip\/_internal\/locations\/base\.py$/,
    reference: /^distutils\/util\.py$/,
    evidence: "pip's `change_root` says so in its docstring: \"This is borrowed from Python's standard library's distutils module.\"",
  },
  {
    pair: "underscore `modules/isEqual.js` → mobx `src/utils/eq.ts`",
    query: /\/underscore@[^/]+\/package\/modules\/isEqual\.js$/,
    reference: /^src\/utils\/eq\.ts$/,
    evidence:
      "mobx's eq.ts says so above the function: \"Copied from https://github.com/jashkenas/underscore/blob/5c237a7c682fb68fd5378203f0bf22dce1624854/underscore.js#L1186-L1289\".",
  },
  {
    pair: "dayjs `plugin/minMax` → moment `src/lib/moment/min-max.js`",
    query: /\/dayjs@[^/]+\/package\/esm\/plugin\/minMax\/index\.js$/,
    reference: /^src\/lib\/moment\/min-max\.js$/,
    evidence:
      "judged on the code (dayjs says no more than \"alternative to Moment.js with the same modern API\", with moment among its devDependencies): " +
      "dayjs's `sortBy(method, dates)` is moment's `pickBy(fn, moments)` statement for statement " +
      "(`for (… i = 1; i < dates.length …) if (!dates[i].isValid() || dates[i][method](result)) result = dates[i]`), " +
      "and its `max`/`min` are moment's: `var args = [].slice.call(arguments, 0); return sortBy('isAfter', args)`, with `'isBefore'` for `min`.",
  },
  {
    pair: "CPython `test/testcodec.py` → CPython `encodings/cp037.py` and its siblings",
    query: /\/test\/testcodec\.py$/,
    reference: /^encodings\/(cp|mac_|iso8859_|koi8_|hp_|kz1048|palmos|ptcp|tis_)[\w-]*\.py$/,
    evidence:
      "CPython's test codec is written on gencodec.py's template, as every charmap codec in encodings/ is: " +
      "the same `Codec` class whose `encode`/`decode` call `codecs.charmap_encode`/`charmap_decode`, line for line.",
  },
];

interface Reported {
  /** Snippets with a reference that is not a known real copy. */
  falsePositives: number;
  /** Snippets whose every reference is a known real copy. */
  realCopies: number;
}

function countReported(tracker: ReferenceTracker, snippets: readonly Snippet[], options: Partial<MatchOptions>): Reported {
  const reported: Reported = { falsePositives: 0, realCopies: 0 };
  for (const s of snippets) {
    const { references } = tracker.match(s.code, { language: s.language, ...options });
    if (references.length === 0) continue;
    const known = references.every((r) => ADJUDICATED_COPIES.some((a) => a.query.test(s.file) && a.reference.test(r.path)));
    if (known) reported.realCopies++;
    else reported.falsePositives++;
    if (EXPLAIN) {
      const r = references[0]!;
      log(`reported${known ? " (known copy)" : ""} ${s.file}:${s.startLine}-${s.endLine} → ${r.source}:${r.path}:${r.sourceLines.join("-")} ${JSON.stringify(r.explanation)}`);
      log(s.code.split("\n").slice(r.queryLines[0] - 1, r.queryLines[1]).join("\n"));
    }
  }
  return reported;
}

function pct(part: number, whole: number): string {
  return whole === 0 ? "–" : `${((100 * part) / whole).toFixed(1)}%`;
}

/** Real boilerplate from the indexed files: import blocks, `__main__` stanzas, interop helpers. */
function boilerplateSnippets(files: readonly string[], rng: Rng, limit: number): Snippet[] {
  const found: Snippet[] = [];
  const shuffled = [...files].sort(() => rng.next() - 0.5);
  for (const file of shuffled) {
    if (found.length >= limit) break;
    let lines: string[];
    try {
      lines = readFileSync(file, "utf8").split("\n");
    } catch {
      continue;
    }
    const language = languageForPath(file)!.name;
    const importRun = lines.findIndex((_, i) => lines.slice(i, i + 5).every((l) => /^(import |from \S+ import |const \w+ = require\()/.test(l)));
    if (importRun >= 0) {
      let end = importRun;
      while (end < lines.length && /^(import |from \S+ import |const \w+ = require\()/.test(lines[end]!)) end++;
      found.push({ code: lines.slice(importRun, end).join("\n"), language, file, startLine: importRun + 1, endLine: end });
    }
    const main = lines.findIndex((l) => /^if __name__ == .__main__.:/.test(l));
    if (main >= 0) found.push({ code: lines.slice(main, main + 3).join("\n"), language, file, startLine: main + 1, endLine: main + 3 });
    const helper = lines.findIndex((l) => /^var __(createBinding|importDefault|importStar|awaiter|generator|extends|assign) = /.test(l));
    if (helper >= 0) {
      // The helper block: the helpers themselves (indented bodies, closing braces) and the module
      // plumbing around them, up to the first line of the module's own code.
      let end = helper + 1;
      while (
        end < lines.length &&
        end - helper < 40 &&
        /^(\s|}|\)|var __\w+ = |Object\.defineProperty\(exports, "__esModule"|exports\.\w+ = (exports\.\w+ = )*void 0|$)/.test(lines[end]!)
      ) {
        end++;
      }
      found.push({ code: lines.slice(helper, end).join("\n"), language, file, startLine: helper + 1, endLine: end });
    }
  }
  return found.slice(0, limit);
}

interface Configuration {
  readonly fingerprinting: FingerprintParameters;
  readonly options: Partial<MatchOptions>;
  /** How queries are read (OpenOptions.queryReading); the default (lexed) unless said. */
  readonly queryReading?: "parsed" | "lexed";
}

interface ScreenAudit {
  group: string;
  n: number;
  /** Answered by the miss screen without parsing. */
  screened: number;
  /** Queries whose references differ from the full path's (the screen turned away a copy). */
  changed: number;
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
          if (EXPLAIN) log(`screen changed ${group}: ${s.file}:${s.startLine}-${s.endLine} (${b.references.length} references parsed, ${a.references.length} screened)`);
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
  const started = Date.now();
  const indexedPackages = ["rxjs@7.8.1", "lodash-es@4.17.21"].map(fetchPackage);
  const heldOutPackages = ["effect@3.10.0", "underscore@1.13.7", "dayjs@1.11.13", "throttle-debounce@5.0.2", "date-fns@4.1.0"].map(fetchPackage);

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
    })),
  ];
  const sources: IndexedSource[] = resolved.map((s) => ({ name: s.name, root: s.root, license: s.license, include: s.include, exclude: s.exclude }));
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

  await loadDisguises();
  // Positives: regions of 8–40 lines of indexed files, in every form.
  const rng = new Rng(20261123);
  const positiveFiles: Record<LanguageName, string[]> = {
    typescript: sources.flatMap((s) => filesOf(s, "typescript")),
    tsx: [],
    javascript: sources.flatMap((s) => filesOf(s, "javascript")),
    python: sources.flatMap((s) => filesOf(s, "python")),
  };
  // Regions must hold at least twice the reporting threshold of normalized code, so that even
  // their middle half (the partial form) is reportable; a window of docstring is not a query.
  const substantial = hasCode(new Normalizer(await loadTokenHasher()), 2 * DEFAULT_MATCH_OPTIONS.minMatchedChars);
  const regions = new Map<LanguageName, Snippet[]>();
  for (const language of LANGUAGES) regions.set(language, variableWindows(positiveFiles[language], PER_CELL, rng, 8, 40, substantial));
  const cells = new Map<string, Query[]>();
  for (const language of LANGUAGES) {
    for (const form of FORMS) {
      const formRng = new Rng(rng.int(2 ** 31));
      cells.set(`${language}/${form}`, regions.get(language)!.map((s) => toQuery(applyForm(form, s, formRng), sources)));
    }
  }
  // The ceiling set by normalization: verbatim and reformatted queries, normalized alone, against
  // their lines' tokens in the whole file.
  const fidelityNormalizer = new Normalizer(await loadTokenHasher());
  const fidelity = new Map<string, { parsed: Fidelity; lexed?: Fidelity; lexedPlain: Fidelity }>();
  for (const language of LANGUAGES) {
    for (const form of ["verbatim", "reformatted"] as const) {
      const snippets = cells.get(`${language}/${form}`)!.map((q) => q.snippet);
      fidelity.set(`${language}/${form}`, {
        parsed: fragmentFidelity(fidelityNormalizer, snippets),
        lexedPlain: fragmentFidelity(fidelityNormalizer, snippets, (snippet) => fidelityNormalizer.lex(snippet.code, languageByName(language))),
      });
    }
  }
  // The reading matching uses needs the index (of a fragment's readings, the one with more seeds there).
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
  // Snippet sizes: verbatim and renamed regions of exactly n lines.
  const sizes = [5, 10, 20, 40];
  const sized = new Map<string, Query[]>();
  for (const n of sizes) {
    const windows = LANGUAGES.flatMap((language) => sampleWindows(positiveFiles[language], PER_SIZE, n, rng, Math.min(300, n * 25)));
    // Sizes are reported as drawn, whatever their content: this is the curve users read.
    sized.set(`${n}/verbatim`, windows.map((s) => toQuery(s, sources)));
    const sizeRng = new Rng(n);
    sized.set(`${n}/renamed`, windows.map((s) => toQuery(rename(s, sizeRng), sources)));
  }
  // Negatives: real code that is not in the index, and hard negatives (same functionality).
  const negativeFiles: Record<string, string[]> = {
    typescript: filesOf({ root: heldOutPackages[0]!.root, include: ["src/**"] }, "typescript"),
    javascript: heldOutPackages.slice(1).flatMap((p) => filesOf({ root: p.root, exclude: ["**/*.min.js", "**/locale/**", "**/locale.js"] }, "javascript")),
    python: [...filesOf({ root: python.root, include: ["test/**"] }, "python"), ...filesOf({ root: python.root, include: ["site-packages/pip/_internal/**"] }, "python")],
  };
  const negatives = LANGUAGES.flatMap((language) => variableWindows(negativeFiles[language]!, NEGATIVES / 3, rng, 8, 40, substantial));
  const hardNegatives = sampleWindows(
    heldOutPackages.slice(1).flatMap((p) => filesOf({ root: p.root }, "javascript").filter((f) => /debounce|throttle|parse|format/i.test(f))),
    QUICK ? 40 : 200,
    20,
    rng,
    200,
  );
  const boilerplate = boilerplateSnippets(LANGUAGES.flatMap((l) => positiveFiles[l]), rng, QUICK ? 60 : 300);
  log(`queries: ${[...cells.values()].reduce((a, q) => a + q.length, 0)} positives, ${negatives.length} negatives, ${hardNegatives.length} hard negatives, ${boilerplate.length} boilerplate`);

  const evaluate = async (config: Configuration, db: string, attribute: boolean) => {
    const tracker = await ReferenceTracker.open(db, { queryReading: config.queryReading });
    try {
      const missReasons = new Map<Form, Map<string, number>>();
      if (attribute) {
        for (const form of FORMS) {
          const reasons = new Map<string, number>();
          for (const language of LANGUAGES) attributeMisses(tracker, cells.get(`${language}/${form}`)!, `${language}/${form}`, reasons);
          missReasons.set(form, reasons);
        }
      }
      const byCell = new Map<string, Tally>();
      for (const [key, queries] of cells) byCell.set(key, tally(tracker, queries, config.options, key));
      const bySize = new Map<string, Tally>();
      for (const [key, queries] of sized) bySize.set(key, tally(tracker, queries, config.options, key));
      return {
        missReasons,
        byCell,
        bySize,
        negativesReported: countReported(tracker, negatives, config.options),
        hardNegativesReported: countReported(tracker, hardNegatives, config.options),
        boilerplateReported: countReported(tracker, boilerplate, config.options),
      };
    } finally {
      tracker.close();
    }
  };

  const buildFor = async (fingerprinting: FingerprintParameters): Promise<{ db: string; bytes: number; fingerprints: number }> => {
    const db = join(CACHE, `index-k${fingerprinting.kgramTokens}-w${fingerprinting.windowKgrams}.db`);
    // Fresh every run: a few seconds, and never an index from an older normalizer.
    for (const suffix of ["", "-wal", "-shm"]) rmSync(db + suffix, { force: true });
    const summary = await buildIndex(db, manifestPath, { fingerprinting });
    return { db, bytes: summary.index.bytes, fingerprints: summary.index.fingerprints };
  };

  const defaultConfig: Configuration = { fingerprinting: DEFAULT_FINGERPRINT_PARAMETERS, options: {} };
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
  const screenGroups: [string, Snippet[]][] = [
    ...FORMS.map((form): [string, Snippet[]] => [form, LANGUAGES.flatMap((l) => cells.get(`${l}/${form}`)!.map((q) => q.snippet))]),
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
    } finally {
      tracker.close();
    }
    writeFileSync(DUMP, `${lines.join("\n")}\n`);
    log(`wrote ${lines.length} results to ${DUMP}`);
    return;
  }
  let screenAudit: ScreenAudit[] = [];
  const sweepRows: string[] = [];
  let defaultResult: Awaited<ReturnType<typeof evaluate>> | undefined;
  for (const config of sweep) {
    const index = await buildFor(config.fingerprinting);
    const isDefault = configName(config) === configName(defaultConfig) && !defaultResult;
    const result = await evaluate(config, index.db, isDefault);
    if (isDefault) {
      defaultResult = result;
      screenAudit = await auditScreen(index.db, screenGroups);
      await addLexedFidelity(index.db);
    }
    const rate = (form: Form, field: keyof Tally): string => {
      let part = 0;
      let whole = 0;
      for (const language of LANGUAGES) {
        const t = result.byCell.get(`${language}/${form}`)!;
        part += t[field];
        whole += t.n;
      }
      return pct(part, whole);
    };
    sweepRows.push(
      `| ${configName(config)} | ${rate("verbatim", "repository")} | ${rate("reformatted", "repository")} | ${rate("renamed", "repository")} | ` +
        `${rate("near-miss", "repository")} | ${rate("partial", "repository")} | ${pct(result.negativesReported.falsePositives, negatives.length)} | ` +
        `${pct(result.hardNegativesReported.falsePositives, hardNegatives.length)} | ${result.boilerplateReported.falsePositives + result.boilerplateReported.realCopies} | ${(index.bytes / 1e6).toFixed(1)} MB, ${(index.fingerprints / 1e6).toFixed(2)} M fp |`,
    );
    log(sweepRows[sweepRows.length - 1]!);
  }
  const result = defaultResult!;

  const lines: string[] = ["# Match quality", ""];
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: PROJECT_ROOT, encoding: "utf8" }).trim();
  lines.push(
    `Run: \`npm run bench:quality\`${QUICK ? " --quick" : ""} on ${new Date().toISOString().slice(0, 10)}, commit ${commit}, ${((Date.now() - started) / 1000).toFixed(0)} s. ` +
      "Seeds are fixed: every run draws the same queries.",
    "",
    "Indexed: the default corpus (reftrack's npm dependencies, the machine's Python standard library) plus rxjs 7.8.1 " +
      "(TypeScript source) and lodash-es 4.17.21. Positives: regions of 8–40 lines holding at least 300 normalized " +
      "characters of code (twice the reporting threshold, so a window of docstring is not counted as a query) " +
      `of indexed files, ${PER_CELL} per language, each in five forms: verbatim; reformatted (made on tree-sitter's tokens, ` +
      "so no token changes: indentation width, spaces around operators, blank lines, line breaks after commas inside " +
      "brackets, line comments dropped and added); renamed (every identifier and string literal renamed consistently, and " +
      "re-indented); near-miss (the renamed form with one statement removed and one inserted); partial (the middle half " +
      "of the lines). Negatives: regions of effect's TypeScript, of underscore, dayjs, throttle-debounce and date-fns, " +
      "of CPython's test suite and pip's own code, none of it indexed; hard negatives are 20-line regions of those " +
      "libraries' debounce, throttle, parse and format modules — other implementations of functionality the index " +
      "holds (lodash-es's debounce and throttle, …). Boilerplate: real import blocks, `if __name__ == \"__main__\":` " +
      "stanzas and TypeScript interop helpers taken from indexed files.",
    "",
    "A query counts for *repository* when one reference names the source it came from, for *file and lines* when one " +
      "names its file with a line range overlapping the region, for *license* when every reference to that source " +
      "carries the source's license.",
    "",
  );
  lines.push(`## Defaults (${configName(defaultConfig)}) by language and form`, "");
  lines.push("| language | form | n | detected | correct repository | correct file and lines | correct license |", "|---|---|---|---|---|---|---|");
  for (const language of LANGUAGES) {
    for (const form of FORMS) {
      const t = result.byCell.get(`${language}/${form}`)!;
      lines.push(`| ${language} | ${form} | ${t.n} | ${pct(t.detected, t.n)} | ${pct(t.repository, t.n)} | ${pct(t.fileAndLines, t.n)} | ${pct(t.license, t.repository)} of correct repo |`);
    }
  }
  lines.push(
    "",
    `False positives: ${result.negativesReported.falsePositives} of ${negatives.length} negatives ` +
      `(${pct(result.negativesReported.falsePositives, negatives.length)}); ` +
      `${result.hardNegativesReported.falsePositives} of ${hardNegatives.length} hard negatives ` +
      `(${pct(result.hardNegativesReported.falsePositives, hardNegatives.length)}); ` +
      `boilerplate snippets reported: ${result.boilerplateReported.falsePositives + result.boilerplateReported.realCopies} of ${boilerplate.length}. ` +
      `Held-out snippets reported that are real copies, checked by hand (not counted as false positives): ` +
      `${result.negativesReported.realCopies + result.hardNegativesReported.realCopies}.`,
    "",
    ...ADJUDICATED_COPIES.map((a) => `- ${a.pair}: ${a.evidence}`),
    "",
  );
  lines.push(
    "## The miss screen",
    "",
    "Queries the miss screen (src/match/screen.ts) answers before any posting list is read. With queries read by the " +
      "lexer (the default, as in every figure above) it is exact: it asks the question matching would. With queries " +
      "parsed (`queryReading: \"parsed\"`) it reads them otherwise than matching does, so the last column compares " +
      "parsed queries with the screen and without it (`screen: false`): a difference would be a copy the screen turned away.",
    "",
    "| queries | n | answered by the screen | parsed queries: references differ with the screen |",
    "|---|---|---|---|",
    ...screenAudit.map((a) => `| ${a.group} | ${a.n} | ${pct(a.screened, a.n)} | ${a.changed} |`),
    "",
  );
  lines.push(
    "## Why the defaults miss (all three languages)",
    "",
    "Each missed query is attributed to the first single relaxation of the defaults under which it finds its repository.",
    "",
  );
  const reasonNames = [...RELAXATIONS.map(([name]) => name), "together", "no shared evidence"];
  lines.push(`| reason | ${FORMS.join(" | ")} |`, `|---|${FORMS.map(() => "---|").join("")}`);
  for (const reason of reasonNames) {
    lines.push(`| ${reason} | ${FORMS.map((form) => result.missReasons.get(form)!.get(reason) ?? 0).join(" | ")} |`);
  }
  lines.push("");
  lines.push(
    "## Fragments as their file sees them",
    "",
    "What no matching can recover: a query, read alone, against the tokens its lines have in the whole file " +
      "(a token overlapping the lines counts; the file is always parsed). Identical token streams, and streams whose " +
      "longest common subsequence is at least 90% of the longer; the query parsed by tree-sitter, and read by the lexer " +
      "(the default) as matching reads it (of a fragment that may begin inside a string or comment, the reading with more " +
      "candidate seeds in the index) and in its plain reading alone.",
    "",
    "| language | form | n | parsed: identical | parsed: within 10% | lexed: identical | lexed: within 10% | lexed, plain reading: identical | within 10% |",
    "|---|---|---|---|---|---|---|---|---|",
  );
  for (const [key, { parsed, lexed, lexedPlain }] of fidelity) {
    const [language, form] = key.split("/");
    lines.push(
      `| ${language} | ${form} | ${parsed.n} | ${pct(parsed.identical, parsed.n)} | ${pct(parsed.within10, parsed.n)} | ` +
        `${lexed ? pct(lexed.identical, lexed.n) : "–"} | ${lexed ? pct(lexed.within10, lexed.n) : "–"} | ` +
        `${pct(lexedPlain.identical, lexedPlain.n)} | ${pct(lexedPlain.within10, lexedPlain.n)} |`,
    );
  }
  lines.push("");
  lines.push("## By snippet size (all three languages)", "");
  lines.push("| lines | form | n | correct repository | correct file and lines |", "|---|---|---|---|---|");
  for (const n of sizes) {
    for (const form of ["verbatim", "renamed"]) {
      const t = result.bySize.get(`${n}/${form}`)!;
      lines.push(`| ${n} | ${form} | ${t.n} | ${pct(t.repository, t.n)} | ${pct(t.fileAndLines, t.n)} |`);
    }
  }
  if (SWEEP) {
    lines.push("", "## Parameter sweep (correct repository, all languages)", "");
    lines.push(
      "| parameters | verbatim | reformatted | renamed | near-miss | partial | false positives | hard negatives | boilerplate reported | index |",
      "|---|---|---|---|---|---|---|---|---|---|",
      ...sweepRows,
    );
  }
  const target = QUICK ? join(CACHE, "QUALITY.quick.md") : SWEEP ? join(PROJECT_ROOT, "bench", "QUALITY.md") : join(CACHE, "QUALITY.defaults.md");
  writeFileSync(target, `${lines.join("\n")}\n`);
  log(`wrote ${target}`);
}

await main();
