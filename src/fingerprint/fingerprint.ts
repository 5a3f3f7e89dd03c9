import { DEFAULT_FINGERPRINT_PARAMETERS, type FingerprintParameters } from "../options.js";
import type { TokenStream } from "../normalize/token-stream.js";
import { DataChannels } from "./data-channel.js";
import { type Fingerprints, kgramHashes, winnow } from "./winnow.js";

export type { Fingerprints };

/**
 * Bumped whenever the fingerprints of the same token stream can change (hashing, winnowing, the
 * data channels). Stored in every index: an index with other fingerprints is refused, since a
 * query would silently miss what it holds.
 */
export const FINGERPRINT_VERSION = 5;

/**
 * Fingerprints token streams with one set of parameters. Holds the data channels' scratch table,
 * so each thread that fingerprints (a tracker, a screen, an indexing worker) owns one and never
 * shares it: calls are synchronous and never interleave on one instance.
 */
export class Fingerprinter {
  private readonly channels = new DataChannels();

  constructor(readonly parameters: FingerprintParameters = DEFAULT_FINGERPRINT_PARAMETERS) {}

  /**
   * The fingerprints of a token stream: winnowed abstract k-grams (the shape), plus, over its
   * repetitive stretches, the data channels' (data-channel.ts), in position order.
   */
  fingerprint(tokens: TokenStream): Fingerprints {
    const shape = winnow(kgramHashes(tokens, this.parameters.kgramTokens), this.parameters.windowKgrams);
    return this.channels.addTo(shape, tokens, this.parameters);
  }
}
