import type { TokenStream } from "../normalize/token-stream.js";
import { MAX_TOKEN_CHARS } from "../options.js";
import { tokenSignature } from "./match-index.js";
import type { MatchScratch } from "./scratch.js";

/** What a query's name tokens are (QueryTables.nameKinds); 0 for tokens without a name. */
export const IDENTIFIER = 1;
export const LITERAL = 2;
export const KEPT_LITERAL = 3;

/**
 * Figures of the query's tokens that alignment reads for every chain and candidate, computed once
 * per query. Repetitive code makes hundreds of chains per file, and summing each one's tokens
 * again was the slowest part of chaining; as prefix sums, a span's figure is two reads.
 */
export interface QueryTables {
  /** Each token's signature, as the index keeps them: what extension compares. */
  readonly signatures: Uint8Array;
  /** Normalized characters of tokens 0…i-1 (charWeights summed). */
  readonly charsBefore: Int32Array;
  /** The same for what indexed names could add to them (MAX_TOKEN_CHARS less each name's weight). */
  readonly namesCouldAddBefore: Int32Array;
  /** IDENTIFIER, LITERAL or KEPT_LITERAL for tokens with a name (TokenStream.names), else 0. */
  readonly nameKinds: Uint8Array;
  /** Literals among tokens 0…i-1. */
  readonly literalsBefore: Int32Array;
}

/** The query's tables, as views into `scratch` (valid until its next query). */
export function queryTables(query: TokenStream, scratch: MatchScratch): QueryTables {
  scratch.reserveQuery(query.count);
  const { signatures, charsBefore, namesCouldAddBefore, nameKinds, literalsBefore } = scratch;
  charsBefore[0] = 0;
  namesCouldAddBefore[0] = 0;
  literalsBefore[0] = 0;
  for (let t = 0; t < query.count; t++) {
    const weight = query.charWeights[t]!;
    const named = query.names[t] !== 0;
    charsBefore[t + 1] = charsBefore[t]! + weight;
    namesCouldAddBefore[t + 1] = namesCouldAddBefore[t]! + (named ? MAX_TOKEN_CHARS - weight : 0);
    const hash = query.hashes[t]!;
    signatures[t] = tokenSignature(hash);
    nameKinds[t] = !named
      ? 0
      : !query.literalClasses.includes(hash)
        ? IDENTIFIER
        : query.keptLiteralClasses.includes(hash)
          ? KEPT_LITERAL
          : LITERAL;
    literalsBefore[t + 1] = literalsBefore[t]! + (nameKinds[t]! >= LITERAL ? 1 : 0);
  }
  return {
    signatures: signatures.subarray(0, query.count),
    charsBefore: charsBefore.subarray(0, query.count + 1),
    namesCouldAddBefore: namesCouldAddBefore.subarray(0, query.count + 1),
    nameKinds: nameKinds.subarray(0, query.count),
    literalsBefore: literalsBefore.subarray(0, query.count + 1),
  };
}
