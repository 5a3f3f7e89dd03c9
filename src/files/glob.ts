import { ReftrackError } from "../errors.js";

/**
 * Glob matching for include/exclude lists: `**` crosses folders, `*` and `?` do not, `[abc]` /
 * `[!abc]` is one character of a set, `{a,b}` one of several alternatives. A pattern without a
 * slash matches a file name at any depth, as in .gitignore. A malformed pattern (an unclosed `[`
 * or `{`) is an error naming it, never a pattern that silently matches nothing.
 */
export function globToRegExp(pattern: string): RegExp {
  const anchored = pattern.includes("/");
  let source = "";
  let inBraces = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "*") {
      if (pattern[i + 1] === "*") {
        i++;
        if (pattern[i + 1] === "/") {
          i++;
          source += "(?:.*/)?";
        } else {
          source += ".*";
        }
      } else {
        source += "[^/]*";
      }
    } else if (c === "?") {
      source += "[^/]";
    } else if (c === "[") {
      const close = pattern.indexOf("]", i + 2);
      if (close === -1) throw malformed(pattern, "a [ is never closed");
      let set = pattern.slice(i + 1, close);
      const negated = set.startsWith("!") || set.startsWith("^");
      if (negated) set = set.slice(1);
      source += `[${negated ? "^/" : ""}${set.replace(/[\\\]^]/g, "\\$&")}]`;
      i = close;
    } else if (c === "{") {
      if (inBraces) throw malformed(pattern, "braces cannot nest");
      inBraces = true;
      source += "(?:";
    } else if (c === "}" && inBraces) {
      inBraces = false;
      source += ")";
    } else if (c === "," && inBraces) {
      source += "|";
    } else {
      source += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
    }
  }
  if (inBraces) throw malformed(pattern, "a { is never closed");
  const prefix = anchored ? "^" : "^(?:.*/)?";
  return new RegExp(`${prefix}${source.replace(/^\//, "")}$`);
}

function malformed(pattern: string, why: string): ReftrackError {
  return new ReftrackError(`glob "${pattern}" is malformed: ${why}`);
}

/** Include/exclude lists as one predicate: included (when there is an include list) and not excluded. */
export class PathFilter {
  private readonly include: RegExp[];
  private readonly exclude: RegExp[];

  constructor(include: readonly string[] = [], exclude: readonly string[] = []) {
    this.include = include.map(globToRegExp);
    this.exclude = exclude.map(globToRegExp);
  }

  /** `relativePath` uses forward slashes. */
  accepts(relativePath: string): boolean {
    if (this.include.length > 0 && !this.include.some((r) => r.test(relativePath))) return false;
    return !this.exclude.some((r) => r.test(relativePath));
  }
}
