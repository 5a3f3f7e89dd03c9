import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import type ignoreFactory from "ignore";
import type { Ignore } from "ignore";
import { lazyRequire } from "../util/lazy-require.js";

// Required, not imported: importing a CommonJS package from ESM makes Node lex its source for
// named exports: a lexer hot enough that V8 compiles it, on the core a large scan's own
// compilations need (bench/PIPELINE.md).
const loadIgnore = lazyRequire<typeof ignoreFactory>("ignore");

/** The ignore files a directory scan honours, in each folder: git's, and reftrack's own. */
export const IGNORE_FILES = [".gitignore", ".reftrackignore"];

/** One folder's ignore rules: patterns relative to that folder. */
interface FolderRules {
  readonly folder: string;
  readonly rules: Ignore;
}

/**
 * Which files a directory scan leaves out, as git would: the .gitignore and .reftrackignore of
 * every folder from the repository's root (the nearest folder above holding `.git`) down to the
 * file's own, each pattern relative to its folder. Outside a repository, from the scanned folder.
 * A folder the user names is scanned even when the rules above it exclude it (as ripgrep does):
 * then only the ignore files inside it apply, since git never looks there and has no rules for it.
 */
export class IgnoreRules {
  private readonly chains = new Map<string, readonly FolderRules[]>();
  private readonly top: string;

  constructor(scanRoot: string) {
    const root = resolve(scanRoot);
    const repository = repositoryRoot(root) ?? root;
    this.top = repository;
    if (repository !== root && this.ignores(root, true)) this.top = root;
  }

  /** Whether `path` (absolute, or relative to the working directory) is ignored; `directory` for folders. */
  ignores(path: string, directory: boolean): boolean {
    const full = resolve(path);
    for (const { folder, rules } of this.rulesAbove(dirname(full))) {
      const inside = relative(folder, full).split(sep).join("/");
      if (inside === "" || inside.startsWith("..")) continue;
      if (rules.ignores(directory ? `${inside}/` : inside)) return true;
    }
    return false;
  }

  /**
   * The rules of every folder from the repository root (or the scan root) down to `folder`, in
   * that order, kept per folder: a file's check is then one lookup, not a walk up its path.
   */
  private rulesAbove(folder: string): readonly FolderRules[] {
    let chain = this.chains.get(folder);
    if (chain) return chain;
    const parent = dirname(folder);
    const above = folder === this.top || parent === folder ? [] : this.rulesAbove(parent);
    const own = this.rulesOf(folder);
    chain = own ? [...above, own] : above;
    this.chains.set(folder, chain);
    return chain;
  }

  /** One folder's own rules, read once: rulesAbove keeps each folder's chain. */
  private rulesOf(folder: string): FolderRules | null {
    const patterns: string[] = [];
    for (const name of IGNORE_FILES) {
      const file = join(folder, name);
      // Asked first: most folders have neither file, and a failed read costs an exception each.
      if (!existsSync(file)) continue;
      try {
        patterns.push(readFileSync(file, "utf8"));
      } catch {
        // Gone since, or not a readable file: nothing to add.
      }
    }
    return patterns.length > 0 ? { folder, rules: loadIgnore()().add(patterns.join("\n")) } : null;
  }
}

/** The nearest folder at or above `folder` that holds `.git`. */
function repositoryRoot(folder: string): string | undefined {
  let at = existsSync(folder) && statSync(folder).isDirectory() ? folder : dirname(folder);
  for (;;) {
    if (existsSync(join(at, ".git"))) return at;
    const parent = dirname(at);
    if (parent === at) return undefined;
    at = parent;
  }
}
