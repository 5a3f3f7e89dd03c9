import { describe, expect, it } from "vitest";
import { beginsWithComma, isMetaProperty, templateTextEnd, typeAliasHeadBefore } from "../../src/normalize/lexical-lookaround.js";

describe("the lexer's look-around", () => {
  it("tells a meta property's name from a member's", () => {
    const code = "const a = import.meta.url, b = new.target, c = x.meta, d = obj.import.meta;";
    const at = (text: string, from = 0): [number, number] => {
      const start = code.indexOf(text, from);
      return [start, start + text.length];
    };
    expect(isMetaProperty(code, ...at("meta"))).toBe(true);
    expect(isMetaProperty(code, ...at("target"))).toBe(true);
    expect(isMetaProperty(code, ...at("meta", code.indexOf("x.meta")))).toBe(false);
    expect(isMetaProperty(code, ...at("meta", code.indexOf("obj.import")))).toBe(false);
  });

  it("finds a type alias's head on the line before a position, and nowhere else", () => {
    const code = "let s = `x`;\nexport type Key<T = string> = `${number}`;\n";
    expect(typeAliasHeadBefore(code, code.indexOf("`${"))).toBe(true);
    expect(typeAliasHeadBefore(code, code.indexOf("`x`"))).toBe(false);
    // Read back a bounded stretch: a head further back than that is not looked for.
    const long = `type K = ${" ".repeat(300)}`;
    expect(typeAliasHeadBefore(long, long.length)).toBe(false);
  });

  it("sees a line continuing a declaration with a comma", () => {
    expect(beginsWithComma("a\n  , b = 1", 2)).toBe(true);
    expect(beginsWithComma("a\n  b = 1", 2)).toBe(false);
  });

  it("ends a template literal type's text at a substitution, the closing backtick or the end", () => {
    const code = "`a\\`b${T}c`";
    expect(templateTextEnd(code, 1)).toBe(code.indexOf("${"));
    expect(templateTextEnd(code, code.indexOf("}") + 1)).toBe(code.length - 1);
    expect(templateTextEnd("`unclosed", 1)).toBe(9);
  });
});
