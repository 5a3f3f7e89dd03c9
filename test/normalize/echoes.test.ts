import { beforeAll, describe, expect, it } from "vitest";
import { type TokenHasher, loadTokenHasher } from "../../src/hashing.js";
import { languageByName } from "../../src/languages/registry.js";
import { LexicalNormalizer } from "../../src/normalize/lexical.js";

let hasher: TokenHasher;
beforeAll(async () => {
  hasher = await loadTokenHasher();
});

/** The source text of each echo statement the lexer marks, its tokens joined. */
function echoes(code: string, language: "python" | "javascript" | "typescript" = "python"): string[] {
  const tokens = new LexicalNormalizer(languageByName(language), hasher).tokens(code);
  const statements: string[] = [];
  let current: string[] = [];
  for (let t = 0; t < tokens.count; t++) {
    const word = code.slice(tokens.startOffsets![t]!, tokens.endOffsets![t]!);
    const receiver = word === "self" || word === "this";
    if (tokens.echoes?.[t] && !(receiver && current.length > 0)) current.push(word);
    else if (current.length > 0) {
      statements.push(current.join(""));
      current = tokens.echoes?.[t] ? [word] : [];
    }
  }
  if (current.length > 0) statements.push(current.join(""));
  return statements;
}

describe("echo statements", () => {
  it("marks a constructor's parameters stored under their own names, with or without an underscore", () => {
    const code = "class A:\n    def __init__(self, path, params, size):\n        self.path = path\n        self.params = params\n        self._size = size\n        self.count = 0\n";
    expect(echoes(code)).toEqual(["self.path=path", "self.params=params", "self._size=size"]);
  });

  it("marks `this.x = x;` in JavaScript and TypeScript, one statement after another on a line", () => {
    expect(echoes("class A {\n  constructor(a, b) { this.a = a; this.b = b; }\n}\n", "javascript")).toEqual(["this.a=a", "this.b=b"]);
    expect(echoes("class A {\n  constructor(options: Options) {\n    this.options = options;\n  }\n}\n", "typescript")).toEqual(["this.options=options"]);
  });

  it("marks nothing where the value is another name, an expression or goes on, or the receiver is not the instance", () => {
    const code = "self.path = other\nself.path = path.strip()\nself.path = path or default\nnode.path = path\nself.a.path = path\nx = self.path = path\n";
    expect(echoes(code)).toEqual([]);
    expect(new LexicalNormalizer(languageByName("python"), hasher).tokens("def f(x):\n    return x\n").echoes).toBeUndefined();
  });
});
