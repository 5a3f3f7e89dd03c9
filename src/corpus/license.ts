import { lazyRequire } from "../util/lazy-require.js";

const spdxParser = lazyRequire<(expression: string) => unknown>("spdx-expression-parse");
const parseSpdx = (expression: string): unknown => spdxParser()(expression);

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
