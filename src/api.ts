/**
 * reftrack's public API: what a suggestion pipeline, a build script or a tool embedding reftrack
 * calls. Everything else under src/ is internal and may change.
 */
export { ReferenceTracker, type CheckTarget, type MatchResult, type MatchTarget, type OpenOptions } from "./tracker.js";
export type { CheckResult, StreamSession, StreamUpdate } from "./pipeline/stream.js";
export type { Policy, PolicyAction } from "./policy/policy.js";
export type { Decision, DecisionReason } from "./policy/decide.js";
export { LICENSE_CATEGORIES, type LicenseCategory } from "./policy/license-rules.js";
export { ReferenceLog, readLog, type AcceptedSuggestion, type LogEntry, type LoggedReference, type ReferenceLogOptions } from "./log/reference-log.js";
export { filterLog, logToCsv, type LogFilter } from "./log/log-query.js";
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
