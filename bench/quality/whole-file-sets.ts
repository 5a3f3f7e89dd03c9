/**
 * The quality benchmark's whole-file sets: which real code it scans whole, and why each was chosen
 * (run.ts draws and scans them). Lists of packages and folders of this machine, no code of them.
 */
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { looksMinified } from "../../src/files/source-file.js";
import { Rng } from "../snippets.js";
import { filesOf } from "./packages.js";
import { QUICK } from "./settings.js";
import { type WholeFile, sampleWholeFiles } from "./whole-files.js";

/** Popular Python packages from the machine's PyPI mirror, scanned whole against the default corpus. */
export const POPULAR_PYTHON = [
  "requests-2.34.2-py3-none-any.whl",
  "click-8.5.0-py3-none-any.whl",
  "flask-3.1.3-py3-none-any.whl",
  "attrs-26.1.0-py3-none-any.whl",
  "jinja2-3.1.6-py3-none-any.whl",
  "werkzeug-3.1.9-py3-none-any.whl",
  "httpx-0.28.1-py3-none-any.whl",
  "rich-15.0.0-py3-none-any.whl",
];


/**
 * The Google Cloud SDK's Python on this machine (Google's own code, its command surfaces and the
 * libraries it vendors under third_party), a sample of it drawn at random with a seed chosen before
 * any of it was scanned: a large real tree of original and vendored code, not indexed here. The
 * CPython it bundles (platform/bundledpythonunix/lib/python3.12, its site-packages aside) is left
 * out: it is the indexed standard library itself at another version, not held-out code. The draw's
 * second thousand (the same order continued) was added after cf6d6d3, whose rule the first thousand
 * led to, before any of it was scanned: held out from that rule.
 */
export const GCLOUD_SDK = "/usr/lib/google-cloud-sdk";
/**
 * The JavaScript of the Rust toolchain's documentation on this machine (rustdoc's search index
 * shards, trait implementor lists and source file lists, generated; mdBook's own scripts), a sample
 * drawn at random with a seed chosen before any of it was scanned, the minified files left out as
 * `scan` leaves them: generated data, which no indexed file is a copy of.
 */
export const RUST_DOCS = join(homedir(), ".rustup", "toolchains", "nightly-x86_64-unknown-linux-gnu", "share", "doc", "rust", "html");
export const RUST_DOCS_SAMPLE = 500;
/**
 * The Python packages and JavaScript libraries Debian 12 installs system-wide on this machine
 * (python3-apt, -cryptography, -dbus, -gi, -pip, -setuptools, -wheel, -pygments, …; libjs-jquery,
 * -underscore, Sphinx's scripts), every file: older releases of tools that carry distutils' code on
 * (pip, setuptools, wheel) beside code no indexed file holds. The Python files were scanned once
 * before, against the default index, as a probe for the enumeration-counter rule (QUALITY.md's
 * history); a set of the benchmark since 2026-12-05.
 */
export const DEBIAN_PYTHON = "/usr/lib/python3/dist-packages";
/**
 * The dependencies the machine's npm bundles (118 packages: undici, minimatch, semver, tar,
 * cacache, pacote, …), every JavaScript file `scan` reads; scanned once with the CLI on 2026-12-05
 * before it became a set, and taken whole.
 */
export const NPM_BUNDLED = "/usr/lib/node_modules/npm/node_modules";
/**
 * Packages of the machine's Python 3.11 site-packages no other set scans (the mirror's sets hold
 * other releases of IPython and pytest, left out here), every file; scanned once with the CLI on
 * 2026-12-05 before it became a set.
 */
export const SITE_PACKAGES = "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages";
export const SITE_PACKAGE_NAMES = ["moto", "hypothesis", "libcst", "awscli", "cfnlint", "samtranslator", "sympy", "antlr4", "py_partiql_parser", "aws_xray_sdk"];

/**
 * Every file of `language` under those of `roots` this machine has, as a whole-file set (the
 * minified ones left out as `scan` leaves them); a quick run takes 40.
 */
export function everyFileOf(group: string, roots: readonly string[], language: "python" | "javascript"): WholeFile[] {
  const files = roots.filter((root) => existsSync(root)).flatMap((root) => filesOf({ root }, language));
  const accept = language === "javascript" ? (text: string) => !looksMinified(text) : undefined;
  return sampleWholeFiles(group, files, language, QUICK ? 40 : 100_000, new Rng(60), undefined, accept);
}
export const DEBIAN_JAVASCRIPT = "/usr/share/javascript";
export const GCLOUD_SAMPLE = 2_000;
export const BUNDLED_CPYTHON = /\/platform\/bundledpython[^/]*\/lib\/python3\.\d+\/(?!site-packages\/)/;

