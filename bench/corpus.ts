/**
 * The benchmark corpus: real source text found on this machine, plus varied copies of it to reach
 * index sizes no single machine's source reaches.
 *
 * Base (1×): this project's node_modules, the system npm's node_modules (without npm's own lib/,
 * held out for misses), Debian's Python packages and standard library, the JS and Python a Rust
 * toolchain ships, the Google Cloud SDK's Python (with its vendored libraries), and the standard library (with site-packages) of every Python under pyenv;
 * test suites everywhere are left out (pyenv 3.11's are held out for misses).
 * Copies: copy c rewrites every base file with one of three consistent, token-changing edits —
 * calls become subscripts (`f(x)` → `f[x]`, outside definitions), comparison and arithmetic
 * operators swap (`==`/`!=`, `+`/`-`, `<`/`>`), or both — so most k-grams of a copy differ from the
 * original and from the other copies, as a fork's would, while the text stays real code.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import { fetchArchive } from "../src/corpus/fetch.js";
import { PathFilter } from "../src/files/glob.js";
import { walkFiles } from "../src/files/walk.js";
import type { LanguageDefinition } from "../src/languages/language.js";
import { languageForPath } from "../src/languages/registry.js";

export interface BenchSource {
  readonly name: string;
  readonly root: string;
  readonly exclude: readonly string[];
}

export interface HeldOut {
  readonly root: string;
  readonly include: readonly string[];
}

const TEST_SUITES = ["**/test/**", "**/tests/**", "**/idle_test/**", "**/testing/**"];

/**
 * Pure-Python wheels from a local package mirror (this machine has one at /opt/pypi/files), in
 * name order up to this many compressed bytes, extracted with reftrack's own archive reader.
 */
const WHEEL_MIRROR = "/opt/pypi/files";
const WHEEL_BUDGET_BYTES = 120e6;

function wheelSources(cacheDir: string): BenchSource[] {
  if (!existsSync(WHEEL_MIRROR)) return [];
  const sources: BenchSource[] = [];
  let budget = WHEEL_BUDGET_BYTES;
  for (const wheel of readdirSync(WHEEL_MIRROR).filter((n) => n.endsWith("-none-any.whl")).sort()) {
    const size = statSync(join(WHEEL_MIRROR, wheel)).size;
    if (size > budget) continue;
    try {
      const { root } = fetchArchive(join(WHEEL_MIRROR, wheel), join(cacheDir, "wheels"));
      sources.push({ name: `wheel-${wheel.replace(/-py.*$/, "")}`, root, exclude: TEST_SUITES });
      budget -= size;
    } catch {
      // An archive reftrack refuses is not corpus.
    }
  }
  return sources;
}

export function baseSources(projectRoot: string, cacheDir: string): BenchSource[] {
  const sources: BenchSource[] = [{ name: "project-node_modules", root: join(projectRoot, "node_modules"), exclude: [".bin/**", ".cache/**"] }];
  try {
    const globalRoot = execFileSync("npm", ["root", "-g"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    if (existsSync(globalRoot)) sources.push({ name: "system-node_modules", root: globalRoot, exclude: ["npm/lib/**"] });
  } catch {
    // no global npm: fine
  }
  // The distribution's own Python code, and whatever a Rust toolchain ships (rustdoc's JS, LLVM's
  // Python scripts): more real code, from other authors.
  for (const [name, root] of [
    ["debian-python3-dist-packages", "/usr/lib/python3"],
    ["debian-python3.11", "/usr/lib/python3.11"],
    ["rustup-toolchains", join(process.env.HOME ?? "/root", ".rustup")],
    ["google-cloud-sdk", "/usr/lib/google-cloud-sdk"],
  ] as const) {
    if (existsSync(root)) sources.push({ name, root, exclude: TEST_SUITES });
  }
  const pyenv = join(process.env.HOME ?? "/root", ".pyenv", "versions");
  if (existsSync(pyenv)) {
    for (const version of readdirSync(pyenv).sort()) {
      const lib = join(pyenv, version, "lib");
      if (!existsSync(lib)) continue;
      for (const entry of readdirSync(lib)) {
        if (/^python\d/.test(entry) && statSync(join(lib, entry)).isDirectory()) {
          sources.push({ name: `cpython-${version}`, root: join(lib, entry), exclude: TEST_SUITES });
        }
      }
    }
  }
  sources.push(...wheelSources(cacheDir));
  return sources;
}

/** Real code deliberately left out of the index, for queries that should match nothing. */
export function heldOutSources(sources: readonly BenchSource[]): HeldOut[] {
  const heldOut: HeldOut[] = [];
  const system = sources.find((s) => s.name === "system-node_modules");
  if (system) heldOut.push({ root: join(system.root, "npm"), include: ["lib/**"] });
  const python = sources.filter((s) => s.name.startsWith("cpython-3.11")).at(0) ?? sources.find((s) => s.name.startsWith("cpython-"));
  if (python) heldOut.push({ root: python.root, include: ["test/**"] });
  return heldOut;
}

/**
 * The extensions the benchmarks draw their queries and files from. Fixed here rather than read from
 * the language registry: their draws are seeded over file lists, so an extension `scan` comes to
 * read (`.pyw`) would otherwise redraw every query and break the history. One joins the benchmarks
 * by a change here, with a history row of its own.
 */
const BENCH_EXTENSIONS = new Set([".py", ".pyi", ".js", ".jsx", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".tsx"]);

/** A file's language for the benchmarks: the registry's, for BENCH_EXTENSIONS only. */
export function benchLanguage(path: string): LanguageDefinition | undefined {
  return BENCH_EXTENSIONS.has(extname(path).toLowerCase()) ? languageForPath(path) : undefined;
}

export function* sourceFiles(source: { root: string; exclude?: readonly string[]; include?: readonly string[] }): Generator<string> {
  const filter = new PathFilter(source.include ?? [], source.exclude ?? []);
  for (const path of walkFiles(source.root)) if (benchLanguage(path) && filter.accepts(path)) yield path;
}

const DEFINITION = /^\s*(def|class|function|async\s+def|async\s+function)\b|=>/;

function callsToSubscripts(line: string): string {
  if (DEFINITION.test(line)) return line;
  return line.replace(/(\w)\(/g, "$1[").replace(/\)/g, "]");
}

const OPERATOR_SWAPS: [RegExp, string][] = [
  [/ == /g, " \u0000ne "],
  [/ != /g, " == "],
  [/\u0000ne/g, "!="],
  [/ \+ /g, " \u0000minus "],
  [/ - /g, " + "],
  [/\u0000minus/g, "-"],
  [/ < /g, " \u0000gt "],
  [/ > /g, " < "],
  [/\u0000gt/g, ">"],
];

function swapOperators(line: string): string {
  let out = line;
  for (const [pattern, replacement] of OPERATOR_SWAPS) out = out.replace(pattern, replacement);
  return out;
}

export function varyText(text: string, copy: number): string {
  const edit = copy % 3;
  return text
    .split("\n")
    .map((line) => (edit === 1 ? callsToSubscripts(line) : edit === 2 ? swapOperators(line) : swapOperators(callsToSubscripts(line))))
    .join("\n");
}

/** Writes copy `copy` of every base source under `cacheDir`, once. Returns its sources. */
export function writeCopy(sources: readonly BenchSource[], copy: number, cacheDir: string): BenchSource[] {
  const copyRoot = join(cacheDir, "copies", `c${copy}`);
  const marker = join(copyRoot, ".complete");
  const copies = sources.map((s) => ({ name: `${s.name}~copy${copy}`, root: join(copyRoot, s.name), exclude: [] }));
  const identity = JSON.stringify(sources.map((s) => [s.name, s.root, s.exclude]));
  // A source with no files to copy still gets its (empty) folder, so the manifest resolves.
  const ensureFolders = (): BenchSource[] => {
    for (const c of copies) mkdirSync(c.root, { recursive: true });
    return copies;
  };
  if (existsSync(marker) && readFileSync(marker, "utf8") === identity) return ensureFolders();
  rmSync(copyRoot, { recursive: true, force: true });
  for (const source of sources) {
    for (const path of sourceFiles(source)) {
      const absolute = join(source.root, path);
      let text: string;
      try {
        if (statSync(absolute).size > 1024 * 1024) continue;
        text = readFileSync(absolute, "utf8");
      } catch {
        continue;
      }
      const target = join(copyRoot, source.name, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, varyText(text, copy));
    }
  }
  writeFileSync(marker, identity);
  return ensureFolders();
}

export function manifestFor(sources: readonly BenchSource[]): string {
  return JSON.stringify(
    { sources: sources.map((s) => ({ kind: "dir", name: s.name, path: s.root, license: "NOASSERTION", exclude: s.exclude })) },
    null,
    2,
  );
}
