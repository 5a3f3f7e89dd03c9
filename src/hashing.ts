import xxhash from "xxhash-wasm";

/**
 * Seed for token hashes. Changing it changes every fingerprint, so it is part of the normalizer
 * version stored in each index.
 */
const TOKEN_HASH_SEED = 0x7265_6674; // "reft"

export interface TokenHasher {
  /** xxh32 of a normalized token's text, cached: a language has a few hundred distinct tokens. */
  hashToken(text: string): number;
  /** xxh64 of whole file contents as hex, for change detection and dedup. */
  hashContent(text: string): string;
}

let loading: Promise<TokenHasher> | undefined;

/** xxhash-wasm needs an async instantiate; everything after it is synchronous. */
export function loadTokenHasher(): Promise<TokenHasher> {
  loading ??= xxhash().then((api) => {
    const cache = new Map<string, number>();
    return {
      hashToken(text: string): number {
        let hash = cache.get(text);
        if (hash === undefined) {
          hash = api.h32(text, TOKEN_HASH_SEED) >>> 0;
          cache.set(text, hash);
        }
        return hash;
      },
      hashContent(text: string): string {
        return api.h64ToString(text);
      },
    };
  });
  return loading;
}
