/** Runs `reftrack scan --format json` in a process of its own and reports its references and peak memory, for large-files.ts and minified.ts. */
import { main } from "../src/cli/main.js";

let output = "";
const status = await main(process.argv.slice(2), {
  stdout: (text) => {
    output += text;
  },
  stderr: (text) => process.stderr.write(text),
  stdoutIsTTY: false,
  stderrIsTTY: false,
});
const report = JSON.parse(output || "{}") as { results?: { references: unknown[] }[]; skipped?: unknown[] };
const references = (report.results ?? []).reduce((sum, result) => sum + result.references.length, 0);
// The report itself only when asked (minified.ts): the largest files' reports run to megabytes.
const full = process.env.REFTRACK_SCAN_CHILD_REPORT === "1" ? { report } : {};
process.stdout.write(JSON.stringify({ status, references, skipped: report.skipped?.length ?? 0, maxRssKiB: process.resourceUsage().maxRSS, ...full }));
