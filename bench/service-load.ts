/**
 * Load on `reftrack serve`: 20-line snippets (half copied from the default corpus, half reftrack's
 * own code) POSTed to /v1/check on loopback by autocannon at 1, 8 and 64 connections, 10 s each,
 * against the default index (`npm start` builds it). The service is the real command in its own
 * processes, its request log written to a file, as an operator runs it; autocannon shares the machine.
 * Prints a Markdown table for bench/PIPELINE.md.
 *
 *   npm run bench:service
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

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

const logDir = mkdtempSync(join(tmpdir(), "reftrack-service-bench-"));
const logFile = join(logDir, "requests.log");
const logFd = openSync(logFile, "w");
const child = spawn(process.execPath, [join(ROOT, "dist", "src", "cli", "bin.js"), "serve", "--index", `default=${DB}`, "--port", "0"], {
  stdio: ["ignore", "ignore", logFd],
});
const url = await listeningUrl(child, logFile);
const rows: string[] = [];
let total = 0;
try {
  for (const connections of [1, 8, 64]) {
    let next = 0;
    const result = await autocannon({
      url: `${url}/v1/check`,
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
    total += result.requests.total;
  }
} finally {
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
  closeSync(logFd);
}
// One log line per request: a service that answered without logging (or logged twice) is not what was measured.
const logged = readFileSync(logFile, "utf8").split("\n").filter((line) => line.startsWith("{")).length;
rmSync(logDir, { recursive: true, force: true });
process.stderr.write(`[service] ${logged} request log lines for ${total} completed requests\n`);
const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
process.stdout.write(
  [
    `\`reftrack serve\` (its defaults: ${cpus().length} processes, short code checked where it is received) on loopback, request log to a file, default index; 20-line snippets (100 CPython, 100 reftrack); autocannon ${SECONDS} s per row; ` +
      `${new Date().toISOString().slice(0, 10)}, commit ${commit}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}.`,
    "",
    "| connections | checks/s | p50 ms | p99 ms | requests | failed |",
    "|---|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n"),
);

/** The service's address, from the line it writes when it listens; its log file is its standard error. */
async function listeningUrl(service: ChildProcess, log: string): Promise<string> {
  for (let waited = 0; waited < 30_000; waited += 50) {
    const found = /listening on (\S+)/.exec(readFileSync(log, "utf8"));
    if (found) return found[1]!;
    if (service.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  service.kill("SIGKILL");
  process.stderr.write(`[service] reftrack serve did not start:\n${readFileSync(log, "utf8")}`);
  process.exit(2);
}
