#!/usr/bin/env node
import { describeError } from "../errors.js";
import { EXIT_ERROR, main } from "./main.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`reftrack: internal error: ${describeError(error)}\n`);
    process.exitCode = EXIT_ERROR;
  },
);
