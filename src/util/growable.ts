import { writeVarint } from "./varint.js";

type NumberArray = Uint8Array | Uint16Array | Int32Array | Uint32Array;

/**
 * `array`, or a larger copy of it when it holds fewer than `size` elements: the one way reftrack
 * grows a typed array (doubling, so appends cost amortized constant time).
 */
export function reserve<T extends NumberArray>(array: T, size: number): T {
  if (size <= array.length) return array;
  const grown = new (array.constructor as new (length: number) => T)(Math.max(size, array.length * 2, 16));
  grown.set(array);
  return grown;
}

/** An append-only list of numbers in a typed array, grown by doubling. */
export class Growable<T extends NumberArray> {
  private array: T;
  length = 0;

  constructor(make: new (length: number) => T, capacity = 1024) {
    this.array = new make(capacity);
  }

  push(value: number): void {
    if (this.length === this.array.length) this.array = reserve(this.array, this.length + 1);
    this.array[this.length++] = value;
  }

  /** The values pushed so far, without a copy: valid until the next push or clear. */
  view(): T {
    return this.array.subarray(0, this.length) as T;
  }

  clear(): void {
    this.length = 0;
  }
}

/** Bytes written one varint at a time (token-chunk parts, their headers). */
export class ByteWriter extends Growable<Uint8Array> {
  private readonly scratch = new Uint8Array(10);

  constructor(capacity = 64) {
    super(Uint8Array, capacity);
  }

  varint(value: number): void {
    const end = writeVarint(this.scratch, 0, value);
    for (let i = 0; i < end; i++) this.push(this.scratch[i]!);
  }
}
