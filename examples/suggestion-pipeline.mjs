// A code assistant's suggestion pipeline wired to reftrack: each suggestion is checked while it
// is generated, generation stops as soon as the policy blocks it, an annotated suggestion is shown
// with its attribution, and an accepted one that carried references goes into the code reference
// log. Run: node examples/suggestion-pipeline.mjs <index.db> <suggestion-file> [<log-file>]
import { readFileSync } from "node:fs";
import { ReferenceLog, ReferenceTracker } from "reftrack";

const [db, suggestionFile, logFile = "references.jsonl"] = process.argv.slice(2);
const policy = { references: "annotate", licenses: { deny: ["copyleft"] } };

const tracker = await ReferenceTracker.open(db);
const log = ReferenceLog.open(logFile);

// Stands in for the model: the suggestion arrives a few characters at a time.
function* generate(text) {
  for (let at = 0; at < text.length; at += 24) yield text.slice(at, at + 24);
}

const session = tracker.stream({ path: suggestionFile, policy });
let stopped = false;
for (const chunk of generate(readFileSync(suggestionFile, "utf8"))) {
  const update = session.push(chunk);
  if (update?.decision.action === "block") {
    stopped = true; // stop generating: this suggestion will not be shown
    break;
  }
}
const result = session.end();

if (stopped || result.decision.action === "block") {
  console.log("blocked:");
  for (const reason of result.decision.reasons) console.log(`  ${reason.message}`);
} else if (result.decision.action === "annotate") {
  console.log("shown with references:");
  for (const reference of result.references) console.log(`  ${reference.license}  ${reference.repository ?? reference.source}  ${reference.url ?? reference.path}`);
  // The person accepts it: record it (no code is stored unless the log is opened with includeCode).
  log.record({ references: result.references, file: suggestionFile, lines: [1, result.references.at(-1).queryLines[1]], action: "annotate" });
} else {
  console.log("shown: no references");
}
log.close();
tracker.close();
