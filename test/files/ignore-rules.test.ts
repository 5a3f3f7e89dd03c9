import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IgnoreRules } from "../../src/files/ignore-rules.js";
import { walkFiles } from "../../src/files/walk.js";
import { temporaryDirectory } from "../helpers.js";

let dir: ReturnType<typeof temporaryDirectory>;
beforeEach(() => {
  dir = temporaryDirectory();
});
afterEach(() => dir.cleanup());

/** What a directory scan of `root` would read. */
function scanned(root: string): string[] {
  const rules = new IgnoreRules(root);
  return [...walkFiles(root, "", (inside, directory) => rules.ignores(join(root, inside), directory))];
}

function repository(): string {
  const repo = join(dir.path, "repo");
  mkdirSync(join(repo, ".git"), { recursive: true });
  mkdirSync(join(repo, "out", "nested"), { recursive: true });
  mkdirSync(join(repo, "src"), { recursive: true });
  writeFileSync(join(repo, ".gitignore"), "out/\n*.gen.py\n");
  writeFileSync(join(repo, "src", "a.py"), "x = 1\n");
  writeFileSync(join(repo, "src", "b.gen.py"), "x = 2\n");
  writeFileSync(join(repo, "out", "copy.py"), "x = 3\n");
  writeFileSync(join(repo, "out", "nested", "deep.py"), "x = 4\n");
  writeFileSync(join(repo, "out", "skip.tmp.py"), "x = 5\n");
  writeFileSync(join(repo, "out", ".gitignore"), "*.tmp.py\n");
  return repo;
}

describe("ignore rules of a directory scan", () => {
  it("leave out what the repository's .gitignore names, from the root or a folder inside", () => {
    const repo = repository();
    expect(scanned(repo)).toEqual([".gitignore", "src/a.py"]);
    expect(scanned(join(repo, "src"))).toEqual(["a.py"]);
  });

  it("scan a folder the user names even when the rules above exclude it, with its own rules", () => {
    const repo = repository();
    expect(scanned(join(repo, "out"))).toEqual([".gitignore", "copy.py", "nested/deep.py"]);
    expect(scanned(join(repo, "out", "nested"))).toEqual(["deep.py"]);
  });
});
