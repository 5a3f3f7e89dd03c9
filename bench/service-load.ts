/**
 * Load on `reftrack serve`: 20-line snippets (half copied from the default corpus, half reftrack's
 * own code) POSTed to /v1/check on loopback by autocannon at 1, 8 and 64 connections, 10 s each,
 * against the default index (`npm start` builds it). Prints a Markdown table for bench/RESULTS.md.
 *
 *   npm run bench:service
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { startService } from "../src/service/server.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const DB = join(ROOT, ".reftrack", "default.db");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
if (!existsSync(DB)) {
  process.stderr.write(`[service] no default index at ${DB}: run \`npm start\` first\n`);
  process.exit(2);
}

/** 20-line windows of the files in `folder` with `extension`, a few per file. */
function snippets(folder: string, extension: string, count: number, language: string): { code: string; language: string }[] {
  const out: { code: string; language: string }[] = [];
  for (const name of readdirSync(folder).filter((n) => n.endsWith(extension)).sort()) {
    const lines = readFileSync(join(folder, name), "utf8").split("\n");
    for (let start = 0; start + 20 <= lines.length && out.length < count; start += 60) out.push({ code: lines.slice(start, start + 20).join("\n"), language });
    if (out.length >= count) break;
  }
  return out;
}

const stdlib = spawnSync("python3", ["-c", 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: "utf8" }).stdout.trim();
const bodies = [...snippets(stdlib, ".py", 100, "python"), ...snippets(join(ROOT, "src", "match"), ".ts", 100, "typescript")].map((s) =>
  JSON.stringify({ ...s, index: "default" }),
);

const service = await startService({ indexes: { default: DB }, tokens: [], host: "127.0.0.1", port: 0, workers: cpus().length, log: () => {} });
const rows: string[] = [];
try {
  for (const connections of [1, 8, 64]) {
    let next = 0;
    const result = await autocannon({
      url: `${service.url}/v1/check`,
      connections,
      duration: SECONDS,
      method: "POST",
      headers: { "content-type": "application/json" },
      requests: [{ setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length]! }) }],
    });
    const failed = result.non2xx + result.errors + result.timeouts;
    const row = `| ${connections} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} | ${result.requests.total} | ${failed} |`;
    process.stderr.write(`[service] ${row}\n`);
    rows.push(row);
  }
} finally {
  await service.close();
}
const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
process.stdout.write(
  [
    `reftrack serve on loopback, ${cpus().length} workers, default index; 20-line snippets (100 CPython, 100 reftrack); autocannon ${SECONDS} s per row; ` +
      `${new Date().toISOString().slice(0, 10)}, commit ${commit}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}.`,
    "",
    "| connections | checks/s | p50 ms | p99 ms | requests | failed |",
    "|---|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n"),
);
