import type parse from "spdx-expression-parse";
import { ReftrackError } from "../errors.js";
import { lazyRequire } from "../util/lazy-require.js";

type SpdxExpression = parse.SpdxExpression;
type SpdxLicense = parse.SpdxLicense;

const spdxParser = lazyRequire<(expression: string) => SpdxExpression>("spdx-expression-parse");
const spdxSatisfies = lazyRequire<(expression: string, approved: string[]) => boolean>("spdx-satisfies");
const parseSpdx = (expression: string): SpdxExpression => spdxParser()(expression);
const satisfies = (expression: string, approved: string[]): boolean => spdxSatisfies()(expression, approved);

/**
 * Named license families a policy may list instead of identifiers. Members are SPDX identifiers
 * without their `-only` / `-or-later` / `+` suffix, so `GPL-2.0-or-later` is copyleft as
 * `GPL-2.0` is. Network copyleft (the AGPL and its kind: using the code over a network is
 * distribution) is part of copyleft too.
 */
export const LICENSE_CATEGORIES = {
  "network-copyleft": ["AGPL-1.0", "AGPL-3.0", "SSPL-1.0", "RPL-1.1", "RPL-1.5", "OSL-3.0", "CPAL-1.0"],
  copyleft: [
    "GPL-1.0", "GPL-2.0", "GPL-3.0", "AGPL-1.0", "AGPL-3.0", "SSPL-1.0", "RPL-1.1", "RPL-1.5", "CPAL-1.0",
    "OSL-1.0", "OSL-1.1", "OSL-2.0", "OSL-2.1", "OSL-3.0", "EUPL-1.0", "EUPL-1.1", "EUPL-1.2", "Sleepycat",
    "CC-BY-SA-1.0", "CC-BY-SA-2.0", "CC-BY-SA-2.5", "CC-BY-SA-3.0", "CC-BY-SA-4.0",
  ],
  "weak-copyleft": [
    "LGPL-2.0", "LGPL-2.1", "LGPL-3.0", "MPL-1.0", "MPL-1.1", "MPL-2.0", "MPL-2.0-no-copyleft-exception",
    "EPL-1.0", "EPL-2.0", "CDDL-1.0", "CDDL-1.1", "CPL-1.0", "MS-RL", "APSL-2.0",
  ],
  permissive: [
    "MIT", "MIT-0", "ISC", "0BSD", "BSD-1-Clause", "BSD-2-Clause", "BSD-3-Clause", "BSD-3-Clause-Clear", "Apache-1.1",
    "Apache-2.0", "Zlib", "Unlicense", "CC0-1.0", "PSF-2.0", "Python-2.0", "BlueOak-1.0.0", "BSL-1.0", "X11",
    "WTFPL", "UPL-1.0", "NCSA", "PostgreSQL", "CC-BY-3.0", "CC-BY-4.0", "Artistic-2.0",
  ],
} as const satisfies Record<string, readonly string[]>;

export type LicenseCategory = keyof typeof LICENSE_CATEGORIES;

const CATEGORY_MEMBERS = new Map<string, ReadonlySet<string>>(Object.entries(LICENSE_CATEGORIES).map(([name, ids]) => [name, new Set(ids)]));

/** SPDX's words for "no license determined". */
const UNKNOWN = new Set(["NOASSERTION", "NONE"]);

/** One entry of a policy's deny or allow list: a category, or one license (with `+` or `WITH`), never a compound. */
type ListEntry = { readonly category: ReadonlySet<string> } | { readonly license: string };

/** A deny or allow list, checked once when the policy is compiled. */
export class LicenseList {
  private constructor(private readonly entries: readonly ListEntry[]) {}

  static parse(values: readonly string[], name: string): LicenseList {
    return new LicenseList(
      values.map((value): ListEntry => {
        const category = CATEGORY_MEMBERS.get(value);
        if (category) return { category };
        let parsed: SpdxExpression;
        try {
          parsed = parseSpdx(value);
        } catch {
          throw new ReftrackError(`policy: ${name} entry "${value}" is not an SPDX license identifier or one of ${[...CATEGORY_MEMBERS.keys()].join(", ")}`);
        }
        if ("conjunction" in parsed) throw new ReftrackError(`policy: ${name} entry "${value}" is a compound expression; list its licenses one by one`);
        return { license: value };
      }),
    );
  }

  get size(): number {
    return this.entries.length;
  }

  /** The entry `license` (one license of an expression) falls under, if any. */
  entryFor(license: SpdxLicense): string | undefined {
    const text = leafText(license);
    for (const entry of this.entries) {
      if ("category" in entry) {
        if (entry.category.has(baseName(license.license))) return [...CATEGORY_MEMBERS].find(([, members]) => members === entry.category)![0];
      } else if (satisfies(text, [entry.license])) {
        return entry.license;
      }
    }
    return undefined;
  }
}

/** What a list of rules says of one license expression. */
export type LicenseVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly rule: "deny" | "allow" | "unknown"; readonly detail: string };

export interface LicenseRules {
  readonly deny: LicenseList;
  readonly allow: LicenseList;
  /** What a license nobody determined (NOASSERTION, NONE, or not an SPDX expression) is. */
  readonly unknown: "deny" | "allow";
}

/**
 * Judges an SPDX expression as spdx-satisfies does: an expression passes when some choice among
 * its OR branches passes, every license an AND joins included. So `MIT OR GPL-3.0-only` passes a
 * deny list of GPL-3.0-only (MIT can be chosen) and `MIT AND GPL-3.0-only` does not. A WITH
 * exception makes another license for list entries (`GPL-2.0-only` does not name
 * `GPL-2.0-only WITH Classpath-exception-2.0`); a category names a family with or without one.
 */
export function judgeLicense(expression: string, rules: LicenseRules): LicenseVerdict {
  let parsed: SpdxExpression | undefined;
  if (!UNKNOWN.has(expression)) {
    try {
      parsed = parseSpdx(expression);
    } catch {
      parsed = undefined;
    }
  }
  if (parsed === undefined) {
    return rules.unknown === "allow" ? { ok: true } : { ok: false, rule: "unknown", detail: `license ${expression} is not known` };
  }
  const blocking: string[] = [];
  const passes = (node: SpdxExpression): boolean => {
    if ("conjunction" in node) return node.conjunction === "and" ? passes(node.left) && passes(node.right) : passes(node.left) || passes(node.right);
    const denied = rules.deny.entryFor(node);
    if (denied !== undefined) {
      blocking.push(`${leafText(node)} is denied (${denied})`);
      return false;
    }
    if (rules.allow.size > 0 && rules.allow.entryFor(node) === undefined) {
      blocking.push(`${leafText(node)} is not in the allow list`);
      return false;
    }
    return true;
  };
  if (passes(parsed)) return { ok: true };
  const denied = blocking.some((reason) => reason.includes(" is denied "));
  return { ok: false, rule: denied ? "deny" : "allow", detail: [...new Set(blocking)].join("; ") };
}

/** Whether any license of `expression` falls under the list (a filter: "references under GPL"). */
export function mentionsLicense(expression: string, list: LicenseList): boolean {
  let parsed: SpdxExpression;
  try {
    parsed = parseSpdx(expression);
  } catch {
    return false;
  }
  const pending: SpdxExpression[] = [parsed];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if ("conjunction" in node) pending.push(node.left, node.right);
    else if (list.entryFor(node) !== undefined) return true;
  }
  return false;
}

function leafText(license: SpdxLicense): string {
  return `${license.license}${license.plus ? "+" : ""}${license.exception ? ` WITH ${license.exception}` : ""}`;
}

/** `GPL-2.0-or-later`, `GPL-2.0-only`, `GPL-2.0+` and `GPL-2.0` are one family member. */
function baseName(id: string): string {
  return id.replace(/\+$/, "").replace(/-(only|or-later)$/, "");
}
