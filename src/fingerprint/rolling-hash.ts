/**
 * The k-gram hash: a polynomial rolling hash over token hashes, mod 2^32 (Karp–Rabin). The
 * multiplier is odd so the map is invertible; the murmur3 finalizer then spreads the weak low bits
 * before winnowing picks minima, which it must do uniformly for the density guarantee to hold.
 */
export const ROLLING_BASE = 0x01000193;

export function mix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
