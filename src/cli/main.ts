import { readFileSync } from "node:fs";
import { ReftrackError, describeError } from "../errors.js";
import { indexCommand } from "./index-command.js";
import { EXIT_ERROR, EXIT_NO_MATCH, type Output, processOutput } from "./output.js";
import { scanCommand } from "./scan-command.js";

const USAGE = `reftrack — find where code comes from, with its license

Usage:
  reftrack index --db <file> [--cache <dir>] [--quiet] <manifest.json>
      Build or update an index from a corpus manifest (kinds: dir, git, npm, archive,
      python-stdlib). Fetched packages and extracted archives are kept in --cache
      (default $REFTRACK_CACHE, else ~/.cache/reftrack).
  reftrack scan --db <file> [--format text|json] [--language <lang>] [--min-chars N] [--max-file-size SIZE] [--quiet] <path|dir|->...
      Scan files, folders (recursively, known extensions) or standard input ("-").
      Files over --max-file-size (default 64MiB) are skipped with a notice.
      Exit status: 0 nothing matched, 1 references found, 2 error.

Languages: typescript, tsx, javascript, python.
`;

export async function main(argv: string[], out: Output = processOutput): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "index":
        return await indexCommand(rest, out);
      case "scan":
        return await scanCommand(rest, out);
      case "--version":
      case "-V":
        out.stdout(`${packageVersion()}\n`);
        return EXIT_NO_MATCH;
      case undefined:
      case "help":
      case "--help":
      case "-h":
        out.stdout(USAGE);
        return command === undefined ? EXIT_ERROR : EXIT_NO_MATCH;
      default:
        throw new ReftrackError(`unknown command "${command}" (see \`reftrack --help\`)`);
    }
  } catch (error) {
    if (error instanceof ReftrackError) {
      out.stderr(`reftrack: ${error.message}\n`);
      return EXIT_ERROR;
    }
    // Not the user's fault: keep the stack, it is what a bug report needs.
    out.stderr(`reftrack: internal error: ${error instanceof Error ? (error.stack ?? error.message) : describeError(error)}\n`);
    return EXIT_ERROR;
  }
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}
