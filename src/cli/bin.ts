#!/usr/bin/env node
import { describeError } from "../errors.js";
import { main } from "./main.js";
import { EXIT_ERROR } from "./output.js";

// A reader that stops reading (`reftrack scan … | head -1`) ends the program quietly, as grep does.
// Output that cannot be written (a full disk) ends it with one line saying so, and status 2.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    const name = stream === process.stdout ? "standard output" : "standard error";
    // Standard error may be what failed; then the status alone tells.
    if (!process.stderr.errored) process.stderr.write(`reftrack: cannot write ${name}: ${describeError(error)}\n`);
    process.exit(EXIT_ERROR);
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`reftrack: internal error: ${describeError(error)}\n`);
    process.exitCode = EXIT_ERROR;
  },
);
