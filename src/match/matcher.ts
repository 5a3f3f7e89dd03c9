import type { Fingerprints } from "../fingerprint/winnow.js";
import type { DeclarationSpans } from "../normalize/declarations.js";
import type { TokenStream } from "../normalize/token-stream.js";
import { type FingerprintParameters, type MatchOptions, MIN_SAME_DATA_NAMES, PARTIAL_EVIDENCE_SHARE, TEXT_ANNOTATION_SHARE } from "../options.js";
import { round3 } from "../util/round.js";
import { extendSeeds, hitsInQueryOrder, hitsInSourceOrder } from "./align.js";
import { Bridges } from "./bridges.js";
import { filesToAlign } from "./candidates.js";
import { type ChainContext, chainCandidate, chainCandidates, settleEnds } from "./chain.js";
import { annotatedCodeAgrees, annotationShare } from "./annotations.js";
import { agreeingStretch, alignsSameLiterals, compareNames, holdsLiteralNames, kgramShares, literalNameCounts, markedWords, namesDisagree, sourceSideChars, sourceSideTokens } from "./evidence.js";
import { collectHits } from "./lookup.js";
import { type MatchIndex, TEXT_POSITION_BASE } from "./match-index.js";
import { TemplateReads, templateOnly } from "./project-template.js";
import { queryTables } from "./query-tables.js";
import { selectReferences } from "./rank.js";
import { type MatchEnds, matchEnds, spanEnds } from "./match-ends.js";
import { identicalData, isLongQuery, isReference, isTextReference, mayBeDeclarations, mayRecur, seedsForLength, tooFewSeedsForLength } from "./rules.js";
import { MatchScratch } from "./scratch.js";
import { SourceTokens } from "./source-tokens.js";
import type { Candidate, Evidence, HitsByFile, Judged, Match, NameComparison } from "./types.js";

/**
 * Which stream a Matcher reads: code tokens (names abstracted, compared by shape and by how the
 * names behind it correspond) or the words of prose (compared as written, normalize/text.ts).
 */
export type Channel = "code" | "text";

/** What a query stands for, beyond its own tokens. */
export interface MatchScope {
  /**
   * Contents in which regions shorter than minMatchedChars (down to PARTIAL_EVIDENCE_SHARE of it),
   * or with fewer than minSeeds seeds of their own, are kept too, marked incomplete: evidence to
   * add to the other channel's (combine.ts), never a reference alone. Only contents the other
   * channel hits can combine: for those this gives the seeds it holds there, for others undefined.
   */
  readonly partialIn?: (contentId: number) => number | undefined;
  /**
   * Regions in partialIn contents short of the seeds they need alone count the other channel's
   * seeds there too, and are reported only beside that channel's region (the tracker pools its
   * channels' seeds); otherwise they are dropped.
   */
  readonly borrowSeeds?: boolean;
  /**
   * The query is one window of a scanned file this many times its length (windows.ts): the chance
   * of a look-alike stretch, and so the evidence a region needs (rules.ts), is the whole file's.
   */
  readonly lengthFactor?: number;
  /**
   * Contents the query holds whole (candidates.ts spansContent): aligned however many
   * better-evidenced contents hold the same code. Their other regions are look-alikes those
   * contents cover, so of such a content only the candidates `keepWhole` accepts are kept.
   */
  readonly foundWhole?: (contentId: number) => boolean;
  readonly keepWhole?: (candidate: Candidate, queryLines: readonly [number, number]) => boolean;
  /**
   * Regions with fewer seeds than this (options.minSeeds being lower) are kept only when they are
   * data copied whole (rules.ts identicalData): a short query's second look at a table shorter than
   * winnowing's window, whose rows share one shape fingerprint.
   */
  readonly dataSeeds?: number;
  /**
   * For the text channel, the query's code stream: prose that is mostly annotations of its lines'
   * code (TEXT_ANNOTATION_SHARE) is reported only where that code is the indexed lines' (annotations.ts).
   */
  readonly annotatedCode?: TokenStream;
}

/** Prose has no names to compare: every word is the same on both sides or the segment ends. */
const NO_NAMES: NameComparison = {
  pairs: 0,
  distinctNames: 0,
  distinctSameNames: 0,
  repeats: 0,
  consistency: 1,
  sameShare: 1,
  literalPairs: 0,
  sameLiterals: 0,
  keptLiteralPairs: 0,
  sameKeptLiterals: 0,
  sameLiteralsVary: false,
  sameKeptLiteralsVary: false,
  sameCounterSteps: 0,
  sameBeyondDefaults: 0,
  sameKeyRunSteps: 0,
  sameStrideSteps: 0,
  otherLiteralChars: 0,
  identicalRunChars: 0,
};

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
    private readonly channel: Channel = "code",
  ) {}

  /** The query's matches under `options`, within `scope`. */
  match(query: TokenStream, fingerprints: Fingerprints, options: MatchOptions, scope: MatchScope = {}): Match[] {
    return this.matchHits(query, fingerprints, collectHits(fingerprints, this.index, options), options, scope);
  }

  /** Everything after the lookup stage: align, chain, judge and rank the hits. */
  matchHits(query: TokenStream, fingerprints: Fingerprints, hitsByFile: HitsByFile, options: MatchOptions, scope: MatchScope = {}): Match[] {
    if (hitsByFile.size === 0) return [];
    const k = this.parameters.kgramTokens;
    const candidates: Candidate[] = [];
    const tables = queryTables(query, this.scratch);
    const files = filesToAlign(hitsByFile, options, scope.foundWhole);
    const partialFloor = Math.ceil(PARTIAL_EVIDENCE_SHARE * options.minMatchedChars);
    const scannedLength = Math.round(query.count * (scope.lengthFactor ?? 1));
    // The seeds a region needs but as data copied whole (MatchScope.dataSeeds), and the fewest a
    // region of this query can be reported on alone (a verbatim one).
    const minSeeds = Math.max(options.minSeeds, scope.dataSeeds ?? 0);
    const seedOptions = minSeeds === options.minSeeds ? options : { ...options, minSeeds };
    const seedsAlone = seedsForLength(scannedLength, seedOptions, true);
    const longQuery = isLongQuery(scannedLength);
    const bridgeGap = longQuery ? 0 : options.maxGapTokens;
    const bridged = { signatures: tables.signatures, startLines: query.startLines, endLines: query.endLines, covered: this.scratch.covered };
    // Per content, what its candidates were chained from (its tokens among them: judging, narrowing
    // and line ranges read them), and whether it is aligned only for the regions spanning it whole.
    const chained = new Map<number, { context: ChainContext; wholeOnly: boolean }>();
    const alone = (candidate: Candidate): boolean => {
      const partnerSeeds = scope.partialIn?.(candidate.contentId);
      return candidate.seeds >= minSeeds && (!scope.borrowSeeds || partnerSeeds === undefined || candidate.seeds >= seedsAlone);
    };
    // A data look (MatchScope.dataSeeds): regions of fewer seeds than minSeeds are judged as data copied whole.
    const dataSeeds = minSeeds > options.minSeeds;
    const dataAlone = (candidate: Candidate): boolean => candidate.complete && dataSeeds && candidate.seeds >= options.minSeeds;
    const outsideWhole = (candidate: Candidate, wholeOnly: boolean): boolean => wholeOnly && scope.keepWhole?.(candidate, candidateLines(candidate, query)) !== true;
    // The query's literals by name, counted when a content is first asked whether it holds them.
    let literalNames: Map<number, number> | undefined;
    for (const [contentId, hits, wholeOnly] of files) {
      const tokens = new SourceTokens(this.index, contentId);
      const partnerSeeds = scope.partialIn?.(contentId);
      // A content hit by fewer fingerprints than a region needs, with none of the other channel's
      // to complete one, yields only regions judged as data copied whole, which need the query's
      // literals (alignsSameLiterals). Where aligning its hits would read more tokens than the
      // content has (a list matched row by row by a list of other strings), it is asked first
      // whether it holds those literals' names at all.
      if (dataSeeds && this.channel === "code" && partnerSeeds === undefined && distinctFewerThan(hits.hashes, minSeeds)) {
        const length = this.index.contentTokens(contentId);
        literalNames ??= literalNameCounts(query, tables);
        if (hits.hashes.length * k >= length && !holdsLiteralNames(literalNames, tokens, length, MIN_SAME_DATA_NAMES)) continue;
      }
      const segments = extendSeeds(hits, hitsInQueryOrder(hits), tables.signatures, tokens, k);
      // A content with fewer seeds than a region needs gains nothing from a longer one.
      const bridges = bridgeGap > 0 && hits.queryPositions.length >= options.minSeeds ? new Bridges(bridged, tokens, bridgeGap, segments) : undefined;
      const hitsBySource = hitsInSourceOrder(hits);
      const floor = partnerSeeds === undefined ? options.minMatchedChars : partialFloor;
      const context: ChainContext = { contentId, hits, hitsBySource, query, tables, source: tokens, options, floorChars: floor, kgramTokens: k, edgeOnly: fingerprints.edgeOnly, reportedLines: this.channel === "code" };
      chained.set(contentId, { context, wholeOnly });
      for (const chainedCandidate of chainCandidates(segments, context, bridges)) {
        if (outsideWhole(chainedCandidate, wholeOnly)) continue;
        // Where the other channel may complete a short region, whether it is short is settled now.
        const candidate = partnerSeeds !== undefined ? settleEnds(chainedCandidate, context) : chainedCandidate;
        if (candidate.complete && alone(candidate)) candidates.push(candidate);
        // Short of characters or seeds alone: reported only beside a region of the other channel's
        // (combine.ts checks the two together), so judged with that channel's seeds in this content.
        else if (partnerSeeds !== undefined && candidate.seeds + (scope.borrowSeeds ? partnerSeeds : 0) >= minSeeds) {
          candidates.push({ ...candidate, complete: false, borrowedSeeds: scope.borrowSeeds ? partnerSeeds : 0 });
        }
        // Fewer seeds than a region needs, but as many as data copied whole does: judged as such,
        // and only with enough of the same literals for that (rules.ts identicalData), here or in any part of it.
        else if (dataAlone(candidate) && (candidate.seeds >= minSeeds || alignsSameLiterals(candidate.segments, query, tables, tokens, MIN_SAME_DATA_NAMES))) candidates.push(candidate);
      }
    }
    const text = this.channel === "text";
    // Sorted once a query has a candidate the recurring-shape rule may turn down: most have none.
    let sortedKgrams: Int32Array | undefined;
    // The query's declarations, read once a candidate is asked whether it is declarations only.
    let declarations: DeclarationSpans | undefined;
    // The posting lists the project-template rule reads, decoded once for all the candidates.
    let templateReads: TemplateReads | undefined;
    const reader = query.declarations;
    // The code of contents whose annotated prose is judged (annotations.ts), read once per query.
    const codeTokens = new Map<number, SourceTokens>();
    const judge = (chainedCandidate: Candidate): Evidence | null => {
      // Short once its reported lines are counted, with no other channel to complete it.
      const candidate = settleEnds(chainedCandidate, chained.get(chainedCandidate.contentId)!.context);
      if (!candidate.complete && chainedCandidate.complete) return null;
      // A region of fewer seeds than minSeeds is judged as data copied whole, any other as usual.
      const fewSeeds = candidate.seeds + candidate.borrowedSeeds < minSeeds;
      const judgedBy = fewSeeds ? options : seedOptions;
      // Turned down whatever its evidence (a long query's look-alike stretches often are): its names
      // and k-grams need not be compared.
      if (!text && tooFewSeedsForLength(candidate, judgedBy, scannedLength)) return null;
      if (fewSeeds && !text && namesDisagree(candidate.segments, query, chained.get(candidate.contentId)!.context.source)) return null;
      const recurs = !text && mayRecur(candidate, scannedLength);
      if (recurs) sortedKgrams ??= fingerprints.kgrams.slice().sort();
      const shares = kgramShares(candidate.segments, fingerprints.kgrams, k, recurs ? sortedKgrams : undefined, this.scratch);
      const spans = !text && reader !== undefined && mayBeDeclarations(candidate) ? (declarations ??= reader.read(query.hashes, query.count)) : undefined;
      const evidence: Evidence = {
        distinctKgramShare: shares.distinct,
        recurringKgramShare: shares.recurring,
        declarationsOnly: spans !== undefined && spans.declarationsOnly(spanStart(candidate), spanEnd(candidate)),
        signaturesOnly: spans !== undefined && spans.signaturesOnly(spanStart(candidate), spanEnd(candidate)),
        requirementWords: text && query.requirements ? markedWords(candidate.segments, query.requirements) : 0,
        echoChars: !text && query.echoes ? markedWords(candidate.segments, query.echoes, query.charWeights) : 0,
        names: text ? NO_NAMES : compareNames(candidate, query, tables, chained.get(candidate.contentId)!.context.source, this.scratch),
      };
      const annotatedCode = scope.annotatedCode;
      if (annotatedCode && query.annotations && annotationShare(candidate.segments, query.annotations) >= TEXT_ANNOTATION_SHARE) {
        const prose = chained.get(candidate.contentId)!.context.source;
        let sourceCode = codeTokens.get(candidate.contentId);
        if (!sourceCode) codeTokens.set(candidate.contentId, (sourceCode = new SourceTokens(this.index, candidate.contentId, true)));
        if (!annotatedCodeAgrees(candidate.segments, query, prose, annotatedCode, sourceCode)) return null;
      }
      if (fewSeeds && !identicalData(candidate, evidence.names, options)) return null;
      if (!text && evidence.names.identicalRunChars < options.minMatchedChars && templateOnly(candidate, chained.get(candidate.contentId)!.context, this.index, options, scannedLength, (templateReads ??= new TemplateReads(this.index)))) return null;
      return (text ? isTextReference : isReference)(candidate, evidence, judgedBy, scannedLength) ? evidence : null;
    };
    // Rows of repetitive code align on their shape whatever their data, so a segment can begin on
    // look-alike rows (the same shape, other strings) and run on into a copy. Turned down, such a
    // candidate's longest stretch whose data agrees is judged on its own.
    const narrower = (candidate: Candidate): Candidate | undefined => {
      if (text || !candidate.complete || candidate.borrowedSeeds > 0) return undefined;
      const { context, wholeOnly } = chained.get(candidate.contentId)!;
      const stretch = agreeingStretch(candidate.segments, query, tables, context.source);
      const narrowed = stretch && chainCandidate([stretch], context);
      return narrowed?.complete && (alone(narrowed) || dataAlone(narrowed)) && !outsideWhole(narrowed, wholeOnly) ? narrowed : undefined;
    };
    const selection = { maxPerGroup: options.maxReferencesPerGroup, wholeFile: longQuery, minIdenticalChars: text ? 0 : options.minMatchedChars, queryChars: tables.charsBefore };
    return selectReferences(candidates, judge, selection, narrower).map((judged) =>
      toMatch(judged, query, chained.get(judged.candidate.contentId)!.context.source, this.channel),
    );
  }
}

/** Where the query's span of `candidate` starts and ends: from its first segment to its last. */
function spanStart(candidate: Candidate): number {
  return candidate.segments[0]!.queryStart;
}

function spanEnd(candidate: Candidate): number {
  return candidate.segments[candidate.segments.length - 1]!.queryEnd;
}

function candidateLines(candidate: Candidate, query: TokenStream): [number, number] {
  return [query.startLines[spanStart(candidate)]!, query.endLines[spanEnd(candidate) - 1]!];
}

/**
 * The indexed lines a match spans. A query cut inside a docstring or comment holds only the end of
 * its first token and the start of its last: those are lined up at the end and at the start, so
 * the reported lines are the copied ones, not the whole of the indexed file's docstring.
 */
function sourceLines(ends: MatchEnds, query: TokenStream, tokens: SourceTokens): [number, number] {
  const firstQueryLines = query.endLines[ends.queryFirst]! - query.startLines[ends.queryFirst]!;
  const lastQueryLines = query.endLines[ends.queryLast]! - query.startLines[ends.queryLast]!;
  const start = Math.max(tokens.startLine(ends.sourceFirst), tokens.endLine(ends.sourceFirst) - firstQueryLines);
  const end = Math.min(tokens.endLine(ends.sourceLast), tokens.startLine(ends.sourceLast) + lastQueryLines);
  return [start, Math.max(start, end)];
}

/** A content's length in its channel's units: the prose's words are numbered from TEXT_POSITION_BASE on. */
function channelLength(length: number | undefined, channel: Channel): number | undefined {
  return length === undefined || channel === "code" ? length : length - TEXT_POSITION_BASE;
}

function toMatch({ candidate, evidence, group }: Judged, query: TokenStream, tokens: SourceTokens, channel: Channel): Match {
  // The chain's span, less an end literal of other text in code (match-ends.ts).
  const ends = channel === "code" ? matchEnds(candidate.segments, query, tokens) : spanEnds(candidate.segments);
  const { queryFirst, queryLast } = ends;
  const names = evidence.names;
  return {
    contentId: candidate.contentId,
    sourceLines: sourceLines(ends, query, tokens),
    queryLines: [query.startLines[queryFirst]!, query.endLines[queryLast]!],
    queryOffsets: query.startOffsets && query.endOffsets ? ([query.startOffsets[queryFirst]!, query.endOffsets[queryLast]!] as const) : undefined,
    matchedTokens: candidate.matchedTokens,
    similarity: round3(candidate.matchedTokens / query.count),
    group: group + 1,
    complete: candidate.complete,
    sourceLength: channelLength(tokens.knownLength(), channel),
    evidence: {
      basis: channel,
      textChars: channel === "text" ? candidate.matchedChars : 0,
      seedFingerprints: candidate.seeds,
      meanSeedFileFrequency: round3(candidate.frequencySum / Math.max(1, candidate.seeds)),
      matchedChars: candidate.matchedChars,
      sourceMatchedChars: candidate.sourceMatchedChars ?? sourceSideChars(candidate.segments, query, tokens),
      sourceMatchedTokens: sourceSideTokens(candidate.segments),
      queryCoverage: round3(candidate.matchedTokens / query.count),
      distinctKgramShare: round3(evidence.distinctKgramShare),
      nameConsistency: round3(names.consistency),
      nameRepeats: names.repeats,
      sameNameShare: round3(names.sameShare),
      sameLiteralShare: round3(names.literalPairs === 0 ? 1 : names.sameLiterals / names.literalPairs),
      identicalChars: names.identicalRunChars,
    },
  };
}

/** Whether `hashes` hold fewer than `count` distinct values. */
function distinctFewerThan(hashes: ArrayLike<number>, count: number): boolean {
  const seen = new Set<number>();
  for (let i = 0; i < hashes.length; i++) {
    seen.add(hashes[i]!);
    if (seen.size >= count) return false;
  }
  return true;
}
