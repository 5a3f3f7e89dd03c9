import { type Dirent, readdirSync } from "node:fs";
import { join } from "node:path";

/** Folders that are never part of a source's own code (Jupyter's checkpoints are saved copies of notebooks beside them). */
export const IGNORED_DIRECTORIES = new Set(["node_modules", ".git", ".hg", ".svn", "__pycache__", ".ipynb_checkpoints"]);

/**
 * Regular files under `root`, as sorted forward-slash relative paths, so builds are
 * deterministic. Symbolic links are not followed: they can loop, or leave the source. `skip`
 * leaves out paths (relative to `root`) an ignore file names.
 */
export function* walkFiles(
  root: string,
  relative = "",
  skip?: (path: string, directory: boolean) => boolean,
  onUnreadable?: (path: string, error: NodeJS.ErrnoException) => void,
): Generator<string> {
  let entries: Dirent[];
  try {
    entries = readdirSync(join(root, relative), { withFileTypes: true });
  } catch (error) {
    // A folder that cannot be listed is the caller's to report; without a listener it is passed over.
    onUnreadable?.(relative, error as NodeJS.ErrnoException);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!IGNORED_DIRECTORIES.has(entry.name) && !skip?.(path, true)) yield* walkFiles(root, path, skip, onUnreadable);
    } else if (entry.isFile()) {
      if (!skip?.(path, false)) yield path;
    }
  }
}
