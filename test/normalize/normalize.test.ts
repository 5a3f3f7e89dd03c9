import { beforeAll, describe, expect, it } from "vitest";
import { loadTokenHasher } from "../../src/hashing.js";
import { languageByName } from "../../src/languages/registry.js";
import { MAX_TOKEN_CHARS, Normalizer, type TokenStream } from "../../src/normalize/normalize.js";

let normalizer: Normalizer;
beforeAll(async () => {
  normalizer = new Normalizer(await loadTokenHasher());
});

function normalize(code: string, language: "typescript" | "tsx" | "javascript" | "python"): TokenStream {
  return normalizer.normalize(code, languageByName(language));
}

function sameTokens(a: TokenStream, b: TokenStream): boolean {
  return a.count === b.count && a.hashes.every((h, i) => h === b.hashes[i]);
}

describe("normalize", () => {
  it("abstracts identifiers of every kind and literals, so renaming changes nothing", () => {
    const a = normalize("function area(shape: Shape): number { return shape.width * shape.height * 0.5; }", "typescript");
    const b = normalize("function size(box: Rect): number { return box.w * box.h * 2; }", "typescript");
    expect(sameTokens(a, b)).toBe(true);
    const p1 = normalize("def greet(name):\n    return 'hello ' + name\n", "python");
    const p2 = normalize('def welcome(person):\n    return "hi there " + person\n', "python");
    expect(sameTokens(p1, p2)).toBe(true);
  });

  it("remembers a hash of each variable's name and literal's text, and nothing for members and other tokens", () => {
    const tokens = normalize("total = total + price.amount * 2\nprice = 'x'\nlabel = 'x'\n", "python");
    const names = Array.from(tokens.names);
    // total = total + price . amount * 2 price = 'x' label = 'x'
    expect(names.map((n) => n !== 0)).toEqual([true, false, true, false, true, false, false, false, true, true, false, true, true, false, true]);
    expect(names[0]).toBe(names[2]); // total, total
    expect(names[4]).toBe(names[9]); // price, price
    expect(names[0]).not.toBe(names[4]);
    expect(names[11]).toBe(names[14]); // 'x', 'x'
    // Literals are told apart by their class, so name consistency can leave them out.
    expect(tokens.literalClasses).toContain(tokens.hashes[11]);
    expect(tokens.literalClasses).not.toContain(tokens.hashes[0]);
    const js = normalize("const size = box.size + size;", "javascript");
    // const size = box . size + size
    expect(Array.from(js.names).map((n) => n !== 0)).toEqual([false, true, false, true, false, false, false, true]);
  });

  it("drops CommonJS requires and transpiler module plumbing like imports", () => {
    const plumbing = [
      '"use strict";',
      'var __importDefault = (this && this.__importDefault) || function (mod) { return (mod && mod.__esModule) ? mod : { "default": mod }; };',
      'Object.defineProperty(exports, "__esModule", { value: true });',
      "exports.parse = exports.format = void 0;",
      'const path_1 = __importDefault(require("path"));',
      'const { join, resolve } = require("node:path");',
    ].join("\n");
    const code = "function f(a) { return join(a, 1); }";
    expect(sameTokens(normalize(`${plumbing}\n${code}`, "javascript"), normalize(`"use strict";\n${code}`, "javascript"))).toBe(true);
    const reexports = 'export { a, b as c } from "./a";\nexport * from "./b";\nexport type { T } from "./t";\nconst map = { "keys": require("./keys"), values: require("./values") };';
    expect(sameTokens(normalize(`${reexports}\n${code}`, "typescript"), normalize(`const map = {};\n${code}`, "typescript"))).toBe(true);
    // A require inside an expression is code, not an import.
    expect(normalize("use(require('x'));", "javascript").count).toBeGreaterThan(4);
  });

  it("keeps operators and keywords, so a + b and a - b differ", () => {
    expect(sameTokens(normalize("x = a + b;", "javascript"), normalize("x = a - b;", "javascript"))).toBe(false);
    expect(sameTokens(normalize("if (a) b();", "javascript"), normalize("while (a) b();", "javascript"))).toBe(false);
    expect(sameTokens(normalize("y = a * b\n", "python"), normalize("y = a / b\n", "python"))).toBe(false);
  });

  it("drops comments, whitespace, semicolons and trailing commas", () => {
    const a = normalize("const list = [1, 2, 3];\nfoo(list);", "javascript");
    const b = normalize("// a comment\nconst   list = [\n  1,\n  2,\n  3,\n] /* inline */\nfoo( list )", "javascript");
    expect(sameTokens(a, b)).toBe(true);
    const p = normalize("# only a comment\nx = 1  # trailing\n", "python");
    expect(p.count).toBe(3);
  });

  it("records 1-based start and end lines, including multi-line tokens", () => {
    const tokens = normalize('a = 1\nb = """doc\nstring"""\nc = 3\n', "python");
    // a = 1 | b = "…" | c = 3
    expect(Array.from(tokens.startLines)).toEqual([1, 1, 1, 2, 2, 2, 4, 4, 4]);
    expect(tokens.endLines[5]).toBe(3);
    expect(tokens.lineCount).toBe(4);
  });

  it("caps each token's character weight", () => {
    const tokens = normalize(`const s = "${"x".repeat(200)}";`, "javascript");
    expect(Math.max(...tokens.charWeights)).toBe(MAX_TOKEN_CHARS);
  });

  it("tokenizes fragments that do not parse, flagging the errors", () => {
    const tokens = normalize("    return this.items.filter((item) => item.ok)\n  }\n\n  size() {", "typescript");
    expect(tokens.hasErrors).toBe(true);
    expect(tokens.count).toBeGreaterThan(10);
  });

  it("parses JavaScript with the TSX grammar so JS and its TS port share tokens", () => {
    const js = normalize("function add(a, b) { return a + b }", "javascript");
    const ts = normalize("function add(a, b) { return a + b }", "typescript");
    expect(sameTokens(js, ts)).toBe(true);
  });

  it("handles empty and whitespace-only input", () => {
    expect(normalize("", "typescript").count).toBe(0);
    expect(normalize("   \n\n", "python").count).toBe(0);
  });

  it("uses UTF-16 offsets consistently with non-ASCII text", () => {
    const tokens = normalize("const é = 'ü';\nconst 名前 = \"値\";\n", "javascript");
    expect(Array.from(tokens.startLines)).toEqual([1, 1, 1, 1, 2, 2, 2, 2]);
  });
});

describe("fragments that begin inside a multi-line string or comment", () => {
  it("tokenize like the same lines inside the whole file", () => {
    const file = [
      "def area(shape):",
      '    """Return the area of a shape.',
      "",
      "    Works for circles and squares; anything else raises.",
      '    """',
      "    if shape.kind == 'circle':",
      "        return 3.14159 * shape.radius ** 2",
      "    return shape.side * shape.side",
      "",
    ].join("\n");
    // Cut after the docstring opened: the fragment starts with prose and a closing quote.
    const fragment = file.split("\n").slice(3).join("\n");
    const whole = normalize(file, "python");
    const part = normalize(fragment, "python");
    const tail = Array.from(whole.hashes.slice(whole.count - part.count));
    expect(Array.from(part.hashes)).toEqual(tail);
    // After the (partial) docstring, every token sits on the same line, shifted by the cut.
    expect(Array.from(part.startLines.slice(1))).toEqual(Array.from(whole.startLines.slice(whole.count - part.count + 1)).map((l) => l - 3));
  });

  it("does the same for a JavaScript block comment", () => {
    const file = "/* Adds two numbers.\n * Both must be finite.\n */\nfunction add(a, b) {\n  return a + b;\n}\n";
    const fragment = file.split("\n").slice(1).join("\n");
    const whole = normalize(file, "javascript");
    const part = normalize(fragment, "javascript");
    expect(Array.from(part.hashes)).toEqual(Array.from(whole.hashes));
  });
});

describe("import statements", () => {
  it("are dropped like comments, in every language", () => {
    const withImports = normalize('import { a, b } from "./x";\nimport * as c from "y";\nconst z = a(b, c);\n', "typescript");
    const without = normalize("const z = a(b, c);\n", "typescript");
    expect(Array.from(withImports.hashes)).toEqual(Array.from(without.hashes));
    const py = normalize("import os\nfrom a.b import (c, d)\nfrom __future__ import annotations\nx = c(d)\n", "python");
    expect(Array.from(py.hashes)).toEqual(Array.from(normalize("x = c(d)\n", "python").hashes));
    expect(py.startLines[0]).toBe(4);
  });
});
