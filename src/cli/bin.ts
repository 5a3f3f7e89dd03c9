#!/usr/bin/env node
import { describeError } from "../errors.js";
import { main } from "./main.js";
import { EXIT_ERROR } from "./output.js";

// A reader that stops reading (`reftrack scan … | head -1`) ends the program quietly, as grep does.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
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
