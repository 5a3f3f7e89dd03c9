import { reserve } from "../util/growable.js";
import { NAME_TALLY_SLOTS } from "./evidence.js";

/**
 * Arrays a query's matching reuses instead of allocating: the garbage collector's pauses land in
 * whichever query is running, so the hot path allocates little. Owned by one Matcher, which serves
 * one query at a time (matching is synchronous); views into these arrays are valid until the next
 * query on that Matcher.
 */
export class MatchScratch {
  /** The matched k-grams of the candidate being judged. */
  kgrams = new Int32Array(256);
  /** The name comparison's pair keys, both ways round. */
  namePairsByQuery = new Uint32Array(256);
  namePairsBySource = new Uint32Array(256);
  /** compareNames's running counts (evidence.ts NAME_TALLY_SLOTS). */
  readonly nameTally = new Int32Array(NAME_TALLY_SLOTS);
  /** The query tables' arrays (query-tables.ts). */
  signatures = new Uint8Array(256);
  charsBefore = new Int32Array(256);
  namesCouldAddBefore = new Int32Array(256);
  nameKinds = new Uint8Array(256);
  literalsBefore = new Int32Array(256);
  /** Which query tokens one content's segments cover (bridges.ts). */
  covered = new Uint8Array(256);

  /** Makes room for a query of `tokens` tokens in the query tables. */
  reserveQuery(tokens: number): void {
    this.signatures = reserve(this.signatures, tokens);
    this.charsBefore = reserve(this.charsBefore, tokens + 1);
    this.namesCouldAddBefore = reserve(this.namesCouldAddBefore, tokens + 1);
    this.nameKinds = reserve(this.nameKinds, tokens);
    this.literalsBefore = reserve(this.literalsBefore, tokens + 1);
    this.covered = reserve(this.covered, tokens);
  }
}
