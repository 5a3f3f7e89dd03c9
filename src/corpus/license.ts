import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const parseSpdx = require("spdx-expression-parse") as (expression: string) => unknown;

/** SPDX's own words for "we looked and found none" and "we did not determine it". */
const SPDX_SPECIAL_VALUES = new Set(["NONE", "NOASSERTION"]);

/** Whether `expression` is a valid SPDX license expression (or NONE / NOASSERTION). */
export function isValidLicenseExpression(expression: string): boolean {
  if (SPDX_SPECIAL_VALUES.has(expression)) return true;
  try {
    parseSpdx(expression);
    return true;
  } catch {
    return false;
  }
}
