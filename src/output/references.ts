import type { Match } from "../match/types.js";
import type { LicenseProvenance } from "../store/records.js";
import { round3 } from "../util/round.js";
import { type LinkSource, sourceLink } from "./links.js";
import type { Origin, Reference } from "./reference.js";

/** One file an indexed content occurs as, as the output stage needs it. */
export interface OriginInfo {
  readonly path: string;
  readonly license: string;
  readonly licenseProvenance: LicenseProvenance;
  readonly source: LinkSource & { readonly name: string };
}

/** What turning matches into references needs from the index. */
export interface OriginCatalog {
  /** Every file `contentId` occurs as, in indexing order; never empty. */
  origins(contentId: number): readonly OriginInfo[];
  /** Tokens of the content, for the indexed side's coverage of a code reference. */
  contentTokens(contentId: number): number;
  /** Words of the content's prose (normalize/text.ts), for the coverage of a reference of text alone. */
  contentWords(contentId: number): number;
}

/**
 * Columns of a stretch of the query given as character offsets [start, end): 1-based, the last
 * inclusive; undefined where the query's lines say enough.
 */
export type QueryColumns = (offsets: readonly [number, number]) => [number, number] | undefined;

/**
 * The matcher's results as references: every origin of each content, with its link and license;
 * with `columns`, where each lies in the query's lines, for a match whose offsets are known.
 */
export function toReferences(matches: readonly Match[], catalog: OriginCatalog, columns?: QueryColumns): Reference[] {
  return matches.map((match) => toReference(match, catalog, match.queryOffsets && columns?.(match.queryOffsets)));
}

/**
 * What the indexed side's coverage is a share of: a reference of text alone counts words of prose
 * (what its text match covered), any other the file's code tokens (what its code match covered).
 */
function sourceLength(match: Match, catalog: OriginCatalog): number {
  // A match's length is its channel's: a text match's words, a code match's tokens (a match of
  // code and text is the code match, combine.ts).
  if (match.sourceLength !== undefined) return match.sourceLength;
  return match.evidence.basis === "text" ? catalog.contentWords(match.contentId) : catalog.contentTokens(match.contentId);
}

function toReference(match: Match, catalog: OriginCatalog, queryColumns: [number, number] | undefined): Reference {
  const origins = catalog.origins(match.contentId).map(
    (origin): Origin => ({
      source: origin.source.name,
      repository: origin.source.repository,
      revision: origin.source.revision,
      path: origin.path,
      license: origin.license,
      licenseProvenance: origin.licenseProvenance,
      url: sourceLink(origin.source, origin.path, match.sourceLines),
    }),
  );
  const best = origins[0]!;
  const evidence = match.evidence;
  return {
    // Field by field, not `...best`: references built with a spread were promoted to the old
    // generation at each scavenge, and those pauses landed in queries.
    source: best.source,
    repository: best.repository,
    revision: best.revision,
    path: best.path,
    license: best.license,
    licenseProvenance: best.licenseProvenance,
    url: best.url,
    origins,
    licenseConflict: origins.some((origin) => origin.license !== best.license),
    sourceLines: match.sourceLines,
    queryLines: match.queryLines,
    queryColumns,
    matchedTokens: match.matchedTokens,
    similarity: match.similarity,
    group: match.group,
    explanation: {
      basis: evidence.basis,
      textChars: evidence.textChars,
      seedFingerprints: evidence.seedFingerprints,
      meanSeedFileFrequency: evidence.meanSeedFileFrequency,
      matchedChars: evidence.matchedChars,
      sourceMatchedChars: evidence.sourceMatchedChars,
      queryCoverage: evidence.queryCoverage,
      sourceCoverage: round3(evidence.sourceMatchedTokens / Math.max(1, sourceLength(match, catalog))),
      distinctKgramShare: evidence.distinctKgramShare,
      nameConsistency: evidence.nameConsistency,
      nameRepeats: evidence.nameRepeats,
      sameNameShare: evidence.sameNameShare,
      sameLiteralShare: evidence.sameLiteralShare,
      identicalChars: evidence.identicalChars,
    },
  };
}
