import { beforeAll, describe, expect, it } from "vitest";
import { loadTokenHasher } from "../../src/hashing.js";
import { languageByName } from "../../src/languages/registry.js";
import { Normalizer } from "../../src/normalize/normalizer.js";
import { textStream } from "../../src/normalize/text.js";

let normalizer: Normalizer;
beforeAll(async () => {
  normalizer = new Normalizer(await loadTokenHasher());
});

/** How many words of prose textStream reads in `code`. */
function wordsOf(code: string, language: "javascript" | "python"): number {
  const definition = languageByName(language);
  return textStream(code, normalizer.lex(code, definition).textSpans ?? [], definition).count;
}

describe("license notices in the text stream", () => {
  it("drops a build's attribution notice: a copyright line and \"released under\", no license text", () => {
    const notice = `/**
 * Tessellate (Custom Build) <https://tessellate.example/>
 * Copyright Tessellate Foundation and other contributors <https://tessellate.example/>
 * Released under MIT license <https://tessellate.example/license>
 */
`;
    const doc = "/** Splits the values into rows of the given width, the last one shorter. */\n";
    expect(wordsOf(notice, "javascript")).toBe(0);
    expect(wordsOf(`${notice}${doc}`, "javascript")).toBe(wordsOf(doc, "javascript"));
    expect(wordsOf(doc, "javascript")).toBeGreaterThan(10);
  });

  it("judges a run of line comments together, and a block comment after a license block alone", () => {
    // Only the middle line names the license; the lines around it are the same notice.
    const lines = "# This file is part of the Example toolkit for tables.\n# SPDX-License-Identifier: MIT\n# Use it, change it and share it as that license says.\nimport os\n";
    expect(wordsOf(lines, "python")).toBe(0);
    const block = "/* Permission is hereby granted, free of charge, to any person. */\n/** Splits the values into rows of the given width, the last one shorter. */\n";
    expect(wordsOf(block, "javascript")).toBe(13);
  });

  it("keeps a comment that names the copyright sign, not a holder", () => {
    // A codec table's comments are the characters' names.
    const table = "decoding_map = {\n    0x00a9: 0x00b8,     #  COPYRIGHT SIGN\n    0x00aa: 0x00a6,     #  FEMININE ORDINAL INDICATOR\n}\n";
    expect(wordsOf(table, "python")).toBe(5);
  });
});
