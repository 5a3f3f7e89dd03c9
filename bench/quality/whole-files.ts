/**
 * Whole held-out files scanned whole, as CI scans a repository: original code, none of it indexed.
 * A reference is false unless the region it reports shares a real run of text with the scanned
 * region (text-runs.ts): held-out code can hold real copies (a backport, a vendored helper), and
 * those are right to report.
 */
import { readFileSync } from "node:fs";
import type { LanguageName } from "../../src/languages/language.js";
import type { Reference } from "../../src/output/reference.js";
import { type SignificantLine, significantLines } from "./text-runs.js";
import type { Rng } from "../snippets.js";
import { type SharesText, isRealCopy } from "./evaluate.js";

/**
 * A file of a whole-file set. Its text is read again when scanned and its significant lines only
 * when a reference is judged: held for all 125,000 files at once, they outgrow the heap.
 */
export interface WholeFile {
  readonly group: string;
  readonly file: string;
  readonly language: LanguageName;
  readonly bytes: number;
}

/** The file's text, as it was when sampled (the benchmark's caches are not written while it runs). */
export function wholeFileText(file: WholeFile): string {
  return readFileSync(file.file, "utf8");
}

/** The file's significant lines, for judging its references (text-runs.ts). */
export function wholeFileLines(file: WholeFile, text: string): readonly SignificantLine[] {
  return significantLines(text, file.language === "python");
}

/** Up to `count` files of `files`, drawn with `rng`, each read once, whole: empty, binary, over `maxBytes`, or turned down by `accept`, skipped. */
export function sampleWholeFiles(
  group: string,
  files: readonly string[],
  language: LanguageName,
  count: number,
  rng: Rng,
  maxBytes = 4 * 1024 * 1024,
  accept: (text: string) => boolean = () => true,
): WholeFile[] {
  const pool = [...files];
  const out: WholeFile[] = [];
  while (out.length < count && pool.length > 0) {
    const file = pool.splice(rng.int(pool.length), 1)[0]!;
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    const bytes = Buffer.byteLength(text);
    if (bytes === 0 || bytes > maxBytes || text.includes("\u0000") || !accept(text)) continue;
    // A TypeScript package's `.tsx` files are read as TSX, as `scan` reads them.
    out.push({ group, file, language: language === "typescript" && file.endsWith(".tsx") ? "tsx" : language, bytes });
  }
  return out;
}

export interface WholeFileOutcome {
  readonly references: number;
  /** References whose reported region shares a real run of text with the scanned region. */
  readonly realCopies: number;
  readonly falseReferences: number;
}

export function judgeWholeFile(
  file: WholeFile,
  lines: readonly SignificantLine[],
  references: readonly Reference[],
  sharesText: SharesText,
): WholeFileOutcome {
  let realCopies = 0;
  for (const reference of references) if (isRealCopy(file.file, lines, reference, sharesText)) realCopies++;
  return { references: references.length, realCopies, falseReferences: references.length - realCopies };
}
