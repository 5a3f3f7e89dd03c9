import { ReferenceTracker } from "./dist/src/tracker.js";
import { sampleWindows, Rng, renameAndReformat } from "./dist/bench/snippets.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
const manifest = JSON.parse(readFileSync("bench/.cache/manifest-1x.json", "utf8"));
import { walkFiles } from "./dist/src/corpus/walk.js";
import { languageForPath } from "./dist/src/languages/registry.js";
const files = [];
for (const s of manifest.sources) for (const p of walkFiles(s.path)) if (languageForPath(p)) files.push(join(s.path, p));
const verbatim = sampleWindows(files, 3000, 20, new Rng(11));
const t = await ReferenceTracker.open("bench/.cache/index-4x.db");
for (const s of verbatim.slice(0, 200)) t.match(s.code, { language: s.language });
const times = [];
for (const s of verbatim) { const a = process.hrtime.bigint(); t.match(s.code, { language: s.language }); times.push(Number(process.hrtime.bigint() - a) / 1e6); }
times.sort((a, b) => a - b);
console.log("n", times.length, "p50", times[times.length >> 1].toFixed(3), "p99", times[Math.floor(times.length * 0.99)].toFixed(3));
