import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LanguageName } from "../../src/languages/language.js";
import type { Reference } from "../../src/output/reference.js";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for these tests: code whose substance is its documentation, as a code assistant copies it.
const RETRY_PY = `import time


class Backoff:
    def delay_for(self, attempt):
        """Return how long to wait before the given retry attempt.

        The delay doubles with every attempt, starting from the base delay, and never
        exceeds the ceiling configured for this policy. A random jitter of up to a tenth
        of the delay is added so that many clients retrying together spread their load
        over time instead of returning all at once.
        """
        return min(self.ceiling, self.base * 2 ** attempt)
`;

const CLAMP_JS = `/**
 * Clamps a number into the closed interval between a lower and an upper bound. When the lower
 * bound is greater than the upper bound the two are swapped first, so callers may pass them in
 * either order; a value that is not a number is returned as the lower bound.
 *
 * @param {number} value The number to clamp into the interval.
 * @param {number} lower The lower bound of the interval.
 * @param {number} upper The upper bound of the interval.
 * @returns {number} Returns the clamped number.
 */
export function clamp(value, lower, upper) {
  return Math.min(Math.max(value, lower), upper);
}
`;

const MIT_HEADER = `/*
 * Copyright (c) 2019 Example Authors
 *
 * Permission is hereby granted, free of charge, to any person obtaining a copy of this software
 * and associated documentation files (the "Software"), to deal in the Software without
 * restriction, including without limitation the rights to use, copy, modify, merge, publish,
 * distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
 * Software is furnished to do so, subject to the following conditions:
 *
 * The above copyright notice and this permission notice shall be included in all copies or
 * substantial portions of the Software.
 *
 * THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.
 */
`;

// A build's attribution notice: no license text, but a copyright line and "released under".
const BUILD_NOTICE = `/**
 * Quarrystone (Custom Build) <https://quarrystone.example/>
 * Build: \`quarrystone modularize exports="npm" -o ./\`
 * Copyright Quarrystone Foundation and other contributors <https://quarrystone.example/>
 * Released under MIT license <https://quarrystone.example/license>
 * Based on Pebblework.js 2.1.0 <http://pebblework.example/LICENSE>
 * Copyright Jane Roe, Example Labs and the Pebblework contributors
 */
`;

const LICENSED_JS = `${MIT_HEADER}export function parseRange(text) {
  const [from, to] = text.split("..").map((part) => Number.parseInt(part.trim(), 10));
  if (Number.isNaN(from) || Number.isNaN(to)) throw new RangeError("not a range: " + text);
  return { from: Math.min(from, to), to: Math.max(from, to), size: Math.abs(to - from) + 1 };
}
`;

// A run of attribute copies: the very same text is valid JavaScript and valid Python.
const assignments = (names: readonly string[]) => names.map((name) => `target.${name} = source.${name}`).join("\n");
const FIELDS = ["width", "height", "depth", "color", "label", "weight", "offset", "origin", "parent", "visible", "opacity", "rotation", "scale", "tags"];
const COPY_JS = `export function copyFields(target, source) {\n${assignments(FIELDS).replace(/^/gm, "  ")}\n  return target;\n}\n`;

// TypeScript's emitted __awaiter helper, as every `tsc --target es2015` output file begins.
const AWAITER = `var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
`;
const COMPILED_JS = `"use strict";
${AWAITER}Object.defineProperty(exports, "__esModule", { value: true });
exports.loadSettings = void 0;
function loadSettings(store, key) {
    return __awaiter(this, void 0, void 0, function* () {
        const raw = yield store.read(key);
        return raw === undefined ? {} : JSON.parse(raw);
    });
}
exports.loadSettings = loadSettings;
`;

// Written for these tests: an interface of documented stubs.
const STUBS_PY = `class Item:
    """An item of a tree view; subclasses say what it shows."""

    def GetText(self):
        """Return text string to display."""

    def IsEditable(self):
        """Return whether the item's text may be edited."""

    def SetText(self, text):
        """Change the item's text (if it is editable)."""

    def GetIconName(self):
        """Return name of icon to be displayed normally."""

    def GetSubList(self):
        """Return list of items forming sublist."""

    def OnDoubleClick(self):
        """Called on a double-click on the item."""
`;

// A doc comment whose example is code with comments of its own.
const EXAMPLE_JS = `/**
 * Removes the entries a predicate accepts, one asynchronous call per entry.
 *
 * @example
 *
 * // the folder holds notes.txt and todo.txt, but archive.txt was moved away
 * const wanted = ['notes.txt', 'todo.txt', 'archive.txt'];
 *
 * // calls back with true when the file is still there
 * function present(name, done) {
 *     fs.access(name, (err) => done(null, !err));
 * }
 *
 * // the missing ones, in the order they were given
 * rejectEach(wanted, present, (err, missing) => {
 *     // [ 'archive.txt' ]
 * });
 */
export function rejectEach(entries, predicate, callback) {
  return filterEach(entries, (entry, done) => predicate(entry, (err, keep) => done(err, !keep)), callback);
}
`;

/** Short code with short comments between its statements: neither channel holds two seeds alone. */
const ESCAPE_JS = `import { table } from "./table.js";

export function escapeUnit(ch, asPoint) {
  if (asPoint) {
    // a zero byte becomes the replacement mark of unicode
    if (ch === "\\0") {
      return "\\uFFFD";
    }
    // control characters become hexadecimal code points
    return ch.slice(0, -1) + "\\\\" + ch.charCodeAt(ch.length - 1).toString(16) + " ";
  }
  return "\\\\" + ch;
}

export function escapeAll(text) {
  return String(text).replace(table.pattern, escapeUnit);
}
`;

/** A module's comment, then a directive and blank lines, then its code: neither has two seeds alone. */
const SCHEMA_JS = `// The default schema of the settings loader: every type the loader
// understands, in the order it tries them when a value is read.


'use strict';


module.exports = require('./core').extend({
  implicit: [require('../types/duration'), require('../types/size')],
  explicit: [require('../types/secret'), require('../types/path')],
});
`;

/** Original lines before `middle`, as in a whole file scanned in CI: long enough to need the seeds a long file needs. */
function originalFile(middle: string): string {
  const before = Array.from({ length: 40 }, (_, i) => `def helper_${i}(values, limit_${i}):\n    total_${i} = sum(v * ${i + 2} for v in values if v < limit_${i})\n    return total_${i} - ${i}\n`).join("\n");
  return `${before}\n\n${middle}`;
}

// Written for this test: a codec checking a specification's bidirectional rules, quoting them, and
// a password check of another library quoting the same rules above code of its own.
const BIDI_RULES = `    # 2) If a label contains any right-to-left character, the label
    # MUST NOT contain any left-to-right character.
    # 3) If a label contains any right-to-left character, a right-to-left
    # character MUST be the first character of the label, and a right-to-left
    # character MUST be the last character of the label.`;
const CODEC_PY = `def check_bidi(label):
    rtl = [in_table_d1(c) for c in label]
    if not any(rtl):
        return label
${BIDI_RULES}
    if any(in_table_d2(c) for c in label):
        raise UnicodeError("Violation of BIDI requirement 2")
    if not rtl[0] or not rtl[-1]:
        raise UnicodeError("Violation of BIDI requirement 3")
    return label
`;
const PASSWORD_PY = `def prepare_password(password):
    prepared = normalize("NFKC", password)
    if has_any(prepared, in_table_d1):
${BIDI_RULES.replace(/^ {4}/gm, "        ")}
        if has_any(prepared, in_table_d2) or not in_table_d1(prepared[0]) or not in_table_d1(prepared[-1]):
            raise PasswordError(f"{password} mixes writing directions")
    return prepared.encode("utf-8")
`;

let tracker: ReferenceTracker;

beforeAll(async () => {
  tracker = await memoryTrackerForFiles({
    "retry/backoff.py": RETRY_PY,
    "util/clamp.js": CLAMP_JS,
    "range/parse.js": LICENSED_JS,
    "notice/build.js": `${BUILD_NOTICE}export function chunkOf(values, size) {\n  const out = [];\n  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));\n  return out;\n}\n`,
    "fields/copy.js": COPY_JS,
    "settings/load.js": COMPILED_JS,
    "tree/item.py": STUBS_PY,
    "each/reject.js": EXAMPLE_JS,
    "css/escape.js": ESCAPE_JS,
    "config/schema.js": SCHEMA_JS,
    "codecs/bidi.py": CODEC_PY,
  });
});
afterAll(() => {
  tracker.close();
});

const docstringMethod = RETRY_PY.split("\n").slice(4).join("\n");

/** The query's first reference, asserted to be `path`'s, resting on code and prose together, at these lines on both sides. */
function codeAndText(query: string, language: LanguageName, path: string, queryLines: [number, number], sourceLines: [number, number]): Reference {
  const [reference] = tracker.match(query, { language }).references;
  expect(reference?.path).toBe(path);
  expect(reference!.explanation.basis).toBe("code and text");
  expect(reference!.queryLines).toEqual(queryLines);
  expect(reference!.sourceLines).toEqual(sourceLines);
  return reference!;
}

describe("text evidence", () => {
  it("finds a docstring-heavy method copied verbatim, by its text and the code beside it", () => {
    // The code alone is too short (next test), and too short for two fingerprints: its one seed
    // counts beside the docstring's, so the reference is the whole method.
    const reference = codeAndText(docstringMethod, "python", "retry/backoff.py", [1, 9], [5, 13]);
    expect(reference.explanation.textChars).toBeGreaterThanOrEqual(150);
    expect(reference.explanation.matchedChars).toBeGreaterThan(0);
  });

  it("counts a code region's seeds and its comments' together, in a query of any length", () => {
    // 146 characters of code and 87 of comment words: each short of 150, the comments one fingerprint.
    const reference = codeAndText(ESCAPE_JS.split("\n").slice(2, 11).join("\n"), "javascript", "css/escape.js", [1, 9], [3, 11]);
    expect(reference.explanation.matchedChars).toBeLessThan(150);
    expect(reference.explanation.textChars).toBeLessThan(150);
  });

  it("joins a comment and the code below it across blank and skipped lines", () => {
    codeAndText(SCHEMA_JS, "javascript", "config/schema.js", [1, 11], [1, 11]);
  });

  it("does not find the code alone: it is shorter than the threshold, which is why text counts", () => {
    const code = "def delay_for(self, attempt):\n    return min(self.ceiling, self.base * 2 ** attempt)\n";
    expect(tracker.match(code, { language: "python" }).references).toEqual([]);
  });

  it("finds it reformatted: re-indented and its docstring reflowed", () => {
    const reflowed = docstringMethod
      .replace(/^ {4}/gm, "")
      .replace(/\n {8}(?=[a-z])/g, " ")
      .replace(/\. A random/, ".\n    A random");
    expect(reflowed).not.toBe(docstringMethod);
    const [reference] = tracker.match(reflowed, { language: "python" }).references;
    expect(reference?.path).toBe("retry/backoff.py");
    expect(reference!.explanation.textChars).toBeGreaterThanOrEqual(150);
  });

  it("finds a JSDoc-heavy function, its comment markers and line breaks aside", () => {
    const rewrapped = CLAMP_JS.replace(/\n \* (?=[a-z])/g, " ");
    const [reference] = tracker.match(rewrapped, { language: "javascript" }).references;
    expect(reference?.path).toBe("util/clamp.js");
    expect(reference!.explanation.basis).not.toBe("code");
  });

  it("reports a docstring copied alone as text, with no code characters", () => {
    const docstring = RETRY_PY.split("\n").slice(5, 11).join("\n");
    const [reference] = tracker.match(docstring, { language: "python" }).references;
    expect(reference?.path).toBe("retry/backoff.py");
    expect(reference!.explanation.basis).toBe("text");
    expect(reference!.explanation.matchedChars).toBe(0);
    // Its figures are shares of prose on both sides: the whole docstring is all the file's prose.
    expect(reference!.matchedTokens).toBe(60);
    expect(reference!.explanation.queryCoverage).toBe(1);
    expect(reference!.explanation.sourceCoverage).toBe(1);
  });

  it("does not report a specification's requirement sentences quoted alone, as every implementation may quote them", () => {
    expect(tracker.match(PASSWORD_PY, { language: "python" }).references).toEqual([]);
    // The indexed codec itself, its code with the quotation, is reported.
    const [reference] = tracker.match(CODEC_PY, { language: "python" }).references;
    expect(reference?.path).toBe("codecs/bidi.py");
  });

  it("does not report a license header alone", () => {
    expect(tracker.match(MIT_HEADER, { language: "javascript" }).references).toEqual([]);
    // Above other code, the header adds nothing either.
    const mine = `${MIT_HEADER}export const answer = () => 42;\n`;
    expect(tracker.match(mine, { language: "javascript" }).references).toEqual([]);
    // Nor a build's attribution notice, which names no license text.
    expect(tracker.match(`${BUILD_NOTICE}export const question = () => "why";\n`, { language: "javascript" }).references).toEqual([]);
  });
});

describe("precision in whole files", () => {
  it("does not report Python code as a copy of JavaScript, though the text is the same", () => {
    const python = `def copy_fields(target, source):\n${assignments(FIELDS).replace(/^/gm, "    ")}\n    return target\n`;
    expect(tracker.match(python, { language: "python" }).references).toEqual([]);
    // The same lines as JavaScript are found: the family, not the text, kept it apart.
    expect(tracker.match(COPY_JS, { language: "typescript" }).references[0]?.path).toBe("fields/copy.js");
  });

  it("does not report a compiler helper prologue, though one indexed file carries it", () => {
    const otherModule = `"use strict";
${AWAITER}Object.defineProperty(exports, "__esModule", { value: true });
exports.sendReport = void 0;
function sendReport(client, report) {
    return __awaiter(this, void 0, void 0, function* () {
        const response = yield client.post("/reports", { body: report });
        if (!response.ok) throw new Error("report rejected: " + response.status);
    });
}
exports.sendReport = sendReport;
`;
    expect(tracker.match(otherModule, { language: "javascript" }).references).toEqual([]);
    expect(tracker.match(AWAITER, { language: "javascript" }).references).toEqual([]);
  });

  it("does not report documented stubs of other names and other words, the shape every interface has", () => {
    const otherStubs = `class Shape:
    """Base of the shapes a drawing holds."""

    def AreaOf(self):
        """Compute the area covered by the shape."""

    def IsClosed(self):
        """Tell whether the outline returns to its start."""

    def MoveBy(self, offset):
        """Shift every point by the given offset."""

    def OutlineColor(self):
        """Name the colour the outline is drawn in."""

    def ChildShapes(self):
        """List the shapes grouped under this one."""

    def OnSelect(self):
        """Handle the shape being picked by the user."""
`;
    expect(tracker.match(originalFile(otherStubs), { language: "python" }).references).toEqual([]);
    // The stubs themselves, copied, are found.
    expect(tracker.match(originalFile(STUBS_PY), { language: "python" }).references[0]?.path).toBe("tree/item.py");
  });

  it("reads a fragment that begins on a ` * // …` line of a doc comment as the comment's prose", () => {
    // Lines 6–16: wholly inside the comment, no delimiter in them, the first a comment in the example.
    const fragment = EXAMPLE_JS.split("\n").slice(5, 16).join("\n");
    expect(fragment.startsWith(" * // the folder")).toBe(true);
    const [reference] = tracker.match(fragment, { language: "javascript" }).references;
    expect(reference?.path).toBe("each/reject.js");
    expect(reference!.explanation.basis).toBe("text");
  });
});
