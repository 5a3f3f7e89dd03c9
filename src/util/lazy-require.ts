import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * A CommonJS dependency loaded on its first use: a scan that prints no SPDX document and applies
 * no policy does not pay the tens of milliseconds the SPDX packages take to load.
 */
export function lazyRequire<T>(specifier: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(specifier) as T);
}
