import { TEXT_MERGE_GAP_LINES } from "../options.js";
import { near, regroup, union } from "./line-ranges.js";
import type { Match } from "./types.js";

/**
 * A query's code matches and text matches as the references a person reads: a content's code and
 * its prose found side by side (a function and its docstring, a block and its comments) are one
 * reference resting on both; prose found alone is a reference of its own. A match too short on its
 * own (Match.complete false) counts only beside the other channel's, when the two together reach
 * `minChars` and `minSeeds`. Groups (matches whose query lines overlap) are formed again over all of them, at
 * most `maxPerGroup` each, in the order the code matches were ranked, then the prose-only ones in
 * theirs.
 */
export function combine(code: readonly Match[], text: readonly Match[], minChars: number, minSeeds: number, maxPerGroup: number, wholeFile = false): Match[] {
  const merged = code.map((match) => ({ match, complete: match.complete, textChars: 0, textSeeds: 0 }));
  const alone: Match[] = [];
  for (const prose of text) {
    const beside = merged.find(
      ({ match }) => match.contentId === prose.contentId && near(match.queryLines, prose.queryLines, TEXT_MERGE_GAP_LINES) && near(match.sourceLines, prose.sourceLines, TEXT_MERGE_GAP_LINES),
    );
    if (!beside) {
      if (prose.complete) alone.push(textOnly(prose));
      continue;
    }
    beside.match = {
      ...beside.match,
      queryLines: union(beside.match.queryLines, prose.queryLines),
      sourceLines: union(beside.match.sourceLines, prose.sourceLines),
    };
    beside.complete ||= prose.complete;
    beside.textChars += prose.evidence.textChars;
    beside.textSeeds += prose.evidence.seedFingerprints;
  }
  const all = [
    ...merged
      .filter(
        ({ match, complete, textChars, textSeeds }) =>
          complete || (textChars > 0 && match.evidence.matchedChars + textChars >= minChars && match.evidence.seedFingerprints + textSeeds >= minSeeds),
      )
      .map(({ match, textChars, textSeeds }) =>
        textChars === 0
          ? match
          : {
              ...match,
              complete: true,
              evidence: {
                ...match.evidence,
                basis: "code and text" as const,
                textChars,
                seedFingerprints: match.evidence.seedFingerprints + textSeeds,
              },
            },
      ),
    ...alone,
  ];
  return regroup(all, maxPerGroup, wholeFile);
}

/** A text match reported alone: its characters are prose, none of them code. */
function textOnly(match: Match): Match {
  return { ...match, evidence: { ...match.evidence, basis: "text", matchedChars: 0, sourceMatchedChars: 0 } };
}
