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

  it("keeps the description above a copyright line, and leaves out a license from its first notice on", () => {
    // Written for this test: a module header that describes the module, then credits its author.
    const description = "# Package that schedules jobs like 'sched.py' does,\n# but across several worker processes on one machine.\n";
    const header = `${description}#\n# Copyright (c) 2019 A. Writer\n# Licensed to the Example project under a contributor agreement.\n#\nimport os\n`;
    expect(wordsOf(header, "python")).toBe(wordsOf(description, "python"));
    expect(wordsOf(description, "python")).toBe(15);
    // A BSD license as line comments: its later paragraphs name no license, and are left out with it.
    const bsd = [
      "// Copyright 2020 The Example Authors.",
      "//",
      "// Redistribution and use in source and binary forms, with or without modification, are permitted.",
      "//",
      '// THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS',
      "// OR IMPLIED WARRANTIES ARE DISCLAIMED. IN NO EVENT SHALL THE AUTHORS BE LIABLE FOR ANY DAMAGES.",
      "export const x = 1;",
    ].join("\n");
    expect(wordsOf(bsd, "javascript")).toBe(0);
  });

  it("keeps a docstring's paragraphs before one that carries a copyright", () => {
    const docstring = '"""Codecs for the example encodings.\n\n    Each codec module exports getregentry().\n\n(c) Copyright Example Corp, All Rights Reserved.\n\n    Later words are part of the notice.\n"""\nimport codecs\n';
    expect(wordsOf(docstring, "python")).toBe(10);
  });

  it("keeps a comment that names the copyright sign, not a holder", () => {
    // A codec table's comments are the characters' names.
    const table = "decoding_map = {\n    0x00a9: 0x00b8,     #  COPYRIGHT SIGN\n    0x00aa: 0x00a6,     #  FEMININE ORDINAL INDICATOR\n}\n";
    expect(wordsOf(table, "python")).toBe(5);
  });
});

describe("words of a span", () => {
  /** The words textStream reads in `code`, as written. */
  function wordTexts(code: string, language: "javascript" | "python"): string[] {
    const definition = languageByName(language);
    const spans = normalizer.lex(code, definition).textSpans ?? [];
    const stream = textStream(code, spans, definition);
    // Words are hashes: compared with the stream of the same words written plainly.
    return [...stream.hashes].map((hash) => String(hash));
  }

  it("splits on any white space a regular expression's \\s matches, ideographic space and no-break space included", () => {
    const spaced = "// alpha\u3000beta\u00a0gamma\u2009delta epsilon\n";
    const plain = "// alpha beta gamma delta epsilon\n";
    expect(wordTexts(spaced, "javascript")).toEqual(wordTexts(plain, "javascript"));
    expect(wordTexts(plain, "javascript")).toHaveLength(5);
  });

  it("leaves out comment markers, a comment line of markers alone, and a string's quotes and prefix", () => {
    const marked = "/** alpha beta\n * gamma delta */\n// //// ** #\n//! epsilon\n";
    expect(wordTexts(marked, "javascript")).toEqual(wordTexts("// alpha beta gamma delta epsilon\n", "javascript"));
    const doc = 'x = r"""alpha beta gamma delta epsilon zeta"""\n';
    expect(wordTexts(doc, "python")).toEqual(wordTexts("# alpha beta gamma delta epsilon zeta\n", "python"));
  });

  it("numbers each word with its own line", () => {
    const definition = languageByName("python");
    const code = 'def f():\n    """alpha beta\n\n    gamma delta epsilon zeta"""\n';
    const stream = textStream(code, normalizer.lex(code, definition).textSpans ?? [], definition);
    expect([...stream.startLines]).toEqual([2, 2, 4, 4, 4, 4]);
  });
});

describe("compiler helpers' messages in the text stream", () => {
  it("are no prose, whatever the helper around them is called; a message of the code's own is", () => {
    const helper = 'function q(){throw new TypeError("Invalid attempt to spread non-iterable instance.\\nIn order to be iterable, non-array objects must have a [Symbol.iterator]() method.")}\n';
    const own = 'function q(){throw new TypeError("Invalid palette entry: every colour needs a name, a hex value and a contrast pair.")}\n';
    expect(wordsOf(helper, "javascript")).toBe(0);
    expect(wordsOf(own, "javascript")).toBeGreaterThan(10);
    // TypeScript's generator helper, minified: its message is dropped, the comment beside it kept.
    const generator = '/* Walks the rows of a table, one a call. */var g=function(){if(f)throw new TypeError("Generator is already executing.")};\n';
    expect(wordsOf(generator, "javascript")).toBe(wordsOf("/* Walks the rows of a table, one a call. */\n", "javascript"));
  });
});

describe("where the words are", () => {
  it("records each word's offsets in the source, markers and quotes left out", () => {
    const code = '/** Splits the values into rows. */\nconst message = "the rows are all of one width";\n';
    const definition = languageByName("javascript");
    const words = textStream(code, normalizer.lex(code, definition).textSpans ?? [], definition);
    const texts = Array.from({ length: words.count }, (_, i) => code.slice(words.startOffsets![i], words.endOffsets![i]));
    expect(texts).toEqual(["Splits", "the", "values", "into", "rows.", "the", "rows", "are", "all", "of", "one", "width"]);
  });
});

describe("annotations", () => {
  it("marks the words of a comment after code on its line, not those of a comment on lines of its own", () => {
    const code = `# Byte values and the characters they stand for.
table = {
    0x80: 0x0391,  # GREEK CAPITAL LETTER ALPHA
    # the next rows follow the standard's order
    0x81: 0x0392,  # GREEK CAPITAL
}
`;
    const definition = languageByName("python");
    const stream = textStream(code, normalizer.lex(code, definition).textSpans ?? [], definition);
    const marked = [...stream.annotations!].map((flag, i) => `${flag}:${code.slice(stream.startOffsets![i], stream.endOffsets![i])}`);
    expect(marked).toEqual([
      ..."Byte values and the characters they stand for.".split(" ").map((word) => `0:${word}`),
      ..."GREEK CAPITAL LETTER ALPHA".split(" ").map((word) => `1:${word}`),
      ..."the next rows follow the standard's order".split(" ").map((word) => `0:${word}`),
      "1:GREEK",
      "1:CAPITAL",
    ]);
  });
});

describe("requirement keywords", () => {
  it("marks RFC 2119's capitalized keywords, a trailing comma or period aside, and nothing else", () => {
    const code = `# The label MUST NOT be empty, and it SHOULD be ASCII; a reader MAY accept more.
# Callers must check it. REQUIRED. RECOMMENDED: MUSTARD
`;
    const definition = languageByName("python");
    const stream = textStream(code, normalizer.lex(code, definition).textSpans ?? [], definition);
    const marked = [...stream.requirements!].flatMap((flag, i) => (flag ? [code.slice(stream.startOffsets![i], stream.endOffsets![i])] : []));
    expect(marked).toEqual(["MUST", "SHOULD", "REQUIRED.", "RECOMMENDED:"]);
  });
});


describe("one text stream after another", () => {
  it("reads a stream the same before and after a stream of many words, whose columns are let go", () => {
    const definition = languageByName("python");
    const read = (code: string) => {
      const stream = textStream(code, normalizer.lex(code, definition).textSpans ?? [], definition);
      return { count: stream.count, hashes: [...stream.hashes], lines: [...stream.startLines], annotations: [...stream.annotations!] };
    };
    const small = `x = 1  # the counter starts at one here\n"""A docstring of a few words, read as prose."""\n`;
    const first = read(small);
    const huge = `"""${Array.from({ length: 70_000 }, (_, i) => `word${i % 997}`).join(" ")}"""\n`;
    expect(read(huge).count).toBe(70_000);
    expect(read(small)).toEqual(first);
    expect(first.count).toBeGreaterThan(10);
    expect(first.annotations.some((flag) => flag === 1)).toBe(true);
  });
});
