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
  /**
   * The hasher of one language family (LanguageDefinition's lexicon dialect): the same token text
   * hashes differently in another family, so `a.b = c.d` in Python never shares a k-gram, or a
   * reference, with the same shape in JavaScript. TypeScript, TSX and JavaScript are one family.
   */
  forFamily(family: string): TokenHasher;
}

let loading: Promise<TokenHasher> | undefined;

/** xxhash-wasm needs an async instantiate; everything after it is synchronous. */
export function loadTokenHasher(): Promise<TokenHasher> {
  loading ??= xxhash().then((api) => {
    const families = new Map<string, TokenHasher>();
    const make = (seed: number): TokenHasher => {
      const cache = new Map<string, number>();
      const hasher: TokenHasher = {
        hashToken(text: string): number {
          let hash = cache.get(text);
          if (hash === undefined) {
            hash = api.h32(text, seed) >>> 0;
            cache.set(text, hash);
          }
          return hash;
        },
        hashContent(text: string): string {
          return api.h64ToString(text);
        },
        forFamily(family: string): TokenHasher {
          let familyHasher = families.get(family);
          if (!familyHasher) {
            familyHasher = make((TOKEN_HASH_SEED ^ api.h32(family, TOKEN_HASH_SEED)) >>> 0);
            families.set(family, familyHasher);
          }
          return familyHasher;
        },
      };
      return hasher;
    };
    return make(TOKEN_HASH_SEED);
  });
  return loading;
}
