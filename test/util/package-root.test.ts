import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compiledModule, packageRoot } from "../../src/util/package-root.js";

describe("the package's own files", () => {
  it("are found from the TypeScript sources as from the build", () => {
    expect(JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")).name).toBe("reftrack");
    // Worker pools load these: the build's JavaScript, whichever copy of this module asks.
    for (const worker of ["cli/scan-worker.js", "service/check-worker.js"]) {
      const file = fileURLToPath(compiledModule(worker));
      expect(file).toBe(join(packageRoot(), "dist", "src", worker));
      expect(existsSync(file)).toBe(true);
    }
  });
});
