import { execFileSync, spawn, spawnSync } from "node:child_process";
import { closeSync, copyFileSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import type { Output } from "../../src/cli/output.js";
import { FIXTURES, FIXTURE_MANIFEST, temporaryDirectory } from "../helpers.js";

const BIN = fileURLToPath(new URL("../../dist/src/cli/bin.js", import.meta.url));
const dir = temporaryDirectory();
const db = join(dir.path, "ci.db");
const COPIED = readFileSync(join(FIXTURES, "corpus", "alpha", "tools", "report.py"), "utf8");

function reftrack(args: string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: options.cwd, input: options.input ?? "", env: { ...process.env, NO_COLOR: "1", ...options.env } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.org", "-c", "init.defaultBranch=main", ...args], { cwd, encoding: "utf8" });
}

beforeAll(() => {
  expect(reftrack(["index", "--quiet", "--db", db, FIXTURE_MANIFEST]).status).toBe(0);
});
afterAll(() => dir.cleanup());

describe("scan --diff", () => {
  it("reports only references overlapping lines added since the revision", () => {
    const repo = join(dir.path, "repo");
    mkdirSync(repo);
    git(repo, "init", "-q");
    // Already in the base: a copy, which a pull-request scan must not report.
    writeFileSync(join(repo, "old.py"), COPIED);
    writeFileSync(join(repo, "app.py"), "def main():\n    return 0\n");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "base");
    const base = git(repo, "rev-parse", "HEAD").trim();
    // The pull request: a copy appended to app.py, and a new file with a copy.
    writeFileSync(join(repo, "app.py"), `def main():\n    return 0\n\n${COPIED}`);
    writeFileSync(join(repo, "new.py"), COPIED);
    git(repo, "add", "app.py");
    git(repo, "commit", "-q", "-m", "change");
    const run = reftrack(["scan", "--db", db, "--diff", base, "--format", "json"], { cwd: repo });
    expect(run.status).toBe(1);
    const results = JSON.parse(run.stdout).results as { path: string; references: { queryLines: [number, number] }[] }[];
    expect(results.map((r) => r.path).sort()).toEqual(["app.py", "new.py"]);
    expect(results.find((r) => r.path === "app.py")!.references[0]!.queryLines[0]).toBeGreaterThanOrEqual(4);
    // Nothing added since HEAD: a clean scan.
    writeFileSync(join(repo, "new.py"), "x = 1\n");
    expect(reftrack(["scan", "--db", db, "--diff", "HEAD"], { cwd: repo }).status).toBe(0);
  });

  it("does not blame a branch behind the revision for what the revision changed since the branch left it", () => {
    const repo = join(dir.path, "behind-repo");
    mkdirSync(repo);
    git(repo, "init", "-q", "-b", "main");
    writeFileSync(join(repo, "old.py"), COPIED);
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "base");
    git(repo, "checkout", "-q", "-b", "feature");
    writeFileSync(join(repo, "new.py"), COPIED);
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "feature adds a copy");
    // main moves on: old.py's copy is replaced there, after the branch left.
    git(repo, "checkout", "-q", "main");
    writeFileSync(join(repo, "old.py"), "def main():\n    return 0\n");
    git(repo, "commit", "-q", "-am", "main drops the copy");
    git(repo, "checkout", "-q", "feature");
    const run = reftrack(["scan", "--db", db, "--diff", "main", "--format", "json"], { cwd: repo });
    expect(run.status).toBe(1);
    // `git diff main` alone would show old.py's copy as added by the branch.
    expect((JSON.parse(run.stdout).results as { path: string }[]).map((r) => r.path)).toEqual(["new.py"]);
  });

  it("follows a changed file whose name holds a space (git ends its header with a tab) or characters git quotes", () => {
    const repo = join(dir.path, "odd-names-repo");
    mkdirSync(repo);
    git(repo, "init", "-q");
    const names = ["new name.py", "ünï code.py", "tab\there.py"];
    for (const name of names) writeFileSync(join(repo, name), "def main():\n    return 0\n");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "base");
    for (const name of names) writeFileSync(join(repo, name), `def main():\n    return 0\n\n${COPIED}`);
    const run = reftrack(["scan", "--db", db, "--diff", "HEAD", "--format", "json"], { cwd: repo });
    expect(run.status).toBe(1);
    const results = JSON.parse(run.stdout).results as { path: string; references: unknown[] }[];
    expect(results.map((r) => r.path).sort()).toEqual([...names].sort());
    expect(results.every((r) => r.references.length > 0)).toBe(true);
    // Whatever prefixes the user's git config asks diffs to use.
    for (const setting of ["diff.mnemonicPrefix", "diff.noprefix"]) {
      git(repo, "config", setting, "true");
      const configured = JSON.parse(reftrack(["scan", "--db", db, "--diff", "HEAD", "--format", "json"], { cwd: repo }).stdout).results as { path: string }[];
      expect(configured.map((r) => r.path).sort(), setting).toEqual([...names].sort());
      git(repo, "config", "--unset", setting);
    }
  });

  it("reports in a notebook only the references on the lines of cells added since the revision", () => {
    const repo = join(dir.path, "notebook-repo");
    mkdirSync(repo);
    git(repo, "init", "-q");
    const notebook = (cells: string[][]) =>
      `${JSON.stringify({ cells: cells.map((source, i) => ({ cell_type: "code", execution_count: i + 1, metadata: {}, outputs: [], source })), metadata: { kernelspec: { language: "python" } }, nbformat: 4, nbformat_minor: 5 }, null, 1)}\n`;
    const copied = COPIED.split(/(?<=\n)/);
    const checksum = readFileSync(join(FIXTURES, "corpus", "beta", "lib", "checksum.py"), "utf8").split(/(?<=\n)/);
    // The base already holds a copy in its first cell.
    writeFileSync(join(repo, "explore.ipynb"), notebook([checksum]));
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "base");
    const base = git(repo, "rev-parse", "HEAD").trim();
    writeFileSync(join(repo, "explore.ipynb"), notebook([checksum, ["import os\n"], copied]));
    const all = JSON.parse(reftrack(["scan", "--db", db, "--format", "json", "explore.ipynb"], { cwd: repo }).stdout).results[0].references as { queryLines: [number, number] }[];
    expect(all).toHaveLength(2);
    const run = reftrack(["scan", "--db", db, "--diff", base, "--format", "json"], { cwd: repo });
    expect(run.status).toBe(1);
    const references = JSON.parse(run.stdout).results[0].references as { queryLines: [number, number] }[];
    // Only the copy in the cell the change added, at its lines in the notebook.
    expect(references.map((r) => r.queryLines)).toEqual([all.map((r) => r.queryLines).sort((a, b) => b[0] - a[0])[0]]);
    expect(references[0]!.queryLines[0]).toBeGreaterThan(checksum.length + 10);
  });

  it("fails clearly in a shallow clone without the revision, in a repository without commits, and outside a repository", () => {
    const origin = join(dir.path, "origin");
    mkdirSync(origin);
    git(origin, "init", "-q");
    for (const n of [1, 2, 3]) {
      writeFileSync(join(origin, "f.py"), `x = ${n}\n`);
      git(origin, "add", ".");
      git(origin, "commit", "-q", "-m", `c${n}`);
    }
    const first = git(origin, "rev-list", "--max-parents=0", "HEAD").trim();
    const shallow = join(dir.path, "shallow");
    git(dir.path, "clone", "-q", "--depth=1", `file://${origin}`, shallow);
    let run = reftrack(["scan", "--db", db, "--diff", first], { cwd: shallow });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^reftrack: --diff: revision \w+ is not in this shallow clone; fetch it first/);
    // A repository without commits yet, and one with a revision it does not have.
    const fresh = join(dir.path, "no-commits");
    mkdirSync(fresh);
    git(fresh, "init", "-q");
    writeFileSync(join(fresh, "report.py"), COPIED);
    run = reftrack(["scan", "--db", db, "--diff", "HEAD"], { cwd: fresh });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("reftrack: --diff: this repository has no commits yet, so no revision HEAD to compare with: every file is new, scan them without --diff\n");
    run = reftrack(["scan", "--db", db, "--diff", "no-such-branch"], { cwd: origin });
    expect(run.stderr).toBe("reftrack: --diff: no such revision in this repository: no-such-branch\n");
    const outside = join(dir.path, "not-a-repo");
    mkdirSync(outside);
    run = reftrack(["scan", "--db", db, "--diff", "HEAD~1"], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: dir.path } });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--diff needs a git repository/);
  });
});

describe("scan of a folder", () => {
  it("honours .gitignore and .reftrackignore, and gives the same results for CRLF and LF files", () => {
    const project = join(dir.path, "project");
    mkdirSync(join(project, "build"), { recursive: true });
    mkdirSync(join(project, "vendor"), { recursive: true });
    mkdirSync(join(project, "src"), { recursive: true });
    writeFileSync(join(project, ".gitignore"), "build/\n");
    writeFileSync(join(project, ".reftrackignore"), "vendor/\n");
    for (const folder of ["build", "vendor"]) writeFileSync(join(project, folder, "copy.py"), COPIED);
    writeFileSync(join(project, "src", "lf.py"), COPIED);
    writeFileSync(join(project, "src", "crlf.py"), COPIED.replace(/\n/g, "\r\n"));
    const run = reftrack(["scan", "--db", db, "--format", "json", project]);
    const results = JSON.parse(run.stdout).results as { path: string; references: { queryLines: number[]; sourceLines: number[] }[] }[];
    expect(results.map((r) => r.path).sort()).toEqual([join(project, "src", "crlf.py"), join(project, "src", "lf.py")]);
    const [crlf, lf] = [...results].sort((a, b) => a.path.localeCompare(b.path));
    expect(crlf!.references.map((r) => [r.queryLines, r.sourceLines])).toEqual(lf!.references.map((r) => [r.queryLines, r.sourceLines]));
    expect(lf!.references.length).toBeGreaterThan(0);
  });
});

describe("a failed scan never looks clean", () => {
  it("exits 2 in every format when a path cannot be scanned", () => {
    const folder = join(dir.path, "some-code");
    mkdirSync(folder);
    writeFileSync(join(folder, "ok.py"), "x = 1\n");
    for (const format of ["text", "json", "sarif", "spdx", "html"]) {
      const out = join(dir.path, `failed.${format}`);
      const run = reftrack(["scan", "--db", db, "--format", format, "--output", out, folder, join(dir.path, "missing.py")]);
      expect(run.status, format).toBe(2);
      expect(run.stderr).toMatch(/missing\.py: no such file or directory/);
    }
  });
});

describe("CLI manners", () => {
  it("ends quietly when the reader closes the pipe", async () => {
    const big = join(dir.path, "many");
    mkdirSync(big);
    for (let i = 0; i < 40; i++) writeFileSync(join(big, `c${i}.py`), COPIED);
    const child = spawn(process.execPath, [BIN, "scan", "--db", db, big], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    // Read one chunk, then close the pipe, as `| head -1` does.
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(stderr).not.toMatch(/EPIPE|Error|at /);
    expect([0, 1]).toContain(code);
  });

  it("stops scanning when the reader has gone before the first result, and says nothing", async () => {
    const many = join(dir.path, "many-unread");
    mkdirSync(many);
    for (let i = 0; i < 20; i++) writeFileSync(join(many, `c${i}.py`), COPIED);
    const child = spawn(process.execPath, [BIN, "scan", "--db", db, many], { stdio: ["ignore", "pipe", "pipe"] });
    // The reader goes before the scan writes anything: its first write fails.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    // No summary of files scanned for nobody, and no verdict on them.
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it("says in one line that standard output cannot be written (a full disk), and exits 2", async () => {
    const copies = join(dir.path, "full-disk");
    mkdirSync(copies);
    for (let i = 0; i < 3; i++) writeFileSync(join(copies, `c${i}.py`), COPIED);
    // Streamed text (the first result's write fails) and a report written at the end.
    for (const format of ["text", "json"]) {
      const full = openSync("/dev/full", "w");
      try {
        const child = spawn(process.execPath, [BIN, "scan", "--db", db, "--format", format, copies], { stdio: ["ignore", full, "pipe"] });
        let stderr = "";
        child.stderr!.on("data", (chunk) => (stderr += chunk));
        const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
        expect(stderr, format).toMatch(/^reftrack: cannot write standard output: .*ENOSPC.*\n$/);
        expect(stderr.trim().split("\n"), format).toHaveLength(1);
        expect(code, format).toBe(2);
      } finally {
        closeSync(full);
      }
    }
  });

  it("starts no file after standard output closes", async () => {
    const many = join(dir.path, "many-closing");
    mkdirSync(many);
    for (let i = 0; i < 5; i++) writeFileSync(join(many, `c${i}.py`), COPIED);
    let written = 0;
    let stderr = "";
    const out: Output = { stdout: () => void written++, stderr: (t) => void (stderr += t), stdoutIsTTY: false, stderrIsTTY: false, stdoutClosed: () => written > 0 };
    expect(await main(["scan", "--db", db, many], out)).toBe(0);
    expect(written).toBe(1);
    expect(stderr).toBe("");
    // An output that never closes gets every file.
    written = 0;
    expect(await main(["scan", "--db", db, many], { ...out, stdoutClosed: undefined })).toBe(1);
    expect(written).toBe(5);
    expect(stderr).toMatch(/^scanned 5 files: 5 with references/);
  });

  it("prints help for a command with every flag, and its version", () => {
    for (const args of [["scan", "--help"], ["help", "scan"]]) {
      const run = reftrack(args);
      expect(run.status).toBe(0);
      for (const flag of ["--db", "--format", "--policy", "--fail-on", "--diff", "--output", "--language", "--max-file-size", "--quiet"]) expect(run.stdout).toContain(flag);
    }
    expect(reftrack(["--version"]).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(reftrack(["help", "nonsense"]).status).toBe(2);
  });

  it("makes standard input without --language an error, accepts language aliases, and takes the index from REFTRACK_DB", () => {
    let run = reftrack(["scan", "--db", db, "-"], { input: COPIED });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/standard input needs --language/);
    run = reftrack(["scan", "--language", "py", "-"], { input: COPIED, env: { REFTRACK_DB: db } });
    expect(run.status).toBe(1);
    run = reftrack(["scan", "-"], { input: COPIED, cwd: dir.path, env: { REFTRACK_DB: "" } });
    expect(run.stderr).toMatch(/no index given/);
  });

  it("writes a NOTICE file listing each origin", () => {
    const out = join(dir.path, "NOTICE");
    const copies = join(dir.path, "notice-src");
    mkdirSync(copies);
    copyFileSync(join(FIXTURES, "corpus", "alpha", "tools", "report.py"), join(copies, "a.py"));
    copyFileSync(join(FIXTURES, "corpus", "alpha", "tools", "report.py"), join(copies, "b.py"));
    const run = reftrack(["notice", "--db", db, "--output", out, copies]);
    expect(run.status).toBe(0);
    const notice = readFileSync(out, "utf8");
    expect(notice).toMatch(/^MIT\n---\n\nalpha v1\.0\.0  https:\/\/github\.com\/example\/alpha\n  tools\/report\.py  https:\/\/github\.com\/example\/alpha\/blob\/v1\.0\.0\/tools\/report\.py#L\d+-L\d+$/m);
    expect(notice.match(/^ {2}tools\/report\.py/gm)).toHaveLength(1);
  });
});
