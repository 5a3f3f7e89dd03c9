import { describe, expect, it } from "vitest";
import { decodeDeclared, declaredEncoding, encodedPrefixLength } from "../../src/files/source-encoding.js";
import { decodeSource } from "../../src/files/source-file.js";

const latin1 = (text: string): Buffer => Buffer.from(text, "latin1");

describe("coding declarations (PEP 263)", () => {
  it("finds the declaration on the first line, or on the second after a comment line", () => {
    expect(declaredEncoding(latin1("# -*- coding: latin-1 -*-\nx = 'é'\n"))).toBe("latin-1");
    expect(declaredEncoding(latin1("#!/usr/bin/env python\n# vim: set fileencoding=koi8-r :\n"))).toBe("koi8-r");
    expect(declaredEncoding(latin1("\n#coding=iso-8859-15\n"))).toBe("iso-8859-15");
    expect(declaredEncoding(latin1("#!/usr/bin/python\r\n# coding: cp1252\r\n"))).toBe("cp1252");
    // Not after a line of code, not on the third line, not outside a comment.
    expect(declaredEncoding(latin1("import os\n# coding: latin-1\n"))).toBeUndefined();
    expect(declaredEncoding(latin1("#!/usr/bin/python\n#\n# coding: latin-1\n"))).toBeUndefined();
    expect(declaredEncoding(latin1("coding = 'latin-1'\n"))).toBeUndefined();
  });

  it("decodes in the encoding declared, by Python's names and WHATWG's", () => {
    // ISO-8859-1 as Python reads it: 0x80-0x9F are controls, not windows-1252's punctuation.
    expect(decodeDeclared(Buffer.from([0x61, 0xe9, 0x93]), "latin-1")).toEqual({ ok: true, text: "a\u00e9\u0093", encoding: "iso-8859-1" });
    expect(decodeDeclared(Buffer.from([0x61, 0xe9, 0x93]), "cp1252")).toEqual({ ok: true, text: "a\u00e9\u201c", encoding: "windows-1252" });
    expect(decodeDeclared(Buffer.from([0xf0, 0xc9, 0xd4, 0xcf, 0xce]), "koi8_r")).toEqual({ ok: true, text: "Питон", encoding: "koi8-r" });
    expect(decodeDeclared(Buffer.from([0x93, 0xfa, 0x96, 0x7b]), "cp932")).toEqual({ ok: true, text: "日本", encoding: "shift_jis" });
    expect(decodeDeclared(Buffer.from([0x93, 0xfa, 0x96, 0x7b]), "shift_jis")).toMatchObject({ ok: true, text: "日本" });
  });

  it("says why when the declaration cannot be honoured", () => {
    expect(decodeDeclared(Buffer.from([0x61, 0xff]), "utf-8")).toEqual({ ok: false, detail: "not valid UTF-8, the encoding its coding declaration names" });
    expect(decodeDeclared(Buffer.from([0x61, 0xff]), "ascii")).toMatchObject({ ok: false, detail: expect.stringMatching(/not valid ASCII/) });
    expect(decodeDeclared(Buffer.from([0x61, 0xff]), "rot13")).toEqual({ ok: false, detail: 'its coding declaration names "rot13", an encoding reftrack cannot read' });
    // A declaration read as ASCII cannot truthfully name UTF-16.
    expect(decodeDeclared(Buffer.from([0x61, 0xff]), "utf-16")).toMatchObject({ ok: false, detail: expect.stringMatching(/cannot read/) });
    // cp1252 has no character at 0x81, and Python refuses it.
    expect(decodeDeclared(Buffer.from([0x61, 0x81]), "cp1252")).toEqual({ ok: false, detail: "not valid cp1252, the encoding its coding declaration names" });
    // 0x81 0x20: a lead byte without its trail.
    expect(decodeDeclared(Buffer.from([0x61, 0x81, 0x20]), "shift_jis")).toEqual({ ok: false, detail: "not valid shift_jis, the encoding its coding declaration names" });
  });

  it("counts the bytes of a line's first characters in its own encoding", () => {
    const line = Buffer.from([0x93, 0xfa, 0x96, 0x7b, 0x61, 0x62]); // 日本ab in Shift_JIS
    expect(encodedPrefixLength(line, 0, "shift_jis")).toBe(0);
    expect(encodedPrefixLength(line, 1, "shift_jis")).toBe(2);
    expect(encodedPrefixLength(line, 3, "shift_jis")).toBe(5);
    expect(encodedPrefixLength(line, 9, "shift_jis")).toBe(6);
    expect(encodedPrefixLength(latin1("éa"), 1, "iso-8859-1")).toBe(1);
  });
});

describe("reading source in a declared encoding", () => {
  it("reads a file its declaration says is Latin-1, keeping its bytes for reports", () => {
    const bytes = latin1("# -*- coding: latin-1 -*-\n# Fran\u00e7ois Pinard\nx = 1\n");
    const read = decodeSource(bytes, "heapq.py");
    expect(read).toEqual({ ok: true, text: "# -*- coding: latin-1 -*-\n# Fran\u00e7ois Pinard\nx = 1\n", original: { bytes: new Uint8Array(bytes), encoding: "iso-8859-1" } });
    // The bytes are a copy: the reading buffer they came from is used again for the next file.
    bytes.fill(0x20);
    expect(read.ok && Buffer.from(read.original!.bytes).toString("latin1")).toMatch(/^# -\*- coding/);
  });

  it("skips what is not UTF-8 without a declaration, or not what its declaration says", () => {
    expect(decodeSource(latin1("x = '\u00e9'\n"), "a.py")).toEqual({ ok: false, reason: "invalid-utf8", detail: "not valid UTF-8" });
    expect(decodeSource(latin1("# coding: utf-8\nx = '\u00e9'\n"), "a.py")).toEqual({
      ok: false,
      reason: "invalid-utf8",
      detail: "not valid UTF-8, the encoding its coding declaration names",
    });
    // UTF-8 with a declaration of another encoding is read as UTF-8, as its bytes are.
    expect(decodeSource(Buffer.from("# coding: latin-1\nx = '\u00e9'\n", "utf8"), "a.py")).toEqual({ ok: true, text: "# coding: latin-1\nx = '\u00e9'\n" });
  });

  it("keeps the bytes of a file that begins with a byte-order mark, which the text does not", () => {
    const bytes = Buffer.from("\ufeffx = 1\n", "utf8");
    expect(decodeSource(bytes, "bom.py")).toEqual({ ok: true, text: "x = 1\n", original: { bytes: new Uint8Array(bytes), encoding: "utf-8" } });
  });

  it("keeps the bytes of a file whose lines end with CR alone", () => {
    const bytes = Buffer.from("a = 1\rb = 2\r");
    expect(decodeSource(bytes, "mac.py")).toEqual({ ok: true, text: "a = 1\nb = 2\n", original: { bytes: new Uint8Array(bytes), encoding: "utf-8" } });
  });
});
