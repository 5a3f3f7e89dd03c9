/**
 * How a result was produced, for every report to record: reftrack's version, the index's
 * parameters, and the corpus it was built from. A result can then be reproduced and audited.
 */
import type { IndexDescription } from "../store/records.js";

/** A report's record of how it was produced. */
export interface Provenance {
  readonly tool: { readonly name: "reftrack"; readonly version: string };
  readonly index: IndexDescription & { readonly path: string | null };
  /** When the scan ran (ISO 8601). */
  readonly scannedAt: string;
}
