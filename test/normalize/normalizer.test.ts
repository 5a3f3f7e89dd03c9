import { beforeAll, describe, expect, it } from "vitest";
import { loadTokenHasher } from "../../src/hashing.js";
import { languageByName } from "../../src/languages/registry.js";
import { Normalizer } from "../../src/normalize/normalizer.js";
import { type TokenStream, nameChars } from "../../src/normalize/token-stream.js";
import { MAX_TOKEN_CHARS } from "../../src/options.js";

let normalizer: Normalizer;
beforeAll(async () => {
  normalizer = new Normalizer(await loadTokenHasher());
});

function normalize(code: string, language: "typescript" | "tsx" | "javascript" | "python"): TokenStream {
  return normalizer.normalize(code, languageByName(language));
}

/** The lexer's reading, as queries are read by default. */
function lex(code: string, language: "typescript" | "tsx" | "javascript" | "python"): TokenStream {
  return normalizer.lex(code, languageByName(language));
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

  it("drops compiled re-exports and an export list longer than the characters a rule looks at", () => {
    const names = Array.from({ length: 12 }, (_, i) => `exports.kSymbolNumber${i}`);
    const compiled = [
      '"use strict";',
      `${names.join(" = ")} = void 0;`,
      // Babel's and TypeScript's `export { v1 } from "./v1"`, formatted over six lines and on one.
      'Object.defineProperty(exports, "v1", {\n  enumerable: true,\n  get: function () {\n    return _v.default;\n  }\n});',
      "Object.defineProperty(exports, 'parse', { enumerable: true, get: function () { return parser_1.parse; } });",
    ].join("\n");
    const code = "function f(a) { return join(a, 1); }";
    expect(sameTokens(normalize(`${compiled}\n${code}`, "javascript"), normalize(`"use strict";\n${code}`, "javascript"))).toBe(true);
    // An ES module's export lists, re-exported or local, of any length: their names are the module's, no code.
    const exported = Array.from({ length: 20 }, (_, i) => `QueryStateNumber${i}`);
    const lists = `export type {\n  ${exported.join(",\n  ")},\n} from './core/state'\nexport {\n  ${exported.join(",\n  ")}\n};`;
    for (const reading of ["parsed", "lexed"] as const) {
      const read = reading === "parsed" ? normalize : lex;
      expect(sameTokens(read(`${lists}\n${code}`, "typescript"), read(code, "typescript"))).toBe(true);
    }
    // A bundler's CommonJS export list, a name or a member per line, is plumbing; an export assigned code is code.
    const exportList = "exports.Fragment = require_jsx_base.Fragment;\nexports.jsx = require_jsx.jsxDEV;\nmodule.exports.jsxAttr = jsxAttr\n";
    const exportedCode = "exports.z = function () { return 1; };\nexports.w = a.b(c);\nexports.v = a\n  .b(c);\n";
    for (const read of [normalize, lex]) {
      expect(sameTokens(read(`${exportList}${exportedCode}`, "javascript"), read(exportedCode, "javascript"))).toBe(true);
      expect(read(exportedCode, "javascript").count).toBeGreaterThan(12);
    }
    // Babel's default parameters, a statement per parameter at a function's start, are the compiler's.
    const lowered = "function isAlpha(str) {\n  var locale = arguments.length > 1 && arguments[1] !== undefined ? arguments[1] : 'en-US';\n  var options = arguments.length > 2 && arguments[2] !== undefined ? arguments[2] : {};\n  return check(str, locale, options);\n}\n";
    const plain = "function isAlpha(str) {\n  return check(str, locale, options);\n}\n";
    for (const read of [normalize, lex]) expect(sameTokens(read(lowered, "javascript"), read(plain, "javascript"))).toBe(true);
    // webpack's generated UMD definition and bootstrap, whatever they hold; its modules, the argument, are code.
    const wrapped = (umd: string, bootstrap: string) =>
      `(function webpackUniversalModuleDefinition(root, factory) {\n${umd}\n})(this, function() {\nreturn /******/ (function(modules) { // webpackBootstrap\n/******/ ${bootstrap}\n/******/ })\n/******/ ([\n/* 0 */\n/***/ (function(module, exports) {\n\texports.add = function (a, b) { return a + b; };\n/***/ })\n/******/ ])\n});\n`;
    const webpack4 = wrapped("\tmodule.exports = factory();", "\tvar installedModules = {};\n/******/ \t// The module cache\n/******/ \treturn __webpack_require__(0);");
    const otherRuntime = wrapped("\troot.lib = factory();", "\tvar cache = {};\n/******/ \treturn load(0);");
    const ownWrapper = webpack4.replace("function(modules) { // webpackBootstrap", "function(modules) { // our loader");
    for (const read of [normalize, lex]) {
      expect(sameTokens(read(webpack4, "javascript"), read(otherRuntime, "javascript"))).toBe(true);
      expect(sameTokens(read(webpack4, "javascript"), read(ownWrapper, "javascript"))).toBe(false);
    }
    // The UMD template's definition as rollup writes it, whatever it names; its factory, the library, is code.
    const umd = (global: string, body: string) =>
      `(function (${global}, factory) {\n\ttypeof exports === 'object' && typeof module !== 'undefined' ? factory(exports) :\n\t(${global}.lib = {}, factory(${global}.lib));\n})(this, (function (exports) { 'use strict';\n${body}\n}));\n`;
    const add = "\texports.add = function (a, b) { return a + b; };";
    for (const read of [normalize, lex]) {
      expect(sameTokens(read(umd("global", add), "javascript"), read(umd("root", add), "javascript"))).toBe(true);
      expect(sameTokens(read(umd("global", add), "javascript"), read(umd("global", add.replace("a + b", "a - b")), "javascript"))).toBe(false);
    }
    // TypeScript's SuppressedError fallback, standing alone where a bundler dropped its helper.
    const fallback = 'typeof SuppressedError === "function" ? SuppressedError : function (error, suppressed, message) {\n  var e = new Error(message);\n  return e.name = "SuppressedError", e.error = error, e.suppressed = suppressed, e;\n};\n';
    const adder = "function add(a, b) {\n  return a + b;\n}\n";
    for (const read of [normalize, lex]) expect(sameTokens(read(fallback + adder, "javascript"), read(adder, "javascript"))).toBe(true);
    // A property defined with a value, and a chain of two assignments with one, are code.
    expect(normalize('Object.defineProperty(exports, "v1", { value: 1 });', "javascript").count).toBeGreaterThan(8);
    expect(normalize("exports.a = exports.b = makeThing();", "javascript").count).toBeGreaterThan(8);
  });

  it("reads optional chaining and nullish coalescing compiled for older runtimes as written", () => {
    const pairs: [compiled: string, written: string][] = [
      // TypeScript's and Babel's, on a name and on the temporaries they take for longer expressions
      ["const at = options === null || options === void 0 ? void 0 : options.updatedAt;", "const at = options?.updatedAt;"],
      ["const n = (_a = state.data) === null || _a === void 0 ? void 0 : _a.length;", "const n = state.data?.length;"],
      ["const v = (_b = (_a = a.b) === null || _a === void 0 ? void 0 : _a.c) === null || _b === void 0 ? void 0 : _b.d;", "const v = a.b?.c?.d;"],
      ["const f = handler === null || handler === void 0 ? void 0 : handler(event);", "const f = handler?.(event);"],
      ["const x = cache === null || cache === void 0 ? void 0 : cache[key];", "const x = cache?.[key];"],
      ["const t = timeout !== null && timeout !== void 0 ? timeout : 1000;", "const t = timeout ?? 1000;"],
      ["const r = (_a = opts.retry) !== null && _a !== void 0 ? _a : 3;", "const r = opts.retry ?? 3;"],
      // esbuild's
      ["const at = options == null ? void 0 : options.updatedAt;", "const at = options?.updatedAt;"],
      ["const t = timeout != null ? timeout : 1000;", "const t = timeout ?? 1000;"],
    ];
    for (const [compiled, written] of pairs) {
      for (const read of [normalize, lex]) {
        expect(sameTokens(read(compiled, "javascript"), read(written, "typescript")), compiled).toBe(true);
      }
    }
    // Not a compiled chain: another name tested than the one read, or a member's name.
    const unlike = ["const at = options === null || other === void 0 ? void 0 : options.updatedAt;", "const at = x.options == null ? void 0 : options.updatedAt;"];
    for (const code of unlike) {
      for (const read of [normalize, lex]) expect(sameTokens(read(code, "javascript"), read("const at = options?.updatedAt;", "javascript")), code).toBe(false);
    }
    // Lines stay the source's: the chain's name where it was, the rest of the statement after it.
    const lines = lex("const at =\n  options === null || options === void 0\n    ? void 0\n    : options.updatedAt;\nnext();", "javascript");
    expect(Array.from(lines.startLines.slice(0, lines.count))).toEqual([1, 1, 1, 2, 4, 4, 5, 5, 5]);
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

  it("keeps each name's character weight in its name word, read and lexed alike", () => {
    const code = `const label = "${"y".repeat(40)}"; let n = label.length + 12345 + longerVariableName;\n`;
    for (const tokens of [normalize(code, "javascript"), normalizer.lex(code, languageByName("javascript"))]) {
      const named = Array.from(tokens.names.keys()).filter((i) => tokens.names[i] !== 0);
      expect(named.length).toBe(6); // label "…" n label 12345 longerVariableName
      for (const i of named) expect(nameChars(tokens.names[i]!)).toBe(tokens.charWeights[i]);
      expect(named.map((i) => nameChars(tokens.names[i]!))).toEqual([5, MAX_TOKEN_CHARS, 1, 5, 5, 18]);
    }
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

describe("string literals' names", () => {
  const stringNames = (stream: TokenStream): number[] => Array.from(stream.names).filter((name) => name !== 0);

  it("are their values: a formatter's change of quotes leaves them as they were, in both readers", () => {
    const cases: [string, string, "javascript" | "python"][] = [
      [
        String.raw`const suffixes = { 1: "'inci", 2: "'nci", 6: 'say "hi"' };` + "\n",
        String.raw`const suffixes = { 1: '\'inci', 2: '\'nci', 6: "say \"hi\"" };` + "\n",
        "javascript",
      ],
      [String.raw`greeting = 'it\'s'` + "\n" + String.raw`raw = r'\d+'` + "\nblock = '''three'''\n", 'greeting = "it\'s"\n' + String.raw`raw = R"\d+"` + '\nblock = """three"""\n', "python"],
    ];
    for (const [written, reformatted, language] of cases) {
      for (const read of [normalize, lex]) {
        const a = read(written, language);
        const b = read(reformatted, language);
        expect(sameTokens(a, b)).toBe(true);
        expect(Array.from(b.names)).toEqual(Array.from(a.names));
      }
      expect(Array.from(lex(written, language).names)).toEqual(Array.from(normalize(written, language).names));
    }
  });

  it("still tell other values apart, and a prefix is no value", () => {
    const names = (code: string): number[] => stringNames(normalize(code, "python"));
    expect(names("a = 'inci'\n")).not.toEqual(names("a = 'nci'\n"));
    expect(names("a = b'data'\n")).toEqual(names("a = 'data'\n"));
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

/** The file's tokens lying wholly within lines first..last, with lines renumbered from first. */
function linesOf(whole: TokenStream, first: number, last: number): { hashes: number[]; lines: number[] } {
  const hashes: number[] = [];
  const lines: number[] = [];
  for (let i = 0; i < whole.count; i++) {
    if (whole.startLines[i]! >= first && whole.endLines[i]! <= last) {
      hashes.push(whole.hashes[i]!);
      lines.push(whole.startLines[i]! - first + 1);
    }
  }
  return { hashes, lines };
}

/** Normalizes lines first..last of `file` as a fragment, in the shape linesOf returns. */
function fragmentOf(file: string, first: number, last: number, language: "typescript" | "python"): { hashes: number[]; lines: number[] } {
  const part = normalize(file.split("\n").slice(first - 1, last).join("\n"), language);
  return { hashes: Array.from(part.hashes), lines: Array.from(part.startLines) };
}

describe("fragments cut from the middle of a file", () => {
  const python = [
    "class Heap:",
    "    def push(self, item):",
    "        if not self.items:",
    "            self.items = [item]",
    "            return",
    "        else:",
    "            self.items.append(item)",
    "        position = len(self.items) - 1",
    "        while position > 0:",
    "            parent = (position - 1) // 2",
    "            if self.items[parent] <= item:",
    "                break",
    "            self.items[position] = self.items[parent]",
    "            position = parent",
    "        self.items[position] = item",
    "",
    "    def peek(self):",
    "        return self.items[0]",
    "",
    "def build(values):",
    "    heap = Heap()",
    "    for value in values:",
    "        heap.push(value)",
    "    return heap",
    "",
  ].join("\n");

  it("parse an indented Python first line inside its blocks, so later dedents tokenize as in the file", () => {
    // Starts three levels deep, in an `if` whose `else` follows, and ends at module level.
    const whole = normalize(python, "python");
    expect(whole.hasErrors).toBe(false);
    expect(fragmentOf(python, 4, 24, "python")).toEqual(linesOf(whole, 4, 24));
    expect(normalize(python.split("\n").slice(3, 24).join("\n"), "python").hasErrors).toBe(false);
  });

  it("keep a doc comment cut off at the fragment's end a comment, even one holding backquotes", () => {
    const typescript = [
      "export function clamp(value: number, low: number, high: number): number {",
      "  if (value < low) return low;",
      "  if (value > high) return high;",
      "  return value;",
      "}",
      "",
      "/**",
      " * Wraps `value` into the range; for example:",
      " * ```ts",
      " * const turned = wrap(370, 0, 360); // 10",
      " * if (turned > 0) { log(turned); }",
      " * ```",
      " */",
      "export function wrap(value: number, low: number, high: number): number {",
      "  const span = high - low;",
      "  return ((((value - low) % span) + span) % span) + low;",
      "}",
      "",
    ].join("\n");
    const whole = normalize(typescript, "typescript");
    // Ends inside the comment, after an odd number of backquotes (the fence's opening line).
    expect(fragmentOf(typescript, 1, 10, "typescript")).toEqual(linesOf(whole, 1, 10));
    // Begins inside it, with the fence's closing line and code after the comment.
    expect(fragmentOf(typescript, 12, 17, "typescript")).toEqual(linesOf(whole, 12, 17));
  });

  it("read a lone closing triple quote as the end of a docstring, not the start of one holding the code", () => {
    const file = ['"""Heap helpers.', "", "Nothing here is thread-safe.", '"""', "import heapq", "", "def smallest(values, n):", "    return heapq.nsmallest(n, values)", ""].join("\n");
    const whole = normalize(file, "python");
    const part = fragmentOf(file, 4, 8, "python");
    // The docstring's tail is one string token; the file's docstring began before line 4.
    expect(part.hashes[0]).toBe(normalize('"""x"""', "python").hashes[0]);
    expect({ hashes: part.hashes.slice(1), lines: part.lines.slice(1) }).toEqual(linesOf(whole, 4, 8));
    expect(part.hashes.length).toBeGreaterThan(5);
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
