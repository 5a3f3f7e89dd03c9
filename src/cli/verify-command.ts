import { parseArgs } from "node:util";
import { loadConfig } from "../config/config.js";
import { verifyIndex } from "../store/verify.js";
import { requireDb, withUsageErrors } from "./args.js";
import { EXIT_ERROR, EXIT_NO_MATCH, type Output } from "./output.js";
import { counted } from "../util/counted.js";

/** `reftrack verify`: checks an index fully and says what is wrong; exit 0 sound, 2 damaged. */
export async function verifyCommand(args: string[], out: Output): Promise<number> {
  const { values } = withUsageErrors("verify", () => parseArgs({ args, allowPositionals: false, options: { db: { type: "string" }, config: { type: "string" } } }));
  const db = requireDb(values.db ?? loadConfig(values.config).config.db ?? process.env.REFTRACK_DB, "verify");
  const report = verifyIndex(db);
  const { sources, files, contents, postings } = report.checked;
  if (report.problems.length === 0) {
    out.stdout(`${db}: sound (${counted(sources, "source")}, ${counted(files, "file")}, ${counted(contents, "content")}, ${counted(postings, "posting list")} checked)\n`);
    if (report.staleStatistics) {
      out.stdout(`${db}: its membership filter or common-fingerprint table is out of date (a build was interrupted): queries find the same references without them, more slowly, until the next \`reftrack index\` rebuilds them\n`);
    }
    if (report.unfinishedSources) {
      out.stdout(
        `${db}: ${counted(report.unfinishedSources, "source")} written by a build that has not finished (it is running, or was interrupted) ${report.unfinishedSources === 1 ? "is" : "are"} not searched yet: queries answer from the versions before it, until \`reftrack index\` finishes\n`,
      );
    }
    return EXIT_NO_MATCH;
  }
  for (const problem of report.problems) out.stdout(`${db}: ${problem}\n`);
  out.stderr(`reftrack: ${db} is damaged: rebuild it with \`reftrack index --repair --db ${db} <manifest>\`\n`);
  return EXIT_ERROR;
}
