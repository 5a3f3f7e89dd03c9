import { beforeAll, describe, expect, it } from "vitest";
import { type TokenHasher, loadTokenHasher } from "../../src/hashing.js";
import { languageByName } from "../../src/languages/registry.js";
import { LexicalNormalizer } from "../../src/normalize/lexical.js";

let hasher: TokenHasher;
beforeAll(async () => {
  hasher = await loadTokenHasher();
});

/** The marked tokens' texts, space-separated, one string per run of marked tokens. */
function echoes(code: string, language: "python" | "javascript" | "typescript" = "python"): string[] {
  const tokens = new LexicalNormalizer(languageByName(language), hasher).tokens(code);
  const runs: string[] = [];
  let current: string[] = [];
  for (let t = 0; t <= tokens.count; t++) {
    if (t < tokens.count && tokens.echoes?.[t]) current.push(code.slice(tokens.startOffsets![t]!, tokens.endOffsets![t]!));
    else if (current.length > 0) {
      runs.push(current.join(" "));
      current = [];
    }
  }
  return runs;
}

describe("echo statements", () => {
  it("marks a constructor's parameters stored under their own names, with or without an underscore", () => {
    const code = "class A:\n    def __init__(self, path, params, size):\n        self.path = path\n        self.params = params\n        self._size = size\n        self.count = 0\n";
    expect(echoes(code)).toEqual(["self . path = path self . params = params self . _size = size"]);
  });

  it("marks `this.x = x;` in JavaScript and TypeScript, one statement after another on a line", () => {
    expect(echoes("class A {\n  constructor(a, b) { this.a = a; this.b = b; }\n}\n", "javascript")).toEqual(["this . a = a this . b = b"]);
    expect(echoes("class A {\n  constructor(options: Options) {\n    this.options = options;\n  }\n}\n", "typescript")).toEqual(["this . options = options"]);
  });

  it("marks nothing where the value is another name, an expression or goes on, or the receiver is not the instance", () => {
    const code = "self.path = other\nself.path = path.strip()\nself.path = path or default\nnode.path = path\nself.a.path = path\nx = self.path = path\n";
    expect(echoes(code)).toEqual([]);
    expect(new LexicalNormalizer(languageByName("python"), hasher).tokens("def f(x):\n    return x\n").echoes).toBeUndefined();
  });

  it("marks accessors that only return one attribute or store their one parameter in one", () => {
    const python = "    def get_subtype(self):\n        return self.preference\n\n    def set_subtype(self, subtype):\n        self.preference = subtype\n\n    subtype = property(get_subtype, set_subtype)\n";
    expect(echoes(python)).toEqual(["def get_subtype ( self ) : return self . preference def set_subtype ( self subtype ) : self . preference = subtype"]);
    expect(echoes("class A {\n  get size() { return this._size; }\n  set size(v) { this._size = v; }\n}\n", "javascript")).toEqual([
      "get size ( ) { return this . _size } set size ( v ) { this . _size = v }",
    ]);
    expect(echoes("class A {\n  get size(): number { return this._size; }\n  set size(v: number) { this._size = v; }\n}\n", "typescript")).toEqual([
      "get size ( ) : number { return this . _size } set size ( v : number ) { this . _size = v }",
    ]);
  });

  it("marks no accessor that does more, or stores another value", () => {
    const python = "    def get_size(self):\n        return self._size + 1\n\n    def set_size(self, size):\n        self._size = other\n\n    def name(self):\n        return self._name.strip()\n";
    expect(echoes(python)).toEqual([]);
    expect(echoes("class A {\n  get size() { return this._size * 2; }\n  set size(v) { this._size = w; }\n}\n", "javascript")).toEqual([]);
    // A constructor keeping its one parameter and going on is no setter: only its echo statement is marked.
    const constructor = "    def __init__(self, recorder):\n        self._recorder = recorder\n        self._in_lambda = False\n";
    expect(echoes(constructor)).toEqual(["self . _recorder = recorder"]);
  });
});
