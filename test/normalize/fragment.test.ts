import { describe, expect, it } from "vitest";
import { beginsInsideTag, endOfNonBlankLines, firstCloserBeginsLine, firstDelimiterStandsAlone, spanCut, startsWithDelimiter } from "../../src/normalize/fragment.js";

const Q = '"""';

describe("where a fragment's delimiters say it was cut", () => {
  it("counts a symmetric delimiter: odd is inside, even is for the reading to decide, none is outside", () => {
    expect(spanCut(`words of a docstring\n${Q}\ncode = 1\n`, Q, Q)).toBe("inside");
    expect(spanCut(`examples\n${Q}\ncode = 1\ndef f():\n    ${Q}Doc\n`, Q, Q)).toBe("inside if prose comes first");
    expect(spanCut("code = 1\n", Q, Q)).toBe("outside");
  });

  it("tells a delimiter alone on its line (more often a closer) from one that shares it", () => {
    expect(firstDelimiterStandsAlone(`    v.sort()\n    ${Q}\ncode = 1\n`, Q)).toBe(true);
    expect(firstDelimiterStandsAlone(`def f():\n    ${Q}Return the value.\n    ${Q}\n`, Q)).toBe(false);
    expect(firstDelimiterStandsAlone(`x = ${Q}\n`, Q)).toBe(false);
    expect(firstDelimiterStandsAlone("code = 1\n", Q)).toBe(false);
    // At the end of a fragment with no line break after it.
    expect(firstDelimiterStandsAlone(`text\n  ${Q}`, Q)).toBe(true);
  });

  it("tells a comment's closer beginning its line from one after words", () => {
    expect(firstCloserBeginsLine(" * governed by the License.\n */\nconst x = 1;\n", "*/")).toBe(true);
    expect(firstCloserBeginsLine("*/\nconst x = 1;\n", "*/")).toBe(true);
    expect(firstCloserBeginsLine(" * governed by the License. */\nconst x = 1;\n", "*/")).toBe(false);
    expect(firstCloserBeginsLine("const x = 1;\n", "*/")).toBe(false);
  });

  it("finds a delimiter first in the fragment, white space aside", () => {
    expect(startsWithDelimiter(`\n    ${Q}\nrest\n`, Q)).toBe(true);
    expect(startsWithDelimiter(`rest\n${Q}\n`, Q)).toBe(false);
  });

  it("takes a first line of attributes, a spread or a tag's end for a JSX tag's, not code", () => {
    expect(beginsInsideTag("\n      aria-label={label}\n      onPress={close}>")).toBe(true);
    expect(beginsInsideTag('      className="row"')).toBe(true);
    expect(beginsInsideTag("      {...mergeProps(focusProps, hoverProps)}")).toBe(true);
    expect(beginsInsideTag("      data-disabled={isDisabled || undefined} />")).toBe(true);
    expect(beginsInsideTag("    >\n      {children}")).toBe(true);
    expect(beginsInsideTag("  label = {text: 'x'};")).toBe(false);
    expect(beginsInsideTag("  state.value={x}")).toBe(false);
    expect(beginsInsideTag("  return <Button onPress={close} />;")).toBe(false);
  });

  it("counts lines holding more than white space", () => {
    const text = "one\n\n   \ntwo\nthree\n";
    expect(text.slice(0, endOfNonBlankLines(text, 2))).toBe("one\n\n   \ntwo");
    expect(endOfNonBlankLines(text, 9)).toBe(text.length);
  });
});
