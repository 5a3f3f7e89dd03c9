import { mkdirSync } from "node:fs";
import { describeError, describeFileError } from "../errors.js";

/**
 * Makes a folder and any above it (`mkdir -p`). Undefined once it is there, else why not, in words:
 * mkdir meets EEXIST where a file stands in the folder's place, ENOTDIR where one stands above it.
 */
export function makeFolder(path: string): string | undefined {
  try {
    mkdirSync(path, { recursive: true });
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EEXIST" ? "a file is in its place" : describeFileError(error, describeError(error));
  }
}
