import { beforeAll, describe, expect, it } from "vitest";
import { type TokenHasher, loadTokenHasher } from "../../src/hashing.js";
import { languageByName } from "../../src/languages/registry.js";
import { LexicalNormalizer } from "../../src/normalize/lexical.js";
import { importedNames } from "../../src/normalize/module-qualifiers.js";
import { Normalizer } from "../../src/normalize/normalizer.js";
import { nameHash } from "../../src/normalize/token-stream.js";
import { markedVocabulary } from "../support/vocabulary-marks.js";

let hasher: TokenHasher;
beforeAll(async () => {
  hasher = await loadTokenHasher();
});

const marked = (code: string, language: "python" | "javascript" = "python"): string[] => markedVocabulary(hasher, code, language);

const words = (...names: string[]): Set<number> => new Set(names.map((n) => nameHash(n, 0, n.length)));

describe("imported names", () => {
  it("are the names import statements bind: a module's first name, an alias, each item of a from-import", () => {
    const code = [
      "import os, sys",
      "import os.path",
      "import numpy as np",
      "from . import utils",
      "from collections.abc import (",
      "    Mapping,",
      "    Sequence as Seq,  # a comment",
      ")",
      "from typing import *",
      "from x import y \\",
      "    , z",
      "    import_rows = 1",
    ].join("\n");
    expect(importedNames(code)).toEqual(words("os", "sys", "np", "utils", "Mapping", "Seq", "y", "z"));
  });

  it("are none where nothing is imported", () => {
    expect(importedNames("important = 1\nx.imports = 2\n").size).toBe(0);
  });
});

describe("module qualifiers", () => {
  it("marks an imported name qualifying a member, not the same name alone nor a local qualifying one", () => {
    const code = "import os\nimport numpy as np\n\nROOT = os.path.dirname(__file__)\nos = None\nz = np.zeros(3)\nself.x = config.y\n";
    expect(marked(code)).toEqual(["os", "np"]);
  });

  it("marks alike in a parsed query, beside keyword arguments, and not in a file parsed to be indexed", () => {
    const code = "import os\n\np = os.path.join(os.path.dirname(__file__), 'version.info')\nwith open(p, encoding='utf-8') as f:\n    v = f.read()\n";
    const lexed = new LexicalNormalizer(languageByName("python"), hasher).tokens(code);
    const normalizer = new Normalizer(hasher);
    const parsed = normalizer.normalizeQuery(code, languageByName("python"));
    expect(Array.from(parsed.vocabulary ?? [])).toEqual(Array.from(lexed.vocabulary ?? []));
    expect(marked(code)).toEqual(["os", "os", "encoding"]);
    expect(normalizer.normalize(code, languageByName("python")).vocabulary).toBeUndefined();
  });

  it("marks nothing in JavaScript", () => {
    expect(marked("import * as path from 'path';\nconst p = path.join(a, b);\n", "javascript")).toEqual([]);
  });
});
