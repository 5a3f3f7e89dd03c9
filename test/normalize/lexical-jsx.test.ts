import { describe, expect, it } from "vitest";
import { isBlankText, JsxFrames, jsxTextEnd, startsElement } from "../../src/normalize/lexical-jsx.js";

describe("the lexer's JSX frames", () => {
  it("follows a tag, its children, an expression inside them and the closing tag", () => {
    const jsx = new JsxFrames();
    jsx.tagOpened(false); // <div
    expect(jsx.inTag()).toBe(true);
    jsx.tagEnded(false); // >
    expect(jsx.inChildren()).toBe(true);
    jsx.braceOpened(1); // {
    expect(jsx.inChildren()).toBe(false);
    expect(jsx.inTag()).toBe(false);
    jsx.bracketClosed(0); // }
    expect(jsx.inChildren()).toBe(true);
    jsx.tagOpened(true); // </div
    expect(jsx.inTag()).toBe(true);
    jsx.tagEnded(false); // >
    expect(jsx.inChildren()).toBe(false);
    expect(jsx.inTag()).toBe(false);
  });

  it("ends a self-closing element without children, and leaves a plain brace alone", () => {
    const jsx = new JsxFrames();
    jsx.braceOpened(1);
    expect(jsx.inTag() || jsx.inChildren()).toBe(false);
    jsx.tagOpened(false);
    jsx.tagEnded(true); // />
    expect(jsx.inTag() || jsx.inChildren()).toBe(false);
  });

  it("reads from inside a tag opened before the source, then its children, then presumably its parent's", () => {
    const jsx = new JsxFrames();
    jsx.openedBefore();
    expect(jsx.inTag()).toBe(true); // onPress={…}
    jsx.tagEnded(false); // >
    expect(jsx.inChildren()).toBe(true);
    expect(jsx.inPresumedChildren()).toBe(false);
    jsx.tagOpened(true); // </Button
    jsx.tagEnded(false); // >
    expect(jsx.inPresumedChildren()).toBe(true);
    // `);` follows: the element was an expression's own.
    jsx.leavePresumedChildren();
    expect(jsx.outside()).toBe(true);
  });

  it("tells an element from a comparison and a TSX arrow's type parameters", () => {
    expect(startsElement("<div>", 0, "return")).toBe(true);
    expect(startsElement("<>", 0, "(")).toBe(true);
    expect(startsElement("< n", 0, "++")).toBe(false);
    expect(startsElement("<T,>(x: T) => x", 0, "=")).toBe(false);
    expect(startsElement("<T extends U>(x: T) => x", 0, "=")).toBe(false);
  });

  it("reads an element's text up to the next tag or expression", () => {
    const code = "<p>\n  Hello {name}</p>";
    const from = code.indexOf(">") + 1;
    expect(jsxTextEnd(code, from)).toBe(code.indexOf("{"));
    expect(isBlankText(code, from, code.indexOf("H"))).toBe(true);
    expect(isBlankText(code, from, code.indexOf("{"))).toBe(false);
    expect(jsxTextEnd("text to the end", 0)).toBe(15);
  });
});
