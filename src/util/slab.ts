import { SLAB_BYTES, SLAB_LARGEST_SHARE } from "../options.js";

/**
 * Memory for a query's short-lived typed arrays, carved from shared slabs. Each ArrayBuffer V8
 * allocates outside its heap costs about as much as lexing twenty tokens, and a query makes a dozen;
 * a view on a slab costs a tenth of that. Slabs are never reused: a view is zeroed as a fresh array
 * is, and a slab is freed by the collector when no view of it is left.
 */
let slab = new ArrayBuffer(SLAB_BYTES);
let used = 0;

/** `bytes` of zeroed memory, 8-byte aligned: a slab's, or a buffer of its own when large. */
export function slabMemory(bytes: number): { readonly buffer: ArrayBuffer; readonly offset: number } {
  // A large request would waste most of a slab and keep it alive as long as the array lives.
  if (bytes > SLAB_BYTES * SLAB_LARGEST_SHARE) return { buffer: new ArrayBuffer(bytes), offset: 0 };
  if (used + bytes > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    used = 0;
  }
  const offset = used;
  used += (bytes + 7) & ~7;
  return { buffer: slab, offset };
}

export function slabInt32(length: number): Int32Array {
  const { buffer, offset } = slabMemory(length * 4);
  return new Int32Array(buffer, offset, length);
}

export function slabUint32(length: number): Uint32Array {
  const { buffer, offset } = slabMemory(length * 4);
  return new Uint32Array(buffer, offset, length);
}

export function slabUint16(length: number): Uint16Array {
  const { buffer, offset } = slabMemory(length * 2);
  return new Uint16Array(buffer, offset, length);
}

export function slabUint8(length: number): Uint8Array {
  const { buffer, offset } = slabMemory(length);
  return new Uint8Array(buffer, offset, length);
}

export function slabFloat64(length: number): Float64Array {
  const { buffer, offset } = slabMemory(length * 8);
  return new Float64Array(buffer, offset, length);
}
