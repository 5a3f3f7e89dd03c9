/**
 * reftrack's public API: what a suggestion pipeline, a build script or a tool embedding reftrack
 * calls. Everything else under src/ is internal and may change.
 */
export { ReferenceTracker, type MatchResult, type MatchTarget, type OpenOptions } from "./tracker.js";
export { DEFAULT_MATCH_OPTIONS, type MatchOptions } from "./options.js";
export type { Origin, Reference, ReferenceExplanation } from "./output/reference.js";
export type { LicenseProvenance } from "./store/records.js";
export { buildIndex, type BuildOptions, type BuildProgress, type BuildSummary, type SourceProgress } from "./indexing/build.js";
export type { LoadOptions } from "./corpus/manifest.js";
export type { IndexStatistics } from "./store/records.js";
export type { SkipReason } from "./files/source-file.js";
export type { LanguageName } from "./languages/language.js";
export { languageNames } from "./languages/registry.js";
export { ReftrackError } from "./errors.js";
