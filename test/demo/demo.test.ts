import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
// Inside the repository's git-ignored .reftrack/, where `npm start` writes its copies.
const workDir = join(ROOT, ".reftrack", `demo-test-${process.pid}`);
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe("npm start (the README's first command)", () => {
  it("builds the default index and finds every copy it makes, and nothing in reftrack's own examples", { timeout: 300_000 }, () => {
    const run = spawnSync(process.execPath, [join(ROOT, "dist", "demo", "demo.js")], {
      encoding: "utf8",
      env: { ...process.env, REFTRACK_DEMO_DIR: workDir, NO_COLOR: "1" },
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    for (const origin of ["bisect.py", "textwrap.py", "debounce.js", "functions/cmp.js"]) expect(run.stdout).toContain(origin);
    const clean = /No references: (.*)/.exec(run.stdout)![1]!.split(", ").map((path) => path.slice(path.lastIndexOf("/") + 1));
    expect(clean.sort()).toEqual(["interval_merge.py", "rate-limiter.ts", "suggestion-pipeline.mjs"]);
  });
});
