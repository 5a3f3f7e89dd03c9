/**
 * Minimal glob matching for include/exclude lists: `**` crosses folders, `*` and `?` do not.
 * A pattern without a slash matches a file name at any depth, as in .gitignore.
 */
export function globToRegExp(pattern: string): RegExp {
  const anchored = pattern.includes("/");
  let source = "";
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
    } else {
      source += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
    }
  }
  const prefix = anchored ? "^" : "^(?:.*/)?";
  return new RegExp(`${prefix}${source.replace(/^\//, "")}$`);
}

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
