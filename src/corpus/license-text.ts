import { createRequire } from "node:module";
import { LICENSE_TEXT_MIN_WORDS, LICENSE_TEXT_THRESHOLD } from "../options.js";

/**
 * Identifies a license from its text, the way licensee and askalono do: both texts are reduced
 * to lower-case words with copyright lines and template placeholders removed, and compared as
 * sets of word bigrams by the Sørensen–Dice coefficient. A changed copyright holder or year,
 * re-wrapped lines or Markdown markup leave the score near 1; a different license, or a text
 * that is not a license, falls far below the threshold.
 */

const require = createRequire(import.meta.url);

interface LicenseListEntry {
  readonly name: string;
  readonly licenseText: string;
}


interface Template {
  readonly id: string;
  readonly bigrams: Uint32Array;
}

let templates: Template[] | undefined;

function loadTemplates(): Template[] {
  if (templates) return templates;
  const list = require("spdx-license-list/full.js") as Record<string, LicenseListEntry>;
  // Only current identifiers: the list also carries deprecated ones ("GPL-3.0+", "GPL-2.0").
  const current = new Set(require("spdx-license-ids") as string[]);
  templates = Object.entries(list)
    .filter(([id]) => current.has(id))
    // Identical texts (GPL-2.0-only / -or-later) tie; the sorted order makes "-only", the
    // narrower grant, win — the text alone cannot show the "or later" option.
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, entry]) => ({ id, bigrams: bigramSet(entry.licenseText) }))
    .filter((t) => t.bigrams.length >= LICENSE_TEXT_MIN_WORDS);
  return templates;
}

/** Spelling variants that mean the same word in license texts. */
const VARIANTS: [RegExp, string][] = [
  [/licen[cs]e/g, "license"],
  [/\bcopyright holders?\b/g, "copyright holder"],
  [/&/g, " and "],
  [/https?:\/\/\S+/g, " "],
];

/** Lower-case words of a license text, without its copyright lines and placeholders. */
function licenseWords(text: string): string[] {
  const kept: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    // Copyright lines hold the variable part (holder, years); they identify nobody's license.
    // "(c)" alone is also a list marker ("(c) You must retain…" in Apache-2.0), so only "(c) 2020".
    // Wrapped terms can also start a line with the word: "copyright notice and this permission…".
    const trimmed = line.trim();
    if (/^\W*(copyright\b|©|\(c\)\s*\d|all rights reserved)/i.test(trimmed) && !/^\W*copyright\s+(notice|holder|owner|and|law|license|statement)/i.test(trimmed)) {
      continue;
    }
    kept.push(line);
  }
  let body = kept.join("\n").toLowerCase();
  // What follows "END OF TERMS AND CONDITIONS" (Apache's appendix, the GPL's "How to Apply")
  // is advice, not terms, and real LICENSE files keep or drop it at will.
  const end = body.indexOf("end of terms and conditions");
  if (end !== -1) body = body.slice(0, end);
  // ISC names itself where its copies name "the author" (an SPDX matching-guideline variable).
  body = body.replace(/^\W*isc license:?\s*$/m, " ").replace(/\bisc\b/g, "the author");
  // SPDX templates mark variable parts <like this>; real files have the filled-in value instead.
  body = body.replace(/<[^<>\n]{1,80}>/g, " ");
  for (const [pattern, replacement] of VARIANTS) body = body.replace(pattern, replacement);
  return body.match(/[a-z0-9]+/g) ?? [];
}

/** FNV-1a over the two words: bigrams compared as sorted 32-bit hashes, 4 bytes each. */
function bigramSet(text: string): Uint32Array {
  const words = licenseWords(text);
  const hashes = new Uint32Array(Math.max(0, words.length - 1));
  for (let i = 0; i + 1 < words.length; i++) {
    let h = 0x811c9dc5;
    const pair = `${words[i]} ${words[i + 1]}`;
    for (let j = 0; j < pair.length; j++) {
      h ^= pair.charCodeAt(j);
      h = Math.imul(h, 0x01000193);
    }
    hashes[i] = h >>> 0;
  }
  hashes.sort();
  let unique = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[unique++] = hashes[i]!;
  return hashes.subarray(0, unique);
}

function dice(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return (2 * shared) / (a.length + b.length);
}

export interface IdentifiedLicense {
  /** SPDX identifier of the best-matching license text. */
  readonly id: string;
  /** Dice coefficient of word bigrams, 0–1. */
  readonly score: number;
}

/** The SPDX license whose text `text` is, or undefined when none scores above the threshold. */
export function identifyLicenseText(text: string): IdentifiedLicense | undefined {
  const bigrams = bigramSet(text);
  if (bigrams.length < LICENSE_TEXT_MIN_WORDS) return undefined;
  let best: IdentifiedLicense | undefined;
  for (const template of loadTemplates()) {
    const size = template.bigrams.length;
    // Dice can be no more than 2·min/(sum): skip texts of very different length unread.
    if ((2 * Math.min(size, bigrams.length)) / (size + bigrams.length) < LICENSE_TEXT_THRESHOLD) continue;
    const score = dice(bigrams, template.bigrams);
    if (score >= LICENSE_TEXT_THRESHOLD && (!best || score > best.score)) best = { id: template.id, score };
  }
  return best && { id: best.id, score: Math.round(best.score * 1000) / 1000 };
}

/** The version of the SPDX license list license texts are identified against (spdx-license-list's). */
export function licenseListVersion(): string {
  return (require("spdx-license-list/package.json") as { version: string }).version;
}
