import { beforeAll, describe, expect, it } from "vitest";
import { type TokenHasher, loadTokenHasher } from "../../src/hashing.js";
import { languageByName } from "../../src/languages/registry.js";
import { LexicalNormalizer } from "../../src/normalize/lexical.js";
import { Normalizer } from "../../src/normalize/normalizer.js";
import { overridingNames } from "../../src/normalize/overrides.js";
import { nameHash } from "../../src/normalize/token-stream.js";
import { markedVocabulary } from "../support/vocabulary-marks.js";

let hasher: TokenHasher;
beforeAll(async () => {
  hasher = await loadTokenHasher();
});

const words = (...names: string[]): Set<number> => new Set(names.map((n) => nameHash(n, 0, n.length)));

const COMMAND = [
  "class build(Command):",
  "    def initialize_options(self):",
  "        Command.initialize_options(self)",
  "        self.force = None",
  "",
  "    async def save(self, *args):",
  "        await super().save(*args)",
  "",
  "    def close(self):",
  "        self.stream.close()",
  "",
  "    def copy(self):",
  "        return copy.copy(self)",
  "",
  "    def update(self, other):",
  "        other.update(self.values)",
  "",
  "    def run(self):",
  "        super().reset()",
  "",
  "    def reset(self):",
  "        pass",
  "",
  "    def flush(self):",
  "        self.data = []",
  "    # a comment at the class's level",
  "        super(build, self).flush()",
  "",
].join("\n");

describe("overriding methods", () => {
  it("are the defs whose body calls their own name on the base: super() or the base class with self", () => {
    // close, copy and update call their name on another object or module (copy is no base class
    // here), or pass another argument than self; reset's base is called by another method. A
    // comment line less indented does not end flush's body.
    expect(overridingNames(COMMAND)).toEqual(words("initialize_options", "save", "flush"));
  });

  it("are none where no method calls its base", () => {
    expect(overridingNames("class A:\n    def run(self):\n        return self.items.run()\n").size).toBe(0);
  });

  it("mark the name after def alone, alike in a lexed and a parsed query", () => {
    expect(markedVocabulary(hasher, COMMAND)).toEqual(["initialize_options", "save", "flush"]);
    const lexed = new LexicalNormalizer(languageByName("python"), hasher).tokens(COMMAND);
    const parsed = new Normalizer(hasher).normalizeQuery(COMMAND, languageByName("python"));
    expect(Array.from(parsed.vocabulary ?? [])).toEqual(Array.from(lexed.vocabulary ?? []));
  });
});
