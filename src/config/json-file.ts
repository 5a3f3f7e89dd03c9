import { readFileSync } from "node:fs";
import { ReftrackError, describeError, describeFileError } from "../errors.js";

/**
 * A JSON file's value (a leading byte-order mark allowed), read for the user: one that cannot be
 * read or is not JSON is a ReftrackError naming it as `what` ("config", "manifest", "policy").
 */
export function readJsonFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ReftrackError(`cannot read ${what} ${path}: ${describeFileError(error, describeError(error))}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new ReftrackError(`${what} ${path} is not valid JSON: ${describeError(error)}`);
  }
}
