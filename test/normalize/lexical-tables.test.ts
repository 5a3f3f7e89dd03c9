import { describe, expect, it } from "vitest";
import { OperatorTable, WordTable } from "../../src/normalize/lexical-tables.js";

describe("WordTable", () => {
  const table = new WordTable([
    ["if", 1],
    ["in", 2],
    ["import", 3],
    ["instanceof", 4],
  ] as const);

  it("finds a word by its characters inside a longer source, and only the whole word", () => {
    const source = "x instanceof import in ifs";
    const at = (word: string, from = 0): number => table.find(source, source.indexOf(word, from), source.indexOf(word, from) + word.length);
    expect(table.value(at("instanceof"))).toBe(4);
    expect(table.word(at("import"))).toBe("import");
    expect(table.value(at("in", 14))).toBe(2);
    // "ifs" is not "if", and a prefix of a word is not the word.
    expect(table.find(source, 23, 26)).toBe(-1);
    expect(table.value(table.find(source, 2, 4))).toBe(2);
    expect(table.find(source, 2, 5)).toBe(-1);
  });

  it("tells apart many words with colliding slots", () => {
    const words = Array.from({ length: 300 }, (_, i) => `w${i.toString(36)}`);
    const many = new WordTable(words.map((word, i) => [word, i] as const));
    for (const [i, word] of words.entries()) expect(many.value(many.find(`(${word})`, 1, 1 + word.length))).toBe(i);
    expect(many.find("zzz", 0, 3)).toBe(-1);
  });
});

describe("OperatorTable", () => {
  const hashes = new Map<string, number>();
  const table = new OperatorTable(["=", "==", "===", "=>", ";", ","], [";"], (text) => {
    if (!hashes.has(text)) hashes.set(text, hashes.size + 1);
    return hashes.get(text)!;
  });

  it("reads the longest operator at a position, with its hash and whether it is formatting", () => {
    expect(table.at("a === b", 2, 61).text).toBe("===");
    expect(table.at("a => b", 2, 61).text).toBe("=>");
    expect(table.at("a = b", 2, 61).hash).toBe(hashes.get("="));
    expect(table.at(";", 0, 59).dropped).toBe(true);
    expect(table.at(",", 0, 44).dropped).toBe(false);
  });

  it("reads a character no operator starts as a token of its own", () => {
    const at = table.at("a @ b", 2, 64);
    expect(at.text).toBe("@");
    expect(at.dropped).toBe(false);
    expect(table.single("@")).toBe(at);
  });
});
