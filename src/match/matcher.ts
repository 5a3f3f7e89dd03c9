import type { Fingerprints } from "../fingerprint/winnow.js";
import type { TokenStream } from "../normalize/token-stream.js";
import type { FingerprintParameters, MatchOptions } from "../options.js";
import { round3 } from "../util/round.js";
import { extendSeeds, hitsInOrder, hitsInQueryOrder } from "./align.js";
import { filesToAlign } from "./candidates.js";
import { chainCandidates } from "./chain.js";
import { compareNames, distinctKgramShare, sourceSideChars } from "./evidence.js";
import { collectHits } from "./lookup.js";
import type { MatchIndex } from "./match-index.js";
import { queryTables } from "./query-tables.js";
import { selectReferences } from "./rank.js";
import { isReference } from "./rules.js";
import { MatchScratch } from "./scratch.js";
import { SourceTokens, readChunksOfHits } from "./source-tokens.js";
import type { Candidate, Evidence, HitsByFile, Judged, Match } from "./types.js";

/**
 * Finds where a normalized query occurs in an index: seeds are its winnowed fingerprints found in
 * the index (lookup.ts); each is verified and extended token by token against the indexed
 * content's signatures (align.ts); segments on nearby diagonals chain into candidates (chain.ts);
 * the rules judge them (evidence.ts, rules.ts) in rank order (rank.ts). Pure given the index.
 *
 * One Matcher serves one query at a time: it owns the scratch arrays its queries reuse.
 */
export class Matcher {
  private readonly scratch = new MatchScratch();

  constructor(
    private readonly index: MatchIndex,
    private readonly parameters: FingerprintParameters,
  ) {}

  match(query: TokenStream, fingerprints: Fingerprints, options: MatchOptions): Match[] {
    return this.matchHits(query, fingerprints, collectHits(fingerprints, this.index, options), options);
  }

  /** Everything after the lookup stage: align, chain, judge and rank the hits. */
  matchHits(query: TokenStream, fingerprints: Fingerprints, hitsByFile: HitsByFile, options: MatchOptions): Match[] {
    if (hitsByFile.size === 0) return [];
    const k = this.parameters.kgramTokens;
    const candidates: Candidate[] = [];
    const sourceTokens = new Map<number, SourceTokens>();
    const tables = queryTables(query, this.scratch);
    const files = filesToAlign(hitsByFile, options);
    const readAhead = readChunksOfHits(files, this.index, k);
    for (const [contentId, hits] of files) {
      const tokens = new SourceTokens(this.index, contentId, readAhead.get(contentId));
      sourceTokens.set(contentId, tokens);
      const segments = extendSeeds(hits, hitsInQueryOrder(hits), tables.signatures, tokens, k);
      const hitsBySource = hitsInOrder(hits.sourcePositions, hits.queryPositions);
      for (const candidate of chainCandidates(contentId, segments, hits, hitsBySource, query, tables, tokens, options)) {
        if (candidate.seeds >= options.minSeeds) candidates.push(candidate);
      }
    }
    const judge = (candidate: Candidate): Evidence | null => {
      const evidence: Evidence = {
        distinctKgramShare: distinctKgramShare(candidate.segments, fingerprints.kgrams, k, this.scratch),
        names: compareNames(candidate, query, tables, sourceTokens.get(candidate.contentId)!, this.scratch),
      };
      return isReference(candidate, evidence, options) ? evidence : null;
    };
    return selectReferences(candidates, judge, options.maxReferencesPerGroup).map((judged) =>
      toMatch(judged, query, sourceTokens.get(judged.candidate.contentId)!),
    );
  }
}

function toMatch({ candidate, evidence, queryRange, group }: Judged, query: TokenStream, tokens: SourceTokens): Match {
  const first = candidate.segments[0]!;
  const last = candidate.segments[candidate.segments.length - 1]!;
  const names = evidence.names;
  return {
    contentId: candidate.contentId,
    sourceLines: [tokens.startLine(first.sourceStart), tokens.endLine(last.sourceEnd - 1)],
    queryLines: [query.startLines[queryRange[0]]!, query.endLines[queryRange[1]]!],
    matchedTokens: candidate.matchedTokens,
    similarity: round3(candidate.matchedTokens / query.count),
    group: group + 1,
    evidence: {
      seedFingerprints: candidate.seeds,
      meanSeedFileFrequency: round3(candidate.frequencySum / Math.max(1, candidate.seeds)),
      matchedChars: candidate.matchedChars,
      sourceMatchedChars: candidate.sourceMatchedChars ?? sourceSideChars(candidate.segments, query, tokens),
      queryCoverage: round3(candidate.matchedTokens / query.count),
      distinctKgramShare: round3(evidence.distinctKgramShare),
      nameConsistency: round3(names.consistency),
      nameRepeats: names.repeats,
      sameNameShare: round3(names.sameShare),
      sameLiteralShare: round3(names.literalPairs === 0 ? 1 : names.sameLiterals / names.literalPairs),
    },
  };
}
