import { ReftrackError, describeError } from "../errors.js";
import { printable } from "../output/printable.js";
import { reftrackVersion } from "../version.js";
import { EXIT_ERROR, EXIT_NO_MATCH, type Output, processOutput } from "./output.js";
import { COMMAND_HELP, USAGE } from "./help.js";

// Each command's modules are loaded when it runs: a scan need not load the indexer, the service
// and their dependencies, which took a third of a second before any command started.

export async function main(argv: string[], out: Output = processOutput): Promise<number> {
  const [command, ...rest] = argv;
  try {
    // `<command> --help` is help, not a usage error, wherever the flag is.
    if (command !== undefined && COMMAND_HELP[command] && (rest.includes("--help") || rest.includes("-h"))) {
      out.stdout(COMMAND_HELP[command]!);
      return EXIT_NO_MATCH;
    }
    switch (command) {
      case "index":
        return await (await import("./index-command.js")).indexCommand(rest, out);
      case "scan":
        return await (await import("./scan-command.js")).scanCommand(rest, out);
      case "notice":
        return await (await import("./scan-command.js")).noticeCommand(rest, out);
      case "log":
        return await (await import("./log-command.js")).logCommand(rest, out);
      case "serve":
        return await (await import("./serve-command.js")).serveCommand(rest, out);
      case "verify":
        return await (await import("./verify-command.js")).verifyCommand(rest, out);
      case "--version":
      case "-V":
      case "version":
        out.stdout(`${reftrackVersion()}\n`);
        return EXIT_NO_MATCH;
      case "help": {
        const topic = rest[0];
        if (topic !== undefined && !COMMAND_HELP[topic]) throw new ReftrackError(`no help for "${topic}": commands are ${Object.keys(COMMAND_HELP).join(", ")}`);
        out.stdout(topic !== undefined ? COMMAND_HELP[topic]! : USAGE);
        return EXIT_NO_MATCH;
      }
      case undefined:
      case "--help":
      case "-h":
        out.stdout(USAGE);
        return command === undefined ? EXIT_ERROR : EXIT_NO_MATCH;
      default:
        throw new ReftrackError(`unknown command "${command}" (see \`reftrack --help\`)`);
    }
  } catch (error) {
    if (error instanceof ReftrackError) {
      out.stderr(`reftrack: ${printable(error.message)}\n`);
      return EXIT_ERROR;
    }
    // Not the user's fault: keep the stack, it is what a bug report needs.
    out.stderr(`reftrack: internal error: ${error instanceof Error ? (error.stack ?? error.message) : describeError(error)}\n`);
    return EXIT_ERROR;
  }
}
