import { lstatSync, statSync } from "node:fs";
import { join } from "node:path";
import type { ResolvedSource } from "../corpus/manifest.js";
import { ReftrackError } from "../errors.js";
import { PathFilter } from "../files/glob.js";
import { IGNORED_DIRECTORIES, walkFiles } from "../files/walk.js";
import { languageForPath } from "../languages/registry.js";
import type { FileRequest } from "./prepare.js";

/** What a build progresses through: files and their bytes. */
export interface BuildProgress {
  readonly files: number;
  readonly bytes: number;
}

/** The files of a source reftrack would index, in a stable order. */
export function* sourceFiles(source: ResolvedSource): Generator<string> {
  const filter = new PathFilter(source.include, source.exclude);
  const unreadable = (path: string, error: NodeJS.ErrnoException): never => {
    throw new ReftrackError(`${source.name}: folder ${path || "."} cannot be read (${error.code ?? "error"})`);
  };
  const candidates = source.files ? listedFiles(source.root, source.files) : walkFiles(source.root, "", undefined, unreadable);
  for (const path of candidates) {
    if (languageForPath(path) && filter.accepts(path)) yield path;
  }
}

/**
 * An explicit file list (git's tracked files), held to the walk's rules: regular files only (a
 * tracked symlink could point out of the checkout), never inside node_modules and the like.
 */
function* listedFiles(root: string, files: readonly string[]): Generator<string> {
  for (const path of files) {
    if (path.split("/").some((part) => IGNORED_DIRECTORIES.has(part))) continue;
    try {
      if (lstatSync(join(root, path)).isFile()) yield path;
    } catch {
      // Listed but gone from the working tree: nothing to read.
    }
  }
}

export function* fileRequests(source: ResolvedSource, maxFileBytes: number): Generator<FileRequest> {
  for (const path of sourceFiles(source)) {
    yield { absolutePath: join(source.root, path), path, language: languageForPath(path)!.name, maxFileBytes, minified: source.minified };
  }
}

/** The files a source would have read, and their size on disk, for a progress total. */
export function planSource(source: ResolvedSource): BuildProgress {
  let files = 0;
  let bytes = 0;
  for (const path of sourceFiles(source)) {
    files++;
    try {
      bytes += statSync(join(source.root, path)).size;
    } catch {
      // Unreadable: it will be counted as a skip when read.
    }
  }
  return { files, bytes };
}
