/**
 * Streaming cost: a suggestion pushed in small chunks (tracker.stream, then end()) against one
 * check() of the whole, against the default index (`npm start` builds it). Suggestions are real
 * code: whole files of reftrack's own source (original: nothing to find) and of the default
 * corpus (copies), 2–8 KB each. Prints a Markdown table for bench/RESULTS.md.
 *
 *   npm run bench:stream
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import { ReferenceTracker } from "../src/tracker.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const DB = join(ROOT, ".reftrack", "default.db");
const CHUNKS = [4, 16, 64];
const REPEATS = 5;

if (!existsSync(DB)) {
  process.stderr.write(`[stream] no default index at ${DB}: run \`npm start\` first\n`);
  process.exit(2);
}

/** Files of 2–8 KB under `folder`, by extension, sorted so runs draw the same ones. */
function files(folder: string, extension: string, limit: number): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (out.length >= limit) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(extension)) {
        const size = readFileSync(path).length;
        if (size >= 2000 && size <= 8000) out.push(path);
      }
    }
  };
  walk(folder);
  return out;
}

const stdlib = spawnSync("python3", ["-c", 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: "utf8" }).stdout.trim();
const sets = [
  { name: "original (reftrack's src, TypeScript)", language: "typescript" as const, files: files(join(ROOT, "src"), ".ts", 30) },
  { name: "copied (CPython standard library files)", language: "python" as const, files: files(join(stdlib, "json"), ".py", 10).concat(files(join(stdlib, "email"), ".py", 20)) },
];

const tracker = await ReferenceTracker.open(DB);
await tracker.statisticsLoaded();
const rows: string[] = [];
for (const set of sets) {
  const texts = set.files.map((file) => readFileSync(file, "utf8"));
  const time = (run: () => void): number => {
    let best = Infinity;
    for (let r = 0; r < REPEATS; r++) {
      const started = performance.now();
      run();
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };
  const check = time(() => {
    for (const text of texts) tracker.check(text, { language: set.language });
  });
  for (const size of CHUNKS) {
    let pushes = 0;
    let pushMs = 0;
    let endMs = 0;
    const results: string[] = [];
    const total = time(() => {
      pushes = 0;
      pushMs = 0;
      endMs = 0;
      results.length = 0;
      for (const text of texts) {
        const session = tracker.stream({ language: set.language });
        const started = performance.now();
        for (let at = 0; at < text.length; at += size) {
          session.push(text.slice(at, at + size));
          pushes++;
        }
        const pushed = performance.now();
        const result = session.end();
        endMs += performance.now() - pushed;
        pushMs += pushed - started;
        results.push(JSON.stringify(result));
      }
    });
    const equal = texts.filter((text, i) => results[i] === JSON.stringify(tracker.check(text, { language: set.language }))).length;
    const kb = texts.reduce((sum, text) => sum + text.length, 0) / 1000;
    const row = `| ${set.name} | ${texts.length} | ${kb.toFixed(0)} | ${size} | ${check.toFixed(1)} | ${pushMs.toFixed(1)} | ${endMs.toFixed(1)} | ${(total / check).toFixed(2)}× | ${((pushMs * 1000) / pushes).toFixed(1)} | ${equal}/${texts.length} |`;
    process.stderr.write(`[stream] ${row}\n`);
    rows.push(row);
  }
}
tracker.close();
const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
process.stdout.write(
  [
    `Streaming against the default index, ${new Date().toISOString().slice(0, 10)}, commit ${commit}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}; fastest of ${REPEATS}.`,
    "",
    "| suggestions | n | KB | chunk chars | check() ms, all | pushes ms, all | end() ms, all | stream total ÷ check | µs per push | end() = check() |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n"),
);
