import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { buildIndex } from "../../src/indexing/build.js";
import { temporaryDirectory } from "../helpers.js";

const BIN = fileURLToPath(new URL("../../dist/src/cli/bin.js", import.meta.url));
const FILES_PER_SOURCE = 120;

/** Distinct, plausible Python: each file a few functions whose bodies depend on its number. */
function generatedModule(source: number, file: number): string {
  const lines: string[] = [];
  for (let f = 0; f < 6; f++) {
    lines.push(`def handler_${f}(request, limit=${source * 1000 + file}):`);
    lines.push(`    items = [x for x in request.items if x.size > ${f + file}]`);
    for (let s = 0; s < 8; s++) {
      const op = ["+", "-", "*", "//"][(source + file + f + s) % 4];
      lines.push(`    total_${s} = sum(item.weight ${op} ${s + f} for item in items[${s}:])`);
      if ((file + s) % 3 === 0) lines.push(`    if total_${s} > limit:\n        raise ValueError("over limit ${s}")`);
    }
    lines.push("    return items\n");
  }
  return lines.join("\n");
}

describe("interrupted build", () => {
  const dir = temporaryDirectory();
  afterAll(() => dir.cleanup());

  it("leaves every source fully written or absent and nothing half-searchable; the next run completes it", async () => {
    const sources = [0, 1, 2].map((s) => {
      const root = join(dir.path, `src${s}`);
      mkdirSync(root);
      for (let f = 0; f < FILES_PER_SOURCE; f++) writeFileSync(join(root, `m${f}.py`), generatedModule(s, f));
      return { kind: "dir", name: `src${s}`, path: root, license: "MIT" };
    });
    const manifest = join(dir.path, "manifest.json");
    writeFileSync(manifest, JSON.stringify({ sources }));
    const db = join(dir.path, "interrupted.db");

    // Kill the build (SIGKILL: no cleanup runs) as soon as it reports its first finished source.
    await new Promise<void>((resolve) => {
      const child = spawn(process.execPath, [BIN, "index", "--db", db, manifest], { stdio: ["ignore", "ignore", "pipe"] });
      child.stderr.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("indexed")) child.kill("SIGKILL");
      });
      child.on("exit", () => resolve());
    });

    const check = new Database(db);
    expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
    const counts = check
      .prepare("SELECT s.name, count(f.id) AS files FROM sources s LEFT JOIN files f ON f.source_id = s.id GROUP BY s.id")
      .all() as { name: string; files: number }[];
    // Written sources become searchable only when the build merges them, at its end.
    const searchable = (check.prepare("SELECT count(*) AS n FROM postings").get() as { n: number }).n;
    const trusted = (check.prepare("SELECT count(*) AS n FROM sources WHERE digest != ''").get() as { n: number }).n;
    check.close();
    expect(counts.length).toBeGreaterThanOrEqual(1);
    expect(counts.length).toBeLessThan(3);
    for (const { files } of counts) expect(files).toBe(FILES_PER_SOURCE);
    expect(searchable).toBe(0);
    expect(trusted).toBe(0);

    const resumed = await buildIndex(db, manifest);
    expect(resumed.sourcesIndexed).toBe(3);
    expect(resumed.index.files).toBe(3 * FILES_PER_SOURCE);
    const fresh = await buildIndex(join(dir.path, "fresh.db"), manifest);
    expect(resumed.index.fingerprints).toBe(fresh.index.fingerprints);
  });
});
