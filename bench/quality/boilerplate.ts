/**
 * Boilerplate snippets, which must never be reported: real import blocks, `__main__` stanzas, and
 * the helper prologues compilers emit (TypeScript's `__awaiter`, esbuild's `__defProp`/`__toESM`,
 * Babel's `_interopRequireDefault`), taken from real files.
 */
import { readFileSync } from "node:fs";
import { languageForPath } from "../../src/languages/registry.js";
import type { Rng, Snippet } from "../snippets.js";

const IMPORT_LINE = /^(import |from \S+ import |const \w+ = require\()/;
const TSC_HELPER = /^var __(createBinding|importDefault|importStar|awaiter|generator|extends|assign|setModuleDefault|exportStar|decorate|rest|values|read|spreadArray) = /;
const ESBUILD_PROLOGUE = /^var __(defProp|create|getOwnPropDesc|getOwnPropNames|getProtoOf|hasOwnProp|name|esm|commonJS|export|copyProps|toESM|toCommonJS|publicField) = /;
const BABEL_HELPER = /^function _(interopRequireDefault|interopRequireWildcard|classCallCheck|createClass|defineProperty|inherits|possibleConstructorReturn|getPrototypeOf|setPrototypeOf|typeof|slicedToArray|toConsumableArray|asyncToGenerator|objectSpread2?|extends|objectWithoutProperties|defineProperties|assertThisInitialized)\(/;

function read(file: string): string[] | undefined {
  try {
    return readFileSync(file, "utf8").split("\n");
  } catch {
    return undefined;
  }
}

/** The helper block from `start`: helpers, their indented bodies and closing lines, module plumbing. */
function helperBlock(lines: readonly string[], start: number, helperLine: RegExp): number {
  let end = start + 1;
  while (
    end < lines.length &&
    end - start < 60 &&
    (helperLine.test(lines[end]!) || /^(\s|}|\)|Object\.defineProperty\(exports, "__esModule"|exports\.\w+ = (exports\.\w+ = )*void 0|"use strict"|$)/.test(lines[end]!))
  ) {
    end++;
  }
  return end;
}

/** Import blocks, `__main__` stanzas and compiler helper blocks of `files`, in a seeded order. */
export function boilerplateSnippets(files: readonly string[], rng: Rng, limit: number): Snippet[] {
  const found: Snippet[] = [];
  const shuffled = [...files].sort(() => rng.next() - 0.5);
  for (const file of shuffled) {
    if (found.length >= limit) break;
    const lines = read(file);
    if (!lines) continue;
    const language = languageForPath(file)!.name;
    const importRun = lines.findIndex((_, i) => lines.slice(i, i + 5).every((l) => IMPORT_LINE.test(l)));
    if (importRun >= 0) {
      let end = importRun;
      while (end < lines.length && IMPORT_LINE.test(lines[end]!)) end++;
      found.push({ code: lines.slice(importRun, end).join("\n"), language, file, startLine: importRun + 1, endLine: end });
    }
    const main = lines.findIndex((l) => /^if __name__ == .__main__.:/.test(l));
    if (main >= 0) found.push({ code: lines.slice(main, main + 3).join("\n"), language, file, startLine: main + 1, endLine: main + 3 });
    found.push(...helperSnippets(file, lines));
  }
  return found.slice(0, limit);
}

/** Compiler helper prologues of one file (TypeScript, esbuild, Babel), each as one snippet. */
export function helperSnippets(file: string, lines: readonly string[] = read(file) ?? []): Snippet[] {
  const language = languageForPath(file)?.name;
  if (!language || language === "python") return [];
  const out: Snippet[] = [];
  for (const helperLine of [TSC_HELPER, ESBUILD_PROLOGUE, BABEL_HELPER]) {
    const start = lines.findIndex((l) => helperLine.test(l));
    if (start < 0) continue;
    const end = helperBlock(lines, start, helperLine);
    if (end - start >= 3) out.push({ code: lines.slice(start, end).join("\n"), language, file, startLine: start + 1, endLine: end });
  }
  return out;
}
