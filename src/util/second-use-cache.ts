import { BoundedMap } from "./bounded-map.js";

/**
 * A bounded cache that keeps a value only when its key is asked for a second time while still
 * remembered (the "doorkeeper" of TinyLFU admission). Most contents a query reports are never
 * asked about again; cached at first sight, their values lived long enough to be copied by the
 * young-generation collector and promoted, pauses that landed in later queries. A key seen once is
 * remembered alone, with no value (a small integer key is no heap object at all).
 */
export class SecondUseCache<K, V> {
  private readonly kept: BoundedMap<K, V>;
  private readonly seen: BoundedMap<K, true>;

  constructor(capacity: number) {
    this.kept = new BoundedMap(capacity);
    this.seen = new BoundedMap(capacity);
  }

  get size(): number {
    return this.kept.size;
  }

  get(key: K): V | undefined {
    return this.kept.get(key);
  }

  /** A value just read for `key`: kept if the key was offered before and is still remembered. */
  offer(key: K, value: V): void {
    if (this.seen.get(key)) this.kept.set(key, value);
    else this.seen.set(key, true);
  }

  clear(): void {
    this.kept.clear();
    this.seen.clear();
  }
}
