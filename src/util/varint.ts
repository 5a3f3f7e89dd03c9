import { ReftrackError } from "../errors.js";

/**
 * Unsigned LEB128 varints, the one encoding of variable-length numbers in the index (posting
 * lists, token chunks). Values are at most 2^53: encoded with divisions, not 32-bit shifts.
 */

export function varintLength(value: number): number {
  let length = 1;
  while (value >= 128) {
    value = Math.floor(value / 128);
    length++;
  }
  return length;
}

/** Writes `value` at `into[at]`; returns the offset past it. `into` must have room (varintLength). */
export function writeVarint(into: Uint8Array, at: number, value: number): number {
  while (value >= 128) {
    into[at++] = (value & 127) | 128;
    value = Math.floor(value / 128);
  }
  into[at++] = value;
  return at;
}

/**
 * Reads varints from a stored blob. A blob that ends inside a number is damage, never data: the
 * reader throws the caller's one-line message rather than invent a value.
 */
export class ByteReader {
  constructor(
    readonly data: Uint8Array,
    /** The message of the ReftrackError thrown when a number runs past its end. */
    private readonly damage: string,
    /** Offset of the next byte to read. */
    public at = 0,
  ) {}

  /** The error for a blob that is not what it should be. */
  damaged(): ReftrackError {
    return new ReftrackError(this.damage);
  }

  /** The varint at `at`, which must end before `end`; moves `at` past it. */
  varint(end = this.data.length): number {
    const data = this.data;
    if (this.at >= end) throw this.damaged();
    let byte = data[this.at++]!;
    let value = byte & 127;
    for (let scale = 128; byte >= 128; scale *= 128) {
      if (this.at >= end) throw this.damaged();
      byte = data[this.at++]!;
      value += (byte & 127) * scale;
    }
    return value;
  }
}
