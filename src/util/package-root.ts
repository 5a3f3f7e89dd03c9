import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

let root: string | undefined;

/** reftrack's package folder (where package.json and schemas/ are), from the compiled dist/ or the sources alike. */
export function packageRoot(): string {
  if (root) return root;
  for (let at = dirname(fileURLToPath(import.meta.url)); ; at = dirname(at)) {
    const manifest = join(at, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "reftrack") return (root = at);
    if (dirname(at) === at) throw new Error("reftrack's package.json not found above its modules");
  }
}

/**
 * The compiled module at `path` under src/ ("cli/scan-worker.js"), as a URL a worker pool loads:
 * the same file whether the caller runs compiled or from its TypeScript source (the tests).
 */
export function compiledModule(path: string): string {
  return pathToFileURL(join(packageRoot(), "dist", "src", path)).href;
}
