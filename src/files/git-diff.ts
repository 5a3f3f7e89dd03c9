import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { ReftrackError } from "../errors.js";

/** Lines added since a revision, per file (absolute path → 1-based inclusive ranges). */
export type AddedLines = Map<string, [number, number][]>;

/**
 * What a pull request adds: the lines `git diff <revision>` shows as added in the working tree's
 * tracked files (renames followed), plus every line of untracked files git does not ignore.
 */
export function addedLinesSince(revision: string, cwd: string): AddedLines {
  if (revision.startsWith("-") || revision.trim() === "") throw new ReftrackError(`--diff expects a git revision, got "${revision}"`);
  const root = git(["rev-parse", "--show-toplevel"], cwd, () => `--diff needs a git repository, and ${cwd} is not in one`).trim();
  if (!isCommit(root, revision)) {
    const shallow = git(["rev-parse", "--is-shallow-repository"], root, () => "git failed").trim() === "true";
    throw new ReftrackError(
      shallow
        ? `--diff: revision ${revision} is not in this shallow clone; fetch it first (git fetch --depth=50 origin ${revision}), or clone with more history`
        : !isCommit(root, "HEAD")
          ? `--diff: this repository has no commits yet, so no revision ${revision} to compare with: every file is new, scan them without --diff`
          : `--diff: no such revision in this repository: ${revision}`,
    );
  }
  // Lines added since the branch left `revision`, not since its tip: where the branch (or the
  // pull request) is behind, the tip's own later edits would read as lines the branch added back.
  // Without the history to find that point (a shallow clone), the revision itself.
  const base = mergeBase(root, revision) ?? revision;
  // The prefixes are given: a user's diff.mnemonicPrefix ("w/app.py") would otherwise name files
  // this reads as other paths, and a scan of none passes clean.
  const diff = git(
    ["diff", "--no-color", "--no-ext-diff", "--src-prefix=a/", "--dst-prefix=b/", "--unified=0", "-M", "--diff-filter=ACMR", base, "--"],
    root,
    () => `git diff ${revision} failed`,
  );
  const added: AddedLines = new Map();
  let file: string | undefined;
  for (const line of diff.split("\n")) {
    if (line.startsWith("+++ ")) {
      // git ends a header's name holding a space with a tab ("+++ b/new name.py\t"), as diff(1) does.
      const name = line.slice(4).replace(/\t$/, "");
      file = name === "/dev/null" ? undefined : resolve(root, unquote(name).replace(/^b\//, ""));
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && file) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      if (count > 0) {
        const ranges = added.get(file) ?? [];
        ranges.push([start, start + count - 1]);
        added.set(file, ranges);
      }
    }
  }
  const untracked = git(["ls-files", "--others", "--exclude-standard", "-z"], root, () => "git ls-files failed");
  for (const path of untracked.split("\0").filter(Boolean)) added.set(resolve(root, path), [[1, Number.MAX_SAFE_INTEGER]]);
  return added;
}

function isCommit(root: string, revision: string): boolean {
  try {
    execFileSync("git", ["-C", root, "rev-parse", "--verify", "--quiet", `${revision}^{commit}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** The commit where HEAD's history and `revision`'s meet, or undefined when git cannot tell. */
function mergeBase(root: string, revision: string): string | undefined {
  try {
    const found = execFileSync("git", ["-C", root, "merge-base", revision, "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return /^[0-9a-f]{40,64}$/.test(found) ? found : undefined;
  } catch {
    return undefined;
  }
}

/** Whether an inclusive line range overlaps any of `ranges`. */
export function overlapsAdded(lines: readonly [number, number], ranges: readonly [number, number][]): boolean {
  return ranges.some(([from, to]) => lines[0] <= to && from <= lines[1]);
}

function git(args: string[], cwd: string, failure: () => string): string {
  try {
    return execFileSync("git", ["-C", cwd, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 512 * 1024 * 1024 });
  } catch {
    throw new ReftrackError(failure());
  }
}

/** git quotes paths with unusual characters as C strings: "b/caf\303\251.js". */
function unquote(path: string): string {
  if (!path.startsWith('"')) return path;
  const bytes: number[] = [];
  const body = path.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== "\\") {
      bytes.push(...Buffer.from(c, "utf8"));
      continue;
    }
    const next = body[++i]!;
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else {
      bytes.push(({ n: 10, t: 9, '"': 34, "\\": 92 } as Record<string, number>)[next] ?? next.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
