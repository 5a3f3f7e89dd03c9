import { describe, expect, it } from "vitest";
import { licenseNoticeLines } from "../../bench/quality/text-runs.js";
import { nonImportChars, rawTextChars } from "../../bench/snippets.js";

// Which regions the quality benchmark takes as queries is decided on their raw text: these pin
// what its measure counts.

const HEADER = [
  "/*",
  " * Copyright 2024 Example Corp. All rights reserved.",
  " * Unless required by applicable law or agreed to in writing, software distributed under",
  " * the License is distributed on an \"AS IS\" BASIS, WITHOUT WARRANTIES OR REPRESENTATIONS",
  " */",
];
const IMPORTS = ["import {useState} from 'react';", "import {clamp} from './utils';"];
const CODE = ["/** Keeps a value inside its range. */", "export function useClamped(value: number) {", "  return clamp(value, 0, 10);", "}"];
const count = (lines: readonly string[]): number => lines.join("").replace(/\s+/g, "").length;

describe("the quality benchmark's measure of a region", () => {
  it("leaves out a comment holding a license notice whole, and import lines", () => {
    const window = [...HEADER, ...IMPORTS, ...CODE];
    expect(rawTextChars(window, "tsx")).toBe(count(CODE));
    // Before notices were left out, the header counted.
    expect(nonImportChars(window, "tsx")).toBe(count([...HEADER, ...CODE]));
  });

  it("counts other comments and docstrings, which are copied with the code", () => {
    expect(licenseNoticeLines(CODE, false)).toEqual([false, false, false, false]);
    const python = ["# Keeps a value inside its range.", "def clamped(value):", '    """Between 0 and 10."""', "    return min(max(value, 0), 10)"];
    expect(rawTextChars(python, "python")).toBe(count(python));
  });

  it("reads a notice cut at its start as a notice: the comment lines of the window that hold one", () => {
    // A window beginning inside the header: its first lines are the notice's rest, one of them a notice's line.
    expect(licenseNoticeLines([...HEADER.slice(2), ...CODE], false)).toEqual([true, true, true, false, false, false, false]);
    const python = ["# Licensed under the Apache License, Version 2.0", "# you may not use this file except in compliance.", "", "# Keeps a value.", "x = 1"];
    expect(licenseNoticeLines(python, true)).toEqual([true, true, false, false, false]);
  });
});
