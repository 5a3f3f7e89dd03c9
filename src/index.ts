// The public API of reftrack. Every public type is exported here, once.
export { ReferenceTracker, type MatchResult, type MatchTarget, type OpenOptions } from "./tracker.js";
export {
  DEFAULT_MATCH_OPTIONS,
  type MatchOptions,
  type Origin,
  type Reference,
  type ReferenceExplanation,
} from "./match/match.js";
export {
  buildIndex,
  buildIndexFromManifest,
  type BuildOptions,
  type BuildProgress,
  type BuildSummary,
  type SourceProgress,
} from "./index/build.js";
export {
  loadManifest,
  type LoadOptions,
  type Manifest,
  type ManifestSource,
  type ResolvedManifest,
  type ResolvedSource,
} from "./corpus/manifest.js";
export type { SkipReason } from "./corpus/source-file.js";
export { defaultCacheDirectory } from "./corpus/fetch.js";
export { detectSourceLicense, licenseFromHeader, type DetectedLicense, type LicenseProvenance } from "./corpus/license-detect.js";
export { identifyLicenseText, type IdentifiedLicense } from "./corpus/license-text.js";
export { normalizeRepositoryUrl, repositoryFromPackageField, type RepositoryLocation } from "./corpus/repository-url.js";
export { DEFAULT_FINGERPRINT_PARAMETERS, guaranteeThreshold, type FingerprintParameters } from "./fingerprint/fingerprint.js";
export type { LanguageName } from "./languages/language.js";
export { languageNames } from "./languages/registry.js";
export type { IndexParameters, IndexStatistics } from "./index/store.js";
export type { ScanReport, ScannedFile, SkippedFile } from "./output/json.js";
export { ReftrackError } from "./errors.js";
