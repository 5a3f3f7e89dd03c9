import { beforeAll, describe, expect, it } from "vitest";
import { type TokenHasher, loadTokenHasher } from "../../src/hashing.js";
import { languageByName } from "../../src/languages/registry.js";
import { LexicalNormalizer } from "../../src/normalize/lexical.js";
import { Normalizer } from "../../src/normalize/normalizer.js";
import { markedVocabulary } from "../support/vocabulary-marks.js";

let hasher: TokenHasher;
beforeAll(async () => {
  hasher = await loadTokenHasher();
});

const marked = (code: string, language: "python" | "javascript" = "python"): string[] => markedVocabulary(hasher, code, language);

describe("keyword arguments", () => {
  it("marks a call's keyword arguments, not a definition's parameters or a tuple's targets", () => {
    const code = 'PATTERN = re.compile(r"[^\\w\\s-]", flags=re.U)\ndef f(x, flags=0, *, key: int = 1):\n    a, b = g(x, key=h(y, n=2))[0], {k: v for k in x}\n';
    expect(marked(code)).toEqual(["flags", "key", "n"]);
  });

  it("marks them alike in a parsed query, and not in a file parsed to be indexed", async () => {
    const code = 'p = re.compile(r"x", flags=re.U)\n@dataclass(frozen=True)\nclass A(Base, metaclass=Meta):\n    def f(self, key=None):\n        return g(key=key)\n';
    const lexed = new LexicalNormalizer(languageByName("python"), hasher).tokens(code);
    const normalizer = new Normalizer(hasher);
    const parsed = normalizer.normalizeQuery(code, languageByName("python"));
    expect(Array.from(parsed.vocabulary ?? [])).toEqual(Array.from(lexed.vocabulary ?? []));
    expect(parsed.vocabulary?.reduce((a, b) => a + b, 0)).toBe(4);
    // A file parsed to be indexed is not read for them: nothing stored or matched asks.
    expect(normalizer.normalize(code, languageByName("python")).vocabulary).toBeUndefined();
  });

  it("marks a decorator's and a class's keyword arguments, over lines", () => {
    expect(marked("@dataclass(\n    frozen=True,\n    order=False,\n)\nclass A(Base, metaclass=Meta):\n    pass\n")).toEqual(["frozen", "order", "metaclass"]);
  });

  it("marks nothing a fragment's unopened bracket closes, nor an assignment outside parentheses", () => {
    expect(marked("    flags=re.VERBOSE,\n)\nx = 1\n")).toEqual([]);
  });

  it("marks nothing in JavaScript, where an assignment in parentheses is one", () => {
    expect(marked("f(a = 1, b);\n", "javascript")).toEqual([]);
  });
});
