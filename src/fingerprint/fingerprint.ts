import { DEFAULT_FINGERPRINT_PARAMETERS, type FingerprintParameters, TEXT_KGRAM_WORDS, TEXT_WINDOW_KGRAMS } from "../options.js";
import type { TokenStream } from "../normalize/token-stream.js";
import { DataChannels } from "./data-channel.js";
import { mix32 } from "./rolling-hash.js";
import { type Fingerprints, kgramHashes, winnow, winnowQuery } from "./winnow.js";

export type { Fingerprints };

/**
 * Bumped whenever the fingerprints of the same token stream can change (hashing, winnowing, the
 * data channels). Stored in every index: an index with other fingerprints is refused, since a
 * query would silently miss what it holds.
 */
export const FINGERPRINT_VERSION = 9;

/** Text fingerprints are salted so they never equal a code fingerprint of the same token hashes. */
const TEXT_SALT = 0x7e57_7e57;

/**
 * The fingerprints of a text stream (normalize/text.ts): winnowed k-grams of words, salted apart
 * from code's. Prose is compared as written, so no data channels. `withEnds`: a short query's
 * second look, with every k-gram at its ends too (winnowQuery).
 */
export function textFingerprints(text: TokenStream, withEnds = false): Fingerprints {
  const kgrams = kgramHashes(text, TEXT_KGRAM_WORDS);
  const prints = withEnds ? winnowQuery(kgrams, TEXT_WINDOW_KGRAMS) : winnow(kgrams, TEXT_WINDOW_KGRAMS);
  for (let i = 0; i < prints.count; i++) prints.hashes[i] = mix32(prints.hashes[i]! ^ TEXT_SALT);
  // Prose is compared as written, every region verbatim: its edge k-grams count like any seed.
  return { kgrams: prints.kgrams, count: prints.count, hashes: prints.hashes, positions: prints.positions };
}

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
   * repetitive stretches, the data channels' (data-channel.ts), in position order. `withEnds`: a
   * short query's second look, with every k-gram at its ends too (winnowQuery).
   */
  fingerprint(tokens: TokenStream, withEnds = false): Fingerprints {
    const kgrams = kgramHashes(tokens, this.parameters.kgramTokens);
    if (!withEnds) return this.channels.addTo(winnow(kgrams, this.parameters.windowKgrams), tokens, this.parameters);
    const shape = winnowQuery(kgrams, this.parameters.windowKgrams);
    return { ...this.channels.addTo(shape, tokens, this.parameters), edgeOnly: shape.edgeOnly };
  }
}
