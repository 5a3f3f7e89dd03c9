import type { Provenance } from "./provenance.js";
import type { ScanReport } from "./json.js";

/** What every report format is written from: the scan, how it was produced, and whether a policy decided. */
export interface ReportInput {
  readonly scan: ScanReport;
  readonly provenance: Provenance;
  /** A policy was given: decisions are findings of their own (SARIF's policy rule, the HTML summary). */
  readonly policyGiven: boolean;
  /** Scanned paths are made relative to this folder in reports that name files by URI. */
  readonly root: string;
}
