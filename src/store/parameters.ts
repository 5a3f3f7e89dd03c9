import type Database from "better-sqlite3";
import { ReftrackError } from "../errors.js";
import { FINGERPRINT_VERSION } from "../fingerprint/fingerprint.js";
import { NORMALIZER_VERSION } from "../normalize/token-stream.js";
import type { FingerprintParameters } from "../options.js";
import { SCHEMA_VERSION } from "./schema.js";
import type { FINISHED_BUILD_KEY } from "./pending-sources.js";

/** What an index was built with; a query with different values would silently find nothing. */
export interface IndexParameters extends FingerprintParameters {
  readonly normalizerVersion: number;
  readonly fingerprintVersion: number;
  readonly schemaVersion: number;
}

export function currentIndexParameters(fingerprinting: FingerprintParameters): IndexParameters {
  return { ...fingerprinting, normalizerVersion: NORMALIZER_VERSION, fingerprintVersion: FINGERPRINT_VERSION, schemaVersion: SCHEMA_VERSION };
}

/** The meta table's keys for each parameter. */
export const META_KEYS = {
  kgramTokens: "kgram_tokens",
  windowKgrams: "window_kgrams",
  normalizerVersion: "normalizer_version",
  fingerprintVersion: "fingerprint_version",
  schemaVersion: "schema_version",
} as const;

/** Facts about how an index was built that are not parameters: they do not make an index incompatible. */
export type BuildNoteKey = "license_list_version" | typeof FINISHED_BUILD_KEY;

/** The meta key of the counter every source change increments; the statistics record the one they saw. */
export const GENERATION_KEY = "generation";

/** The parameters an index records, or undefined when it records none (not a reftrack index). */
export function readParameters(db: Database.Database, path: string): IndexParameters | undefined {
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
  if (!hasMeta) return undefined;
  const rows = db.prepare("SELECT key, value FROM meta").all() as { key: string; value: string }[];
  if (rows.length === 0) return undefined;
  const meta = new Map(rows.map((r) => [r.key, Number(r.value)]));
  const get = (key: string): number => {
    const value = meta.get(key);
    if (value === undefined || !Number.isFinite(value)) {
      throw new ReftrackError(`index ${path} is missing parameter ${key}; rebuild it with \`reftrack index\``);
    }
    return value;
  };
  return {
    kgramTokens: get(META_KEYS.kgramTokens),
    windowKgrams: get(META_KEYS.windowKgrams),
    normalizerVersion: get(META_KEYS.normalizerVersion),
    fingerprintVersion: get(META_KEYS.fingerprintVersion),
    schemaVersion: get(META_KEYS.schemaVersion),
  };
}

function describeParameters(p: IndexParameters): string {
  return `k=${p.kgramTokens} w=${p.windowKgrams} normalizer v${p.normalizerVersion} fingerprints v${p.fingerprintVersion} schema v${p.schemaVersion}`;
}

/** Refuses an index built with other parameters than `expected`, in one line saying what to do. */
export function assertCompatible(found: IndexParameters, expected: IndexParameters, path: string): void {
  const same =
    found.kgramTokens === expected.kgramTokens &&
    found.windowKgrams === expected.windowKgrams &&
    found.normalizerVersion === expected.normalizerVersion &&
    found.fingerprintVersion === expected.fingerprintVersion &&
    found.schemaVersion === expected.schemaVersion;
  if (!same) {
    throw new ReftrackError(
      `index ${path} was built with ${describeParameters(found)}, this reftrack uses ` +
        `${describeParameters(expected)}; rebuild it with \`reftrack index\` into a new file`,
    );
  }
}
