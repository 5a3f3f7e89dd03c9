import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { temporaryDirectory, trackerForFiles } from "../helpers.js";
import { MODULE, RETRY, SCHEDULER } from "../support/docstring-module.js";

const BIN = fileURLToPath(new URL("../../dist/src/cli/bin.js", import.meta.url));

function reftrack(args: string[], input: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { input, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Report {
  results: { path: string; language: string; references: { path: string; queryLines: [number, number]; explanation: { basis: string } }[] }[];
}

const codeReferences = (report: Report): string[] =>
  report.results[0]!.references.filter((reference) => reference.explanation.basis === "code").map((reference) => reference.path);

const dir = temporaryDirectory();
let db: string;
beforeAll(async () => {
  const tracker = await trackerForFiles(dir.path, { "timers/scheduler.py": SCHEDULER, "net/retry.py": RETRY });
  tracker.close();
  db = join(dir.path, "source.db");
});
afterAll(() => dir.cleanup());

describe("scan --stdin-path", () => {
  it("reports standard input under the path, in its extension's language, matched as a whole file", () => {
    const run = reftrack(["scan", "--db", db, "--format", "json", "--stdin-path", "src/timers.py", "-"], MODULE);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.results[0]!.path).toBe("src/timers.py");
    expect(report.results[0]!.language).toBe("python");
    // Read from its start: the module's code is the copy, its docstring's example prose.
    expect(codeReferences(report)).toEqual(["net/retry.py"]);
    expect(report.results[0]!.references.find((reference) => reference.path === "net/retry.py")!.queryLines).toEqual([31, 42]);
  });

  it("leaves standard input without it a fragment, as a piped suggestion is", () => {
    const run = reftrack(["scan", "--db", db, "--format", "json", "--language", "python", "-"], MODULE);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.results[0]!.path).toBe("-");
    expect(codeReferences(report)).toEqual(["timers/scheduler.py"]);
  });

  it("refuses in one line a path without standard input, or one whose language is not known", () => {
    for (const [args, message] of [
      [["--stdin-path", "src/timers.py", "src"], /--stdin-path names what standard input holds: give - among the paths/],
      [["--stdin-path", "notes.txt", "-"], /--stdin-path notes\.txt: no known language for its extension \(give --language\)/],
      [["--stdin-path", "", "-"], /--stdin-path needs a file path/],
      [["--diff", "HEAD", "--stdin-path", "src/timers.py", "-"], /--diff reads the work tree's changed files, not standard input: scan - without --diff/],
    ] as const) {
      const run = reftrack(["scan", "--db", db, ...args], MODULE);
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe("");
    }
    // --language decides where the extension cannot.
    const run = reftrack(["scan", "--db", db, "--format", "json", "--language", "python", "--stdin-path", "notes.txt", "-"], MODULE);
    expect(codeReferences(JSON.parse(run.stdout) as Report)).toEqual(["net/retry.py"]);
  });
});
