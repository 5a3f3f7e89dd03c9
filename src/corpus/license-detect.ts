import type { LicenseProvenance } from "../store/records.js";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, resolve, sep } from "node:path";
import { parse as parseToml } from "smol-toml";
import { isValidLicenseExpression } from "./license.js";
import { readPackageJson } from "./package-json.js";
import { identifyLicenseText } from "./license-text.js";
import { HEADER_SEARCH_CHARS, MAX_METADATA_BYTES } from "../options.js";

const require = createRequire(import.meta.url);
const correctSpdx = require("spdx-correct") as (value: string, options?: { upgrade?: boolean }) => string | null;



export interface DetectedLicense {
  /** SPDX expression, or NOASSERTION when nothing could be determined. */
  readonly expression: string;
  readonly provenance: LicenseProvenance;
  /** Where exactly, for a reviewer: "package.json license", "LICENSE (Dice 0.98)". */
  readonly evidence: string;
}

const NO_LICENSE_FOUND: DetectedLicense = { expression: "NOASSERTION", provenance: "none", evidence: "no license metadata or text found" };

/** A text file of at most MAX_METADATA_BYTES (license texts are far smaller), or undefined. */
function readSmallText(path: string): string | undefined {
  try {
    const stat = statSync(path);
    if (!stat.isFile() || stat.size > MAX_METADATA_BYTES) return undefined;
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * A declared license string made into valid SPDX: taken as is when valid, else corrected with
 * spdx-correct ("Apache 2" → Apache-2.0, "GPLv3" → GPL-3.0-or-later), else undefined.
 */
export function correctLicenseExpression(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  if (isValidLicenseExpression(trimmed)) return trimmed;
  const corrected = correctSpdx(trimmed, { upgrade: true });
  return corrected && isValidLicenseExpression(corrected) ? corrected : undefined;
}


/** The license a file declares for itself with an SPDX header, if valid. */
export function licenseFromHeader(text: string): string | undefined {
  const head = text.length > HEADER_SEARCH_CHARS ? text.slice(0, HEADER_SEARCH_CHARS) : text;
  const match = /SPDX-License-Identifier:[ \t]*([^\r\n]*)/.exec(head);
  if (!match) return undefined;
  // The expression ends where the comment does: */, -->, a closing quote of a docstring.
  const expression = match[1]!.replace(/(\*\/|-->|"""|''').*$/, "").trim();
  return expression && isValidLicenseExpression(expression) ? expression : undefined;
}

/** Trove classifiers (PyPI) for the licenses they name unambiguously. */
const CLASSIFIER_LICENSES: Record<string, string> = {
  "MIT License": "MIT",
  "MIT No Attribution License (MIT-0)": "MIT-0",
  "Apache Software License": "Apache-2.0",
  "BSD License": "BSD-3-Clause",
  "ISC License (ISCL)": "ISC",
  "Python Software Foundation License": "PSF-2.0",
  "Mozilla Public License 2.0 (MPL 2.0)": "MPL-2.0",
  "GNU General Public License v2 (GPLv2)": "GPL-2.0-only",
  "GNU General Public License v2 or later (GPLv2+)": "GPL-2.0-or-later",
  "GNU General Public License v3 (GPLv3)": "GPL-3.0-only",
  "GNU General Public License v3 or later (GPLv3+)": "GPL-3.0-or-later",
  "GNU Lesser General Public License v2 (LGPLv2)": "LGPL-2.0-only",
  "GNU Lesser General Public License v2 or later (LGPLv2+)": "LGPL-2.0-or-later",
  "GNU Lesser General Public License v3 (LGPLv3)": "LGPL-3.0-only",
  "GNU Lesser General Public License v3 or later (LGPLv3+)": "LGPL-3.0-or-later",
  "GNU Affero General Public License v3": "AGPL-3.0-only",
  "GNU Affero General Public License v3 or later (AGPLv3+)": "AGPL-3.0-or-later",
  "The Unlicense (Unlicense)": "Unlicense",
  "Zope Public License": "ZPL-2.1",
  "Eclipse Public License 2.0 (EPL-2.0)": "EPL-2.0",
  "Boost Software License 1.0 (BSL-1.0)": "BSL-1.0",
};

function licenseFromClassifiers(classifiers: readonly string[]): string | undefined {
  const found = new Set<string>();
  for (const classifier of classifiers) {
    const match = /^License :: (?:OSI Approved :: )?(.+)$/.exec(classifier.trim());
    const id = match ? CLASSIFIER_LICENSES[match[1]!.trim()] : undefined;
    if (id) found.add(id);
  }
  // Several license classifiers on one project mean the user may pick one.
  return found.size === 0 ? undefined : [...found].sort().join(" OR ");
}

function combine(ids: readonly string[], operator: "AND" | "OR"): string {
  const unique = [...new Set(ids)].sort();
  if (unique.length === 1) return unique[0]!;
  return unique.map((id) => (/\s/.test(id) ? `(${id})` : id)).join(` ${operator} `);
}

/** A path inside root, or undefined if `name` would leave it. */
function insideRoot(root: string, name: string): string | undefined {
  const path = resolve(root, name);
  const rel = relative(root, path);
  return rel && !rel.startsWith("..") && !rel.startsWith(sep) ? path : undefined;
}

function identifyFile(root: string, name: string): DetectedLicense | undefined {
  const path = insideRoot(root, name);
  const text = path && readSmallText(path);
  if (!text) return undefined;
  const found = identifyLicenseText(text);
  return found && { expression: found.id, provenance: "license-file", evidence: `${name} (Dice ${found.score})` };
}

/** package.json `license` (or the old `licenses` list), corrected where sloppy. */
function fromPackageJson(root: string): DetectedLicense | undefined {
  const pkg = readPackageJson(root);
  if (!pkg) return undefined;
  let declared: string | undefined;
  if (typeof pkg.license === "string") declared = pkg.license;
  else if (typeof pkg.license === "object" && pkg.license !== null && typeof (pkg.license as { type?: unknown }).type === "string") {
    declared = (pkg.license as { type: string }).type;
  } else if (Array.isArray(pkg.licenses)) {
    // The pre-SPDX form: a list of alternatives.
    const types = pkg.licenses.map((l: unknown) => (typeof l === "object" && l !== null ? (l as { type?: unknown }).type : l));
    const ids = types.filter((t): t is string => typeof t === "string").map(correctLicenseExpression);
    if (ids.length > 0 && ids.every((id) => id !== undefined)) {
      return { expression: combine(ids as string[], "OR"), provenance: "declared", evidence: "package.json licenses" };
    }
  }
  if (declared === undefined) return undefined;
  const seeFile = /^SEE LICEN[CS]E IN (.+)$/i.exec(declared.trim());
  if (seeFile) return identifyFile(root, seeFile[1]!.trim());
  if (declared.trim() === "UNLICENSED") {
    // npm's word for "not licensed for use by others".
    return { expression: "LicenseRef-UNLICENSED", provenance: "declared", evidence: "package.json license UNLICENSED" };
  }
  const expression = correctLicenseExpression(declared);
  if (!expression) return undefined;
  const evidence = expression === declared.trim() ? "package.json license" : `package.json license "${declared}" corrected`;
  return { expression, provenance: "declared", evidence };
}

/** pyproject.toml [project] license (PEP 639 expression, {text}, {file}) or its classifiers. */
function fromPyproject(root: string): DetectedLicense | undefined {
  const text = readSmallText(join(root, "pyproject.toml"));
  if (!text) return undefined;
  let project: Record<string, unknown>;
  try {
    const parsed = parseToml(text) as Record<string, unknown>;
    if (typeof parsed.project !== "object" || parsed.project === null) return undefined;
    project = parsed.project as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const license = project.license;
  if (typeof license === "string") {
    const expression = correctLicenseExpression(license);
    if (expression) return { expression, provenance: "declared", evidence: "pyproject.toml project.license" };
  } else if (typeof license === "object" && license !== null) {
    const table = license as Record<string, unknown>;
    if (typeof table.file === "string") {
      const found = identifyFile(root, table.file);
      if (found) return found;
    }
    if (typeof table.text === "string") {
      const expression = correctLicenseExpression(table.text) ?? identifyLicenseText(table.text)?.id;
      if (expression) return { expression, provenance: "declared", evidence: "pyproject.toml project.license.text" };
    }
  }
  if (Array.isArray(project.classifiers)) {
    const expression = licenseFromClassifiers(project.classifiers.filter((c): c is string => typeof c === "string"));
    if (expression) return { expression, provenance: "declared", evidence: "pyproject.toml classifiers" };
  }
  return undefined;
}

/** setup.cfg [metadata] license / classifiers. */
function fromSetupCfg(root: string): DetectedLicense | undefined {
  const text = readSmallText(join(root, "setup.cfg"));
  if (!text) return undefined;
  const metadata = /^\[metadata\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(text)?.[1];
  if (!metadata) return undefined;
  const license = /^license\s*=\s*(.+)$/m.exec(metadata)?.[1];
  const expression = license && correctLicenseExpression(license);
  if (expression) return { expression, provenance: "declared", evidence: "setup.cfg license" };
  const classifiers = /^classifiers\s*=\s*\n((?:[ \t]+.*\n?)*)/m.exec(metadata)?.[1]?.split("\n") ?? [];
  const fromClassifiers = licenseFromClassifiers(classifiers);
  return fromClassifiers ? { expression: fromClassifiers, provenance: "declared", evidence: "setup.cfg classifiers" } : undefined;
}

/** Core metadata (PKG-INFO in sdists, *.dist-info/METADATA in wheels). */
function fromCoreMetadata(root: string): DetectedLicense | undefined {
  const candidates = ["PKG-INFO"];
  try {
    for (const entry of readdirSync(root)) if (entry.endsWith(".dist-info")) candidates.push(`${entry}/METADATA`);
  } catch {
    return undefined;
  }
  for (const name of candidates) {
    const text = readSmallText(join(root, name));
    if (!text) continue;
    // Headers end at the first blank line; the description follows.
    const headers = text.split(/\r?\n\r?\n/, 1)[0]!;
    const field = (key: string): string[] =>
      [...headers.matchAll(new RegExp(`^${key}:[ \\t]*(.*)$`, "gim"))].map((m) => m[1]!.trim()).filter((v) => v !== "");
    const licenseExpression = field("License-Expression")[0];
    const expression = licenseExpression && correctLicenseExpression(licenseExpression);
    if (expression) return { expression, provenance: "declared", evidence: `${name} License-Expression` };
    const fromClassifiers = licenseFromClassifiers(field("Classifier"));
    if (fromClassifiers) return { expression: fromClassifiers, provenance: "declared", evidence: `${name} classifiers` };
    const license = field("License")[0];
    const corrected = license && license.length < 100 ? correctLicenseExpression(license) : undefined;
    if (corrected) return { expression: corrected, provenance: "declared", evidence: `${name} License` };
  }
  return undefined;
}

const LICENSE_FILE_NAME = /^(licen[cs]e|copying|unlicense)([.-][\w.-]*)?$/i;

/** LICENSE / COPYING / LICENCE files at the root, each identified; several → all apply (AND). */
function fromLicenseFiles(root: string): DetectedLicense | undefined {
  let names: string[];
  try {
    names = readdirSync(root).filter((n) => LICENSE_FILE_NAME.test(n)).sort();
  } catch {
    return undefined;
  }
  const found = names.map((name) => identifyFile(root, name)).filter((d): d is DetectedLicense => d !== undefined);
  if (found.length === 0) return undefined;
  return {
    expression: combine(found.map((d) => d.expression), "AND"),
    provenance: "license-file",
    evidence: found.map((d) => d.evidence).join(", "),
  };
}

/**
 * The license of a source folder when the manifest does not state one: declared metadata first
 * (package.json, pyproject.toml, setup.cfg, PKG-INFO/METADATA), then license texts, else
 * NOASSERTION. Files with their own SPDX header override this for themselves at index time.
 */
export function detectSourceLicense(root: string): DetectedLicense {
  if (!existsSync(root)) return NO_LICENSE_FOUND;
  return fromPackageJson(root) ?? fromPyproject(root) ?? fromSetupCfg(root) ?? fromCoreMetadata(root) ?? fromLicenseFiles(root) ?? NO_LICENSE_FOUND;
}
