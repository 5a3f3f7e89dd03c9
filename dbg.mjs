import { readFileSync } from "node:fs";
import { ReferenceTracker } from "/work/main/dist/src/tracker.js";
const [db, file, a, b, ...rest] = process.argv.slice(2);
const code = readFileSync(file, "utf8").split("\n").slice(Number(a) - 1, Number(b)).join("\n");
const t = await ReferenceTracker.open(db);
const opts = rest.length ? JSON.parse(rest[0]) : {};
const { references } = t.match(code, { path: file, ...opts });
for (const r of references) console.log(r.group, r.path, r.sourceLines.join("-"), r.queryLines.join("-"), r.matchedTokens, JSON.stringify(r.explanation));
