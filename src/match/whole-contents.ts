import { type FingerprintParameters, WHOLE_TEXT_GAP_LINES } from "../options.js";
import { spansContent, spansWholeContent } from "./candidates.js";
import { near } from "./line-ranges.js";
import type { MatchIndex } from "./match-index.js";
import type { MatchScope } from "./matcher.js";
import type { HitsByFile, Match } from "./types.js";

type WholeScope = Pick<MatchScope, "foundWhole" | "keepWhole">;

/**
 * The small files a long query (a whole file, a bundle's window) holds whole, by its code seeds
 * (candidates.ts spansContent): aligned however many better-evidenced files hold the same code,
 * for their regions spanning most of them (code) and the text beside those (their doc comments).
 * A snippet's few hit files are aligned anyway; only a long query needs this, and only it pays.
 */
export class WholeContents {
  private readonly whole = new Map<number, boolean>();

  constructor(
    private readonly codeHits: HitsByFile,
    private readonly index: Pick<MatchIndex, "contentTokens">,
    private readonly parameters: FingerprintParameters,
  ) {}

  /** The code channel's scope: which contents are held whole, and which of their candidates are. */
  codeScope(): WholeScope {
    return {
      foundWhole: (contentId) => this.foundWhole(contentId),
      keepWhole: (candidate) => spansWholeContent(candidate, this.index.contentTokens(candidate.contentId)),
    };
  }

  /** The text channel's scope: contents whose whole was found by code, for text near those regions. */
  textScope(codeMatches: readonly Match[]): WholeScope {
    const regions = new Map<number, (readonly [number, number])[]>();
    for (const match of codeMatches) {
      if (this.whole.get(match.contentId) !== true) continue;
      let list = regions.get(match.contentId);
      if (!list) regions.set(match.contentId, (list = []));
      list.push(match.queryLines);
    }
    return {
      foundWhole: (contentId) => regions.has(contentId),
      keepWhole: (candidate, lines) => regions.get(candidate.contentId)!.some((region) => near(region, lines, WHOLE_TEXT_GAP_LINES)),
    };
  }

  private foundWhole(contentId: number): boolean {
    let known = this.whole.get(contentId);
    if (known === undefined) {
      const hits = this.codeHits.get(contentId);
      known = hits !== undefined && spansContent(hits, this.index.contentTokens(contentId), this.parameters);
      this.whole.set(contentId, known);
    }
    return known;
  }
}
