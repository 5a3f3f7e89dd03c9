import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The package.json at `root` as an object, or undefined when it is absent or not a JSON object. */
export function readPackageJson(root: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
