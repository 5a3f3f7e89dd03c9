/**
 * Real published files that bundle, vendor, fork or backport indexed code, scanned whole: the
 * benchmark's "what users actually copy" set. What each should be found to contain is computed
 * from raw text (text-runs.ts): runs of identical lines shared with files of the expected indexed
 * source, nothing of reftrack's normalizer.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { LanguageName } from "../../src/languages/language.js";
import type { Reference } from "../../src/output/reference.js";
import type { SharesText } from "./evaluate.js";
import { fetchPackage, filesOf, wheelRoot } from "./packages.js";
import { type SignificantLine, type TextRun, commonRuns, linesWithin, significantLines } from "./text-runs.js";

export type VendoredKind = "per-function package" | "bundle" | "fork" | "backport";

interface VendoredSpec {
  readonly name: string;
  readonly kind: VendoredKind;
  readonly language: LanguageName;
  /** The file's path, once its package is fetched or its wheel extracted. */
  readonly locate: (cache: string, log: (message: string) => void) => string | undefined;
  /** The indexed sources it holds code of, and which of their files to compare it with. */
  readonly expected: readonly { readonly source: string; readonly files: RegExp }[];
}

const npmFile = (spec: string, path: string) => (cache: string, log: (message: string) => void) => join(fetchPackage(spec, cache, log).root, path);
const wheelFile = (wheel: string, path: string) => (cache: string) => {
  const root = wheelRoot(wheel, cache);
  return root ? join(root, path) : undefined;
};

/** Chosen by hand from the npm registry and this machine's PyPI mirror; see QUALITY.md for why each. */
export const VENDORED: readonly VendoredSpec[] = [
  { name: "lodash.debounce 4.0.8", kind: "per-function package", language: "javascript", locate: npmFile("lodash.debounce@4.0.8", "index.js"), expected: [{ source: "lodash", files: /\.js$/ }] },
  { name: "lodash.throttle 4.1.1", kind: "per-function package", language: "javascript", locate: npmFile("lodash.throttle@4.1.1", "index.js"), expected: [{ source: "lodash", files: /\.js$/ }] },
  { name: "lodash.merge 4.6.2", kind: "per-function package", language: "javascript", locate: npmFile("lodash.merge@4.6.2", "index.js"), expected: [{ source: "lodash", files: /\.js$/ }] },
  { name: "lodash.isequal 4.5.0", kind: "per-function package", language: "javascript", locate: npmFile("lodash.isequal@4.5.0", "index.js"), expected: [{ source: "lodash", files: /\.js$/ }] },
  { name: "d3 7.9.0 dist/d3.js (rollup)", kind: "bundle", language: "javascript", locate: npmFile("d3@7.9.0", "dist/d3.js"), expected: [{ source: "d3-array", files: /^src\/.*\.js$/ }] },
  {
    name: "corepack 0.31.0 dist/lib/corepack.cjs (esbuild)",
    kind: "bundle",
    language: "javascript",
    locate: npmFile("corepack@0.31.0", "dist/lib/corepack.cjs"),
    expected: [
      { source: "semver", files: /\.js$/ },
      { source: "debug", files: /^src\/.*\.js$/ },
    ],
  },
  { name: "yarn 1.22.22 lib/cli.js (webpack, 5.3 MB)", kind: "bundle", language: "javascript", locate: npmFile("yarn@1.22.22", "lib/cli.js"), expected: [{ source: "lodash", files: /^lodash\.js$/ }] },
  {
    name: "backports.tarfile 1.2.0",
    kind: "backport",
    language: "python",
    locate: wheelFile("backports.tarfile-1.2.0-py3-none-any.whl", "backports/tarfile/__init__.py"),
    expected: [{ source: "cpython-stdlib", files: /^tarfile\.py$/ }],
  },
  {
    name: "configparser 7.2.0",
    kind: "backport",
    language: "python",
    locate: wheelFile("configparser-7.2.0-py3-none-any.whl", "backports/configparser/__init__.py"),
    expected: [{ source: "cpython-stdlib", files: /^configparser\.py$/ }],
  },
  { name: "argparse 1.4.0", kind: "fork", language: "python", locate: wheelFile("argparse-1.4.0-py2.py3-none-any.whl", "argparse.py"), expected: [{ source: "cpython-stdlib", files: /^argparse\.py$/ }] },
  { name: "zipp 3.23.0", kind: "backport", language: "python", locate: wheelFile("zipp-3.23.0-py3-none-any.whl", "zipp/__init__.py"), expected: [{ source: "cpython-stdlib", files: /^zipfile/ }] },
  {
    name: "importlib_metadata 8.7.1",
    kind: "backport",
    language: "python",
    locate: wheelFile("importlib_metadata-8.7.1-py3-none-any.whl", "importlib_metadata/__init__.py"),
    expected: [{ source: "cpython-stdlib", files: /^importlib\/metadata\// }],
  },
  {
    name: "setuptools 84.0.0 _distutils/util.py",
    kind: "fork",
    language: "python",
    locate: wheelFile("setuptools-84.0.0-py3-none-any.whl", "setuptools/_distutils/util.py"),
    expected: [{ source: "cpython-stdlib", files: /^distutils\// }],
  },
  {
    name: "setuptools 84.0.0 _distutils/fancy_getopt.py",
    kind: "fork",
    language: "python",
    locate: wheelFile("setuptools-84.0.0-py3-none-any.whl", "setuptools/_distutils/fancy_getopt.py"),
    expected: [{ source: "cpython-stdlib", files: /^distutils\// }],
  },
  {
    name: "setuptools 84.0.0 _distutils/command/build_ext.py",
    kind: "fork",
    language: "python",
    locate: wheelFile("setuptools-84.0.0-py3-none-any.whl", "setuptools/_distutils/command/build_ext.py"),
    expected: [{ source: "cpython-stdlib", files: /^distutils\// }],
  },
  { name: "distlib 0.4.3 compat.py", kind: "fork", language: "python", locate: wheelFile("distlib-0.4.3-py2.py3-none-any.whl", "distlib/compat.py"), expected: [{ source: "cpython-stdlib", files: /\.py$/ }] },
  // TanStack Router's framework-free code, moved out of the indexed react-router into its own package, and a Solid port of a component.
  ...["router", "path", "utils"].map(
    (module): VendoredSpec => ({
      name: `@tanstack/router-core 1.114.29 src/${module}.ts`,
      kind: "fork",
      language: "typescript",
      locate: npmFile("@tanstack/router-core@1.114.29", `src/${module}.ts`),
      expected: [{ source: "@tanstack/react-router", files: new RegExp(`^src/${module}\\.ts$`) }],
    }),
  ),
  {
    name: "@tanstack/solid-router 1.114.29 src/Match.tsx",
    kind: "fork",
    language: "tsx",
    locate: npmFile("@tanstack/solid-router@1.114.29", "src/Match.tsx"),
    expected: [{ source: "@tanstack/react-router", files: /^src\/Match\.tsx$/ }],
  },
];

/** Expected runs: at least this many significant lines and characters, like a positive query. */
export const EXPECTED_MIN_LINES = 8;
export const EXPECTED_MIN_CHARS = 250;

export interface ExpectedRun {
  readonly source: string;
  readonly path: string;
  readonly run: TextRun;
}

export interface VendoredFile {
  readonly spec: VendoredSpec;
  readonly file: string;
  readonly text: string;
  readonly lines: readonly SignificantLine[];
  readonly expected: readonly ExpectedRun[];
}

/** Locates every vendored file and computes what it shares with its expected sources. */
export function loadVendored(
  cache: string,
  sources: ReadonlyMap<string, { readonly root: string; readonly include: readonly string[]; readonly exclude: readonly string[] }>,
  log: (message: string) => void,
): VendoredFile[] {
  const out: VendoredFile[] = [];
  for (const spec of VENDORED) {
    const file = spec.locate(cache, log);
    if (!file) {
      log(`vendored set: ${spec.name} is not on this machine, left out`);
      continue;
    }
    const text = readFileSync(file, "utf8");
    const python = spec.language === "python";
    const lines = significantLines(text, python);
    const expected: ExpectedRun[] = [];
    for (const { source, files } of spec.expected) {
      const indexed = sources.get(source);
      if (!indexed) throw new Error(`vendored set: ${spec.name} expects source ${source}, which the index does not hold`);
      const root = indexed.root;
      for (const path of filesOf(indexed)) {
        const relative = path.slice(root.length + 1);
        if (!files.test(relative)) continue;
        const theirs = significantLines(readFileSync(path, "utf8"), python);
        for (const run of commonRuns(lines, theirs, EXPECTED_MIN_LINES, EXPECTED_MIN_CHARS)) expected.push({ source, path: relative, run });
      }
    }
    out.push({ spec, file, text, lines, expected });
  }
  return out;
}

export interface VendoredOutcome {
  readonly runs: number;
  readonly runsFound: number;
  readonly origins: number;
  readonly originsFound: number;
  /** Expected origin files not found, for the report. */
  readonly missing: readonly string[];
  /** References to no expected source that share no real run of text with the file: false references. */
  readonly falseReferences: number;
}

/**
 * An expected run is found when a reference names one of the run's expected sources, its query
 * lines overlap the run, and the region it reports in that source shares a real run of text with
 * the run's lines (so naming a look-alike file of the right project does not count). An expected
 * origin file is found when any of its runs is found.
 */
export function judgeVendored(
  file: VendoredFile,
  references: readonly Reference[],
  sharesText: SharesText,
): VendoredOutcome {
  const found = file.expected.map((expected) =>
    references.some(
      (reference) =>
        reference.queryLines[0] <= expected.run.a[1] &&
        reference.queryLines[1] >= expected.run.a[0] &&
        reference.origins.some(
          (origin) => origin.source === expected.source && sharesText(linesWithin(file.lines, expected.run.a), origin.source, origin.path, reference.sourceLines),
        ),
    ),
  );
  const origins = new Map<string, boolean>();
  file.expected.forEach((expected, i) => {
    const key = `${expected.source}:${expected.path}`;
    origins.set(key, (origins.get(key) ?? false) || found[i]!);
  });
  const expectedSources = new Set(file.spec.expected.map((e) => e.source));
  let falseReferences = 0;
  for (const reference of references) {
    if (reference.origins.some((o) => expectedSources.has(o.source))) continue;
    const real = reference.origins.some((o) => sharesText(linesWithin(file.lines, reference.queryLines), o.source, o.path, reference.sourceLines));
    if (!real) falseReferences++;
  }
  return {
    runs: found.length,
    runsFound: found.filter(Boolean).length,
    origins: origins.size,
    originsFound: [...origins.values()].filter(Boolean).length,
    missing: [...origins].filter(([, ok]) => !ok).map(([key]) => key),
    falseReferences,
  };
}
