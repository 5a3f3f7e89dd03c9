#!/usr/bin/env node
import { describeError } from "../errors.js";
import { main } from "./main.js";
import { EXIT_ERROR } from "./output.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`reftrack: internal error: ${describeError(error)}\n`);
    process.exitCode = EXIT_ERROR;
  },
);
