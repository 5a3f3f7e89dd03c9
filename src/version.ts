import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "./util/package-root.js";

let version: string | undefined;

/** reftrack's own version, from its package.json. */
export function reftrackVersion(): string {
  version ??= (JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;
  return version;
}
