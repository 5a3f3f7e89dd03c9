import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferenceTracker } from "../../src/tracker.js";
import { memoryTrackerForFiles } from "../support/memory-index.js";

// Written for this test: a parser's character tests, which compare a code against the ASCII bounds
// of digits and letters, as every character test does.
const LEXER = `function isIdentifierStart(code) {
  if (code < 0x41) return code === 0x24;
  if (code < 0x5b) return true;
  if (code < 0x61) return code === 0x5f;
  if (code < 0x7b) return true;
  return code >= 0xaa && isUnicodeIdentifierStart(code);
}

function readNumber(state, radix) {
  const start = state.pos;
  let total = 0;
  for (;;) {
    const code = state.input.charCodeAt(state.pos);
    const digit = digitValue(code);
    if (digit >= radix) break;
    total = total * radix + digit;
    state.pos++;
  }
  return state.pos === start ? null : total;
}

function isHexDigit(ch) {
  return (
    (ch >= 0x30 && ch <= 0x39) ||
    (ch >= 0x41 && ch <= 0x46) ||
    (ch >= 0x61 && ch <= 0x66)
  );
}

function hexToInt(ch) {
  if (ch >= 0x41 && ch <= 0x46) {
    return 10 + (ch - 0x41);
  }
  if (ch >= 0x61 && ch <= 0x66) {
    return 10 + (ch - 0x61);
  }
  return ch - 0x30;
}

function readHexEscape(state, length) {
  const start = state.pos;
  let value = 0;
  for (let i = 0; i < length; i++) {
    const ch = state.input.charCodeAt(state.pos);
    if (!isHexDigit(ch)) {
      state.pos = start;
      return -1;
    }
    value = value * 16 + hexToInt(ch);
    state.pos++;
  }
  return value;
}
`;

// Another project's cookie-domain check: a letter-or-digit test against the same bounds, and the
// hyphen rule of host names.
const COOKIES = `function isLetterOrDigit(code) {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a)
  );
}

function isLetterDigitOrHyphen(code) {
  return code === 0x2d || isLetterOrDigit(code);
}

function validateDomainLabel(label) {
  if (label.length === 0 || label.length > 63) {
    throw new Error("invalid cookie domain label length");
  }
  if (!isLetterOrDigit(label.charCodeAt(0)) || !isLetterOrDigit(label.charCodeAt(label.length - 1))) {
    throw new Error("a cookie domain label must start and end with a letter or digit");
  }
  for (let i = 1; i < label.length - 1; i++) {
    if (!isLetterDigitOrHyphen(label.charCodeAt(i))) {
      throw new Error("invalid character in cookie domain label");
    }
  }
}
`;

let tracker: ReferenceTracker;
beforeAll(async () => {
  tracker = await memoryTrackerForFiles({ "parser/lexer.js": LEXER });
});
afterAll(() => tracker.close());

describe("the ASCII bounds of digits and letters", () => {
  it("are no identity: another test of a character against them is not a copy", () => {
    expect(tracker.match(COOKIES, { language: "javascript" }).references).toEqual([]);
  });

  it("do not hide the parser's own tests copied, verbatim or renamed throughout", () => {
    const copied = LEXER.slice(LEXER.indexOf("function isHexDigit"));
    expect(tracker.match(copied, { language: "javascript" }).references.map((r) => r.path)).toEqual(["parser/lexer.js"]);
    const renamed = copied
      .replace(/isHexDigit/g, "isHex")
      .replace(/hexToInt/g, "hexValue")
      .replace(/readHexEscape/g, "readEscape")
      .replace(/\bch\b/g, "c")
      .replace(/\bstate\b/g, "reader")
      .replace(/\bvalue\b/g, "result");
    expect(tracker.match(renamed, { language: "javascript" }).references.map((r) => r.path)).toEqual(["parser/lexer.js"]);
  });
});
