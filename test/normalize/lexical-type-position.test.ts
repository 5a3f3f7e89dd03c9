import { describe, expect, it } from "vitest";
import { CLASS_BODY } from "../../src/normalize/lexical-context.js";
import { type ReadSoFar, startsTypeChain, templateTypeAt } from "../../src/normalize/lexical-type-position.js";

/** What was read before the last token of `source`, as the lexer would have it. */
function read(source: string, previous: string[], more: Partial<ReadSoFar> = {}): ReadSoFar {
  const [previousText = "", beforePreviousText = "", thirdPreviousText = ""] = [...previous].reverse();
  return { source, typesAnywhere: true, previousText, beforePreviousText, thirdPreviousText, angleDepth: 0, interfaceHeader: false, innermostBracket: undefined, inTemplateType: false, ...more };
}

describe("where the lexer reads a type", () => {
  it("begins a qualified type after an annotation that is one for sure, not after a key's colon", () => {
    const declared = "const x: React.FC";
    expect(startsTypeChain(read(declared, ["const", "$id", ":"]), declared.indexOf("React"))).toBe(true);
    const returned = "f(): React.JSX.Element";
    expect(startsTypeChain(read(returned, ["$id", "(", ")", ":"]), returned.indexOf("React"))).toBe(true);
    const key = "({ a: b.c })";
    expect(startsTypeChain(read(key, ["{", "$id", ":"], { innermostBracket: 123 }), key.indexOf("b."))).toBe(false);
    const member = "  a: b.C;";
    expect(startsTypeChain(read(member, ["$id", ":"], { innermostBracket: CLASS_BODY }), member.indexOf("b."))).toBe(true);
    // In type arguments only a capitalized name begins one: `a < b.c` may be a comparison.
    expect(startsTypeChain(read("f<NS.T>", ["$id", "<"], { angleDepth: 1 }), 2)).toBe(true);
    expect(startsTypeChain(read("f<ns.t>", ["$id", "<"], { angleDepth: 1 }), 2)).toBe(false);
    // Not in JavaScript.
    expect(startsTypeChain(read(declared, ["const", "$id", ":"], { typesAnywhere: false }), declared.indexOf("React"))).toBe(false);
  });

  it("begins a qualified type after an object type's `&` or `|`, a value's after a name's", () => {
    const intersected = '} & JSX.IntrinsicElements["td"]';
    expect(startsTypeChain(read(intersected, ["}", "&"]), intersected.indexOf("JSX"))).toBe(true);
    const united = "} | React.ReactNode";
    expect(startsTypeChain(read(united, ["}", "|"]), united.indexOf("React"))).toBe(true);
    // A flag masked with an enum's member is a value.
    const masked = "flags & Flags.Hidden";
    expect(startsTypeChain(read(masked, ["$id", "&"]), masked.indexOf("Flags"))).toBe(false);
  });

  it("begins a template literal type where only a type stands, and a string elsewhere", () => {
    const alias = "type Px = `${number}px`";
    expect(templateTypeAt(read(alias, ["type", "$id", "="]), alias.indexOf("`"))).toBe(true);
    const value = "const px = `${n}px`";
    expect(templateTypeAt(read(value, ["const", "$id", "="]), value.indexOf("`"))).toBe(false);
    expect(templateTypeAt(read("A | `x`", ["$id", "|"]), 4)).toBe(true);
    const ternary = "c ? a : `x`";
    expect(templateTypeAt(read(ternary, ["$id", "?", "$id", ":"]), ternary.indexOf("`"))).toBe(false);
    const returned = "f(): `x`";
    expect(templateTypeAt(read(returned, ["$id", "(", ")", ":"]), returned.indexOf("`"))).toBe(true);
  });
});
