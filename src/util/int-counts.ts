import { slabInt32 } from "./slab.js";

/**
 * A number per non-negative integer key (a content's seeds, its hits), in open addressing over slab
 * memory, sized for the keys expected: a query's lookup counts hundreds of contents, and a Map
 * grown to them was most of what the lookup stage allocated on the collected heap.
 */
export class IntCounts {
  /** Key + 1 per slot (0: empty), the slot's value beside it. */
  private keys: Int32Array;
  private values: Int32Array;
  private shift: number;
  size = 0;

  constructor(expectedKeys: number) {
    let bits = 4;
    while (1 << bits < 2 * expectedKeys) bits++;
    this.keys = slabInt32(1 << bits);
    this.values = slabInt32(1 << bits);
    this.shift = 32 - bits;
  }

  /** The key's value, or undefined when it was never set. */
  get(key: number): number | undefined {
    const slot = this.slotOf(key);
    return this.keys[slot] === 0 ? undefined : this.values[slot];
  }

  set(key: number, value: number): void {
    // The slot first: taking it may grow the table, and with it replace `values`.
    const slot = this.slotFor(key);
    this.values[slot] = value;
  }

  /** Adds `delta` to the key's value (0 when never set). */
  add(key: number, delta: number): void {
    const slot = this.slotFor(key);
    this.values[slot]! += delta;
  }

  /** Every key set and its value, in no particular order. */
  forEach(visit: (value: number, key: number) => void): void {
    for (let slot = 0; slot < this.keys.length; slot++) if (this.keys[slot] !== 0) visit(this.values[slot]!, this.keys[slot]! - 1);
  }

  /** The slot holding `key`, taken for it (its value 0) when it was not set. */
  private slotFor(key: number): number {
    let slot = this.slotOf(key);
    if (this.keys[slot] !== 0) return slot;
    // More keys than expected: kept at most half full, so a probe ends soon.
    if (2 * (this.size + 1) > this.keys.length) {
      this.grow();
      slot = this.slotOf(key);
    }
    this.keys[slot] = key + 1;
    this.values[slot] = 0;
    this.size++;
    return slot;
  }

  /** The slot holding `key`, or the empty one it would take: linear probing from its Fibonacci hash. */
  private slotOf(key: number): number {
    const mask = this.keys.length - 1;
    let slot = (Math.imul(key + 1, 0x9e3779b1) >>> this.shift) & mask;
    while (this.keys[slot] !== 0 && this.keys[slot] !== key + 1) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = slabInt32(keys.length * 2);
    this.values = slabInt32(keys.length * 2);
    this.shift--;
    for (let slot = 0; slot < keys.length; slot++) {
      if (keys[slot] === 0) continue;
      const at = this.slotOf(keys[slot]! - 1);
      this.keys[at] = keys[slot]!;
      this.values[at] = values[slot]!;
    }
  }
}
